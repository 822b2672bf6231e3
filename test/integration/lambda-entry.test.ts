import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../functions/config.ts';
import { createDeps } from '../../functions/deps.ts';
import { ensureTable } from '../../functions/local/create-table.ts';

const context = {
  functionName: 'api',
  awsRequestId: 'lambda-req-1',
  getRemainingTimeInMillis: () => 3000,
} as unknown as Context;

const event = (method: string, path: string, body?: unknown): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example', ...(body ? { 'content-type': 'application/json' } : {}) },
    requestContext: {
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'r1',
      routeKey: '$default',
      stage: '$default',
      timeEpoch: Date.now(),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    isBase64Encoded: false,
  }) as unknown as APIGatewayProxyEventV2;

describe('the Lambda entries run the same app over DynamoDB', () => {
  let handler: (
    e: APIGatewayProxyEventV2,
    c: Context,
  ) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;
  beforeAll(async () => {
    const tableName = `lambda-${Date.now()}`;
    process.env.TABLE_NAME = tableName;
    process.env.DYNAMODB_ENDPOINT = inject('dynamoDbEndpoint');
    process.env.LOG_LEVEL = 'SILENT';
    await ensureTable(createDeps(loadConfig()).db);
    ({ handler } = (await import('../../functions/lambda/api.ts')) as unknown as { handler: typeof handler });
  });

  it('creates and reads a unit through API Gateway v2 events', async () => {
    const created = await handler(
      event('POST', '/api/units', { kode: 'LMB', nama: 'Unit Lambda', level: 'ESELON_II', parentId: null }),
      context,
    );
    expect(created.statusCode).toBe(201);
    const tree = await handler(event('GET', '/api/units'), context);
    expect(JSON.parse(tree.body).roots[0]).toMatchObject({ kode: 'LMB', nama: 'Unit Lambda' });
  });

  it('answers problem+json for bad input', async () => {
    const res = await handler(event('POST', '/api/units', { kode: '', nama: 1 }), context);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).code).toBe('request.invalid');
  });

  it('the jobs entry ticks and reports what it did', async () => {
    const { handler: tick } = (await import('../../functions/lambda/jobs.ts')) as unknown as {
      handler: (e: unknown, c: Context) => Promise<{ windowsOpened: number }>;
    };
    const summary = await tick({}, context);
    expect(summary).toMatchObject({ windowsOpened: 0, windowsClosed: 0 });
  });
});
