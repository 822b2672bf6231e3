// Committed OKR cascade: every RHK utama supports ("mengintervensi") a result of the level above
// (domain.md §2.2 and §5): a KR/RHK of the employee's own penilai, or for a unit leader an IKU of the unit.

export type CascadeTargetKind = 'IKU' | 'RHK' | 'KR';

export interface CascadeTarget {
  kind: CascadeTargetKind;
  id: string;
  /** Owner: the employee whose SKP/OKR holds it; for an IKU, the unit it belongs to. */
  ownerEmployeeId: string | null;
  unitId: string | null;
  /** The target this one itself supports (to detect cycles). */
  parentId: string | null;
}

export interface RhkLink {
  jenis: 'UTAMA' | 'TAMBAHAN';
  /** The RHK's own id (so a cycle through it can be seen). */
  id: string;
  intervensi: { kind: CascadeTargetKind; id: string } | null;
}

export interface CascadeContext {
  employeeId: string;
  penilaiId: string | null;
  /** The unit this employee leads, if any: its IKU are valid targets. */
  leadsUnitId: string | null;
  targets: ReadonlyMap<string, CascadeTarget>;
}

export interface CascadeProblem {
  path: string;
  message: string;
}

/** Follows parent links from a target; true if it reaches `id` (the link would close a loop). */
function reaches(targets: ReadonlyMap<string, CascadeTarget>, from: string, id: string): boolean {
  const seen = new Set<string>();
  let current: string | null = from;
  while (current !== null && !seen.has(current)) {
    if (current === id) return true;
    seen.add(current);
    current = targets.get(current)?.parentId ?? null;
  }
  return false;
}

/**
 * Checks the intervensi links of an SKP's RHK list. Field paths name the RHK (e.g. `rhk.0.intervensi`)
 * so a form can show each problem beside its field.
 */
export function cascadeProblems(rhk: readonly RhkLink[], ctx: CascadeContext): CascadeProblem[] {
  const problems: CascadeProblem[] = [];
  rhk.forEach((item, index) => {
    const path = `rhk.${index}.intervensi`;
    if (!item.intervensi) {
      if (item.jenis === 'UTAMA') {
        problems.push({
          path,
          message: 'RHK utama wajib menyebut RHK/hasil kerja pimpinan yang diintervensi.',
        });
      }
      return;
    }
    const target = ctx.targets.get(item.intervensi.id);
    if (!target || target.kind !== item.intervensi.kind) {
      problems.push({ path, message: 'Rujukan tidak ditemukan di antara hasil kerja pejabat penilai Anda.' });
      return;
    }
    const ownPenilai =
      target.kind !== 'IKU' && ctx.penilaiId !== null && target.ownerEmployeeId === ctx.penilaiId;
    const ownUnitIku = target.kind === 'IKU' && ctx.leadsUnitId !== null && target.unitId === ctx.leadsUnitId;
    if (!ownPenilai && !ownUnitIku) {
      problems.push({
        path,
        message:
          target.kind === 'IKU'
            ? 'Hanya pimpinan unit yang dapat merujuk IKU unitnya.'
            : 'Rujukan harus hasil kerja pejabat penilai Anda sendiri.',
      });
      return;
    }
    if (reaches(ctx.targets, target.id, item.id)) {
      problems.push({ path, message: 'Rujukan ini membentuk lingkaran dalam penjenjangan (cascading).' });
    }
  });
  return problems;
}
