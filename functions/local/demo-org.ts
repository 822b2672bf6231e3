// The demo organisation: real Kemensetneg unit names (domain.md §7) with fictitious people and NIPs.

import type { JenisJabatan, JenjangFungsional, UnitLevel } from '../../shared/domain/org/types.ts';

export interface DemoUnit {
  kode: string;
  nama: string;
  level: UnitLevel;
  parent: string | null;
  /** The leading position of the unit and its jenis. */
  head: { nama: string; jenis: JenisJabatan };
  /** Staff positions (job titles) and how many people hold each. */
  staff?: { nama: string; jenis: JenisJabatan; jenjang?: JenjangFungsional; count: number; pppk?: boolean }[];
}

const analis = (count: number, jenjang: JenjangFungsional = 'AHLI_MUDA') => ({
  nama: `Analis SDM Aparatur ${jenjangLabel[jenjang]}`,
  jenis: 'FUNGSIONAL' as const,
  jenjang,
  count,
});
const pelaksana = (count: number, pppk = false) => ({
  nama: pppk ? 'Operator Layanan Operasional' : 'Pengolah Data dan Informasi',
  jenis: 'PELAKSANA' as const,
  count,
  pppk,
});
const fungsional = (nama: string, jenjang: JenjangFungsional, count: number) => ({
  nama: `${nama} ${jenjangLabel[jenjang]}`,
  jenis: 'FUNGSIONAL' as const,
  jenjang,
  count,
});

export const jenjangLabel: Record<JenjangFungsional, string> = {
  AHLI_UTAMA: 'Ahli Utama',
  AHLI_MADYA: 'Ahli Madya',
  AHLI_MUDA: 'Ahli Muda',
  AHLI_PERTAMA: 'Ahli Pertama',
  PENYELIA: 'Penyelia',
  MAHIR: 'Mahir',
  TERAMPIL: 'Terampil',
  PEMULA: 'Pemula',
};

const madya = (nama: string) => ({ nama, jenis: 'JPT_MADYA' as const });
const pratama = (nama: string) => ({ nama, jenis: 'JPT_PRATAMA' as const });

