// What the planning screens need around one person: the results they may support (their penilai's RHK and
// KR, or their unit's IKU when they lead it), and the team a penilai assesses with their SKPs.

import { derivePenilaiChain, headOf } from '../../shared/domain/org/penilai.ts';
import type { Employee } from '../../shared/domain/org/types.ts';
import type { Skp } from '../../shared/domain/skp/types.ts';
import { employeeFromItem, employeeRepo } from '../db/repos/employee-repo.ts';
import { okrRepo } from '../db/repos/okr-repo.ts';
import { skpFromItem, skpRepo } from '../db/repos/skp-repo.ts';
import type { Deps } from '../deps.ts';
import { notFound } from './context.ts';
import { loadOrgContext } from './org-context.ts';

export interface IntervensiTarget {
  kind: 'IKU' | 'RHK' | 'KR';
  id: string;
  label: string;
  target: string | null;
  /** For a KR: the RHK it belongs to. */
  parentId: string | null;
}

/** The plan of a period that counts for a person: the approved one, else the newest revision. */
const planOf = (skps: Skp[], periodId: string): Skp | null =>
  skps
    .filter((s) => s.periodId === periodId && s.status !== 'DIGANTI' && !s.ditutup)
    .sort(
      (a, b) =>
        Number(b.status === 'DISETUJUI') - Number(a.status === 'DISETUJUI') || b.revision - a.revision,
    )[0] ?? null;

export async function intervensiTargets(deps: Deps, employeeId: string, periodId: string) {
  const [stored, org] = await Promise.all([employeeRepo.get(deps.db, employeeId), loadOrgContext(deps)]);
  if (!stored) throw notFound('employee.not_found', 'Pegawai');
  const employee = employeeFromItem(stored);
  const penilaiId = derivePenilaiChain(employee, org).penilai?.employeeId ?? null;
  const leads = org.units.get(employee.unitId)?.kepalaId === employee.id;
  const [penilaiSkps, penilai, ikus] = await Promise.all([
    penilaiId ? skpRepo.listForEmployee(deps.db, penilaiId) : Promise.resolve([]),
    penilaiId ? employeeRepo.get(deps.db, penilaiId) : Promise.resolve(null),
    leads ? okrRepo.listIku(deps.db, periodId, employee.unitId) : Promise.resolve([]),
  ]);
  const plan = planOf(penilaiSkps.map(skpFromItem), periodId);
  const targets: IntervensiTarget[] = [
    ...ikus.map((i) => ({
      kind: 'IKU' as const,
      id: i.id,
      label: i.indikator,
      target: `${i.target}${i.satuan ? ` ${i.satuan}` : ''}`,
      parentId: null,
    })),
    ...(plan?.rhk ?? []).flatMap((r) => [
      { kind: 'RHK' as const, id: r.id, label: r.deskripsi, target: null, parentId: null },
      ...r.iki.map((k) => ({
        kind: 'KR' as const,
        id: k.id,
        label: k.deskripsi,
        target: `${k.target}${k.satuan ? ` ${k.satuan}` : ''}`,
        parentId: r.id,
      })),
    ]),
  ];
  return {
    penilai: penilai ? { id: String(penilai.id), nama: String(penilai.nama) } : null,
    rencanaPenilai: plan ? { skpId: plan.id, status: plan.status } : null,
    targets,
  };
}

/**
 * The people a penilai assesses today: members of the units they lead (or act for) and the heads of the
 * units right below, kept where the assessor chain names them; each with their plan of the period.
 */
export async function myTeam(deps: Deps, penilaiId: string, periodId: string) {
  const org = await loadOrgContext(deps);
  const led = [...org.units.values()]
    .filter((u) => headOf(u.id, org)?.employeeId === penilaiId)
    .map((u) => u.id);
  const below = [...org.units.values()]
    .filter((u) => u.parentId && led.includes(u.parentId))
    .map((u) => u.id);
  const units = [...new Set([...led, ...below])];
  const members: Employee[] = [];
  for (const unitId of units) {
    let cursor: string | undefined;
    do {
      const page = await employeeRepo.list(deps.db, {
        unitId,
        limit: 100,
        sort: 'nama',
        order: 'asc',
        ...(cursor ? { cursor } : {}),
      });
      members.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const team = members.filter(
    (e) => e.id !== penilaiId && derivePenilaiChain(e, org).penilai?.employeeId === penilaiId,
  );
  const plans = await Promise.all(team.map((e) => skpRepo.listForEmployee(deps.db, e.id)));
  return team
    .map((e, i) => ({
      employee: { id: e.id, nama: e.nama, nip: e.nip, unitId: e.unitId },
      skp: planOf((plans[i] ?? []).map(skpFromItem), periodId),
    }))
    .sort((a, b) => a.employee.nama.localeCompare(b.employee.nama, 'id'));
}
