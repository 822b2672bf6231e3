// The demo sign-ins of the seed (functions/local/demo-org.ts) that the e2e tests act as.

/** Rina Kartikasari, admin SDM (pengelola kinerja). */
export const ADMIN = 'admin@piawai.test';
/** Hendra Wijayakusuma, Kepala Subbagian Kinerja SDM: Sari's penilai. */
export const PENILAI = 'penilai@piawai.test';
/** Sari Puspitasari, Analis SDM Aparatur Ahli Pertama in Subbagian Kinerja SDM. */
export const PEGAWAI = 'pegawai@piawai.test';
export const PENILAI_NAMA = 'Hendra Wijayakusuma';
export const PEGAWAI_NAMA = 'Sari Puspitasari';