export const demoUnits: DemoUnit[] = [
  {
    kode: 'KSN',
    nama: 'Kementerian Sekretariat Negara',
    level: 'KEMENTERIAN',
    parent: null,
    head: { nama: 'Menteri Sekretaris Negara', jenis: 'PEJABAT_NEGARA' },
  },
  {
    kode: 'SESMEN',
    nama: 'Sekretariat Kementerian',
    level: 'ESELON_I',
    parent: 'KSN',
    head: madya('Sekretaris Kementerian'),
  },
  {
    kode: 'SESMEN.INSP',
    nama: 'Inspektorat',
    level: 'ESELON_II',
    parent: 'SESMEN',
    head: pratama('Inspektur'),
    staff: [fungsional('Auditor', 'AHLI_MUDA', 2), fungsional('Auditor', 'AHLI_PERTAMA', 1)],
  },
  {
    kode: 'SESMEN.PUSDIKLAT',
    nama: 'Pusat Pendidikan dan Pelatihan',
    level: 'ESELON_II',
    parent: 'SESMEN',
    head: pratama('Kepala Pusat Pendidikan dan Pelatihan'),
    staff: [fungsional('Widyaiswara', 'AHLI_MADYA', 1), pelaksana(1)],
  },
  {
    kode: 'SESMEN.PUSBINTER',
    nama: 'Pusat Pembinaan Penerjemah',
    level: 'ESELON_II',
    parent: 'SESMEN',
    head: pratama('Kepala Pusat Pembinaan Penerjemah'),
    staff: [fungsional('Penerjemah', 'AHLI_MUDA', 2), fungsional('Penerjemah', 'AHLI_PERTAMA', 1)],
  },
  {
    kode: 'SESMEN.PUSBINAKS',
    nama: 'Pusat Pembinaan Analis Kerja Sama',
    level: 'ESELON_II',
    parent: 'SESMEN',
    head: pratama('Kepala Pusat Pembinaan Analis Kerja Sama'),
    staff: [fungsional('Analis Kerja Sama', 'AHLI_MUDA', 2)],
  },
  {
    kode: 'SETPRES',
    nama: 'Sekretariat Presiden',
    level: 'ESELON_I',
    parent: 'KSN',
    head: madya('Kepala Sekretariat Presiden'),
  },
  {
    kode: 'SETPRES.BPMI',
    nama: 'Biro Pers, Media, dan Informasi',
    level: 'ESELON_II',
    parent: 'SETPRES',
    head: pratama('Kepala Biro Pers, Media, dan Informasi'),
    staff: [fungsional('Pranata Humas', 'AHLI_MUDA', 2), fungsional('Pranata Komputer', 'AHLI_PERTAMA', 1)],
  },
  {
    kode: 'SETWAPRES',
    nama: 'Sekretariat Wakil Presiden',
    level: 'ESELON_I',
    parent: 'KSN',
    head: madya('Sekretaris Wakil Presiden'),
  },
  {
    kode: 'SETWAPRES.BPK',
    nama: 'Biro Perencanaan dan Keuangan',
    level: 'ESELON_II',
    parent: 'SETWAPRES',
    head: pratama('Kepala Biro Perencanaan dan Keuangan'),
    staff: [fungsional('Analis Anggaran', 'AHLI_MUDA', 2), pelaksana(1)],
  },
  {
    kode: 'SETWAPRES.BU',
    nama: 'Biro Umum',
    level: 'ESELON_II',
    parent: 'SETWAPRES',
    head: pratama('Kepala Biro Umum'),
    staff: [pelaksana(2), pelaksana(2, true)],
  },
  {
    kode: 'SETMILPRES',
    nama: 'Sekretariat Militer Presiden',
    level: 'ESELON_I',
    parent: 'KSN',
    head: madya('Sekretaris Militer Presiden'),
    staff: [pelaksana(1)],
  },
  {
    kode: 'DEP.PUU',
    nama: 'Deputi Bidang Perundang-undangan dan Administrasi Hukum',
    level: 'ESELON_I',
    parent: 'KSN',
    head: madya('Deputi Bidang Perundang-undangan dan Administrasi Hukum'),
    staff: [fungsional('Perancang Peraturan Perundang-undangan', 'AHLI_MADYA', 2)],
  },
  {
    kode: 'DEP.HKK',
    nama: 'Deputi Bidang Hubungan Kelembagaan dan Kemasyarakatan',
    level: 'ESELON_I',
    parent: 'KSN',
    head: madya('Deputi Bidang Hubungan Kelembagaan dan Kemasyarakatan'),
    staff: [fungsional('Analis Kebijakan', 'AHLI_MUDA', 2)],
  },
  {
    kode: 'DEP.AA',
    nama: 'Deputi Bidang Administrasi Aparatur',
    level: 'ESELON_I',
    parent: 'KSN',
    head: madya('Deputi Bidang Administrasi Aparatur'),
  },
  {
    kode: 'DEP.AA.SDM',
    nama: 'Biro Sumber Daya Manusia',
    level: 'ESELON_II',
    parent: 'DEP.AA',
    head: pratama('Kepala Biro Sumber Daya Manusia'),
    staff: [fungsional('Asesor SDM Aparatur', 'AHLI_MADYA', 1)],
  },
  {
    kode: 'DEP.AA.SDM.PIK',
    nama: 'Bagian Perencanaan, Informasi, dan Kinerja SDM',
    level: 'ESELON_III',
    parent: 'DEP.AA.SDM',
    head: { nama: 'Kepala Bagian Perencanaan, Informasi, dan Kinerja SDM', jenis: 'ADMINISTRATOR' },
    staff: [analis(1, 'AHLI_MADYA'), analis(2), fungsional('Pranata Komputer', 'AHLI_MUDA', 1)],
  },
  {
    kode: 'DEP.AA.SDM.PIK.KIN',
    nama: 'Subbagian Kinerja SDM',
    level: 'ESELON_IV',
    parent: 'DEP.AA.SDM.PIK',
    head: { nama: 'Kepala Subbagian Kinerja SDM', jenis: 'PENGAWAS' },
    staff: [analis(2, 'AHLI_PERTAMA'), pelaksana(2), pelaksana(1, true)],
  },
  {
    kode: 'DEP.AA.SDM.PKS',
    nama: 'Bagian Pengembangan Kompetensi SDM',
    level: 'ESELON_III',
    parent: 'DEP.AA.SDM',
    head: { nama: 'Kepala Bagian Pengembangan Kompetensi SDM', jenis: 'ADMINISTRATOR' },
    staff: [analis(2), fungsional('Pranata Komputer', 'TERAMPIL', 1)],
  },
  {
    kode: 'SDK',
    nama: 'Sekretariat Dukungan Kabinet',
    level: 'ESELON_I',
    parent: 'KSN',
    // The demo's one JPT Utama post (a fictitious grading: the level exists but is rare, domain.md §4).
    head: { nama: 'Kepala Sekretariat Dukungan Kabinet', jenis: 'JPT_UTAMA' },
    staff: [
      fungsional('Analis Kebijakan', 'AHLI_MADYA', 1),
      fungsional('Analis Kebijakan', 'AHLI_PERTAMA', 1),
    ],
  },
  {
    kode: 'SKKP',
    nama: 'Sekretariat Kantor Komunikasi Kepresidenan',
    level: 'ESELON_I',
    parent: 'KSN',
    head: madya('Kepala Sekretariat Kantor Komunikasi Kepresidenan'),
    staff: [fungsional('Pranata Humas', 'AHLI_PERTAMA', 2), pelaksana(1, true)],
  },
  {
    kode: 'SDEN',
    nama: 'Sekretariat Dewan Ekonomi Nasional',
    level: 'ESELON_I',
    parent: 'KSN',
    head: madya('Kepala Sekretariat Dewan Ekonomi Nasional'),
    staff: [fungsional('Analis Kebijakan', 'AHLI_MUDA', 2)],
  },
];

