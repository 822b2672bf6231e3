// The main navigation: one entry per section of the site, and who may use it.

export const navLinks = [
  { key: 'beranda', href: '/', label: 'Beranda/Organisasi', audience: 'everyone' },
  // The employee list answers 403 to anyone but an HR admin: shown once /api/me says so.
  { key: 'pegawai', href: '/pegawai/', label: 'Pegawai', audience: 'admin' },
  // HR's mail console (failed mail, undeliverable addresses): the API serves it to admins of scope ALL; an
  // admin of some units sees the link and the page's explanation. The local outbox (/kotak-keluar/) is not
  // here: nothing tells the header it runs locally; the development sign-in page links to it instead.
  { key: 'surel', href: '/surel/', label: 'Surel', audience: 'admin' },
  { key: 'referensi', href: '/referensi-api/', label: 'Referensi API', audience: 'everyone' },
] as const;

export type NavKey = (typeof navLinks)[number]['key'];
