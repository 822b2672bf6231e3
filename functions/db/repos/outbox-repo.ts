// The transactional outbox: messages written with the change that causes them, then claimed, sent and
// marked by the deliverer with conditional writes, so that concurrent deliverers never send one twice.

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxMessage, Recipient } from '../../../shared/domain/mail/messages.ts';
import { DomainError } from '../../../shared/errors.ts';
import type { Db } from '../client.ts';
import { keys, MAIL_BLOCKED_PK, OUTBOX_DUE_PK, OUTBOX_FAILED_PK } from '../keys.ts';
import { claimWithLease } from '../lease.ts';
import { decodeCursor, encodeCursor, type Page, queryPage } from '../pagination.ts';
import type { ExtraWrite } from '../transact.ts';

export type OutboxStatus = 'PENDING' | 'SENDING' | 'SENT' | 'FAILED';

export type OutboxItem = OutboxMessage & {
  id: string;
  to: Recipient;
  status: OutboxStatus;
  attempts: number;
  dueAt: string;
  createdAt: string;
  sentAt: string | null;
  lastError: string | null;
  claimId?: string;
  leaseUntil?: string;
  version: number;
};

export const outboxFromItem = (item: Record<string, unknown>): OutboxItem => {
  const { pk: _pk, sk: _sk, gsi3pk: _g, gsi3sk: _s, entity: _e, auditHash: _a, ...rest } = item;
  return rest as unknown as OutboxItem;
};

/** The outbox entry for a message, to be written in the transaction of the change that causes it. */
export function enqueue(db: Db, id: string, to: Recipient, message: OutboxMessage, now: Date): ExtraWrite {
  const at = now.toISOString();
  return {
    item: {
      Put: {
        TableName: db.tableName,
        Item: {
          ...keys.outboxMessage(id),
          ...keys.outboxIndex('PENDING', id, at),
          entity: 'OutboxItem',
          version: 1,
          id,
          to,
          ...message,
          status: 'PENDING',
          attempts: 0,
          dueAt: at,
          createdAt: at,
          sentAt: null,
          lastError: null,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConditionFailed: new DomainError('concurrency.version_conflict', 'Pesan ini sudah dijadwalkan.'),
  };
}

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

async function queryIndex(
  db: Db,
  pk: string,
  limit: number,
  options: { upTo?: string; cursor?: string; newestFirst?: boolean },
) {
  const result = await queryPage(db, {
    TableName: db.tableName,
    IndexName: 'gsi3',
    KeyConditionExpression: options.upTo ? 'gsi3pk = :pk AND gsi3sk <= :upTo' : 'gsi3pk = :pk',
    ExpressionAttributeValues: { ':pk': pk, ...(options.upTo ? { ':upTo': options.upTo } : {}) },
    Limit: limit,
    ScanIndexForward: !options.newestFirst,
    ExclusiveStartKey: decodeCursor(options.cursor, ['pk', 'sk', 'gsi3pk', 'gsi3sk']),
  });
  return { items: result.Items ?? [], nextCursor: encodeCursor(result.LastEvaluatedKey) };
}

export const outboxRepo = {
  /** Messages due at `now`: pending ones whose time has come and claims whose lease ran out. */
  async due(db: Db, now: Date, limit: number): Promise<OutboxItem[]> {
    const { items } = await queryIndex(db, OUTBOX_DUE_PK, limit, { upTo: `${now.toISOString()}#~` });
    return items.map(outboxFromItem);
  },

  async list(db: Db, which: 'FAILED' | 'DUE', limit: number, cursor?: string): Promise<Page<OutboxItem>> {
    const pk = which === 'FAILED' ? OUTBOX_FAILED_PK : OUTBOX_DUE_PK;
    const { items, nextCursor } = await queryIndex(db, pk, limit, {
      cursor,
      newestFirst: which === 'FAILED',
    });
    return { items: items.map(outboxFromItem), nextCursor };
  },

  /**
   * Takes a message for sending until `leaseUntil`: only if it is pending and due, or its previous claim
   * expired (a deliverer crashed). Null when someone else holds it or it was sent meanwhile.
   */
  async claim(db: Db, id: string, claimId: string, now: Date, leaseMs: number): Promise<OutboxItem | null> {
    const key = keys.outboxMessage(id);
    const claimed = await claimWithLease(db, {
      key,
      id,
      waiting: 'PENDING',
      running: 'SENDING',
      claimId,
      now,
      leaseMs,
    });
    return claimed && outboxFromItem(claimed);
  },

  /** Records the outcome of a send, only while the claim is still ours. */
  async settle(
    db: Db,
    id: string,
    claimId: string,
    outcome:
      | { status: 'SENT'; at: string; providerId: string }
      | { status: 'PENDING'; dueAt: string; error: string; notAnAttempt?: boolean }
      | { status: 'FAILED'; at: string; error: string },
  ): Promise<boolean> {
    const common = { ':claim': claimId };
    const update =
      outcome.status === 'SENT'
        ? {
            UpdateExpression:
              'SET #status = :s, sentAt = :at, providerId = :pid, lastError = :null REMOVE gsi3pk, gsi3sk, leaseUntil, claimId',
            ExpressionAttributeValues: {
              ...common,
              ':s': 'SENT',
              ':at': outcome.at,
              ':pid': outcome.providerId,
              ':null': null,
            },
          }
        : {
            UpdateExpression: `SET #status = :s, lastError = :err, dueAt = :due, gsi3pk = :gpk, gsi3sk = :gsk${
              outcome.status === 'PENDING' && outcome.notAnAttempt ? ', attempts = attempts - :one' : ''
            } REMOVE leaseUntil, claimId`,
            ExpressionAttributeValues: {
              ...common,
              ...(outcome.status === 'PENDING' && outcome.notAnAttempt ? { ':one': 1 } : {}),
              ':s': outcome.status,
              ':err': outcome.error.slice(0, 500),
              ':due': outcome.status === 'PENDING' ? outcome.dueAt : outcome.at,
              ':gpk': outcome.status === 'PENDING' ? OUTBOX_DUE_PK : OUTBOX_FAILED_PK,
              ':gsk': `${outcome.status === 'PENDING' ? outcome.dueAt : outcome.at}#${id}`,
            },
          };
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.outboxMessage(id),
          ...update,
          ConditionExpression: 'claimId = :claim',
          ExpressionAttributeNames: { '#status': 'status' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async listBlocked(db: Db, limit: number, cursor?: string) {
    const { items, nextCursor } = await queryIndex(db, MAIL_BLOCKED_PK, limit, { cursor });
    return {
      items: items.map((i) => ({
        email: i.email as string,
        alasan: i.alasan as 'BOUNCE' | 'COMPLAINT',
        detail: (i.detail as string | null) ?? null,
        at: i.at as string,
        version: i.version as number,
      })),
      nextCursor,
    };
  },
};
