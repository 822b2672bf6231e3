// Who is calling: the verified token's claims turned into the person and powers the app works with.

import type { AdminScope } from '../../shared/domain/access/scope.ts';

export type { AdminScope };

export interface Principal {
  /** Cognito `sub` (or the local subject). */
  subject: string;
  email: string;
  nama: string;
  /** The employee this account belongs to; null for an account not linked to anyone. */
  employeeId: string | null;
  adminScope: AdminScope | null;
}

/** Claim names added at token issue (Cognito pre-token trigger, or the development sign-in). */
export const CLAIM_EMPLOYEE = 'piawai:employee_id';
export const CLAIM_ADMIN_SCOPE = 'piawai:admin_scope';

export const encodeAdminScope = (scope: AdminScope | null): string =>
  scope === null ? '' : scope === 'ALL' ? 'ALL' : scope.join(',');

export const decodeAdminScope = (value: unknown): AdminScope | null => {
  if (typeof value !== 'string' || value === '') return null;
  return value === 'ALL' ? 'ALL' : value.split(',').filter((id) => id.length > 0);
};

export function principalFromClaims(claims: Record<string, unknown>): Principal {
  const employeeId = claims[CLAIM_EMPLOYEE];
  return {
    subject: String(claims.sub ?? ''),
    email: String(claims.email ?? ''),
    nama: typeof claims.name === 'string' ? claims.name : String(claims.email ?? ''),
    employeeId: typeof employeeId === 'string' && employeeId !== '' ? employeeId : null,
    adminScope: decodeAdminScope(claims[CLAIM_ADMIN_SCOPE]),
  };
}
