// Ratings, the employee's predikat from the 3×3 matrix, and the organisation's predikat (domain.md §3.1–3.3).

/** Rating Hasil Kerja and Rating Perilaku Kerja share one 3-level scale (PermenPANRB 6/2022), best first. */
export const ratingLevels = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] as const;
export type Rating = (typeof ratingLevels)[number];

export const ratingLabels: Readonly<Record<Rating, string>> = {
  DI_ATAS: 'Di Atas Ekspektasi',
  SESUAI: 'Sesuai Ekspektasi',
  DI_BAWAH: 'Di Bawah Ekspektasi',
};

/** Predikat Kinerja Pegawai, best first (the order the distribution curve is drawn in). */
export const predikatPegawai = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type PredikatPegawai = (typeof predikatPegawai)[number];

export const predikatPegawaiLabels: Readonly<Record<PredikatPegawai, string>> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang/Misconduct',
  SANGAT_KURANG: 'Sangat Kurang',
};

/**
 * PermenPANRB 6/2022, matriks predikat (domain.md §3.2): rows are Rating Hasil Kerja, columns Rating
 * Perilaku Kerja. Poor behaviour with acceptable results is Kurang/Misconduct; poor results with acceptable
 * behaviour is Butuh Perbaikan. Only (Di Atas, Di Atas) reaches Sangat Baik.
 */
export const matriksPredikat: Readonly<Record<Rating, Readonly<Record<Rating, PredikatPegawai>>>> = {
  DI_ATAS: { DI_ATAS: 'SANGAT_BAIK', SESUAI: 'BAIK', DI_BAWAH: 'KURANG' },
  SESUAI: { DI_ATAS: 'BAIK', SESUAI: 'BAIK', DI_BAWAH: 'KURANG' },
  DI_BAWAH: { DI_ATAS: 'BUTUH_PERBAIKAN', SESUAI: 'BUTUH_PERBAIKAN', DI_BAWAH: 'SANGAT_KURANG' },
};

/**
 * The matrix's predikat for a pair of ratings. It is the starting point: the penilai sets the final
 * predikat within the unit's distribution pattern and may adjust it with a justification (domain.md §3.2).
 */
export const predikatFromRatings = (hasil: Rating, perilaku: Rating): PredikatPegawai =>
  matriksPredikat[hasil][perilaku];

/** Predikat / Capaian Kinerja Organisasi (SE MenPANRB 3/2023), best first. */
export const predikatOrganisasi = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
export type PredikatOrganisasi = (typeof predikatOrganisasi)[number];

export const predikatOrganisasiLabels: Readonly<Record<PredikatOrganisasi, string>> = {
  ISTIMEWA: 'Istimewa',
  BAIK: 'Baik',
  // The SE also calls this level "Cukup"; both names are shown so either reading is recognised.
  BUTUH_PERBAIKAN: 'Butuh Perbaikan (Cukup)',
  // The organisation scale has plain "Kurang": misconduct is a trait of people, not of units.
  KURANG: 'Kurang',
  SANGAT_KURANG: 'Sangat Kurang',
};

/**
 * How a unit's 5-level predikat becomes its head's 3-level Rating Hasil Kerja. The sources do not state it
 * (domain.md §3.1, LOW, inference), so this is only the default of a per-period setting.
 */
export const defaultUnitHeadMapping: Readonly<Record<PredikatOrganisasi, Rating>> = {
  ISTIMEWA: 'DI_ATAS',
  BAIK: 'SESUAI',
  BUTUH_PERBAIKAN: 'DI_BAWAH',
  KURANG: 'DI_BAWAH',
  SANGAT_KURANG: 'DI_BAWAH',
};

/**
 * SE MenPANRB 3/2023: the Rating Hasil Kerja of someone who leads an organisation unit is the unit's
 * capaian kinerja organisasi, read through the configured mapping.
 */
export const ratingHasilForUnitHead = (
  org: PredikatOrganisasi,
  mapping: Readonly<Record<PredikatOrganisasi, Rating>> = defaultUnitHeadMapping,
): Rating => mapping[org];
