// A real app over a fresh DynamoDB Local table per test file, with a fixed clock and helpers to call it.

import { inject } from 'vitest';
import { createApp } from '../../functions/api/app.ts';
import { loadConfig } from '../../functions/config.ts';
import { createDeps, type Deps } from '../../functions/deps.ts';
import { ensureTable } from '../../functions/local/create-table.ts';

export interface TestApp {
  deps: Deps;
  app: ReturnType<typeof createApp>;
  /** Calls the app with a JSON body; returns status, parsed body and headers. */
  call: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<ApiResult>;
  /** DynamoDB calls made while `action` ran. */
  countCalls: <T>(
    action: () => Promise<T>,
  ) => Promise<{ result: T; calls: number; byCommand: Record<string, number> }>;
  setNow: (iso: string) => void;
}

export interface ApiResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience for reading JSON bodies
  body: any;
  headers: Headers;
}

let tableCounter = 0;

export async function createTestApp(now = '2025-03-10T03:00:00.000Z'): Promise<TestApp> {
  tableCounter += 1;
  const tableName = `test-${process.pid}-${Date.now()}-${tableCounter}`;
  const config = loadConfig({
    PIAWAI_ENV: 'local',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint'),
    AWS_REGION: 'ap-southeast-3',
    LOG_LEVEL: 'SILENT',
  });
  let current = new Date(now);
  const deps = createDeps(config, { clock: { now: () => current } });
  await ensureTable(deps.db);
  const app = createApp(deps);
  const call: TestApp['call'] = async (method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'content-type': 'application/json', ...headers };
    }
    const response = await app.request(path, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  const countCalls: TestApp['countCalls'] = async (action) => {
    const before = deps.db.calls.total;
    const beforeBy = { ...deps.db.calls.byCommand };
    const result = await action();
    const byCommand: Record<string, number> = {};
    for (const [name, count] of Object.entries(deps.db.calls.byCommand)) {
      const delta = count - (beforeBy[name] ?? 0);
      if (delta > 0) byCommand[name] = delta;
    }
    return { result, calls: deps.db.calls.total - before, byCommand };
  };
  return { deps, app, call, countCalls, setNow: (iso) => (current = new Date(iso)) };
}

/** Every item in the test table (test-only; the product never scans). */
export async function allItems(t: TestApp): Promise<Record<string, unknown>[]> {
  const { ScanCommand } = await import('@aws-sdk/lib-dynamodb');
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await t.deps.db.doc.send(
      new ScanCommand({ TableName: t.deps.db.tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
