// The main navigation: one entry per section of the site, and who may use it.

export const navLinks = [
  { key: 'beranda', href: '/', label: 'Beranda/Organisasi', audience: 'everyone' },
  // The employee list answers 403 to anyone but an HR admin: shown once /api/me says so.
  { key: 'pegawai', href: '/pegawai/', label: 'Pegawai', audience: 'admin' },
  { key: 'referensi', href: '/referensi-api/', label: 'Referensi API', audience: 'everyone' },
] as const;

export type NavKey = (typeof navLinks)[number]['key'];
