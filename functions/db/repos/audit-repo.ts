// Audit entries: read a stream in version order (for history and chain verification) or a month's timeline.

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../../../shared/domain/audit/audit-entry.ts';
import type { Db } from '../client.ts';
import { keys } from '../keys.ts';
import { decodeCursor, encodeCursor, type Page, queryPage } from '../pagination.ts';

const storageAttributes = ['pk', 'sk', 'entity', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'];

export const auditFromItem = (item: Record<string, unknown>): AuditEntry => {
  const entry = { ...item };
  for (const name of storageAttributes) delete entry[name];
  return entry as unknown as AuditEntry;
};

export const auditRepo = {
  /** A whole stream, oldest first; streams are one entity's history, so they stay small. */
  async stream(db: Db, stream: string): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.auditStreamPk(stream) },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      entries.push(...(page.Items ?? []).map(auditFromItem));
      start = page.LastEvaluatedKey;
    } while (start);
    return entries;
  },

  /** Newest first, one page of the month's timeline, optionally by one actor. */
  async timeline(
    db: Db,
    query: { month: string; actorId?: string | undefined; limit: number; cursor?: string | undefined },
  ): Promise<Page<AuditEntry>> {
    const byActor = query.actorId !== undefined;
    const index = byActor ? 'gsi2' : 'gsi1';
    const result = await queryPage(db, {
      TableName: db.tableName,
      IndexName: index,
      KeyConditionExpression: byActor ? 'gsi2pk = :pk AND begins_with(gsi2sk, :month)' : 'gsi1pk = :pk',
      ExpressionAttributeValues: byActor
        ? { ':pk': keys.auditActorPk(query.actorId as string), ':month': query.month }
        : { ':pk': keys.auditMonthPk(query.month) },
      ScanIndexForward: false,
      Limit: query.limit,
      ExclusiveStartKey: decodeCursor(query.cursor, ['pk', 'sk', `${index}pk`, `${index}sk`]),
    });
    return {
      items: (result.Items ?? []).map(auditFromItem),
      nextCursor: encodeCursor(result.LastEvaluatedKey),
    };
  },
};
