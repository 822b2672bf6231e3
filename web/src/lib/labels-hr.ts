// Indonesian labels for the codes of HR's console: windows, calendar settings, SKP and evaluation statuses,
// audit actions and channels, chain checks, and the CSV import's columns.

import type { AuditChannel } from '../../../shared/domain/audit/audit-entry.ts';
import type { EvaluationStatus } from '../../../shared/domain/evaluation/types.ts';
import type { Cadence, WindowKind } from '../../../shared/domain/period/calendar.ts';
import type { WindowStatus } from '../../../shared/domain/period/windows.ts';
import type { SkpStatus } from '../../../shared/domain/skp/workflow.ts';
import type { ChainCheck } from './api-hr.ts';

export const windowKindLabel: Record<WindowKind, string> = {
  PENYUSUNAN_SKP: 'Penyusunan SKP',
  EVALUASI_PERIODIK: 'Evaluasi periodik',
  EVALUASI_TAHUNAN: 'Evaluasi tahunan',
};

/** A window kind the site does not know yet shows its code. */
export const windowKindText = (kind: string): string =>
  kind in windowKindLabel ? windowKindLabel[kind as WindowKind] : kind;

export const windowStatusLabel: Record<WindowStatus, string> = {
  TERJADWAL: 'Terjadwal',
  DIBUKA: 'Dibuka',
  DITUTUP: 'Ditutup',
};

export const cadenceLabel: Record<Cadence, string> = {
  BULANAN: 'Bulanan',
  TRIWULANAN: 'Triwulanan',
  SEMESTERAN: 'Semesteran',
};

export const kebijakanLabel: Record<'JUSTIFIKASI' | 'BLOKIR', string> = {
  JUSTIFIKASI: 'Boleh difinalkan dengan justifikasi tertulis',
  BLOKIR: 'Tidak boleh difinalkan selama ada pelanggaran',
};

/** The HR board's columns, in the order of the workflow. */
export const skpStatusLabel: Record<SkpStatus, string> = {
  DRAFT: 'Draf',
  DIAJUKAN: 'Diajukan',
  DISETUJUI: 'Disetujui',
  DIKEMBALIKAN: 'Dikembalikan',
  DIGANTI: 'Diganti revisi',
};

export const evaluationStatusLabel: Record<EvaluationStatus, string> = {
  BELUM: 'Belum mengisi',
  REALISASI: 'Menunggu penilaian',
  DINILAI: 'Sudah dinilai',
};

export const auditChannelLabel: Record<AuditChannel, string> = {
  api: 'Portal/API',
  email: 'Tautan surel',
  job: 'Penjadwal',
  import: 'Impor CSV',
  seed: 'Data awal',
};

export const chainReasonLabel: Record<NonNullable<ChainCheck['reason']>, string> = {
  hash_mismatch: 'isi entri tidak cocok dengan hash-nya (entri diubah setelah dicatat)',
  prev_hash_mismatch: 'tautan ke entri sebelumnya tidak cocok (entri disisipkan atau dihapus)',
  gap: 'ada nomor versi yang hilang',
};

const auditActions: Record<string, string> = {
  'acting.created': 'Plt/Plh ditetapkan',
  'employee.created': 'Pegawai ditambahkan',
  'employee.updated': 'Data pegawai diubah',
  'employee.imported': 'Pegawai diimpor (CSV)',
  'employee.import_rolled_back': 'Impor dibatalkan',
  'employee.admin_granted': 'Kewenangan admin diberikan',
  'employee.admin_revoked': 'Kewenangan admin dicabut',
  'unit.created': 'Unit dibuat',
  'unit.updated': 'Unit diubah',
  'unit.head_assigned': 'Kepala unit ditetapkan',
  'unit.head_vacated': 'Kepala unit dikosongkan',
  'position.created': 'Jabatan dibuat',
  'period.created': 'Periode dibuat',
  'period.calendar_changed': 'Kalender periode diubah',
  'window.opened': 'Jendela dibuka',
  'window.closed': 'Jendela ditutup',
  'window.reminders_started': 'Pengingat dikirim',
  'window.escalation_started': 'Eskalasi dikirim',
  'window.reopened': 'Jendela dibuka kembali',
  'skp.created': 'SKP dibuat',
  'skp.created_on_transfer': 'SKP baru karena mutasi',
  'skp.closed_on_transfer': 'SKP ditutup karena mutasi',
  'skp.updated': 'SKP diubah',
  'skp.ajukan': 'SKP diajukan',
  'skp.tarik': 'SKP ditarik',
  'skp.setujui': 'SKP disetujui',
  'skp.kembalikan': 'SKP dikembalikan',
  'skp.revisi': 'Revisi SKP dibuka',
  'skp.revision_opened': 'Revisi SKP dibuka',
  'skp.superseded': 'SKP diganti revisi',
  'skp.drafting_extended': 'Masa penyusunan SKP diperpanjang',
  'iku.created': 'IKU unit dibuat',
  'evaluation.realisasi_saved': 'Realisasi disimpan',
  'evaluation.rated': 'Penilaian disimpan',
  'feedback.added': 'Umpan balik ditulis',
  'keberatan.filed': 'Keberatan diajukan',
  'keberatan.decided': 'Keberatan diputuskan',
  'org_predikat.set': 'Predikat organisasi ditetapkan',
  'org_predikat.finalized': 'Predikat unit difinalkan',
  'mail.address_blocked': 'Alamat surel diblokir',
  'mail.address_cleared': 'Alamat surel dipulihkan',
  'mail.retry_requested': 'Surel dikirim ulang',
};

/** What an audit action means; one this site does not know yet shows its code. */
export const auditActionLabel = (action: string): string => auditActions[action] ?? action;

const entityTypes: Record<string, string> = {
  ActingAssignment: 'Penugasan Plt/Plh',
  Employee: 'Pegawai',
  Evaluation: 'Evaluasi',
  Feedback: 'Umpan balik',
  Iku: 'IKU unit',
  MailAddress: 'Alamat surel',
  OrgPredikat: 'Predikat organisasi',
  OrgUnit: 'Unit organisasi',
  OutboxItem: 'Surel',
  Period: 'Periode',
  Position: 'Jabatan',
  Skp: 'SKP',
  SkpExtension: 'Perpanjangan penyusunan SKP',
  WindowReopen: 'Pembukaan kembali jendela',
  WindowState: 'Jendela kalender',
};

export const entityTypeLabel = (type: string): string => entityTypes[type] ?? type;

/** Columns of the CSV import (and the form fields the API names when a row fails). */
const importFields: Record<string, string> = {
  nip: 'NIP',
  nama: 'Nama',
  status: 'Status',
  pangkat_golongan: 'Pangkat/Golongan',
  pangkatGolongan: 'Pangkat/Golongan',
  email: 'Email',
  kode_unit: 'Kode unit',
  unitId: 'Kode unit',
  jabatan: 'Jabatan',
  positionId: 'Jabatan',
  baris: 'Baris',
};

export const importFieldLabel = (field: string): string => importFields[field] ?? field;
