// SKP items: an employee's SKPs, the approval queue (sparse index) and the HR board counters.

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Skp } from '../../../shared/domain/skp/types.ts';
import { DomainError } from '../../../shared/errors.ts';
import type { Db } from '../client.ts';
import { keys } from '../keys.ts';
import { decodeCursor, encodeCursor, type Page, queryPage } from '../pagination.ts';
import type { ExtraWrite, StoredItem } from '../transact.ts';
import { itemValue } from './stored-fields.ts';

export const skpFromItem = (item: Record<string, unknown>): Skp => {
  const skp = itemValue(item, ['penilaiId', 'unitId']) as unknown as Skp;
  return { ...skp, ditutup: skp.ditutup ?? null };
};

/** The stored attributes of an SKP, with the index entries its status calls for. */
export const skpToItem = (skp: Omit<Skp, 'version'>) => ({
  ...skp,
  penilaiId: skp.header.penilai?.id ?? null,
  unitId: skp.header.unitId,
  ...keys.skpIndexes({ ...skp, unitId: skp.header.unitId, penilaiId: skp.header.penilai?.id ?? null }),
});

/**
 * Moves a unit's board counters, in the same transaction as the change (one Update: a transaction may
 * touch an item once). `deltas` maps statuses to what to add, e.g. { DRAFT: -1, DIAJUKAN: 1 }.
 */
export const countStatus = (
  db: Db,
  periodId: string,
  unitId: string,
  deltas: Record<string, number>,
): ExtraWrite => {
  const entries = Object.entries(deltas);
  return {
    item: {
      Update: {
        TableName: db.tableName,
        Key: keys.stats(periodId, unitId),
        UpdateExpression: `SET entity = :entity, unitId = :unit ADD ${entries.map((_, i) => `#s${i} :d${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([status], i) => [`#s${i}`, status])),
        ExpressionAttributeValues: {
          ':entity': 'SkpStats',
          ':unit': unitId,
          ...Object.fromEntries(entries.map(([, delta], i) => [`:d${i}`, delta])),
        },
      },
    },
    onConditionFailed: new DomainError('concurrency.version_conflict', 'Data berubah; ulangi.'),
  };
};

export const skpRepo = {
  async listForEmployee(db: Db, employeeId: string): Promise<StoredItem[]> {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `EMP#${employeeId}`, ':prefix': keys.skpPrefix },
      }),
    );
    return (result.Items ?? []) as StoredItem[];
  },

  async approvalQueue(db: Db, penilaiId: string): Promise<Skp[]> {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.approverPk(penilaiId) },
      }),
    );
    return (result.Items ?? []).map(skpFromItem);
  },

  /** One page of a period's board: a counter row per unit, never one per person. */
  async board(
    db: Db,
    periodId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<{ unitId: string; counts: Record<string, number> }>> {
    const result = await queryPage(db, {
      TableName: db.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.statsPk(periodId) },
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk']),
    });
    const items = (result.Items ?? []).map((item) => {
      const { pk: _pk, sk: _sk, entity: _entity, unitId, ...counts } = item;
      return { unitId: unitId as string, counts: counts as Record<string, number> };
    });
    return { items, nextCursor: encodeCursor(result.LastEvaluatedKey) };
  },
};