/** Named demo sign-ins (the first person created in each of these positions gets this email). */
export const demoAccounts = [
  {
    email: 'admin@piawai.test',
    peran: 'Admin SDM (pengelola kinerja)',
    nama: 'Rina Kartikasari',
    unit: 'DEP.AA.SDM.PIK',
    position: 'Analis SDM Aparatur Ahli Madya',
  },
  {
    email: 'penilai@piawai.test',
    peran: 'Pejabat penilai',
    nama: 'Hendra Wijayakusuma',
    unit: 'DEP.AA.SDM.PIK.KIN',
    position: 'Kepala Subbagian Kinerja SDM',
  },
  {
    email: 'pegawai@piawai.test',
    peran: 'Pegawai',
    nama: 'Sari Puspitasari',
    unit: 'DEP.AA.SDM.PIK.KIN',
    position: 'Analis SDM Aparatur Ahli Pertama',
  },
  {
    email: 'menteri@piawai.test',
    peran: 'Menteri (puncak rantai penilai)',
    nama: 'Menteri Sekretaris Negara (Demo)',
    unit: 'KSN',
    position: 'Menteri Sekretaris Negara',
  },
] as const;

export const firstNames = [
  'Agus',
  'Ahmad',
  'Andi',
  'Bayu',
  'Budi',
  'Citra',
  'Dedi',
  'Dewi',
  'Dian',
  'Eka',
  'Fajar',
  'Fitri',
  'Gita',
  'Hadi',
  'Indah',
  'Intan',
  'Joko',
  'Kartika',
  'Lestari',
  'Made',
  'Nanda',
  'Novi',
  'Putri',
  'Rahmat',
  'Ratna',
  'Rizki',
  'Sinta',
  'Teguh',
  'Utami',
  'Wahyu',
  'Wulan',
  'Yoga',
  'Yuni',
  'Zahra',
];
export const lastNames = [
  'Pratama',
  'Saputra',
  'Wibowo',
  'Hidayat',
  'Kusuma',
  'Nugroho',
  'Permana',
  'Setiawan',
  'Siregar',
  'Lubis',
  'Simanjuntak',
  'Harahap',
  'Wijaya',
  'Gunawan',
  'Rahayu',
  'Anggraini',
  'Purnamasari',
  'Utomo',
  'Hakim',
  'Nasution',
  'Sitompul',
  'Tanjung',
  'Rangkuti',
  'Manurung',
  'Wardhana',
  'Syahputra',
];
