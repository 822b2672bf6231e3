// Use-cases of the committed cascade: a unit's IKU for a period, and the alignment tree below one IKU.

import type { IkuCreate } from '../../shared/contract/okr.ts';
import { type AlignmentTreeNode, buildAlignmentTree, type Iku } from '../../shared/domain/okr/types.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { okrRepo } from '../db/repos/okr-repo.ts';
import { writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { auditContext, mustExist, notFound, type RequestContext } from './context.ts';
import { getPeriod } from './period-service.ts';

export async function createIku(
  deps: Deps,
  periodId: string,
  input: IkuCreate,
  ctx: RequestContext,
): Promise<Iku> {
  await getPeriod(deps, periodId);
  const iku = { id: deps.newId(), periodId, ...input };
  await writeChanges(
    deps.db,
    [
      {
        kind: 'create',
        key: keys.iku(periodId, input.unitId, iku.id),
        entity: 'Iku',
        action: 'iku.created',
        item: iku,
      },
    ],
    auditContext(deps, ctx),
    [mustExist(deps.db.tableName, keys.unit(input.unitId), notFound('unit.not_found', 'Unit'))],
  );
  return { ...iku, version: 1 };
}

export const listIku = (deps: Deps, periodId: string, unitId?: string) =>
  okrRepo.listIku(deps.db, periodId, unitId);

/** The IKU and everyone whose approved RHK supports it, any number of levels down. */
export async function alignmentTree(deps: Deps, periodId: string, ikuId: string): Promise<AlignmentTreeNode> {
  const [ikus, nodes] = await Promise.all([
    okrRepo.listIku(deps.db, periodId),
    okrRepo.subtree(deps.db, periodId, ikuId),
  ]);
  const iku = ikus.find((i) => i.id === ikuId);
  if (!iku) throw new DomainError('iku.not_found', 'IKU tidak ditemukan pada periode ini.');
  return buildAlignmentTree(iku, nodes);
}
