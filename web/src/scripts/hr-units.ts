// Unit names for HR's tables: the org tree (GET /api/units) flattened in tree order, so rows of counters
// (which the API keys by unit id) read top-down like the organisation.

import { api, type UnitTreeNode } from '../lib/api.ts';
import { h } from '../lib/dom.ts';

export interface UnitIndex {
  byId: Map<string, UnitTreeNode>;
  /** Position in the tree, top-down (the ministry first). */
  order: Map<string, number>;
  depth: Map<string, number>;
  /** Every unit, in tree order. */
  list: UnitTreeNode[];
}

export async function loadUnits(signal?: AbortSignal): Promise<UnitIndex> {
  const tree = await api.unitTree(signal);
  const index: UnitIndex = { byId: new Map(), order: new Map(), depth: new Map(), list: [] };
  const visit = (unit: UnitTreeNode, depth: number) => {
    index.byId.set(unit.id, unit);
    index.order.set(unit.id, index.list.length);
    index.depth.set(unit.id, depth);
    index.list.push(unit);
    for (const child of unit.children) visit(child, depth + 1);
  };
  for (const root of tree.roots) visit(root, 0);
  return index;
}

/** Sorts rows keyed by unit id in tree order; units the tree does not know go last. */
export const byTreeOrder =
  (units: UnitIndex) =>
  (a: { unitId: string }, b: { unitId: string }): number =>
    (units.order.get(a.unitId) ?? Number.MAX_SAFE_INTEGER) -
    (units.order.get(b.unitId) ?? Number.MAX_SAFE_INTEGER);

export const unitName = (units: UnitIndex, unitId: string): string =>
  units.byId.get(unitId)?.nama ?? `Unit tidak dikenal (${unitId})`;

/** A row header naming the unit, linked to its members on Beranda, with its code below. */
export function unitHeader(units: UnitIndex, unitId: string): HTMLTableCellElement {
  const unit = units.byId.get(unitId);
  return h(
    'th',
    { scope: 'row', class: 'hr-unit' },
    unit
      ? h('a', { href: `/?unit=${encodeURIComponent(unit.id)}` }, unit.nama)
      : `Unit tidak dikenal (${unitId})`,
    unit ? h('span', { class: 'hr-unit__kode mono' }, unit.kode) : null,
  );
}

/** Options of every unit, indented by depth (a select cannot nest). */
export function unitOptions(units: UnitIndex): HTMLOptionElement[] {
  return units.list.map((unit) =>
    h(
      'option',
      { value: unit.id },
      `${'\u00a0\u00a0'.repeat(units.depth.get(unit.id) ?? 0)}${unit.nama} (${unit.kode})`,
    ),
  );
}
