// A real app over a fresh DynamoDB Local table per test file, with a fixed clock and helpers to call it.

import { simpleParser } from 'mailparser';
import { inject } from 'vitest';
import { createApp } from '../../functions/api/app.ts';
import { createLocalAuth } from '../../functions/auth/local-auth.ts';
import type { LocalIssuer } from '../../functions/auth/local-issuer.ts';
import { loadConfig } from '../../functions/config.ts';
import { createDeps, type Deps } from '../../functions/deps.ts';
import { type DeliveryReport, deliverDue } from '../../functions/jobs/deliver-mail.ts';
import { ensureTable } from '../../functions/local/create-table.ts';
import { importEmployees } from '../../functions/services/import-service.ts';
import type { AdminScope } from '../../shared/domain/access/scope.ts';

export interface TestApp {
  deps: Deps;
  app: ReturnType<typeof createApp>;
  /** Calls the app as the test HR admin (ministry-wide) with a JSON body; returns status, body and headers. */
  call: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<ApiResult>;
  /** Calls the app as someone else: a token from `tokenFor`, or null for anonymous. */
  callAs: (
    token: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<ApiResult>;
  /** A signed ID token for an employee (admin powers as given). */
  tokenFor: (employeeId: string, adminScope?: AdminScope | null) => Promise<string>;
  adminToken: string;
  /** DynamoDB calls made while `action` ran. */
  countCalls: <T>(
    action: () => Promise<T>,
  ) => Promise<{ result: T; calls: number; byCommand: Record<string, number> }>;
  setNow: (iso: string) => void;
  /** What the app sent: the messages delivered so far (raw MIME), and delivery of what is due now. */
  mail: {
    sent: { raw: Buffer; to: string; outboxId: string }[];
    deliver: (origin?: string) => Promise<DeliveryReport>;
    /** The token of an approval link in a delivered message (read back from its MIME text). */
    linkToken: (message: { raw: Buffer }, action: 'Setujui' | 'Kembalikan') => Promise<string>;
  };
}

/** Origin the test app's mail links point at unless a test gives its running server's. */
export const TEST_ORIGIN = 'http://piawai.test';
export const TEST_PEPPER = new TextEncoder().encode('test-pepper-not-secret-0123456789abcdef');

export interface ApiResult {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test convenience for reading JSON bodies
  body: any;
  headers: Headers;
}

let tableCounter = 0;

/** The HR admin tests act as by default: a ministry-wide admin who is not in the org data. */
export const TEST_ADMIN_ID = '01HTESTADM1N000000000000AA';

export async function createTestApp(now = '2025-03-10T03:00:00.000Z'): Promise<TestApp> {
  tableCounter += 1;
  const tableName = `test-${process.pid}-${Date.now()}-${tableCounter}`;
  const config = loadConfig({
    PIAWAI_ENV: 'local',
    TABLE_NAME: tableName,
    DYNAMODB_ENDPOINT: inject('dynamoDbEndpoint'),
    AWS_REGION: 'ap-southeast-3',
    // PIAWAI_TEST_LOGS=ERROR shows the server-side cause of a 500 while debugging a test.
    LOG_LEVEL: process.env.PIAWAI_TEST_LOGS ?? 'SILENT',
  });
  let current = new Date(now);
  const auth = await createLocalAuth(config, undefined, () => current);
  const sent: TestApp['mail']['sent'] = [];
  const mail = {
    transport: {
      send: async (raw: Buffer, meta: { outboxId: string; to: string }) => {
        sent.push({ raw, ...meta });
        return `test-${sent.length}`;
      },
    },
    pepper: () => TEST_PEPPER,
    kick: () => {},
  };
  const deps = createDeps(config, {
    clock: { now: () => current },
    auth,
    mail,
    employeeImport: importEmployees,
  });
  const tokenFor: TestApp['tokenFor'] = (employeeId, adminScope = null) =>
    (auth.issuer as LocalIssuer).sign(
      {
        subject: `test:${employeeId}`,
        email: `${employeeId}@piawai.test`,
        nama: employeeId,
        employeeId,
        adminScope,
      },
      // Tests move the clock by days and months; their tokens outlive that.
      { expiresInSeconds: 400 * 24 * 60 * 60 },
    );
  const adminToken = await tokenFor(TEST_ADMIN_ID, 'ALL');
  await ensureTable(deps.db);
  const app = createApp(deps);
  const callAs: TestApp['callAs'] = async (token, method, path, body, headers = {}) => {
    const auth = token ? { authorization: `Bearer ${token}` } : {};
    const init: RequestInit = { method, headers: { ...auth, ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'content-type': 'application/json', ...auth, ...headers };
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
  const call: TestApp['call'] = (method, path, body, headers) =>
    callAs(adminToken, method, path, body, headers);
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
  return {
    deps,
    app,
    call,
    callAs,
    tokenFor,
    adminToken,
    countCalls,
    setNow: (iso) => (current = new Date(iso)),
    mail: {
      sent,
      deliver: (origin = TEST_ORIGIN) => deliverDue(deps, { origin }),
      linkToken: async (message, action) => {
        const text = (await simpleParser(message.raw)).text ?? '';
        const match = new RegExp(`${action}[^:]*: \\S+/persetujuan/#t=([A-Za-z0-9_-]{43})`).exec(text);
        if (!match?.[1]) throw new Error(`no ${action} link in the message`);
        return match[1];
      },
    },
  };
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
