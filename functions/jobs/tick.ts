// The scheduled tick: level-triggered job bodies decide what is due at `now` (windows, reminders,
// escalations, the day's progress row), then the sweep sends whatever the outbox holds. The api runs it
// for HR's "run now", so it imports nothing heavy; the scheduled tick adds the export sweep.

import type { Deps } from '../deps.ts';
import { type DeliveryReport, deliverDue } from './deliver-mail.ts';
import { snapshotProgress } from './report-snapshot.ts';
import { runWindows, type WindowsSummary } from './windows.ts';

export interface TickSummary extends WindowsSummary {
  at: string;
  mail: DeliveryReport;
  laporan: { hariDicatat: number };
}

/** Idempotent: running it twice with the same `now` changes nothing the second time. */
export async function runTick(deps: Deps, now: Date, options: { origin: string }): Promise<TickSummary> {
  const windows = await runWindows(deps, now);
  const laporan = await snapshotProgress(deps, now);
  const mail = await deliverDue(deps, { origin: options.origin });
  const summary = { at: now.toISOString(), ...windows, laporan, mail };
  deps.logger.info('tick', { ...summary });
  return summary;
}
