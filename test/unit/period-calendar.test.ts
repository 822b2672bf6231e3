import { describe, expect, it } from 'vitest';
import { berakhlak } from '../../shared/domain/perilaku/berakhlak.ts';
import {
  type CalendarWindow,
  calendarProblems,
  defaultCalendar,
  defaultCalendarSettings,
  endOfDayWib,
  objectionDeadline,
} from '../../shared/domain/period/calendar.ts';

describe('the default calendar of a performance year', () => {
  it.each([
    [
      'TRIWULANAN',
      4,
      [
        'Evaluasi Triwulan I 2025',
        'Evaluasi Triwulan II 2025',
        'Evaluasi Triwulan III 2025',
        'Evaluasi tahunan (Akhir) 2025',
      ],
    ],
    ['SEMESTERAN', 2, ['Evaluasi Semester I 2025', 'Evaluasi tahunan (Akhir) 2025']],
    ['BULANAN', 12, undefined],
  ] as const)('%s: drafting plus %i evaluation windows, the last one annual', (cadence, count, names) => {
    const windows = defaultCalendar({ ...defaultCalendarSettings(2025), cadence });
    expect(windows).toHaveLength(count + 1);
    expect(windows[0]).toMatchObject({ kind: 'PENYUSUNAN_SKP', buka: '2024-12-01', tutup: '2025-01-31' });
    expect(windows.at(-1)).toMatchObject({ kind: 'EVALUASI_TAHUNAN', periodeSelesai: '2025-12-31' });
    if (names) expect(windows.slice(1).map((w) => w.nama)).toEqual(names);
    expect(calendarProblems(2025, windows)).toEqual([]);
  });

  it('evaluates February of a leap year to its 29th', () => {
    const windows = defaultCalendar({ ...defaultCalendarSettings(2028), cadence: 'BULANAN' });
    expect(windows[2]).toMatchObject({ periodeMulai: '2028-02-01', periodeSelesai: '2028-02-29' });
  });
});

describe('calendar rules', () => {
  const base = (): CalendarWindow[] => defaultCalendar(defaultCalendarSettings(2025));
  const edit = (index: number, change: Partial<CalendarWindow>) =>
    base().map((w, i) => (i === index ? { ...w, ...change } : w));

  it.each([
    ['a window that closes before it opens', edit(1, { buka: '2025-04-20', tutup: '2025-04-01' }), 'tutup'],
    ['an input deadline after the close', edit(1, { batasPengisian: '2025-05-30' }), 'batasPengisian'],
    ['an evaluated period outside the year', edit(2, { periodeMulai: '2024-04-01' }), 'periodeSelesai'],
    ['a window opening too early', edit(0, { buka: '2024-10-01' }), 'buka'],
    ['a window closing too late', edit(4, { tutup: '2026-05-01', batasPengisian: '2026-04-28' }), 'tutup'],
    ['two windows evaluating the same months', edit(2, { periodeMulai: '2025-03-01' }), 'buka'],
  ] as const)('names the field of %s', (_name, windows, field) => {
    expect(calendarProblems(2025, windows).map((p) => p.field)).toContain(field);
  });
});

describe('WIB deadlines', () => {
  it('ends "end of January" at 23:59:59.999 in Jakarta, 16:59:59.999 UTC', () => {
    expect(endOfDayWib('2025-01-31')).toBe('2025-01-31T16:59:59.999Z');
  });

  it.each([
    ['2025-03-10', 14, '2025-03-24'],
    ['2025-12-25', 14, '2026-01-08'],
    ['2024-02-20', 14, '2024-03-05'],
  ])('objecting to a predikat received on %s: %i days → until %s', (received, days, last) => {
    expect(objectionDeadline(received, days)).toBe(last);
  });
});

describe('BerAKHLAK master data', () => {
  it('holds the 7 core values with 3 indicators each', () => {
    expect(berakhlak.map((v) => v.nama)).toEqual([
      'Berorientasi Pelayanan',
      'Akuntabel',
      'Kompeten',
      'Harmonis',
      'Loyal',
      'Adaptif',
      'Kolaboratif',
    ]);
    expect(berakhlak.every((v) => v.indikator.length === 3 && v.indikator.every((i) => i.length > 10))).toBe(
      true,
    );
  });
});
