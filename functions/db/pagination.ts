// Opaque page cursors: the LastEvaluatedKey of a Query, base64url-encoded and checked on the way back in.

import { QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '../../shared/errors.ts';
import type { Db } from './client.ts';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const encodeCursor = (lastKey: Record<string, unknown> | undefined): string | null =>
  lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : null;

const invalid = () =>
  new DomainError('request.invalid', 'Kursor halaman tidak valid.', [
    { path: 'cursor', message: 'Kursor halaman tidak valid; mulai lagi dari halaman pertama.' },
  ]);

/** Decodes a cursor and checks it names exactly the key attributes of the index it pages through. */
export function decodeCursor(
  cursor: string | undefined,
  expectedAttributes: readonly string[],
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid();
  const entries = Object.entries(parsed);
  const names = entries.map(([name]) => name).sort();
  const expected = [...expectedAttributes].sort();
  const sameNames = names.length === expected.length && names.every((name, i) => name === expected[i]);
  if (!sameNames || !entries.every(([, value]) => typeof value === 'string' && value.length <= 1024)) {
    throw invalid();
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * Queries one page. A well-formed cursor can still lie outside the query (one from another list, search or
 * month): DynamoDB refuses such a starting key, and that is the caller's mistake (400), not the server's.
 */
export async function queryPage(db: Db, input: QueryCommandInput): Promise<QueryCommandOutput> {
  try {
    return await db.doc.send(new QueryCommand(input));
  } catch (error) {
    if (input.ExclusiveStartKey && error instanceof Error && error.name === 'ValidationException') {
      throw invalid();
    }
    throw error;
  }
}
