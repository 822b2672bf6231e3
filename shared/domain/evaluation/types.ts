// An evaluation (evaluasi periodik or the annual one) of one employee in one window (domain.md §1.5–1.7):
// realisasi with bukti dukung, the penilai's umpan balik and two ratings, the predikat, and any keberatan.

import type { SkpHeader } from '../skp/types.ts';
import type { PredikatPegawai, Rating } from './predikat.ts';

export interface Realisasi {
  rhkId: string;
  ikiId: string | null;
  realisasi: string;
  /** Bukti dukung: links to the evidence (documents, folders, pages). */
  buktiDukung: string[];
  /** Capaian as a percentage of target when the employee states one; it feeds the alignment tree. */
  capaian: number | null;
}

export const evaluationStatuses = ['BELUM', 'REALISASI', 'DINILAI'] as const;
export type EvaluationStatus = (typeof evaluationStatuses)[number];

export const keberatanStatuses = ['DIAJUKAN', 'DITERIMA_DIUBAH', 'DITOLAK_TETAP'] as const;

export interface Keberatan {
  status: (typeof keberatanStatuses)[number];
  alasan: string;
  diajukanPada: string;
  /** What the atasan heard from both sides before deciding. */
  klarifikasiPenilai: string | null;
  klarifikasiPegawai: string | null;
  keputusanCatatan: string | null;
  /** The original predikat stays on the evaluation; a changed one is kept here. */
  predikatBaru: PredikatPegawai | null;
  diputuskanOleh: string | null;
  diputuskanPada: string | null;
}

export interface Evaluation {
  employeeId: string;
  periodId: string;
  windowKey: string;
  windowNama: string;
  tahunan: boolean;
  skpId: string;
  /** Pegawai, penilai, atasan, unit and jabatan as they were when the evaluation began. */
  header: SkpHeader;
  realisasi: Realisasi[];
  umpanBalik: { rhk: Record<string, string>; perilaku: Record<string, string> };
  ratingHasil: Rating | null;
  ratingPerilaku: Rating | null;
  predikat: PredikatPegawai | null;
  /** True when the Rating Hasil Kerja came from the unit's organisation predikat (the person leads it). */
  ratingHasilDariOrganisasi: boolean;
  catatan: string | null;
  status: EvaluationStatus;
  dinilaiOleh: string | null;
  dinilaiPada: string | null;
  keberatan: Keberatan | null;
  version: number;
}

/** The predikat that counts: the atasan's revised one after an accepted objection, else the penilai's. */
export const predikatAkhir = (e: Pick<Evaluation, 'predikat' | 'keberatan'>): PredikatPegawai | null =>
  e.keberatan?.predikatBaru ?? e.predikat;
