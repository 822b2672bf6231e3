// Indonesian labels for the codes of the planning and evaluation screens (SKP status, pendekatan, windows,
// evaluation and keberatan states, intervensi kinds), and calendar dates as people read them (WIB).

import type { Evaluation, SkpStatus, WindowState } from './api-kinerja.ts';

export const skpStatusLabel: Record<SkpStatus, string> = {
  DRAFT: 'Draf',
  DIAJUKAN: 'Diajukan',
  DISETUJUI: 'Disetujui',
  DIKEMBALIKAN: 'Dikembalikan',
  DIGANTI: 'Diganti revisi',
};

/** What the person can do next, by status (one line under the status badge). */
export const skpStatusHint: Record<SkpStatus, string> = {
  DRAFT: 'Lengkapi rencana hasil kerja dan indikatornya, simpan, lalu ajukan kepada pejabat penilai.',
  DIAJUKAN: 'Menunggu keputusan pejabat penilai. Tarik kembali bila masih perlu diubah.',
  DISETUJUI: 'SKP ini telah ditetapkan dan berlaku. Perubahan dilakukan melalui revisi.',
  DIKEMBALIKAN: 'Pejabat penilai mengembalikan SKP ini. Perbaiki sesuai catatan, lalu ajukan lagi.',
  DIGANTI: 'Revisi yang lebih baru telah disetujui; SKP ini disimpan sebagai riwayat.',
};

export const formatLabel: Record<'JPT' | 'JAJF', string> = {
  JPT: 'Jabatan Pimpinan Tinggi (JPT)',
  JAJF: 'Jabatan Administrasi/Fungsional (JA/JF)',
};

export const pendekatanLabel: Record<'KUANTITATIF' | 'KUALITATIF', string> = {
  KUANTITATIF: 'Kuantitatif',
  KUALITATIF: 'Kualitatif',
};

export const pendekatanHint: Record<'KUANTITATIF' | 'KUALITATIF', string> = {
  KUANTITATIF: 'Ekspektasi terukur: indikator ditulis terpisah dari target, dengan satuan.',
  KUALITATIF: 'Ekspektasi diuraikan dengan kata-kata: indikator dan target berupa uraian kualitas.',
};

export const intervensiKindLabel: Record<'IKU' | 'RHK' | 'KR', string> = {
  IKU: 'IKU unit',
  RHK: 'RHK',
  KR: 'Hasil kunci (KR)',
};

export const windowKindLabel: Record<string, string> = {
  PENYUSUNAN_SKP: 'Penyusunan SKP',
  EVALUASI_PERIODIK: 'Evaluasi periodik',
  EVALUASI_TAHUNAN: 'Evaluasi tahunan',
};

export const windowStatusLabel: Record<WindowState['status'], string> = {
  TERJADWAL: 'Terjadwal',
  DIBUKA: 'Dibuka',
  DITUTUP: 'Ditutup',
};

export const evaluationStatusLabel: Record<Evaluation['status'], string> = {
  BELUM: 'Belum diisi',
  REALISASI: 'Realisasi diisi',
  DINILAI: 'Dinilai',
};

export const keberatanStatusLabel: Record<NonNullable<Evaluation['keberatan']>['status'], string> = {
  DIAJUKAN: 'Diajukan, menunggu keputusan atasan pejabat penilai',
  DITERIMA_DIUBAH: 'Diterima: predikat diubah',
  DITOLAK_TETAP: 'Ditolak: predikat tetap',
};

export const lampiranSections = [
  {
    key: 'dukunganSumberDaya',
    title: 'Dukungan sumber daya',
    item: 'Dukungan sumber daya',
    hint: 'Sumber daya yang Anda perlukan, mis. peralatan, anggaran, atau akses data.',
  },
  {
    key: 'skemaPertanggungjawaban',
    title: 'Skema pertanggungjawaban',
    item: 'Skema pertanggungjawaban',
    hint: 'Cara hasil dilaporkan, mis. laporan triwulanan beserta bukti dukung.',
  },
  {
    key: 'konsekuensi',
    title: 'Konsekuensi',
    item: 'Konsekuensi',
    hint: 'Akibat bila target tercapai atau tidak tercapai.',
  },
] as const;

export type LampiranKey = (typeof lampiranSections)[number]['key'];

const tanggal = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "31 Januari 2026" for a WIB calendar date (YYYY-MM-DD) of the calendar or an SKP's berlaku. */
export function formatTanggal(date: string): string {
  const at = new Date(`${date}T12:00:00+07:00`);
  return Number.isNaN(at.getTime()) ? date : tanggal.format(at);
}

/** "1 Januari 2026 – 31 Desember 2026". */
export const formatRentang = (mulai: string, sampai: string): string =>
  `${formatTanggal(mulai)} – ${formatTanggal(sampai)}`;
