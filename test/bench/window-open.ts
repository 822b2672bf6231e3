// Opening an evaluation window for a 10,000-employee period: the tick that opens it enqueues one message per
// employee (the "window opened" notice). Measured: the time, DynamoDB calls per employee, and a second tick
// with the same `now`, which must do nothing.

import { loadConfig } from '../../functions/config.ts';
import { createDeps } from '../../functions/deps.ts';
import { runWindows } from '../../functions/jobs/windows.ts';
import { ensureTable } from '../../functions/local/create-table.ts';
import type { DynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { generateOrganisation } from '../../functions/local/synthetic-org.ts';
import { createPeriod } from '../../functions/services/period-service.ts';
import { round } from './stats.ts';

export async function benchWindowOpen(dynamo: DynamoDbLocal, employees = 10_000) {
  const config = loadConfig({
    TABLE_NAME: `window-${employees}`,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    LOG_LEVEL: 'SILENT',
  });
  // Before the first quarter's window opens (27 March), then the day it opens.
  let now = new Date('2025-03-20T03:00:00.000Z');
  const deps = createDeps(config, { clock: { now: () => now } });
  await ensureTable(deps.db);
  const org = await generateOrganisation(deps, { employees });
  const ctx = { actor: { id: 'bench' }, channel: 'seed' as const, requestId: 'bench' };
  await createPeriod(
    deps,
    { tahun: 2025, nama: 'Periode 2025', mulai: '2025-01-01', selesai: '2025-12-31', cadence: 'TRIWULANAN' },
    ctx,
  );
  await runWindows(deps, now); // settles the drafting window (opened and closed before today): no messages

  now = new Date('2025-03-27T01:00:00.000Z');
  const before = deps.db.calls.total;
  const started = performance.now();
  const first = await runWindows(deps, now);
  const ms = performance.now() - started;
  const calls = deps.db.calls.total - before;

  const againBefore = deps.db.calls.total;
  const second = await runWindows(deps, now);
  return {
    employees: org.employees,
    opened: first.windowsOpened,
    notifications: first.notifications,
    seconds: round(ms / 1000),
    perEmployeeMs: round(ms / org.employees),
    callsPerEmployee: round(calls / org.employees, 3),
    calls,
    secondRun: { ...second, calls: deps.db.calls.total - againBefore },
  };
}
