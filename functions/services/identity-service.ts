// Who an account is: the employee behind an email and their HR admin powers, for the claims of a token.

import type { AdminScope } from '../../shared/domain/access/scope.ts';
import type { Employee } from '../../shared/domain/org/types.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { employeeFromItem, employeeRepo } from '../db/repos/employee-repo.ts';
import type { Deps } from '../deps.ts';

export interface Identity {
  employeeId: string | null;
  nama: string | null;
  adminScope: AdminScope | null;
}

export async function getEmployeeByEmail(deps: Deps, email: string): Promise<Employee> {
  const owner = await employeeRepo.ownerOf(deps.db, keys.emailUnique(email));
  const stored = owner ? await employeeRepo.get(deps.db, owner) : null;
  if (!stored) throw new DomainError('employee.not_found', 'Tidak ada pegawai dengan email ini.');
  return employeeFromItem(stored);
}

/**
 * Resolves an email to its employee at sign-in (and at each Cognito token refresh). HR admin powers are
 * granted only to accounts with MFA: without it the person signs in as an ordinary employee.
 */
export async function identityForEmail(
  deps: Deps,
  email: string,
  options: { mfaEnabled: boolean },
): Promise<Identity> {
  const employee = await getEmployeeByEmail(deps, email).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'employee.not_found') return null;
    throw error;
  });
  if (!employee) return { employeeId: null, nama: null, adminScope: null };
  return {
    employeeId: employee.id,
    nama: employee.nama,
    adminScope: options.mfaEnabled ? employee.adminScope : null,
  };
}
