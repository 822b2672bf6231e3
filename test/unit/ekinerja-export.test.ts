import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../shared/domain/evaluation/types.ts';
import { ekinerjaColumns, ekinerjaRow } from '../../shared/domain/export/ekinerja.ts';
import { sariHeader } from '../fixtures/people.ts';

const evaluation: Evaluation = {
  employeeId: 'e',
  periodId: 'p',
  windowKey: 'EVALUASI_TAHUNAN-2025-10-01',
  windowNama: 'Evaluasi tahunan (Akhir) 2025',
  tahunan: true,
  skpId: 's',
  header: sariHeader,
  realisasi: [],
  umpanBalik: { rhk: {}, perilaku: {} },
  ratingHasil: 'DI_ATAS',
  ratingPerilaku: 'DI_ATAS',
  predikat: 'SANGAT_BAIK',
  ratingHasilDariOrganisasi: false,
  catatan: null,
  status: 'DINILAI',
  dinilaiOleh: 'p',
  dinilaiPada: '2026-01-10T03:00:00.000Z',
  keberatan: null,
  version: 3,
};

describe('the e-Kinerja flat export', () => {
  it('has one named column per value, keyed by NIP, in BKN’s words', () => {
    const header = ekinerjaColumns.map((c) => c.header);
    expect(header[0]).toBe('NIP');
    const row = Object.fromEntries(
      header.map((h, i) => [
        h,
        ekinerjaRow({ tahun: 2025, evaluation, orgPredikat: 'BAIK', final: true })[i],
      ]),
    );
    expect(row).toMatchObject({
      NIP: '198601012010011049',
      'NIP Pejabat Penilai': '197501012000031001',
      Tahun: 2025,
      'Jenis Periode': 'TAHUNAN',
      'Rating Hasil Kerja': 'Di Atas Ekspektasi',
      'Capaian Kinerja Organisasi': 'Baik',
      'Predikat Kinerja Pegawai': 'Sangat Baik',
      Keberatan: 'TIDAK',
      Status: 'Final',
    });
  });

  it('reports the predikat after an accepted objection, and blanks for what is not set', () => {
    const changed: Evaluation = {
      ...evaluation,
      keberatan: {
        status: 'DITERIMA_DIUBAH',
        alasan: 'x',
        diajukanPada: '2026-01-12T00:00:00Z',
        klarifikasiPenilai: 'a',
        klarifikasiPegawai: 'b',
        keputusanCatatan: 'c',
        predikatBaru: 'BAIK',
        diputuskanOleh: 'q',
        diputuskanPada: '2026-01-20T00:00:00Z',
      },
    };
    const row = ekinerjaRow({ tahun: 2025, evaluation: changed, orgPredikat: null, final: false });
    const at = (header: string) => row[ekinerjaColumns.findIndex((c) => c.header === header)];
    expect(at('Predikat Kinerja Pegawai')).toBe('Baik');
    expect(at('Keberatan')).toBe('DITERIMA_DIUBAH');
    expect(at('Capaian Kinerja Organisasi')).toBeNull();
    expect(at('Status')).toBe('Belum Final');
  });
});
