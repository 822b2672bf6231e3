// Who may see what: HR admin scopes over the org tree, and the people a penilai assesses.

import { derivePenilaiChain, headOf, type OrgContext } from '../org/penilai.ts';
import type { Employee } from '../org/types.ts';

/** 'ALL' for a ministry-wide HR admin (pengelola kinerja), unit ids for one limited to those units and below. */
export type AdminScope = 'ALL' | string[];

/** True when `unitId` is one of the scope's units or lies below one of them. */
export function unitInScope(scope: AdminScope, unitId: string, ctx: Pick<OrgContext, 'units'>): boolean {
  if (scope === 'ALL') return true;
  const seen = new Set<string>();
  let current: string | null = unitId;
  while (current !== null && !seen.has(current)) {
    if (scope.includes(current)) return true;
    seen.add(current);
    current = ctx.units.get(current)?.parentId ?? null;
  }
  return false;
}

/** True when the person leads (or acts as head of) the unit or any unit above it today. */
export function leadsUnitOrAbove(personId: string, unitId: string, ctx: OrgContext): boolean {
  const seen = new Set<string>();
  let current: string | null = unitId;
  while (current !== null && !seen.has(current)) {
    const head = headOf(current, ctx);
    if (head?.employeeId === personId || ctx.units.get(current)?.kepalaId === personId) return true;
    seen.add(current);
    current = ctx.units.get(current)?.parentId ?? null;
  }
  return false;
}

export type Relation = 'self' | 'penilai' | 'atasan' | null;

/**
 * How a person stands to an employee: themself, their Pejabat Penilai (including a Plt/Plh in their dates
 * and an HR override), their Atasan Pejabat Penilai — or nothing, in which case the employee is invisible.
 */
export function relationTo(
  personId: string,
  employee: Pick<Employee, 'id' | 'unitId' | 'penilaiOverrideId' | 'atasanPenilaiOverrideId'>,
  ctx: OrgContext,
): Relation {
  if (personId === employee.id) return 'self';
  const chain = derivePenilaiChain(employee, ctx);
  if (chain.penilai?.employeeId === personId) return 'penilai';
  if (chain.atasanPenilai?.employeeId === personId) return 'atasan';
  return null;
}
