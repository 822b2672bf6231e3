// The scheduled tick: level-triggered job bodies decide what is due at `now` (windows, reminders,
// escalations), then the mail sweep sends whatever the outbox holds.

import type { Deps } from '../deps.ts';
import { type DeliveryReport, deliverDue } from './deliver-mail.ts';
import { runWindows, type WindowsSummary } from './windows.ts';

export interface TickSummary extends WindowsSummary {
  at: string;
  mail: DeliveryReport;
}

/** Idempotent: running it twice with the same `now` changes nothing the second time. */
export async function runTick(deps: Deps, now: Date, options: { origin: string }): Promise<TickSummary> {
  const windows = await runWindows(deps, now);
  const mail = await deliverDue(deps, { origin: options.origin });
  const summary = { at: now.toISOString(), ...windows, mail };
  deps.logger.info('tick', { ...summary });
  return summary;
}
