// The steps of the tick that decide what is due at `now` (windows, reminders, escalations, the day's report
// row). HR's "run now" runs just these from the api — mail and export sweeps stay in the jobs Lambda, so the
// api bundle carries neither nodemailer nor the file writers.

import type { Deps } from '../deps.ts';
import { snapshotProgress } from './report-snapshot.ts';
import { runWindows } from './windows.ts';

export async function runDueSteps(deps: Deps, now: Date) {
  const windows = await runWindows(deps, now);
  const laporan = await snapshotProgress(deps, now);
  return { at: now.toISOString(), ...windows, laporan };
}
