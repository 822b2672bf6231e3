// IKU of a period and the cascade of approved RHK below them.

import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { CascadeNode, Iku } from '../../../shared/domain/okr/types.ts';
import type { DomainError } from '../../../shared/errors.ts';
import type { Db } from '../client.ts';
import { keys } from '../keys.ts';
import type { ExtraWrite } from '../transact.ts';

const ikuFromItem = (item: Record<string, unknown>): Iku => ({
  id: item.id as string,
  periodId: item.periodId as string,
  unitId: item.unitId as string,
  indikator: item.indikator as string,
  target: item.target as string,
  satuan: (item.satuan as string | null) ?? null,
  version: item.version as number,
});

const nodeFromItem = (item: Record<string, unknown>): CascadeNode => ({
  rhkId: item.rhkId as string,
  parentId: item.parentId as string,
  path: item.sk as string,
  employeeId: item.employeeId as string,
  nama: item.nama as string,
  skpId: item.skpId as string,
  deskripsi: item.deskripsi as string,
  kr: (item.kr as CascadeNode['kr'] | undefined) ?? [],
  capaian: (item.capaian as number | null | undefined) ?? null,
  krCapaian: (item.krCapaian as Record<string, number> | undefined) ?? {},
});

/** Writes one node of the cascade (in the approving transaction); keyed by its path. */
export const putCascadeNode = (
  db: Db,
  periodId: string,
  node: CascadeNode,
  onFail: DomainError,
): ExtraWrite => {
  const { path, ...rest } = node;
  const Item = { ...keys.cascadeNode(periodId, path), entity: 'CascadeNode', ...rest };
  return { item: { Put: { TableName: db.tableName, Item } }, onConditionFailed: onFail };
};

/** Removes a node a newer approved revision no longer has (its RHK dropped or relinked). */
export const deleteCascadeNode = (
  db: Db,
  periodId: string,
  path: string,
  onFail: DomainError,
): ExtraWrite => ({
  item: { Delete: { TableName: db.tableName, Key: keys.cascadeNode(periodId, path) } },
  onConditionFailed: onFail,
});

async function queryAll(db: Db, pk: string, prefix: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page: QueryCommandOutput = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export const okrRepo = {
  listIku: async (db: Db, periodId: string, unitId?: string): Promise<Iku[]> =>
    (await queryAll(db, keys.okrPk(periodId), keys.ikuPrefix(unitId))).map(ikuFromItem),

  /** Every node below an IKU: one Query (a page per ~1 MB, i.e. thousands of nodes). */
  subtree: async (db: Db, periodId: string, ikuId: string): Promise<CascadeNode[]> =>
    (await queryAll(db, keys.cascadePk(periodId), `${ikuId}#`)).map(nodeFromItem),
};
