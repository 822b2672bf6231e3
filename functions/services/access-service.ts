// Authorization: every route declares an Access; this decides it from the caller and the org data.

import {
  type AdminScope,
  leadsUnitOrAbove,
  relationTo,
  unitInScope,
} from '../../shared/domain/access/scope.ts';
import type { OrgContext } from '../../shared/domain/org/penilai.ts';
import { DomainError } from '../../shared/errors.ts';
import { employeeFromItem, employeeRepo } from '../db/repos/employee-repo.ts';
import type { Deps } from '../deps.ts';
import { loadOrgContext } from './org-context.ts';

/** The caller as authorization sees it (a verified token's principal). */
export interface Caller {
  employeeId: string | null;
  adminScope: AdminScope | null;
}

/**
 * - `public`: anyone; `signedIn`: any signed-in person linked to an employee;
 * - `admin`: an HR admin of any scope (lists narrow to the scope); `adminAll`: a ministry-wide HR admin;
 * - `{ employee: param }`: the employee named by that path parameter, seen by an admin whose scope covers
 *   them, by themself, by their penilai or by their atasan penilai — to anyone else it does not exist (404);
 * - `{ unit: param }`: the unit named by that path parameter, seen by an admin whose scope covers it and by
 *   whoever leads it or a unit above it (incl. Plt/Plh) — to anyone else it does not exist (404).
 */
export type Access = 'public' | 'signedIn' | 'admin' | 'adminAll' | { employee: string } | { unit: string };

const unauthenticated = () => new DomainError('auth.unauthenticated', 'Silakan masuk terlebih dahulu.');
const forbidden = (detail = 'Anda tidak memiliki kewenangan untuk tindakan ini.') =>
  new DomainError('auth.forbidden', detail);
const noEmployee = () =>
  new DomainError('auth.no_employee', 'Akun ini belum terhubung dengan data pegawai. Hubungi Biro SDM.');

async function authorizeEmployee(deps: Deps, caller: Caller & { employeeId: string }, employeeId: string) {
  if (caller.adminScope === 'ALL' || caller.employeeId === employeeId) return;
  const stored = await employeeRepo.get(deps.db, employeeId);
  const hidden = new DomainError('employee.not_found', 'Pegawai tidak ditemukan.');
  if (!stored) throw hidden;
  const employee = employeeFromItem(stored);
  let ctx: OrgContext = await loadOrgContext(deps);
  // An HR-assigned penilai's own superior is the atasan: their unit is needed to find them. (A copy: the
  // loaded org is shared with the rest of the request.)
  if (employee.penilaiOverrideId && !employee.atasanPenilaiOverrideId) {
    const [penilai] = await employeeRepo.getMany(deps.db, [employee.penilaiOverrideId]);
    if (penilai) ctx = { ...ctx, unitOfEmployee: new Map([[penilai.id, penilai.unitId]]) };
  }
  if (caller.adminScope && unitInScope(caller.adminScope, employee.unitId, ctx)) return;
  if (relationTo(caller.employeeId, employee, ctx) === null) throw hidden;
}

async function authorizeUnit(deps: Deps, caller: Caller & { employeeId: string }, unitId: string) {
  if (caller.adminScope === 'ALL') return;
  const ctx = await loadOrgContext(deps);
  if (caller.adminScope && unitInScope(caller.adminScope, unitId, ctx)) return;
  if (!leadsUnitOrAbove(caller.employeeId, unitId, ctx))
    throw new DomainError('unit.not_found', 'Unit tidak ditemukan.');
}

export async function authorize(
  deps: Deps,
  caller: Caller | null,
  access: Access,
  params: Record<string, string | undefined>,
): Promise<void> {
  if (access === 'public') return;
  const signedIn = signedInCaller(caller);
  if (access === 'signedIn') return;
  if (access === 'admin') {
    if (!signedIn.adminScope) throw forbidden();
    return;
  }
  if (access === 'adminAll') {
    if (signedIn.adminScope !== 'ALL') throw forbidden('Tindakan ini khusus admin SDM tingkat kementerian.');
    return;
  }
  if ('employee' in access) return authorizeEmployee(deps, signedIn, params[access.employee] ?? '');
  return authorizeUnit(deps, signedIn, params[access.unit] ?? '');
}

/** The caller of a route whose access already required a signed-in person. */
export function signedInCaller(caller: Caller | null): Caller & { employeeId: string } {
  if (!caller) throw unauthenticated();
  if (!caller.employeeId) throw noEmployee();
  return { ...caller, employeeId: caller.employeeId };
}

/** For admin lists: a unit-limited admin must name a unit within their scope. */
export async function assertListScope(
  deps: Deps,
  caller: Caller | null,
  unitId: string | undefined,
): Promise<void> {
  const scope = caller?.adminScope;
  if (!scope || scope === 'ALL') return;
  if (!unitId) throw forbidden('Pilih unit kerja dalam cakupan kewenangan Anda.');
  if (!unitInScope(scope, unitId, await loadOrgContext(deps))) {
    throw new DomainError('unit.not_found', 'Unit tidak ditemukan.');
  }
}
