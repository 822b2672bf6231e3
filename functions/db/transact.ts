// One DynamoDB transaction for a change: entity writes conditional on the version they expect, an audit
// entry per entity (hash-chained to the previous one), and any extra items (uniqueness, outbox).

import { createHash } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  type AuditActor,
  type AuditChannel,
  type AuditEntry,
  diffFields,
  hashedContent,
} from '../../shared/domain/audit/audit-entry.ts';
import { DomainError, serviceUnavailable } from '../../shared/errors.ts';
import type { Db } from './client.ts';
import { AUDIT_GENESIS_HASH, type Key, keys } from './keys.ts';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface AuditContext {
  actor: AuditActor;
  channel: AuditChannel;
  requestId: string;
  at: string;
  reason?: string;
}

/** A stored item as read: it carries its key, entity type, version and the hash of its last audit entry. */
export type StoredItem = Record<string, unknown> &
  Key & { entity: string; version: number; auditHash?: string };

export type EntityChange =
  | { kind: 'create'; key: Key; entity: string; action: string; item: Record<string, unknown> }
  | { kind: 'update'; before: StoredItem; action: string; item: Record<string, unknown> }
  | { kind: 'delete'; before: StoredItem; action: string };

/** A non-audited item in the same transaction, with the error to raise if its condition fails. */
export interface ExtraWrite {
  item: TransactItem;
  onConditionFailed: DomainError;
}

export const sha256 = (content: string | Uint8Array): string =>
  createHash('sha256').update(content).digest('hex');

const versionConflict = () =>
  new DomainError(
    'concurrency.version_conflict',
    'Data telah diubah oleh orang lain sejak Anda membukanya. Muat ulang lalu ulangi perubahan Anda.',
  );

function auditEntryFor(change: EntityChange, ctx: AuditContext): AuditEntry {
  const key = change.kind === 'create' ? change.key : { pk: change.before.pk, sk: change.before.sk };
  const entityType = change.kind === 'create' ? change.entity : change.before.entity;
  const version = change.kind === 'create' ? 1 : change.before.version + 1;
  const prevHash =
    change.kind === 'create' ? AUDIT_GENESIS_HASH : (change.before.auditHash ?? AUDIT_GENESIS_HASH);
  const before = change.kind === 'create' ? null : change.before;
  const after = change.kind === 'delete' ? null : change.item;
  const content: Omit<AuditEntry, 'hash'> = {
    stream: keys.auditStream(key),
    version,
    at: ctx.at,
    action: change.action,
    entityType,
    actor: ctx.actor,
    channel: ctx.channel,
    requestId: ctx.requestId,
    changes: diffFields(before, after),
    ...(ctx.reason ? { reason: ctx.reason } : {}),
    prevHash,
  };
  return { ...content, hash: sha256(hashedContent(content)) };
}

function entityWrite(db: Db, change: EntityChange, audit: AuditEntry, ctx: AuditContext): TransactItem {
  if (change.kind === 'create') {
    return {
      Put: {
        TableName: db.tableName,
        Item: {
          ...change.item,
          ...change.key,
          entity: change.entity,
          version: 1,
          createdAt: ctx.at,
          updatedAt: ctx.at,
          auditHash: audit.hash,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }
  const key = { pk: change.before.pk, sk: change.before.sk };
  const condition = {
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':expected': change.before.version },
  };
  if (change.kind === 'delete') return { Delete: { TableName: db.tableName, Key: key, ...condition } };
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...change.item,
        ...key,
        entity: change.before.entity,
        version: audit.version,
        createdAt: change.before.createdAt ?? ctx.at,
        updatedAt: ctx.at,
        auditHash: audit.hash,
      },
      ...condition,
    },
  };
}

function auditWrite(db: Db, audit: AuditEntry): TransactItem {
  const key = keys.auditEntry(audit.stream, audit.version);
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...audit,
        ...key,
        ...keys.auditIndexes(audit.stream, audit.at, audit.actor.id),
        entity: 'AuditEntry',
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * Writes entity changes, their audit entries and extra items in one transaction (max 100 items).
 * A failed condition on an entity or its audit entry is a version conflict (HTTP 409); a failed extra
 * item raises that item's own error (e.g. a taken NIP).
 */
export async function writeChanges(
  db: Db,
  changes: readonly EntityChange[],
  ctx: AuditContext,
  extras: readonly ExtraWrite[] = [],
): Promise<AuditEntry[]> {
  const audits = changes.map((change) => auditEntryFor(change, ctx));
  const items: TransactItem[] = [];
  const errors: DomainError[] = [];
  changes.forEach((change, i) => {
    const audit = audits[i] as AuditEntry;
    items.push(entityWrite(db, change, audit, ctx), auditWrite(db, audit));
    errors.push(versionConflict(), versionConflict());
  });
  for (const extra of extras) {
    items.push(extra.item);
    errors.push(extra.onConditionFailed);
  }
  try {
    await db.doc.send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      if (failed >= 0) throw errors[failed] ?? versionConflict();
      if (reasons.some((reason) => reason.Code === 'TransactionConflict')) throw versionConflict();
      // An item over its throughput cancels the whole transaction: nothing was written, retrying is right.
      if (reasons.some((reason) => /Throttling|ProvisionedThroughputExceeded/.test(reason.Code ?? ''))) {
        throw serviceUnavailable();
      }
    }
    throw error;
  }
  return audits;
}

/** Extra write: an item that must not exist yet (uniqueness of a NIP, an email, a unit code). */
export const claimUnique = (db: Db, key: Key, owner: string, error: DomainError): ExtraWrite => ({
  item: {
    Put: {
      TableName: db.tableName,
      Item: { ...key, entity: 'Unique', owner },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  },
  onConditionFailed: error,
});

/** Extra write: releases a uniqueness claim, only if it is still held by this owner. */
export const releaseUnique = (db: Db, key: Key, owner: string): ExtraWrite => ({
  item: {
    Delete: {
      TableName: db.tableName,
      Key: key,
      ConditionExpression: '#owner = :owner',
      ExpressionAttributeNames: { '#owner': 'owner' },
      ExpressionAttributeValues: { ':owner': owner },
    },
  },
  onConditionFailed: versionConflict(),
});
