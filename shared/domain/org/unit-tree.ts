// Rules of the org-unit tree: no unit may become its own ancestor, and a tree is built from a flat list.

import type { OrgUnit } from './types.ts';

type ParentLink = Pick<OrgUnit, 'id' | 'parentId'>;

/** A unit moved under `newParentId` must not end up below itself (tree stays acyclic). */
export function wouldCreateCycle(
  units: ReadonlyMap<string, ParentLink>,
  unitId: string,
  newParentId: string | null,
) {
  const seen = new Set<string>();
  let current = newParentId;
  while (current !== null && !seen.has(current)) {
    if (current === unitId) return true;
    seen.add(current);
    current = units.get(current)?.parentId ?? null;
  }
  return false;
}

export interface UnitNode<U extends ParentLink> {
  unit: U;
  children: UnitNode<U>[];
}

/** Nests a flat unit list; children keep the order of the input (sorted by the caller). */
export function buildUnitTree<U extends ParentLink>(units: readonly U[]): UnitNode<U>[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as UnitNode<U>[] }]));
  const roots: UnitNode<U>[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The ids of a unit and of every unit below it. */
export function descendantIds(units: readonly ParentLink[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const result = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}
