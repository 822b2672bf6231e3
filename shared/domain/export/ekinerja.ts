// The flat export of a period's results for upload to the national e-Kinerja system (BKN). BKN publishes
// no import format (domain.md §6.1–6.2: integration [UNCONFIRMED]), so the columns follow what e-Kinerja
// shows per period — Capaian Organisasi, Pola Distribusi, Predikat Organisasi, Predikat Pegawai, Final —
// keyed by NIP (its login and SIASN's key), one row per employee and evaluation window, in BKN's own words.

import type { PredikatOrganisasi } from '../evaluation/predikat.ts';
import { predikatOrganisasiLabels, predikatPegawaiLabels, ratingLabels } from '../evaluation/predikat.ts';
import { type Evaluation, predikatAkhir } from '../evaluation/types.ts';

export const ekinerjaColumns = [
  { key: 'nip', header: 'NIP', why: 'identitas pegawai di e-Kinerja dan SIASN' },
  { key: 'nama', header: 'Nama', why: 'pemeriksaan manual' },
  { key: 'jabatan', header: 'Jabatan', why: 'jabatan pada saat dinilai (snapshot)' },
  { key: 'unit', header: 'Unit Kerja', why: 'Unor pada saat dinilai' },
  { key: 'nipPenilai', header: 'NIP Pejabat Penilai', why: 'penilai pada saat dinilai; kosong bila Menteri' },
  { key: 'tahun', header: 'Tahun', why: 'periode e-Kinerja' },
  { key: 'periode', header: 'Periode', why: 'nama jendela (Triwulan I … / Akhir)' },
  { key: 'jenisPeriode', header: 'Jenis Periode', why: 'PERIODIK atau TAHUNAN (Final)' },
  { key: 'ratingHasil', header: 'Rating Hasil Kerja', why: 'Di Atas / Sesuai / Di Bawah Ekspektasi' },
  { key: 'ratingPerilaku', header: 'Rating Perilaku Kerja', why: 'idem' },
  { key: 'predikatOrganisasi', header: 'Capaian Kinerja Organisasi', why: 'dasar pola distribusi' },
  { key: 'predikatPegawai', header: 'Predikat Kinerja Pegawai', why: 'setelah keberatan bila diubah' },
  { key: 'keberatan', header: 'Keberatan', why: 'TIDAK, DIAJUKAN, DITERIMA_DIUBAH, DITOLAK_TETAP' },
  { key: 'final', header: 'Status', why: 'Final atau Belum Final, seperti di e-Kinerja' },
] as const;

export interface EkinerjaInput {
  tahun: number;
  evaluation: Evaluation;
  orgPredikat: PredikatOrganisasi | null;
  final: boolean;
}

/** One e-Kinerja row: text only (labels, not codes), empty cells for what is not set. */
export function ekinerjaRow({
  tahun,
  evaluation: e,
  orgPredikat,
  final,
}: EkinerjaInput): (string | number | null)[] {
  const predikat = predikatAkhir(e);
  const values: Record<(typeof ekinerjaColumns)[number]['key'], string | number | null> = {
    nip: e.header.pegawai.nip,
    nama: e.header.pegawai.nama,
    jabatan: e.header.jabatan,
    unit: e.header.unitNama,
    nipPenilai: e.header.penilai?.nip ?? null,
    tahun,
    periode: e.windowNama,
    jenisPeriode: e.tahunan ? 'TAHUNAN' : 'PERIODIK',
    ratingHasil: e.ratingHasil ? ratingLabels[e.ratingHasil] : null,
    ratingPerilaku: e.ratingPerilaku ? ratingLabels[e.ratingPerilaku] : null,
    predikatOrganisasi: orgPredikat ? predikatOrganisasiLabels[orgPredikat] : null,
    predikatPegawai: predikat ? predikatPegawaiLabels[predikat] : null,
    keberatan: e.keberatan?.status ?? 'TIDAK',
    final: final ? 'Final' : 'Belum Final',
  };
  return ekinerjaColumns.map((c) => values[c.key]);
}
