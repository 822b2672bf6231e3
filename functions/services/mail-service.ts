// HR's side of the mail: failed and waiting messages, sending one again, undeliverable addresses.

import { DomainError } from '../../shared/errors.ts';
import { keys, MAIL_BLOCKED_PK } from '../db/keys.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import { type OutboxItem, outboxFromItem, outboxRepo } from '../db/repos/outbox-repo.ts';
import { type EntityChange, writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { auditContext, type RequestContext, staleVersion } from './context.ts';

const messageNotFound = () => new DomainError('mail.not_found', 'Pesan tidak ditemukan.');

/** What HR sees of a message: never its data (an approval request's link seeds stay in the table). */
const publicView = (m: OutboxItem) => ({
  id: m.id,
  template: m.template,
  to: m.to,
  status: m.status,
  attempts: m.attempts,
  dueAt: m.dueAt,
  createdAt: m.createdAt,
  lastError: m.lastError,
  version: m.version,
});

export async function listOutbox(deps: Deps, which: 'FAILED' | 'DUE', limit: number, cursor?: string) {
  const page = await outboxRepo.list(deps.db, which, limit, cursor);
  return { items: page.items.map(publicView), nextCursor: page.nextCursor };
}

/** Puts a failed message back in the queue (after HR fixed the address, say); audited. */
export async function retryMessage(deps: Deps, id: string, version: number, ctx: RequestContext) {
  const before = await orgRepo.getStored(deps.db, keys.outboxMessage(id));
  if (!before) throw messageNotFound();
  if (before.version !== version) throw staleVersion();
  const message = outboxFromItem(before);
  if (message.status !== 'FAILED') {
    throw new DomainError('concurrency.version_conflict', 'Hanya pesan yang gagal yang dapat dikirim ulang.');
  }
  const now = deps.clock.now().toISOString();
  const { version: _version, ...fields } = message;
  const item = {
    ...fields,
    status: 'PENDING',
    attempts: 0,
    dueAt: now,
    lastError: null,
    ...keys.outboxIndex('PENDING', id, now),
  };
  await writeChanges(
    deps.db,
    [{ kind: 'update', before, action: 'mail.retry_requested', item }],
    auditContext(deps, ctx),
  );
  deps.mail.kick();
  return publicView({
    ...message,
    status: 'PENDING',
    attempts: 0,
    dueAt: now,
    lastError: null,
    version: version + 1,
  });
}

export const listUndeliverable = (deps: Deps, limit: number, cursor?: string) =>
  outboxRepo.listBlocked(deps.db, limit, cursor);

/** SES said the address bounced for good or its owner complained: no more mail goes there until HR clears it. */
export async function markUndeliverable(
  deps: Deps,
  email: string,
  alasan: 'BOUNCE' | 'COMPLAINT',
  detail: string | null,
  ctx: RequestContext,
) {
  const key = keys.mailAddress(email);
  const before = await orgRepo.getStored(deps.db, key);
  const item = {
    email: email.toLowerCase(),
    alasan,
    detail,
    at: deps.clock.now().toISOString(),
    gsi3pk: MAIL_BLOCKED_PK,
    gsi3sk: email.toLowerCase(),
  };
  const change: EntityChange = before
    ? { kind: 'update', before, action: 'mail.address_blocked', item }
    : { kind: 'create', key, entity: 'MailAddress', action: 'mail.address_blocked', item };
  await writeChanges(deps.db, [change], auditContext(deps, ctx));
}

export async function clearUndeliverable(deps: Deps, email: string, version: number, ctx: RequestContext) {
  const before = await orgRepo.getStored(deps.db, keys.mailAddress(email));
  if (!before) throw new DomainError('mail.not_found', 'Alamat ini tidak ditandai.');
  if (before.version !== version) throw staleVersion();
  await writeChanges(
    deps.db,
    [{ kind: 'delete', before, action: 'mail.address_cleared' }],
    auditContext(deps, ctx),
  );
}
