// The scheduled tick (EventBridge → jobs Lambda in AWS, croner locally): the due steps, then the sweeps —
// whatever the outbox holds is sent, and export jobs whose runner never started or died are built.

import type { Deps } from '../deps.ts';
import { type DeliveryReport, deliverDue } from './deliver-mail.ts';
import { runDueSteps } from './due-steps.ts';
import { type ExportRunReport, runDueExports } from './export-job.ts';

export type TickSummary = Awaited<ReturnType<typeof runDueSteps>> & {
  mail: DeliveryReport;
  ekspor: ExportRunReport;
};

/** Idempotent: running it twice with the same `now` changes nothing the second time. */
export async function runTick(deps: Deps, now: Date, options: { origin: string }): Promise<TickSummary> {
  const steps = await runDueSteps(deps, now);
  const mail = await deliverDue(deps, { origin: options.origin });
  // The jobs Lambda has 10 minutes; a job started in the first 4 finishes well inside them (5 at most each).
  const ekspor = await runDueExports(deps, { budgetMs: 4 * 60_000 });
  const summary = { ...steps, mail, ekspor };
  deps.logger.info('tick', { ...summary });
  return summary;
}
