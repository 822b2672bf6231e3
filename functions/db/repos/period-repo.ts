// Performance periods: all of them in one Query, newest year first.

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Period } from '../../../shared/domain/period/types.ts';
import type { Db } from '../client.ts';
import { keys } from '../keys.ts';

const fromItem = (item: Record<string, unknown>): Period => ({
  id: item.id as string,
  tahun: item.tahun as number,
  nama: item.nama as string,
  mulai: item.mulai as string,
  selesai: item.selesai as string,
  version: item.version as number,
});

export const periodRepo = {
  async list(db: Db): Promise<Period[]> {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.periodPk },
        ScanIndexForward: false,
      }),
    );
    return (result.Items ?? []).map(fromItem);
  },
};
