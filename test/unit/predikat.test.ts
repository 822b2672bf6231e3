import { describe, expect, it } from 'vitest';
import {
  defaultUnitHeadMapping,
  matriksPredikat,
  type PredikatOrganisasi,
  type PredikatPegawai,
  predikatFromRatings,
  predikatOrganisasi,
  predikatOrganisasiLabels,
  predikatPegawai,
  predikatPegawaiLabels,
  type Rating,
  ratingHasilForUnitHead,
  ratingLabels,
  ratingLevels,
} from '../../shared/domain/evaluation/predikat.ts';

// domain.md §3.2, enumerated: (hasil, perilaku) → predikat, in the document's order.
const matrix: [number, Rating, Rating, PredikatPegawai][] = [
  [1, 'DI_ATAS', 'DI_ATAS', 'SANGAT_BAIK'],
  [2, 'DI_ATAS', 'SESUAI', 'BAIK'],
  [3, 'DI_ATAS', 'DI_BAWAH', 'KURANG'],
  [4, 'SESUAI', 'DI_ATAS', 'BAIK'],
  [5, 'SESUAI', 'SESUAI', 'BAIK'],
  [6, 'SESUAI', 'DI_BAWAH', 'KURANG'],
  [7, 'DI_BAWAH', 'DI_ATAS', 'BUTUH_PERBAIKAN'],
  [8, 'DI_BAWAH', 'SESUAI', 'BUTUH_PERBAIKAN'],
  [9, 'DI_BAWAH', 'DI_BAWAH', 'SANGAT_KURANG'],
];

describe('the 3×3 matrix of Predikat Kinerja Pegawai (PermenPANRB 6/2022)', () => {
  it.each(matrix)('cell %i: hasil %s, perilaku %s → %s', (_, hasil, perilaku, predikat) => {
    expect(predikatFromRatings(hasil, perilaku)).toBe(predikat);
  });

  it('has exactly the 9 cells enumerated, each pair once', () => {
    const pairs = new Set(matrix.map(([, h, p]) => `${h}/${p}`));
    expect(pairs.size).toBe(ratingLevels.length ** 2);
    expect(Object.keys(matriksPredikat)).toEqual([...ratingLevels]);
  });

  it('reaches Sangat Baik only from Di Atas in both ratings', () => {
    const sangatBaik = matrix.filter(([, , , p]) => p === 'SANGAT_BAIK');
    expect(sangatBaik).toEqual([[1, 'DI_ATAS', 'DI_ATAS', 'SANGAT_BAIK']]);
  });
});

describe("a unit head's Rating Hasil Kerja follows the unit's predikat (SE MenPANRB 3/2023)", () => {
  it.each([
    ['ISTIMEWA', 'DI_ATAS'],
    ['BAIK', 'SESUAI'],
    ['BUTUH_PERBAIKAN', 'DI_BAWAH'],
    ['KURANG', 'DI_BAWAH'],
    ['SANGAT_KURANG', 'DI_BAWAH'],
  ] as [PredikatOrganisasi, Rating][])('by default %s → %s', (org, rating) => {
    expect(ratingHasilForUnitHead(org)).toBe(rating);
    expect(defaultUnitHeadMapping[org]).toBe(rating);
  });

  it('uses a configured mapping instead of the default', () => {
    const mapping = { ...defaultUnitHeadMapping, BUTUH_PERBAIKAN: 'SESUAI' } as const;
    expect(ratingHasilForUnitHead('BUTUH_PERBAIKAN', mapping)).toBe('SESUAI');
    expect(ratingHasilForUnitHead('KURANG', mapping)).toBe('DI_BAWAH');
  });
});

describe('labels', () => {
  it.each([
    ['rating', ratingLevels, ratingLabels],
    ['predikat pegawai', predikatPegawai, predikatPegawaiLabels],
    ['predikat organisasi', predikatOrganisasi, predikatOrganisasiLabels],
  ] as const)('every %s value has a label, and no other key', (_, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    for (const value of values) expect((labels as Record<string, string>)[value]?.length).toBeGreaterThan(2);
  });

  it('uses the official wording', () => {
    expect(Object.values(ratingLabels)).toEqual([
      'Di Atas Ekspektasi',
      'Sesuai Ekspektasi',
      'Di Bawah Ekspektasi',
    ]);
    expect(Object.values(predikatPegawaiLabels)).toEqual([
      'Sangat Baik',
      'Baik',
      'Butuh Perbaikan',
      'Kurang/Misconduct',
      'Sangat Kurang',
    ]);
    expect(Object.values(predikatOrganisasiLabels)).toEqual([
      'Istimewa',
      'Baik',
      'Butuh Perbaikan (Cukup)',
      'Kurang',
      'Sangat Kurang',
    ]);
  });
});
