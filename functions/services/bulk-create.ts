// Creates many employees in chunked transactions; if a chunk fails, what earlier chunks wrote is removed.

import type { EmployeeCreate } from '../../shared/contract/employees.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { employeeToItem, freshEmployee } from '../db/repos/employee-repo.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import {
  type AuditContext,
  claimUnique,
  type EntityChange,
  type ExtraWrite,
  releaseUnique,
  type StoredItem,
  writeChanges,
} from '../db/transact.ts';
import type { Deps } from '../deps.ts';

/** 4 transaction items per employee (profile, audit entry, NIP claim, email claim); DynamoDB allows 100. */
const EMPLOYEES_PER_TRANSACTION = 24;

export interface NewEmployee {
  id: string;
  input: EmployeeCreate;
}

const claimsOf = (deps: Deps, { id, input }: NewEmployee, conflict: DomainError): ExtraWrite[] => [
  claimUnique(deps.db, keys.emailUnique(input.email), id, conflict),
  ...(input.nip ? [claimUnique(deps.db, keys.nipUnique(input.nip), id, conflict)] : []),
];

async function writeChunk(deps: Deps, chunk: NewEmployee[], ctx: AuditContext, action: string) {
  const changes: EntityChange[] = chunk.map(({ id, input }) => ({
    kind: 'create',
    key: keys.employee(id),
    entity: 'Employee',
    action,
    item: employeeToItem(freshEmployee(id, input)),
  }));
  const extras = chunk.flatMap((entry) =>
    claimsOf(
      deps,
      entry,
      new DomainError(
        'import.conflict',
        `NIP atau email ${entry.input.nama} baru saja dipakai; impor dibatalkan.`,
      ),
    ),
  );
  await writeChanges(deps.db, changes, ctx, extras);
}

async function removeWritten(deps: Deps, written: NewEmployee[], ctx: AuditContext) {
  for (const entry of written) {
    const item = await orgRepo.getStored(deps.db, keys.employee(entry.id));
    if (!item) continue;
    const extras: ExtraWrite[] = [releaseUnique(deps.db, keys.emailUnique(entry.input.email), entry.id)];
    if (entry.input.nip) extras.push(releaseUnique(deps.db, keys.nipUnique(entry.input.nip), entry.id));
    await writeChanges(
      deps.db,
      [{ kind: 'delete', before: item as StoredItem, action: 'employee.import_rolled_back' }],
      { ...ctx, reason: 'Impor dibatalkan karena sebagian baris gagal disimpan.' },
      extras,
    );
  }
}

/**
 * All or nothing for many employees (more than one transaction can hold): chunks are written with up to
 * `concurrency` in flight; on any failure the chunks that did commit are deleted again (audited), then the
 * first error is rethrown. Leading positions are not set here (they need the unit's head bookkeeping).
 */
export async function createEmployeesInChunks(
  deps: Deps,
  employees: readonly NewEmployee[],
  ctx: AuditContext,
  options: { action: string; concurrency?: number },
): Promise<void> {
  const chunks: NewEmployee[][] = [];
  for (let i = 0; i < employees.length; i += EMPLOYEES_PER_TRANSACTION) {
    chunks.push(employees.slice(i, i + EMPLOYEES_PER_TRANSACTION));
  }
  const written: NewEmployee[] = [];
  let failure: unknown = null;
  let next = 0;
  const worker = async () => {
    while (failure === null && next < chunks.length) {
      const chunk = chunks[next++] as NewEmployee[];
      try {
        await writeChunk(deps, chunk, ctx, options.action);
        written.push(...chunk);
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 1 }, worker));
  if (failure !== null) {
    await removeWritten(deps, written, ctx);
    throw failure;
  }
}
