// Use-cases of org units: the tree, create, rename and move (never below itself).

import type { UnitCreate, UnitTreeNode, UnitUpdate } from '../../shared/contract/org.ts';
import type { OrgUnit } from '../../shared/domain/org/types.ts';
import { buildUnitTree, type UnitNode, wouldCreateCycle } from '../../shared/domain/org/unit-tree.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { orgRepo, unitFromItem } from '../db/repos/org-repo.ts';
import { claimUnique, type EntityChange, type ExtraWrite, writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { auditContext, mustExist, notFound, type RequestContext, staleVersion } from './context.ts';

const parentNotFound = () =>
  new DomainError('unit.parent_not_found', 'Unit induk tidak ditemukan.', [
    { path: 'parentId', message: 'Unit induk tidak ditemukan.' },
  ]);

const toTree = (node: UnitNode<OrgUnit>): UnitTreeNode => ({
  ...node.unit,
  children: node.children.map(toTree),
});

export const unitItem = (unit: Omit<OrgUnit, 'version'>) => ({
  id: unit.id,
  kode: unit.kode,
  nama: unit.nama,
  level: unit.level,
  parentId: unit.parentId,
  kepalaId: unit.kepalaId,
});

/** The audited creation of a unit, for this service and for bulk generators. */
export const unitCreated = (unit: Omit<OrgUnit, 'version'>): EntityChange => ({
  kind: 'create',
  key: keys.unit(unit.id),
  entity: 'OrgUnit',
  action: 'unit.created',
  item: unitItem(unit),
});

export async function getUnitTree(deps: Deps): Promise<{ roots: UnitTreeNode[]; total: number }> {
  const { units } = await orgRepo.listUnits(deps.db);
  const sorted = [...units].sort((a, b) => a.kode.localeCompare(b.kode, 'id'));
  return { roots: buildUnitTree(sorted).map(toTree), total: units.length };
}

export async function getUnit(deps: Deps, id: string): Promise<OrgUnit> {
  const stored = await orgRepo.getStored(deps.db, keys.unit(id));
  if (!stored) throw notFound('unit.not_found', 'Unit');
  return unitFromItem(stored);
}

export async function createUnit(deps: Deps, input: UnitCreate, ctx: RequestContext): Promise<OrgUnit> {
  const unit: Omit<OrgUnit, 'version'> = {
    id: deps.newId(),
    ...input,
    kode: input.kode.toUpperCase(),
    kepalaId: null,
  };
  const extras: ExtraWrite[] = [
    claimUnique(
      deps.db,
      keys.unitKode(unit.kode),
      unit.id,
      new DomainError('unit.kode_taken', `Kode unit ${unit.kode} sudah dipakai.`, [
        { path: 'kode', message: 'Kode unit sudah dipakai unit lain.' },
      ]),
    ),
  ];
  if (input.parentId) extras.push(mustExist(deps.db.tableName, keys.unit(input.parentId), parentNotFound()));
  await writeChanges(deps.db, [unitCreated(unit)], auditContext(deps, ctx), extras);
  return { ...unit, version: 1 };
}

export async function updateUnit(
  deps: Deps,
  id: string,
  input: UnitUpdate,
  ctx: RequestContext,
): Promise<OrgUnit> {
  const { units, stored } = await orgRepo.listUnits(deps.db);
  const before = stored.find((item) => item.sk === keys.unit(id).sk);
  if (!before) throw notFound('unit.not_found', 'Unit');
  if (before.version !== input.version) throw staleVersion();
  const current = unitFromItem(before);
  const next: Omit<OrgUnit, 'version'> = {
    ...current,
    nama: input.nama ?? current.nama,
    level: input.level ?? current.level,
    parentId: input.parentId === undefined ? current.parentId : input.parentId,
  };
  const extras: ExtraWrite[] = [];
  if (next.parentId !== current.parentId && next.parentId !== null) {
    const parent = stored.find((item) => item.sk === keys.unit(next.parentId as string).sk);
    if (!parent) throw parentNotFound();
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    if (wouldCreateCycle(byId, id, next.parentId)) {
      throw new DomainError('unit.cycle', 'Unit tidak boleh dipindahkan ke bawah dirinya sendiri.', [
        { path: 'parentId', message: 'Unit induk ini berada di bawah unit yang dipindahkan.' },
      ]);
    }
    // The new parent must be as we read it: two crossing moves cannot both commit and form a cycle.
    extras.push({
      item: {
        ConditionCheck: {
          TableName: deps.db.tableName,
          Key: keys.unit(next.parentId),
          ConditionExpression: '#version = :v',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':v': parent.version },
        },
      },
      onConditionFailed: staleVersion(),
    });
  }
  await writeChanges(
    deps.db,
    [{ kind: 'update', before, action: 'unit.updated', item: unitItem(next) }],
    auditContext(deps, ctx),
    extras,
  );
  return { ...next, version: before.version + 1 };
}
