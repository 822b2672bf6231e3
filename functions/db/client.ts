// DynamoDB document client with a call counter, so tests can assert how many calls a request makes.

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface CallCounter {
  total: number;
  byCommand: Record<string, number>;
}

export interface Db {
  doc: DynamoDBDocumentClient;
  tableName: string;
  calls: CallCounter;
}

export interface DbOptions {
  tableName: string;
  region: string;
  /** DynamoDB Local; absent in AWS. */
  endpoint?: string | undefined;
}

export function createDb(options: DbOptions): Db {
  const client = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 5,
  });
  const calls: CallCounter = { total: 0, byCommand: {} };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.total += 1;
      const name = context.commandName ?? 'unknown';
      calls.byCommand[name] = (calls.byCommand[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'piawaiCallCounter' },
  );
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  return { doc, tableName: options.tableName, calls };
}
