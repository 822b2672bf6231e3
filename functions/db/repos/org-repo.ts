// Org partition (units, positions, Plt/Plh): one Query reads the whole org snapshot.

import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ActingAssignment, OrgUnit, Position } from '../../../shared/domain/org/types.ts';
import type { Db } from '../client.ts';
import { keys, ORG_PK } from '../keys.ts';
import type { StoredItem } from '../transact.ts';

export interface OrgSnapshot {
  units: OrgUnit[];
  positions: Position[];
  actings: ActingAssignment[];
  stored: Map<string, StoredItem>;
}

export const unitFromItem = (item: Record<string, unknown>): OrgUnit => ({
  id: item.id as string,
  kode: item.kode as string,
  nama: item.nama as string,
  level: item.level as OrgUnit['level'],
  parentId: (item.parentId as string | null | undefined) ?? null,
  kepalaId: (item.kepalaId as string | null | undefined) ?? null,
  version: item.version as number,
});

export const positionFromItem = (item: Record<string, unknown>): Position => ({
  id: item.id as string,
  unitId: item.unitId as string,
  nama: item.nama as string,
  jenis: item.jenis as Position['jenis'],
  jenjang: (item.jenjang as Position['jenjang'] | undefined) ?? null,
  memimpinUnit: item.memimpinUnit === true,
  version: item.version as number,
});

export const actingFromItem = (item: Record<string, unknown>): ActingAssignment => ({
  id: item.id as string,
  employeeId: item.employeeId as string,
  unitId: item.unitId as string,
  jenis: item.jenis as ActingAssignment['jenis'],
  mulai: item.mulai as string,
  selesai: item.selesai as string,
  version: item.version as number,
});

/** Pages through the org partition (or one prefix of it); the org partition is small (units and positions, not people). */
async function queryAll(db: Db, prefix: string): Promise<StoredItem[]> {
  const items: StoredItem[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
        ExpressionAttributeValues: { ':pk': ORG_PK, ...(prefix ? { ':prefix': prefix } : {}) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((page.Items ?? []) as StoredItem[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export const orgRepo = {
  async listUnits(db: Db): Promise<{ units: OrgUnit[]; stored: StoredItem[] }> {
    const stored = await queryAll(db, keys.unitPrefix);
    return { units: stored.map(unitFromItem), stored };
  },

  async snapshot(db: Db): Promise<OrgSnapshot> {
    const stored = await queryAll(db, '');
    const byEntity = (entity: string) => stored.filter((item) => item.entity === entity);
    return {
      units: byEntity('OrgUnit').map(unitFromItem),
      positions: byEntity('Position').map(positionFromItem),
      actings: byEntity('ActingAssignment').map(actingFromItem),
      stored: new Map(stored.map((item) => [item.sk, item])),
    };
  },

  async listPositions(db: Db, unitId?: string): Promise<Position[]> {
    return (await queryAll(db, keys.positionPrefix(unitId))).map(positionFromItem);
  },

  async listActings(db: Db): Promise<ActingAssignment[]> {
    return (await queryAll(db, keys.actingPrefix)).map(actingFromItem);
  },

  /** Several items by key in one BatchGetItem (at most 100 keys), as a map by `pk|sk`. */
  async getStoredMany(
    db: Db,
    wanted: readonly { pk: string; sk: string }[],
  ): Promise<Map<string, StoredItem>> {
    const found = new Map<string, StoredItem>();
    const unique = [...new Map(wanted.map((key) => [`${key.pk}|${key.sk}`, key])).values()];
    let pending: Record<string, unknown>[] | undefined = unique;
    while (pending && pending.length > 0) {
      const result: BatchGetCommandOutput = await db.doc.send(
        new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending } } }),
      );
      for (const item of (result.Responses?.[db.tableName] ?? []) as StoredItem[]) {
        found.set(`${item.pk}|${item.sk}`, item);
      }
      pending = result.UnprocessedKeys?.[db.tableName]?.Keys;
    }
    return found;
  },

  async getStored(db: Db, key: { pk: string; sk: string }): Promise<StoredItem | null> {
    const result = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key }));
    return (result.Item as StoredItem | undefined) ?? null;
  },
};
