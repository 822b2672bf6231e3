// Evaluations, their per-unit counters, organisation predikat, reopen grants, window states, reminders sent.

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Evaluation } from '../../../shared/domain/evaluation/types.ts';
import { DomainError } from '../../../shared/errors.ts';
import type { Db } from '../client.ts';
import { type Key, keys } from '../keys.ts';
import { queryAll } from '../query-all.ts';
import type { ExtraWrite } from '../transact.ts';
import { itemValue } from './stored-fields.ts';

export const evaluationFromItem = (item: Record<string, unknown>): Evaluation =>
  itemValue(item) as unknown as Evaluation;

export const evaluationToItem = (e: Omit<Evaluation, 'version'>) => ({
  ...e,
  ...keys.evaluationIndexes({
    employeeId: e.employeeId,
    periodId: e.periodId,
    windowKey: e.windowKey,
    penilaiId: e.header.penilai?.id ?? null,
    unitId: e.header.unitId,
    nama: e.header.pegawai.nama,
    keberatanSejak: e.keberatan?.diajukanPada ?? null,
  }),
});

/** Moves named counters of one row by the given deltas, in the transaction of the change (like the SKP board). */
export function countDeltas(db: Db, key: Key, unitId: string, deltas: Record<string, number>): ExtraWrite[] {
  const entries = Object.entries(deltas).filter(([, d]) => d !== 0);
  if (entries.length === 0) return [];
  return [
    {
      item: {
        Update: {
          TableName: db.tableName,
          Key: key,
          UpdateExpression: `SET entity = :entity, unitId = :unit ADD ${entries.map((_, i) => `#c${i} :d${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#c${i}`, name])),
          ExpressionAttributeValues: {
            ':entity': 'EvaluationStats',
            ':unit': unitId,
            ...Object.fromEntries(entries.map(([, d], i) => [`:d${i}`, d])),
          },
        },
      },
      onConditionFailed: new DomainError('concurrency.version_conflict', 'Data berubah; ulangi.'),
    },
  ];
}

export const evaluationRepo = {
  listForEmployee: async (db: Db, employeeId: string) =>
    (await queryAll(db, { pk: `EMP#${employeeId}`, prefix: keys.evaluationPrefix })).map(evaluationFromItem),
  team: async (db: Db, penilaiId: string, periodId: string, windowKey: string) =>
    (await queryAll(db, { pk: keys.penilaiTeamPk(penilaiId, periodId, windowKey), index: 'gsi1' })).map(
      evaluationFromItem,
    ),
  stats: (db: Db, periodId: string, windowKey: string) =>
    queryAll(db, { pk: keys.evalStatsPk(periodId, windowKey) }),
  orgPredikat: (db: Db, periodId: string, windowKey: string) =>
    queryAll(db, { pk: keys.orgPredikatPk(periodId, windowKey) }),
  windowStates: (db: Db, periodId: string) => queryAll(db, { pk: keys.windowsPk(periodId) }),
  keberatan: async (db: Db, periodId: string) => {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.keberatanPk(periodId) },
        ScanIndexForward: false,
      }),
    );
    return (result.Items ?? []).map(evaluationFromItem);
  },
  feedback: (db: Db, employeeId: string) =>
    queryAll(db, { pk: `EMP#${employeeId}`, prefix: keys.feedbackPrefix }),
};
