// Umpan balik berkelanjutan: the penilai's feedback at any time of the year, per RHK or in general.

import { derivePenilaiChain } from '../../shared/domain/org/penilai.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { employeeFromItem, employeeRepo } from '../db/repos/employee-repo.ts';
import { evaluationRepo } from '../db/repos/evaluation-repo.ts';
import { writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import type { Caller } from './access-service.ts';
import { auditContext, notFound, type RequestContext } from './context.ts';
import { loadOrgContext } from './org-context.ts';

export async function addFeedback(
  deps: Deps,
  caller: Caller,
  employeeId: string,
  input: { rhkId: string | null; umpanBalik: string },
  ctx: RequestContext,
) {
  const [stored, org] = await Promise.all([employeeRepo.get(deps.db, employeeId), loadOrgContext(deps)]);
  if (!stored) throw notFound('employee.not_found', 'Pegawai');
  const chain = derivePenilaiChain(employeeFromItem(stored), org);
  if (caller.employeeId === null || caller.employeeId !== chain.penilai?.employeeId) {
    throw new DomainError(
      'evaluation.not_allowed',
      'Umpan balik berkelanjutan diberikan oleh pejabat penilai pegawai ini.',
    );
  }
  const at = deps.clock.now().toISOString();
  const item = {
    id: deps.newId(),
    employeeId,
    dariId: caller.employeeId,
    rhkId: input.rhkId,
    umpanBalik: input.umpanBalik,
    at,
  };
  await writeChanges(
    deps.db,
    [
      {
        kind: 'create',
        key: keys.feedback(employeeId, at, item.id),
        entity: 'Feedback',
        action: 'feedback.added',
        item,
      },
    ],
    auditContext(deps, ctx),
  );
  return { ...item, version: 1 };
}

export async function listFeedback(deps: Deps, employeeId: string) {
  return (await evaluationRepo.feedback(deps.db, employeeId)).map((i) => ({
    id: String(i.id),
    employeeId: String(i.employeeId),
    dariId: String(i.dariId),
    rhkId: (i.rhkId as string | null) ?? null,
    umpanBalik: String(i.umpanBalik),
    at: String(i.at),
  }));
}
