// Indonesian labels for the codes the API sends (unit levels, employment status, source of a penilai, SKP
// indicators, mail).

import type { OutboxTemplate } from '../../../shared/domain/mail/messages.ts';
import type { StatusKepegawaian, UnitLevel } from '../../../shared/domain/org/types.ts';
import type { Iki, Rhk } from '../../../shared/domain/skp/types.ts';
import type { OutboxItem, PenilaiRef, Undeliverable } from './api.ts';

export const unitLevelLabel: Record<UnitLevel, string> = {
  KEMENTERIAN: 'Kementerian',
  ESELON_I: 'Eselon I',
  ESELON_II: 'Eselon II',
  ESELON_III: 'Eselon III',
  ESELON_IV: 'Eselon IV',
};

export const statusLabel: Record<StatusKepegawaian, string> = {
  PNS: 'PNS',
  PPPK: 'PPPK',
  PEJABAT_NEGARA: 'Pejabat Negara',
};

/** Where the assessor comes from: the org structure, an acting official, or an HR decision. */
export const sumberLabel: Record<PenilaiRef['sumber'], string> = {
  struktur: 'Struktural',
  plt: 'Plt',
  plh: 'Plh',
  override: 'Ditetapkan SDM',
};

/** Shown where a value is absent, e.g. the Minister's NIP. */
export const EMPTY = '—';

/** The IKI's aspect (JA/JF SKP) or perspective (JPT SKP). */
export const aspekLabel: Record<Iki['aspek'] & string, string> = {
  KUANTITAS: 'Kuantitas',
  KUALITAS: 'Kualitas',
  WAKTU: 'Waktu',
  BIAYA: 'Biaya',
};

export const perspektifLabel: Record<Iki['perspektif'] & string, string> = {
  PENERIMA_LAYANAN: 'Penerima layanan',
  PROSES_BISNIS: 'Proses bisnis',
  PENGUATAN_INTERNAL: 'Penguatan internal',
  ANGGARAN: 'Anggaran',
};

export const rhkJenisLabel: Record<Rhk['jenis'], string> = {
  UTAMA: 'RHK utama',
  TAMBAHAN: 'RHK tambahan',
};

/** Every template the API can send (a new one fails the typecheck here until it is named). */
const mailTemplateLabels: Record<OutboxTemplate, string> = {
  'skp.approval_request': 'Permintaan persetujuan SKP',
  'skp.decided': 'Keputusan atas SKP',
  'window.opened': 'Jadwal pengisian dibuka',
  'window.reminder': 'Pengingat batas pengisian',
  'window.escalation': 'Laporan belum mengisi (eskalasi)',
  'keberatan.filed': 'Keberatan diajukan',
  'keberatan.decided': 'Keputusan atas keberatan',
};

/** What an outbox message is about; a template this site does not know yet shows its code. */
export const mailTemplateLabel = (template: string): string =>
  template in mailTemplateLabels ? mailTemplateLabels[template as OutboxTemplate] : template;

export const mailStatusLabel: Record<OutboxItem['status'], string> = {
  PENDING: 'Menunggu',
  SENDING: 'Sedang dikirim',
  SENT: 'Terkirim',
  FAILED: 'Gagal',
};

export const undeliverableLabel: Record<Undeliverable['alasan'], string> = {
  BOUNCE: 'Ditolak server penerima (bounce)',
  COMPLAINT: 'Diadukan penerima sebagai spam (complaint)',
};
