import { describe, expect, it } from 'vitest';
import type { CalendarWindow } from '../../shared/domain/period/calendar.ts';
import { exportFileName, formatFits } from '../../shared/domain/report/exports.ts';
import { type LateKind, latenessOf, type PersonProgress } from '../../shared/domain/report/lateness.ts';

const drafting: CalendarWindow = {
  kind: 'PENYUSUNAN_SKP',
  nama: 'Penyusunan SKP',
  periodeMulai: '2025-01-01',
  periodeSelesai: '2025-12-31',
  buka: '2025-01-02',
  tutup: '2025-01-31',
  batasPengisian: '2025-01-31',
};
const tw1: CalendarWindow = {
  kind: 'EVALUASI_PERIODIK',
  nama: 'Triwulan I',
  periodeMulai: '2025-01-01',
  periodeSelesai: '2025-03-31',
  buka: '2025-03-27',
  tutup: '2025-04-15',
  batasPengisian: '2025-04-10',
};
const TW1 = 'EVALUASI_PERIODIK-2025-01-01';
const nobody: PersonProgress = { skpDisetujui: false, evaluasi: {} };

describe('who is late, and from which day', () => {
  it.each<[string, PersonProgress, string, LateKind[]]>([
    ['the drafting deadline day itself is not late', nobody, '2025-01-31', []],
    ['the day after, an unapproved SKP is late', nobody, '2025-02-01', ['SKP_BELUM_DISETUJUI']],
    ['an approved SKP is never late', { skpDisetujui: true, evaluasi: {} }, '2025-02-01', []],
    ['the input deadline day itself is not late', { skpDisetujui: true, evaluasi: {} }, '2025-04-10', []],
    [
      'no realisasi after the input deadline',
      { skpDisetujui: true, evaluasi: {} },
      '2025-04-11',
      ['REALISASI_BELUM_DIISI'],
    ],
    [
      'realisasi entered but not rated after the window closed: the penilai is late',
      { skpDisetujui: true, evaluasi: { [TW1]: 'REALISASI' } },
      '2025-04-16',
      ['BELUM_DINILAI'],
    ],
    ['rated: nothing late', { skpDisetujui: true, evaluasi: { [TW1]: 'DINILAI' } }, '2025-04-16', []],
    [
      'nothing done at all after the window closed',
      nobody,
      '2025-04-16',
      ['SKP_BELUM_DISETUJUI', 'REALISASI_BELUM_DIISI', 'BELUM_DINILAI'],
    ],
  ])('%s', (_, person, today, expected) => {
    expect(latenessOf([drafting, tw1], person, today).map((l) => l.jenis)).toEqual(expected);
  });

  it('names the window and the deadline that passed', () => {
    expect(latenessOf([tw1], { skpDisetujui: true, evaluasi: {} }, '2025-04-11')).toEqual([
      { jenis: 'REALISASI_BELUM_DIISI', jendela: 'Triwulan I', batas: '2025-04-10' },
    ]);
  });
});

describe('export files', () => {
  it.each([
    [
      ['Evaluasi dan predikat · Periode 2025 · Biro Sumber Daya Manusia'],
      'XLSX',
      'Evaluasi-dan-predikat-Periode-2025-Biro-Sumber-Daya-Manusia.xlsx',
    ],
    [['SKP', 'Sútàn "Syahrir"', 'r2'], 'PDF', 'SKP-Sutan-Syahrir-r2.pdf'],
    [['../../etc/passwd'], 'CSV', 'etc-passwd.csv'],
    [['😀'], 'CSV', 'ekspor.csv'],
  ] as const)('names %j as a safe file name', (parts, format, expected) => {
    expect(exportFileName(parts, format)).toBe(expected);
  });

  it.each([
    ['PEGAWAI', 'CSV', true],
    ['EKINERJA', 'XLSX', true],
    ['EVALUASI', 'PDF', false],
    ['DOKUMEN', 'PDF', true],
    ['DOKUMEN', 'CSV', false],
  ] as const)('%s as %s fits: %s', (dataset, format, fits) => {
    expect(formatFits(dataset, format)).toBe(fits);
  });
});
