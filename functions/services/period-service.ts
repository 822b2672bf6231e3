// Use-cases of performance periods: list (newest first) and create.

import type { PeriodCreate } from '../../shared/contract/periods.ts';
import { type Period, periodProblems } from '../../shared/domain/period/types.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { periodRepo } from '../db/repos/period-repo.ts';
import { writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { auditContext, type RequestContext } from './context.ts';

export const listPeriods = (deps: Deps): Promise<Period[]> => periodRepo.list(deps.db);

export async function createPeriod(deps: Deps, input: PeriodCreate, ctx: RequestContext): Promise<Period> {
  const problems = periodProblems(input);
  if (problems.length > 0)
    throw new DomainError('period.invalid_dates', 'Tanggal periode tidak valid.', problems);
  const period = { id: deps.newId(), ...input };
  await writeChanges(
    deps.db,
    [
      {
        kind: 'create',
        key: keys.period(input.tahun, period.id),
        entity: 'Period',
        action: 'period.created',
        item: period,
      },
    ],
    auditContext(deps, ctx),
  );
  return { ...period, version: 1 };
}
