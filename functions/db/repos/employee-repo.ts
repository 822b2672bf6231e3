// Employees: profile by id, and paged lists by unit, by name or by NIP — one Query per page.

import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { EmployeeCreate } from '../../../shared/contract/employees.ts';
import type { Employee } from '../../../shared/domain/org/types.ts';
import type { Db } from '../client.ts';
import { EMPLOYEE_LIST_PK, keys, nameKey } from '../keys.ts';
import { decodeCursor, encodeCursor, type Page, queryPage } from '../pagination.ts';
import type { StoredItem } from '../transact.ts';

export const employeeFromItem = (item: Record<string, unknown>): Employee => ({
  id: item.id as string,
  nip: (item.nip as string | null | undefined) ?? null,
  nama: item.nama as string,
  status: item.status as Employee['status'],
  pangkatGolongan: (item.pangkatGolongan as string | null | undefined) ?? null,
  email: item.email as string,
  unitId: item.unitId as string,
  positionId: item.positionId as string,
  penilaiOverrideId: (item.penilaiOverrideId as string | null | undefined) ?? null,
  atasanPenilaiOverrideId: (item.atasanPenilaiOverrideId as string | null | undefined) ?? null,
  adminScope: (item.adminScope as Employee['adminScope'] | undefined) ?? null,
  createdAt: item.createdAt as string,
  updatedAt: item.updatedAt as string,
  version: item.version as number,
});

/** The attributes stored for an employee (its key and index attributes are added here too). */
export const employeeToItem = (e: Omit<Employee, 'version' | 'createdAt' | 'updatedAt'>) => ({
  id: e.id,
  nip: e.nip,
  nama: e.nama,
  status: e.status,
  pangkatGolongan: e.pangkatGolongan,
  email: e.email.toLowerCase(),
  unitId: e.unitId,
  positionId: e.positionId,
  penilaiOverrideId: e.penilaiOverrideId,
  atasanPenilaiOverrideId: e.atasanPenilaiOverrideId,
  adminScope: e.adminScope,
  ...keys.employeeIndexes(e),
});

/** A new employee as entered: no overrides, no admin powers yet. */
export const freshEmployee = (
  id: string,
  input: EmployeeCreate,
): Omit<Employee, 'version' | 'createdAt' | 'updatedAt'> => ({
  id,
  ...input,
  email: input.email.toLowerCase(),
  penilaiOverrideId: null,
  atasanPenilaiOverrideId: null,
  adminScope: null,
});

export interface EmployeeListQuery {
  limit: number;
  cursor?: string | undefined;
  /** Digits search the NIP prefix; anything else searches the name prefix. */
  q?: string | undefined;
  sort: 'nama' | 'nip';
  order: 'asc' | 'desc';
  unitId?: string | undefined;
}

const indexKeyAttributes = (index: string) => ['pk', 'sk', `${index}pk`, `${index}sk`];

function listPlan(query: EmployeeListQuery): Omit<QueryCommandInput, 'TableName'> & { IndexName: string } {
  const q = query.q?.trim();
  const isNip = q !== undefined && /^\d+$/.test(q);
  const namePrefix = q && !isNip ? nameKey(q) : undefined;
  if (query.unitId) {
    return {
      IndexName: 'gsi1',
      KeyConditionExpression: namePrefix ? 'gsi1pk = :pk AND begins_with(gsi1sk, :q)' : 'gsi1pk = :pk',
      ...(isNip ? { FilterExpression: 'begins_with(nip, :nip)' } : {}),
      ExpressionAttributeValues: {
        ':pk': keys.unitMembersPk(query.unitId),
        ...(namePrefix ? { ':q': namePrefix } : {}),
        ...(isNip ? { ':nip': q } : {}),
      },
    };
  }
  const byNip = isNip || (query.sort === 'nip' && !namePrefix);
  const index = byNip ? 'gsi3' : 'gsi2';
  const prefix = isNip ? q : namePrefix;
  return {
    IndexName: index,
    KeyConditionExpression: prefix ? `${index}pk = :pk AND begins_with(${index}sk, :q)` : `${index}pk = :pk`,
    ExpressionAttributeValues: { ':pk': EMPLOYEE_LIST_PK, ...(prefix ? { ':q': prefix } : {}) },
  };
}

export const employeeRepo = {
  async get(db: Db, id: string): Promise<StoredItem | null> {
    const result = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.employee(id) }));
    return (result.Item as StoredItem | undefined) ?? null;
  },

  /** Up to 100 profiles in one BatchGetItem (unprocessed keys are retried). */
  async getMany(db: Db, ids: readonly string[]): Promise<Employee[]> {
    const unique = [...new Set(ids)].slice(0, 100);
    if (unique.length === 0) return [];
    const found: Employee[] = [];
    let pending: Record<string, unknown>[] | undefined = unique.map((id) => keys.employee(id));
    while (pending && pending.length > 0) {
      const result: BatchGetCommandOutput = await db.doc.send(
        new BatchGetCommand({ RequestItems: { [db.tableName]: { Keys: pending } } }),
      );
      found.push(...(result.Responses?.[db.tableName] ?? []).map(employeeFromItem));
      pending = result.UnprocessedKeys?.[db.tableName]?.Keys;
    }
    return found;
  },

  async list(db: Db, query: EmployeeListQuery): Promise<Page<Employee>> {
    const plan = listPlan(query);
    const result = await queryPage(db, {
      TableName: db.tableName,
      ...plan,
      Limit: query.limit,
      ScanIndexForward: query.order === 'asc',
      ExclusiveStartKey: decodeCursor(query.cursor, indexKeyAttributes(plan.IndexName)),
    });
    return {
      items: (result.Items ?? []).map(employeeFromItem),
      nextCursor: encodeCursor(result.LastEvaluatedKey),
    };
  },

  async ownerOf(db: Db, key: { pk: string; sk: string }): Promise<string | null> {
    const result = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key }));
    return (result.Item?.owner as string | undefined) ?? null;
  },
};
