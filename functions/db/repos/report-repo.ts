// The daily progress series: one small item per unit and day (plus one for the whole organisation),
// written by the tick's first run of a WIB day, read as one Query per series.

import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.ts';
import { EMPLOYEE_LIST_PK, keys, REPORT_ALL_UNITS } from '../keys.ts';
import { queryAll } from '../query-all.ts';

export interface ProgressDay {
  tanggal: string;
  pegawai: number;
  skp: Record<string, number>;
  /** Per evaluation window: how many entered realisasi (REALISASI or DINILAI) and how many were rated. */
  evaluasi: Record<string, { realisasi: number; dinilai: number }>;
}

const TRANSACTION_LIMIT = 100;

async function countIndex(db: Db, index: 'gsi1' | 'gsi2', pk: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk`,
        ExpressionAttributeValues: { ':pk': pk },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

export const reportRepo = {
  async hasDay(db: Db, periodId: string, tanggal: string): Promise<boolean> {
    const result = await db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: keys.reportDay(periodId, REPORT_ALL_UNITS, tanggal) }),
    );
    return result.Item !== undefined;
  },

  /** Writes a day's rows; the organisation's row goes last, so a crash before it means the day is redone. */
  async putDay(db: Db, periodId: string, rows: { unitId: string; day: ProgressDay }[]): Promise<void> {
    const ordered = [...rows].sort(
      (a, b) => Number(a.unitId === REPORT_ALL_UNITS) - Number(b.unitId === REPORT_ALL_UNITS),
    );
    for (let i = 0; i < ordered.length; i += TRANSACTION_LIMIT) {
      await db.doc.send(
        new TransactWriteCommand({
          TransactItems: ordered.slice(i, i + TRANSACTION_LIMIT).map(({ unitId, day }) => ({
            Put: {
              TableName: db.tableName,
              Item: {
                ...keys.reportDay(periodId, unitId, day.tanggal),
                entity: 'ProgressDay',
                unitId,
                ...day,
              },
            },
          })),
        }),
      );
    }
  },

  async series(db: Db, periodId: string, unitId: string): Promise<ProgressDay[]> {
    return (await queryAll(db, { pk: keys.reportPk(periodId, unitId) })).map((i) => ({
      tanggal: String(i.tanggal),
      pegawai: Number(i.pegawai ?? 0),
      skp: (i.skp as Record<string, number>) ?? {},
      evaluasi: (i.evaluasi as ProgressDay['evaluasi']) ?? {},
    }));
  },

  /** How many people a unit has (its members' index entries, counted without reading them out). */
  countMembers: (db: Db, unitId: string) => countIndex(db, 'gsi1', keys.unitMembersPk(unitId)),

  /** How many people the ministry has (the all-employees index), in one paged count. */
  countEmployees: (db: Db) => countIndex(db, 'gsi2', EMPLOYEE_LIST_PK),
};
