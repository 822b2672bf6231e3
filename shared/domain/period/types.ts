// Performance periods (periode kinerja): one performance year and its calendar of windows.

import type { CalendarSettings, CalendarWindow } from './calendar.ts';

export interface PeriodCalendar {
  settings: CalendarSettings;
  windows: CalendarWindow[];
}

export interface Period {
  id: string;
  tahun: number;
  nama: string;
  /** WIB dates, inclusive. */
  mulai: string;
  selesai: string;
  calendar: PeriodCalendar;
  version: number;
}

/** A period lies within its own year and ends after it starts. */
export function periodProblems(
  p: Pick<Period, 'tahun' | 'mulai' | 'selesai'>,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!p.mulai.startsWith(`${p.tahun}-`))
    problems.push({ path: 'mulai', message: `Tanggal mulai harus di tahun ${p.tahun}.` });
  if (!p.selesai.startsWith(`${p.tahun}-`)) {
    problems.push({ path: 'selesai', message: `Tanggal selesai harus di tahun ${p.tahun}.` });
  }
  if (p.selesai < p.mulai)
    problems.push({ path: 'selesai', message: 'Tanggal selesai harus setelah tanggal mulai.' });
  return problems;
}
