// A change of post mid-year: the running SKP ends the day before the new post starts and a new SKP covers
// the rest of the period, each with its own assessor (domain.md §1: several SKPs per employee per year).

import { addDays } from '../time.ts';
import type { Skp } from './types.ts';

export const dayBefore = (date: string): string => addDays(date, -1);

/** The SKPs a transfer on `tmt` closes: those still running on that day (not superseded, not closed). */
export function skpsClosedByTransfer<T extends Pick<Skp, 'status' | 'berlaku' | 'ditutup'>>(
  skps: readonly T[],
  tmt: string,
): T[] {
  return skps.filter(
    (s) => s.status !== 'DIGANTI' && s.ditutup === null && s.berlaku.mulai < tmt && tmt <= s.berlaku.sampai,
  );
}
