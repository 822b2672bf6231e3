// Who is acting and through which channel: what every state-changing use-case needs for its audit entry.

import type { AuditActor, AuditChannel } from '../../shared/domain/audit/audit-entry.ts';
import { wibDate } from '../../shared/domain/time.ts';
import { DomainError } from '../../shared/errors.ts';
import type { AuditContext } from '../db/transact.ts';
import type { Deps } from '../deps.ts';

export interface RequestContext {
  actor: AuditActor;
  channel: AuditChannel;
  requestId: string;
}

export const auditContext = (deps: Deps, ctx: RequestContext, reason?: string): AuditContext => ({
  ...ctx,
  at: deps.clock.now().toISOString(),
  ...(reason ? { reason } : {}),
});

export const todayWib = (deps: Deps): string => wibDate(deps.clock.now());

export const notFound = (
  code: 'unit.not_found' | 'employee.not_found' | 'position.not_found',
  what: string,
) => new DomainError(code, `${what} tidak ditemukan.`);

export const staleVersion = () =>
  new DomainError(
    'concurrency.version_conflict',
    'Data telah diubah oleh orang lain sejak Anda membukanya. Muat ulang lalu ulangi perubahan Anda.',
  );

/** A ConditionCheck that an item exists, for references checked inside the writing transaction. */
export const mustExist = (tableName: string, key: { pk: string; sk: string }, error: DomainError) => ({
  item: { ConditionCheck: { TableName: tableName, Key: key, ConditionExpression: 'attribute_exists(pk)' } },
  onConditionFailed: error,
});
