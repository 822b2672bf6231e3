// The main navigation: one entry per section of the site, and who may use it.

export const navLinks = [
  { key: 'beranda', href: '/', label: 'Beranda/Organisasi', audience: 'everyone' },
  { key: 'skp', href: '/skp/', label: 'SKP Saya', audience: 'everyone' },
  { key: 'evaluasi', href: '/evaluasi/', label: 'Evaluasi Saya', audience: 'everyone' },
  // Anyone may be a pejabat penilai; the page says so when nobody is assessed by the person.
  { key: 'penilaian', href: '/penilaian/', label: 'Penilaian', audience: 'everyone' },
  { key: 'keselarasan', href: '/keselarasan/', label: 'Keselarasan', audience: 'everyone' },
  // Exports and printed documents one asked for (GET /api/exports lists only the caller's own).
  { key: 'berkas', href: '/berkas/', label: 'Berkas saya', audience: 'everyone' },
  { key: 'dasbor', href: '/dasbor/', label: 'Dasbor SDM', audience: 'admin' },
  { key: 'periode', href: '/periode/', label: 'Periode', audience: 'admin' },
  { key: 'papan-skp', href: '/papan-skp/', label: 'Papan SKP', audience: 'admin' },
  { key: 'kalibrasi', href: '/kalibrasi/', label: 'Kalibrasi', audience: 'admin' },
  // Also open to a unit leader who is not an admin (their units' completion and lateness), by its address.
  { key: 'laporan', href: '/laporan/', label: 'Laporan', audience: 'admin' },
  // The employee list answers 403 to anyone but an HR admin: shown once /api/me says so.
  { key: 'pegawai', href: '/pegawai/', label: 'Pegawai', audience: 'admin' },
  { key: 'audit', href: '/audit/', label: 'Audit', audience: 'admin' },
  // HR's mail console (failed mail, undeliverable addresses): the API serves it to admins of scope ALL; an
  // admin of some units sees the link and the page's explanation. The local outbox (/kotak-keluar/) is not
  // here: nothing tells the header it runs locally; the development sign-in page links to it instead.
  { key: 'surel', href: '/surel/', label: 'Surel', audience: 'admin' },
  { key: 'referensi', href: '/referensi-api/', label: 'Referensi API', audience: 'everyone' },
] as const;

export type NavKey = (typeof navLinks)[number]['key'];
