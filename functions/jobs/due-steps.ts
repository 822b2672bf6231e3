// The steps of the tick that decide what is due at `now` (windows, reminders, escalations, the day's report
// row). HR's "run now" runs just these from the api — mail and export sweeps stay in the jobs Lambda, so the
// api bundle carries neither nodemailer nor the file writers.

import { periodRepo } from '../db/repos/period-repo.ts';
import type { Deps } from '../deps.ts';
import { snapshotProgress } from './report-snapshot.ts';
import { runWindows } from './windows.ts';

export async function runDueSteps(deps: Deps, now: Date) {
  // One read of the periods for both steps (runWindows writes window states, never a period).
  const periods = await periodRepo.list(deps.db);
  const windows = await runWindows(deps, now, { periods });
  const laporan = await snapshotProgress(deps, now, periods);
  return { at: now.toISOString(), ...windows, laporan };
}
