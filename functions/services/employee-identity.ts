// Checks that an employee's NIP fits their status: PNS → NIP, PPPK → NI PPPK, pejabat negara → none.

import { checkNip, nipProblemMessages } from '../../shared/domain/org/nip.ts';
import type { StatusKepegawaian } from '../../shared/domain/org/types.ts';
import { DomainError, type FieldError } from '../../shared/errors.ts';

/** Field errors for a NIP/status pair, or none when it is plausible on `today` (WIB date). */
export function identityProblems(nip: string | null, status: StatusKepegawaian, today: string): FieldError[] {
  if (status === 'PEJABAT_NEGARA') {
    return nip === null
      ? []
      : [{ path: 'nip', message: 'Pejabat negara tidak memiliki NIP; kosongkan isian NIP.' }];
  }
  if (nip === null) return [{ path: 'nip', message: 'NIP wajib diisi untuk PNS dan PPPK.' }];
  const check = checkNip(nip, status, today);
  return check.ok ? [] : [{ path: 'nip', message: nipProblemMessages[check.problem] }];
}

export function assertIdentity(nip: string | null, status: StatusKepegawaian, today: string): void {
  const problems = identityProblems(nip, status, today);
  const first = problems[0];
  if (first) throw new DomainError('employee.nip_invalid', first.message, problems);
}
