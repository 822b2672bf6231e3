// Export jobs: requested with an audited create, then claimed, advanced and settled by the runner with
// conditional writes on its claim (like the mail outbox), so two runners never build one file twice.

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type {
  ExportDataset,
  ExportFormat,
  ExportJobStatus,
  OfficialDocument,
} from '../../../shared/domain/report/exports.ts';
import type { Db } from '../client.ts';
import { EXPORT_DUE_PK, keys } from '../keys.ts';
import { claimWithLease } from '../lease.ts';
import { decodeCursor, encodeCursor, type Page, queryPage } from '../pagination.ts';
import type { StoredItem, TransactItem } from '../transact.ts';
import { itemValue } from './stored-fields.ts';

export interface ExportParams {
  periodId?: string;
  windowKey?: string;
  unitId?: string;
  employeeId?: string;
  skpId?: string;
  dokumen?: OfficialDocument;
  /** The site's origin when requested: documents print their verification URL on it. */
  origin: string;
}

export interface ExportJob {
  id: string;
  dataset: ExportDataset;
  format: ExportFormat;
  judul: string;
  params: ExportParams;
  requestedBy: string;
  status: ExportJobStatus;
  progress: { selesai: number; total: number };
  attempts: number;
  dueAt: string;
  createdAt: string;
  finishedAt: string | null;
  fileName: string | null;
  size: number | null;
  sha256: string | null;
  error: string | null;
  expiresAt: string;
  claimId?: string;
  version: number;
}

/** `createdAt` is the job's own field here (when it was requested), not only a storage timestamp. */
export const exportJobFromItem = (item: Record<string, unknown>): ExportJob =>
  ({ ...itemValue(item, ['ttl', 'leaseUntil']), createdAt: item.createdAt }) as unknown as ExportJob;

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

export const exportRepo = {
  async get(db: Db, id: string): Promise<StoredItem | null> {
    const result = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.exportJob(id) }));
    return (result.Item as StoredItem | undefined) ?? null;
  },

  async listOf(db: Db, requestedBy: string, limit: number, cursor?: string): Promise<Page<ExportJob>> {
    const result = await queryPage(db, {
      TableName: db.tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.exportsOfPk(requestedBy) },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: decodeCursor(cursor, ['pk', 'sk', 'gsi1pk', 'gsi1sk']),
    });
    return {
      items: (result.Items ?? []).map(exportJobFromItem),
      nextCursor: encodeCursor(result.LastEvaluatedKey),
    };
  },

  /** Jobs due at `now`: waiting ones and runs whose lease ran out (the runner died). */
  async due(db: Db, now: Date, limit: number): Promise<string[]> {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: 'gsi3',
        KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk <= :upTo',
        ExpressionAttributeValues: { ':pk': EXPORT_DUE_PK, ':upTo': `${now.toISOString()}#~` },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((i) => String(i.id));
  },

  /** Takes a due job until `leaseUntil`; null when another runner holds it or it is finished. */
  async claim(db: Db, id: string, claimId: string, now: Date, leaseMs: number): Promise<ExportJob | null> {
    const key = keys.exportJob(id);
    const claimed = await claimWithLease(db, {
      key,
      id,
      waiting: 'MENUNGGU',
      running: 'BERJALAN',
      claimId,
      now,
      leaseMs,
    });
    return claimed && exportJobFromItem(claimed);
  },

  /** Progress while the claim is ours; false when the claim was lost (the caller stops). */
  async progress(db: Db, id: string, claimId: string, selesai: number, total: number): Promise<boolean> {
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.exportJob(id),
          UpdateExpression: 'SET progress = :p',
          ConditionExpression: 'claimId = :claim',
          ExpressionAttributeValues: { ':p': { selesai, total }, ':claim': claimId },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  /** The finishing write, conditional on the claim, as a transaction item (a document is registered with it). */
  finish(
    db: Db,
    id: string,
    claimId: string,
    file: { fileName: string; size: number; sha256: string; at: string; total: number },
  ): TransactItem {
    return {
      Update: {
        TableName: db.tableName,
        Key: keys.exportJob(id),
        UpdateExpression:
          'SET #status = :done, fileName = :name, size = :size, sha256 = :hash, finishedAt = :at, progress = :p, #error = :null REMOVE gsi3pk, gsi3sk, leaseUntil, claimId',
        ConditionExpression: 'claimId = :claim',
        ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
        ExpressionAttributeValues: {
          ':done': 'SELESAI',
          ':name': file.fileName,
          ':size': file.size,
          ':hash': file.sha256,
          ':at': file.at,
          ':p': { selesai: file.total, total: file.total },
          ':null': null,
          ':claim': claimId,
        },
      },
    };
  },

  /** After a failure: wait and retry (MENUNGGU at `dueAt`) or give up (GAGAL), while the claim is ours. */
  async fail(
    db: Db,
    id: string,
    claimId: string,
    outcome:
      | { status: 'MENUNGGU'; dueAt: string; error: string }
      | { status: 'GAGAL'; at: string; error: string },
  ): Promise<boolean> {
    const retry = outcome.status === 'MENUNGGU';
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.exportJob(id),
          UpdateExpression: retry
            ? 'SET #status = :s, #error = :err, dueAt = :due, gsi3sk = :gsk REMOVE leaseUntil, claimId'
            : 'SET #status = :s, #error = :err, finishedAt = :due REMOVE gsi3pk, gsi3sk, leaseUntil, claimId',
          ConditionExpression: 'claimId = :claim',
          ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
          ExpressionAttributeValues: {
            ':s': outcome.status,
            ':err': outcome.error.slice(0, 500),
            ':due': retry ? outcome.dueAt : outcome.at,
            ...(retry ? { ':gsk': `${outcome.dueAt}#${id}` } : {}),
            ':claim': claimId,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async getDocument(db: Db, id: string): Promise<StoredItem | null> {
    const result = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.document(id) }));
    return (result.Item as StoredItem | undefined) ?? null;
  },
};
