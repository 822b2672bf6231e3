// Where each window of a period's calendar stands on a given WIB day, and what the tick must do to catch
// up: level-triggered (the state follows from the date, whatever ran before) so a rerun does nothing and a
// tick after an outage performs every step that fell due, once.

import { addDays } from '../time.ts';
import type { CalendarWindow } from './calendar.ts';

export const windowStatuses = ['TERJADWAL', 'DIBUKA', 'DITUTUP'] as const;
export type WindowStatus = (typeof windowStatuses)[number];
export type WindowStep = 'buka' | 'tutup';

/** A window's stable name within its period (URL-safe): its kind and the first day it evaluates. */
export const windowKey = (w: Pick<CalendarWindow, 'kind' | 'periodeMulai'>): string =>
  `${w.kind}-${w.periodeMulai}`;

/** Where the window should stand on `today`: open from `buka` through `tutup`, inclusive. */
export function statusOn(w: Pick<CalendarWindow, 'buka' | 'tutup'>, today: string): WindowStatus {
  if (today < w.buka) return 'TERJADWAL';
  return today <= w.tutup ? 'DIBUKA' : 'DITUTUP';
}

/** The steps from what was recorded to what should be: a window that opened and closed unseen does both. */
export function stepsToward(recorded: WindowStatus, wanted: WindowStatus): WindowStep[] {
  const order = windowStatuses.indexOf(wanted) - windowStatuses.indexOf(recorded);
  if (order <= 0) return [];
  if (recorded === 'TERJADWAL') return wanted === 'DIBUKA' ? ['buka'] : ['buka', 'tutup'];
  return ['tutup'];
}

/** Reminder stages before the input deadline (H-7, H-3, H-1 by default), as days before it. */
export const defaultReminderDays = [7, 3, 1] as const;

/**
 * The reminder stage due on `today` that has not been handled: the latest one whose day has come while the
 * deadline has not passed. After an outage that skipped a stage, only the latest is sent (one nudge, not
 * three at once); the skipped ones count as handled.
 */
export function reminderDue(
  batasPengisian: string,
  today: string,
  handled: readonly number[],
  stages: readonly number[] = defaultReminderDays,
): number | null {
  if (today > batasPengisian) return null;
  const reached = stages.filter((days) => today >= addDays(batasPengisian, -days));
  if (reached.length === 0) return null;
  const latest = Math.min(...reached);
  return handled.some((h) => h <= latest) ? null : latest;
}

/** After the input deadline, those still owing are escalated to the atasan, once. */
export const escalationDue = (batasPengisian: string, today: string, escalated: boolean): boolean =>
  !escalated && today > batasPengisian;
