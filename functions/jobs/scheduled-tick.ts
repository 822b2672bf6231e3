// What the schedule runs (EventBridge → jobs Lambda in AWS, croner locally): the tick, then the sweep of
// export jobs whose runner never started or died (kept out of tick.ts, which the api bundles).

import type { Deps } from '../deps.ts';
import { runDueExports } from './export-job.ts';
import { runTick } from './tick.ts';

export async function runScheduledTick(deps: Deps, now: Date, options: { origin: string }) {
  const tick = await runTick(deps, now, options);
  const ekspor = await runDueExports(deps);
  if (ekspor.selesai + ekspor.diulang + ekspor.gagal > 0) deps.logger.info('exports swept', { ...ekspor });
  return { ...tick, ekspor };
}
