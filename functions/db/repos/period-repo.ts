// Performance periods: all of them in one Query, newest year first.

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Period } from '../../../shared/domain/period/types.ts';
import type { Db } from '../client.ts';
import { keys } from '../keys.ts';
import type { StoredItem } from '../transact.ts';

export const periodFromItem = (item: Record<string, unknown>): Period => ({
  id: item.id as string,
  tahun: item.tahun as number,
  nama: item.nama as string,
  mulai: item.mulai as string,
  selesai: item.selesai as string,
  calendar: item.calendar as Period['calendar'],
  version: item.version as number,
});

export const periodToItem = (p: Omit<Period, 'version'>) => ({
  id: p.id,
  tahun: p.tahun,
  nama: p.nama,
  mulai: p.mulai,
  selesai: p.selesai,
  calendar: p.calendar,
});

export const periodRepo = {
  /** The stored item of one period (the partition is small: one item per year and period). */
  async getStored(db: Db, id: string): Promise<StoredItem | null> {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: 'id = :id',
        ExpressionAttributeValues: { ':pk': keys.periodPk, ':id': id },
      }),
    );
    return (result.Items?.[0] as StoredItem | undefined) ?? null;
  },

  async list(db: Db): Promise<Period[]> {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.periodPk },
        ScanIndexForward: false,
      }),
    );
    return (result.Items ?? []).map(periodFromItem);
  },
};
