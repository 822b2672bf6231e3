// Who assesses whom: Pejabat Penilai Kinerja and Atasan Pejabat Penilai, derived from the org tree.

import type { ActingAssignment, Employee, OrgUnit } from './types.ts';

export type PenilaiSource = 'struktur' | 'plt' | 'plh' | 'override';

export interface PenilaiRef {
  employeeId: string;
  source: PenilaiSource;
  /** The unit whose head this person is (or acts as). */
  unitId: string | null;
  /** For Plt/Plh: the definitive head they stand in for, if the post is not vacant. */
  onBehalfOf: string | null;
}

export interface PenilaiChain {
  penilai: PenilaiRef | null;
  atasanPenilai: PenilaiRef | null;
}

export interface OrgContext {
  units: ReadonlyMap<string, Pick<OrgUnit, 'id' | 'parentId' | 'kepalaId'>>;
  actings: readonly ActingAssignment[];
  /** WIB calendar date, YYYY-MM-DD. */
  today: string;
  /** Units of people named by an override, so their own superior can be found. */
  unitOfEmployee?: ReadonlyMap<string, string>;
}

/** Who leads a unit today: an acting official (Plt/Plh) in their dates comes before the definitive head. */
export function headOf(unitId: string, ctx: OrgContext): PenilaiRef | null {
  const unit = ctx.units.get(unitId);
  const acting = ctx.actings.find(
    (a) => a.unitId === unitId && a.mulai <= ctx.today && ctx.today <= a.selesai,
  );
  if (acting) {
    return {
      employeeId: acting.employeeId,
      source: acting.jenis === 'PLT' ? 'plt' : 'plh',
      unitId,
      onBehalfOf: unit?.kepalaId && unit.kepalaId !== acting.employeeId ? unit.kepalaId : null,
    };
  }
  if (!unit?.kepalaId) return null;
  return { employeeId: unit.kepalaId, source: 'struktur', unitId, onBehalfOf: null };
}

/** Walks up from a unit to the first head who is none of `skip` (vacant posts pass to the unit above). */
function firstHeadFrom(unitId: string | null, ctx: OrgContext, skip: ReadonlySet<string>): PenilaiRef | null {
  const seen = new Set<string>();
  let current = unitId;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    const head = headOf(current, ctx);
    if (head && !skip.has(head.employeeId)) return head;
    current = ctx.units.get(current)?.parentId ?? null;
  }
  return null;
}

/** True when this person leads the unit (definitively or as Plt/Plh today). */
const leads = (employeeId: string, unitId: string, ctx: OrgContext): boolean =>
  ctx.units.get(unitId)?.kepalaId === employeeId || headOf(unitId, ctx)?.employeeId === employeeId;

/** The penilai of someone in `unitId`: their unit's head, or for a unit head the head of the unit above. */
function derivedPenilai(employeeId: string, unitId: string, ctx: OrgContext, skip: Set<string>) {
  const start = leads(employeeId, unitId, ctx) ? (ctx.units.get(unitId)?.parentId ?? null) : unitId;
  return firstHeadFrom(start, ctx, skip);
}

/**
 * Pejabat Penilai Kinerja = direct superior (head of the employee's unit, or of the unit above for a
 * unit head); Atasan Pejabat Penilai = the penilai's own penilai (PP 30/2019; domain.md §3.5).
 * The top official (the Minister) has neither; whoever the Minister assesses has the Minister as atasan
 * too ("same" in the BKN table). HR overrides per employee win over the derivation.
 */
export function derivePenilaiChain(
  employee: Pick<Employee, 'id' | 'unitId' | 'penilaiOverrideId' | 'atasanPenilaiOverrideId'>,
  ctx: OrgContext,
): PenilaiChain {
  const override = (id: string | null): PenilaiRef | null =>
    id ? { employeeId: id, source: 'override', unitId: null, onBehalfOf: null } : null;

  const penilai =
    override(employee.penilaiOverrideId) ??
    derivedPenilai(employee.id, employee.unitId, ctx, new Set([employee.id]));
  if (!penilai) return { penilai: null, atasanPenilai: override(employee.atasanPenilaiOverrideId) };

  const atasanDerived = () => {
    const penilaiUnit = penilai.unitId ?? ctx.unitOfEmployee?.get(penilai.employeeId);
    if (penilaiUnit === undefined) return null;
    const skip = new Set([employee.id, penilai.employeeId]);
    // Nobody above the penilai: the top official is also the atasan ("same" in the BKN table).
    return derivedPenilai(penilai.employeeId, penilaiUnit, ctx, skip) ?? penilai;
  };
  return { penilai, atasanPenilai: override(employee.atasanPenilaiOverrideId) ?? atasanDerived() };
}
