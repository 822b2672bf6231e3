// Organisation master data: units, positions (jabatan), employees and acting officials (Plt/Plh).

export const unitLevels = ['KEMENTERIAN', 'ESELON_I', 'ESELON_II', 'ESELON_III', 'ESELON_IV'] as const;
export type UnitLevel = (typeof unitLevels)[number];

/** Jenis jabatan; PEJABAT_NEGARA is the Minister, who is not a civil servant and has no NIP. */
export const jenisJabatan = [
  'PEJABAT_NEGARA',
  'JPT_UTAMA',
  'JPT_MADYA',
  'JPT_PRATAMA',
  'ADMINISTRATOR',
  'PENGAWAS',
  'PELAKSANA',
  'FUNGSIONAL',
] as const;
export type JenisJabatan = (typeof jenisJabatan)[number];

export const jenjangFungsional = [
  'AHLI_UTAMA',
  'AHLI_MADYA',
  'AHLI_MUDA',
  'AHLI_PERTAMA',
  'PENYELIA',
  'MAHIR',
  'TERAMPIL',
  'PEMULA',
] as const;
export type JenjangFungsional = (typeof jenjangFungsional)[number];

export const statusKepegawaian = ['PNS', 'PPPK', 'PEJABAT_NEGARA'] as const;
export type StatusKepegawaian = (typeof statusKepegawaian)[number];

export const jenisPenugasan = ['PLT', 'PLH'] as const;
export type JenisPenugasan = (typeof jenisPenugasan)[number];

export interface OrgUnit {
  id: string;
  kode: string;
  nama: string;
  level: UnitLevel;
  parentId: string | null;
  /** The employee holding the unit's leading position, kept in the same transaction as that employee. */
  kepalaId: string | null;
  version: number;
}

export interface Position {
  id: string;
  unitId: string;
  nama: string;
  jenis: JenisJabatan;
  jenjang: JenjangFungsional | null;
  /** True for the one structural position that leads its unit (Kepala Biro, Deputi, Menteri …). */
  memimpinUnit: boolean;
  version: number;
}

export interface Employee {
  id: string;
  nip: string | null;
  nama: string;
  status: StatusKepegawaian;
  pangkatGolongan: string | null;
  email: string;
  unitId: string;
  positionId: string;
  penilaiOverrideId: string | null;
  atasanPenilaiOverrideId: string | null;
  /** HR admin (pengelola kinerja) powers: 'ALL', or the units (and below) this person administers. */
  adminScope: 'ALL' | string[] | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Plt/Plh: an employee acting as head of a unit between two WIB dates (inclusive). */
export interface ActingAssignment {
  id: string;
  employeeId: string;
  unitId: string;
  jenis: JenisPenugasan;
  mulai: string;
  selesai: string;
  version: number;
}

/** Structural positions are single-holder and lead a unit; the rest are shared job titles. */
export const isLeadingJenis = (jenis: JenisJabatan): boolean =>
  jenis === 'PEJABAT_NEGARA' ||
  jenis === 'JPT_UTAMA' ||
  jenis === 'JPT_MADYA' ||
  jenis === 'JPT_PRATAMA' ||
  jenis === 'ADMINISTRATOR' ||
  jenis === 'PENGAWAS';
