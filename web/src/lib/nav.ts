// The main navigation: one entry per section of the site.

export const navLinks = [
  { key: 'beranda', href: '/', label: 'Beranda/Organisasi' },
  { key: 'pegawai', href: '/pegawai/', label: 'Pegawai' },
  { key: 'referensi', href: '/referensi-api/', label: 'Referensi API' },
] as const;

export type NavKey = (typeof navLinks)[number]['key'];
