// The calendar of a performance year: SKP drafting, the approval deadline, periodic and annual evaluation
// windows, and the objection period. Defaults follow domain.md §1 (MED rules, so each is a setting).

import { addDays } from '../time.ts';

export const cadences = ['BULANAN', 'TRIWULANAN', 'SEMESTERAN'] as const;
export type Cadence = (typeof cadences)[number];

export const windowKinds = ['PENYUSUNAN_SKP', 'EVALUASI_PERIODIK', 'EVALUASI_TAHUNAN'] as const;
export type WindowKind = (typeof windowKinds)[number];

/** A window of the calendar; dates are WIB calendar dates (YYYY-MM-DD), inclusive. */
export interface CalendarWindow {
  kind: WindowKind;
  nama: string;
  /** The part of the year the window evaluates (for evaluation windows). */
  periodeMulai: string;
  periodeSelesai: string;
  buka: string;
  tutup: string;
  /** Batas pengisian: the employee's input deadline inside the window. */
  batasPengisian: string;
}

export interface CalendarSettings {
  tahun: number;
  cadence: Cadence;
  /** Days after a period ends during which its window stays open (default 10, e-Kinerja's practice). */
  hariPengisian: number;
  /** Objection period after the final predikat is received (PP 30/2019: 14 days). */
  hariKeberatan: number;
  /**
   * What a distribution-curve violation does at finalisation (SE 3/2023 calls the curve a guide the leader
   * "considers"): JUSTIFIKASI asks for a written justification (default), BLOKIR refuses.
   */
  kebijakanDistribusi?: 'JUSTIFIKASI' | 'BLOKIR';
  /** Reminder stages, in days before the input deadline (default 7, 3, 1). */
  hariPengingat?: number[];
  /**
   * SE 3/2023: a unit head's Rating Hasil Kerja is the unit's organisation predikat; how its five levels map
   * to the three ratings is not stated, so it is a setting (default Istimewa→Di Atas, Baik→Sesuai, others→Di Bawah).
   */
  pemetaanKepalaUnit?: Partial<
    Record<
      'ISTIMEWA' | 'BAIK' | 'BUTUH_PERBAIKAN' | 'KURANG' | 'SANGAT_KURANG',
      'DI_ATAS' | 'SESUAI' | 'DI_BAWAH'
    >
  >;
}

export const defaultCalendarSettings = (tahun: number): CalendarSettings => ({
  tahun,
  cadence: 'TRIWULANAN',
  hariPengisian: 10,
  hariKeberatan: 14,
});

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

const periodNames: Record<Cadence, (i: number) => string> = {
  BULANAN: (i) =>
    [
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
    ][i] ?? '',
  TRIWULANAN: (i) => `Triwulan ${['I', 'II', 'III', 'IV'][i]}`,
  SEMESTERAN: (i) => `Semester ${['I', 'II'][i]}`,
};
const monthsPer: Record<Cadence, number> = { BULANAN: 1, TRIWULANAN: 3, SEMESTERAN: 6 };

/**
 * The default calendar: SKP drafting from 1 December of the year before to the approval deadline (end of
 * January, WIB); one evaluation window per period, open from the period's last day for `hariPengisian`
 * days; the last periodic window is the annual (Akhir) evaluation, as e-Kinerja's single "Final" period.
 */
