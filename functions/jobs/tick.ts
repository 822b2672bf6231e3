// The scheduled tick: level-triggered job bodies decide what is due at `now` (windows arrive with issue 6),
// and the mail sweep retries whatever the outbox still holds.

import type { Deps } from '../deps.ts';
import { type DeliveryReport, deliverDue } from './deliver-mail.ts';

export interface TickSummary {
  at: string;
  windowsOpened: number;
  windowsClosed: number;
  mail: DeliveryReport;
}

/** Idempotent: running it twice with the same `now` changes nothing the second time. */
export async function runTick(deps: Deps, now: Date, options: { origin: string }): Promise<TickSummary> {
  const mail = await deliverDue(deps, { origin: options.origin });
  const summary = { at: now.toISOString(), windowsOpened: 0, windowsClosed: 0, mail };
  deps.logger.info('tick', { ...summary });
  return summary;
}
