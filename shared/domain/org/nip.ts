// NIP (PNS) and NI PPPK: 18-digit identity numbers whose embedded dates and sex digit must be plausible.

export type NipProblem = 'format' | 'birth_date' | 'tmt' | 'tmt_before_adult' | 'sex_digit' | 'sequence';

export interface NipParts {
  birthDate: string;
  tmtYear: number;
  tmtMonth: number | null;
  sex: 'L' | 'P';
  sequence: number;
}

export type NipCheck = { ok: true; parts: NipParts } | { ok: false; problem: NipProblem };

const MIN_AGE_AT_APPOINTMENT = 18;
const MAX_AGE_AT_APPOINTMENT = 60;
/** NI PPPK carries "21" where a PNS NIP carries the TMT month (e.g. 198507122021212001). */
const PPPK_MARKER = 21;

const isRealDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/**
 * Checks an 18-digit NIP (BKN format: birth date YYYYMMDD, TMT CPNS YYYYMM, sex 1/2, sequence 001–999)
 * or NI PPPK (same, with the month replaced by 21). `today` bounds the dates (YYYY-MM-DD).
 */
export function checkNip(nip: string, kind: 'PNS' | 'PPPK', today: string): NipCheck {
  if (!/^\d{18}$/.test(nip)) return { ok: false, problem: 'format' };
  const num = (from: number, to: number) => Number(nip.slice(from, to));
  const [birthYear, birthMonth, birthDay] = [num(0, 4), num(4, 6), num(6, 8)];
  const [tmtYear, tmtMonthField] = [num(8, 12), num(12, 14)];
  const sexDigit = num(14, 15);
  const sequence = num(15, 18);
  const [todayYear, todayMonth] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];

  if (birthYear < 1940 || !isRealDate(birthYear, birthMonth, birthDay))
    return { ok: false, problem: 'birth_date' };
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (birthDate > today) return { ok: false, problem: 'birth_date' };

  const tmtMonth = kind === 'PPPK' && tmtMonthField === PPPK_MARKER ? null : tmtMonthField;
  if (tmtMonth !== null && (tmtMonth < 1 || tmtMonth > 12)) return { ok: false, problem: 'tmt' };
  if (tmtYear > todayYear || (tmtYear === todayYear && (tmtMonth ?? 1) > todayMonth)) {
    return { ok: false, problem: 'tmt' };
  }
  const ageAtTmt = tmtYear - birthYear;
  if (ageAtTmt < MIN_AGE_AT_APPOINTMENT) return { ok: false, problem: 'tmt_before_adult' };
  if (ageAtTmt > MAX_AGE_AT_APPOINTMENT) return { ok: false, problem: 'tmt' };
  if (sexDigit !== 1 && sexDigit !== 2) return { ok: false, problem: 'sex_digit' };
  if (sequence === 0) return { ok: false, problem: 'sequence' };

  return { ok: true, parts: { birthDate, tmtYear, tmtMonth, sex: sexDigit === 1 ? 'L' : 'P', sequence } };
}

export const nipProblemMessages: Record<NipProblem, string> = {
  format: 'NIP harus terdiri dari 18 digit angka.',
  birth_date: 'Tanggal lahir pada NIP (digit 1–8) tidak valid.',
  tmt: 'TMT pada NIP (digit 9–14) tidak valid.',
  tmt_before_adult: 'TMT pada NIP menunjukkan pengangkatan sebelum usia 18 tahun.',
  sex_digit: 'Digit jenis kelamin pada NIP (digit 15) harus 1 atau 2.',
  sequence: 'Nomor urut pada NIP (digit 16–18) tidak boleh 000.',
};
