// Every page of a Query, for partitions that are read whole (a unit's members, a period's SKPs, a series).

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.ts';
import type { StoredItem } from './transact.ts';

export interface WholeQuery {
  pk: string;
  /** begins_with on the sort key of the table or index queried. */
  prefix?: string;
  index?: 'gsi1' | 'gsi2' | 'gsi3';
}

export async function queryAll(db: Db, query: WholeQuery): Promise<StoredItem[]> {
  const items: StoredItem[] = [];
  const pkName = query.index ? `${query.index}pk` : 'pk';
  const skName = query.index ? `${query.index}sk` : 'sk';
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        ...(query.index ? { IndexName: query.index } : {}),
        KeyConditionExpression: query.prefix
          ? `${pkName} = :pk AND begins_with(${skName}, :prefix)`
          : `${pkName} = :pk`,
        ExpressionAttributeValues: { ':pk': query.pk, ...(query.prefix ? { ':prefix': query.prefix } : {}) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((page.Items ?? []) as StoredItem[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
