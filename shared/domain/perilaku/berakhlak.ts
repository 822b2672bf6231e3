// Perilaku kerja: the 7 BerAKHLAK core values and their 3 behaviour guides each (SE MenPANRB 20/2021;
// domain.md §2.5). The same for every employee; master data that users cannot edit.

export interface CoreValue {
  kode: string;
  nama: string;
  indikator: readonly [string, string, string];
}

export const berakhlak: readonly CoreValue[] = [
  {
    kode: 'BERORIENTASI_PELAYANAN',
    nama: 'Berorientasi Pelayanan',
    indikator: [
      'Memahami dan memenuhi kebutuhan masyarakat',
      'Ramah, cekatan, solutif, dan dapat diandalkan',
      'Melakukan perbaikan tiada henti',
    ],
  },
  {
    kode: 'AKUNTABEL',
    nama: 'Akuntabel',
    indikator: [
      'Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi',
      'Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien',
      'Tidak menyalahgunakan kewenangan jabatan',
    ],
  },
  {
    kode: 'KOMPETEN',
    nama: 'Kompeten',
    indikator: [
      'Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah',
      'Membantu orang lain belajar',
      'Melaksanakan tugas dengan kualitas terbaik',
    ],
  },
  {
    kode: 'HARMONIS',
    nama: 'Harmonis',
    indikator: [
      'Menghargai setiap orang apapun latar belakangnya',
      'Suka menolong orang lain',
      'Membangun lingkungan kerja yang kondusif',
    ],
  },
  {
    kode: 'LOYAL',
    nama: 'Loyal',
    indikator: [
      'Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah',
      'Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara',
      'Menjaga rahasia jabatan dan negara',
    ],
  },
  {
    kode: 'ADAPTIF',
    nama: 'Adaptif',
    indikator: [
      'Cepat menyesuaikan diri menghadapi perubahan',
      'Terus berinovasi dan mengembangkan kreativitas',
      'Bertindak proaktif',
    ],
  },
  {
    kode: 'KOLABORATIF',
    nama: 'Kolaboratif',
    indikator: [
      'Memberi kesempatan kepada berbagai pihak untuk berkontribusi',
      'Terbuka dalam bekerja sama untuk menghasilkan nilai tambah',
      'Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama',
    ],
  },
];

export type CoreValueKode = (typeof berakhlak)[number]['kode'];