export function defaultCalendar(settings: CalendarSettings): CalendarWindow[] {
  const { tahun, cadence, hariPengisian } = settings;
  const windows: CalendarWindow[] = [
    {
      kind: 'PENYUSUNAN_SKP',
      nama: `Penyusunan dan penetapan SKP ${tahun}`,
      periodeMulai: iso(tahun, 1, 1),
      periodeSelesai: iso(tahun, 12, 31),
      buka: iso(tahun - 1, 12, 1),
      tutup: iso(tahun, 1, 31),
      batasPengisian: iso(tahun, 1, 14),
    },
  ];
  const step = monthsPer[cadence];
  for (let i = 0; i < 12 / step; i += 1) {
    const startMonth = i * step + 1;
    const endMonth = startMonth + step - 1;
    const periodeSelesai = iso(tahun, endMonth, lastDay(tahun, endMonth));
    const isLast = endMonth === 12;
    const buka = addDays(periodeSelesai, -(isLast ? 14 : 4));
    const tutup = addDays(periodeSelesai, hariPengisian + (isLast ? 21 : 0));
    windows.push({
      kind: isLast ? 'EVALUASI_TAHUNAN' : 'EVALUASI_PERIODIK',
      nama: isLast ? `Evaluasi tahunan (Akhir) ${tahun}` : `Evaluasi ${periodNames[cadence](i)} ${tahun}`,
      periodeMulai: iso(tahun, startMonth, 1),
      periodeSelesai,
      buka,
      tutup,
      batasPengisian: addDays(tutup, -3),
    });
  }
  return windows;
}

export interface CalendarProblem {
  index: number;
  field: 'buka' | 'tutup' | 'batasPengisian' | 'periodeMulai' | 'periodeSelesai';
  message: string;
}

/**
 * Rules of a calendar: dates real and ordered (buka ≤ batas pengisian ≤ tutup), evaluated periods inside the
 * year, windows within the year (drafting may start in December of the year before, evaluation may close in
 * the next year's first quarter), no two drafting windows overlapping and no two evaluation windows (periodic or
 * annual) evaluating the same months.
 */
export function calendarProblems(tahun: number, windows: readonly CalendarWindow[]): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const earliest = iso(tahun - 1, 12, 1);
  const latest = iso(tahun + 1, 3, 31);
  windows.forEach((w, index) => {
    if (w.tutup < w.buka)
      problems.push({ index, field: 'tutup', message: 'Tanggal tutup harus setelah tanggal buka.' });
    if (w.batasPengisian < w.buka || w.batasPengisian > w.tutup) {
      problems.push({
        index,
        field: 'batasPengisian',
        message: 'Batas pengisian harus di antara tanggal buka dan tutup.',
      });
    }
    if (
      !w.periodeMulai.startsWith(`${tahun}-`) ||
      !w.periodeSelesai.startsWith(`${tahun}-`) ||
      w.periodeSelesai < w.periodeMulai
    ) {
      problems.push({
        index,
        field: 'periodeSelesai',
        message: `Periode yang dinilai harus di dalam tahun ${tahun}.`,
      });
    }
    if (w.buka < earliest)
      problems.push({ index, field: 'buka', message: `Jendela tidak boleh dibuka sebelum ${earliest}.` });
    if (w.tutup > latest)
      problems.push({ index, field: 'tutup', message: `Jendela tidak boleh ditutup setelah ${latest}.` });
  });
  windows.forEach((a, i) => {
    windows.forEach((b, j) => {
      const drafting = (w: CalendarWindow) => w.kind === 'PENYUSUNAN_SKP';
      // Periodic and annual evaluation windows are one sequence: their evaluated months must not overlap.
      if (j <= i || drafting(a) !== drafting(b)) return;
      const periodic = !drafting(a);
      const overlapsWindow = a.buka <= b.tutup && b.buka <= a.tutup;
      const overlapsPeriod = a.periodeMulai <= b.periodeSelesai && b.periodeMulai <= a.periodeSelesai;
      if ((periodic && overlapsPeriod) || (!periodic && overlapsWindow)) {
        problems.push({ index: j, field: 'buka', message: `Bertumpang tindih dengan "${a.nama}".` });
      }
    });
  });
  return problems;
}

/** The moment a WIB calendar date ends, as a UTC instant (e.g. the approval deadline "end of January"). */
export const endOfDayWib = (date: string): string => new Date(`${date}T23:59:59.999+07:00`).toISOString();

/** Last day to object: `hariKeberatan` days after the predikat was received, counted in WIB. */
export const objectionDeadline = (receivedOn: string, hariKeberatan: number): string =>
  addDays(receivedOn, hariKeberatan);
