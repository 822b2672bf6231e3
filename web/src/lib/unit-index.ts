// Flattens the org tree from GET /api/units into a lookup by unit id.

import type { UnitTreeNode } from './api.ts';

/** Every unit of the tree by id (a unit named in the address bar, the unit names on a profile). */
export function indexUnits(roots: UnitTreeNode[]): Map<string, UnitTreeNode> {
  const byId = new Map<string, UnitTreeNode>();
  const visit = (unit: UnitTreeNode) => {
    byId.set(unit.id, unit);
    unit.children.forEach(visit);
  };
  roots.forEach(visit);
  return byId;
}
