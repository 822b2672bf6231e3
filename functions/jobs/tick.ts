// The scheduled tick: level-triggered job bodies decide what is due at `now` (windows arrive with issue 6).

import type { Deps } from '../deps.ts';

export interface TickSummary {
  at: string;
  windowsOpened: number;
  windowsClosed: number;
}

/** Idempotent: running it twice with the same `now` changes nothing the second time. */
export async function runTick(deps: Deps, now: Date): Promise<TickSummary> {
  const summary = { at: now.toISOString(), windowsOpened: 0, windowsClosed: 0 };
  deps.logger.info('tick', { ...summary });
  return summary;
}
