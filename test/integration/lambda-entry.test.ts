import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createLocalIssuer } from '../../functions/auth/local-issuer.ts';
import { loadConfig } from '../../functions/config.ts';
import { createDeps } from '../../functions/deps.ts';
import { ensureTable } from '../../functions/local/create-table.ts';
import { serveJwks } from '../helpers/jwks-server.ts';

const context = {
  functionName: 'api',
  awsRequestId: 'lambda-req-1',
  getRemainingTimeInMillis: () => 3000,
} as unknown as Context;

const event = (method: string, path: string, body?: unknown, token?: string): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      host: 'api.example',
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
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
  let adminToken = '';
  beforeAll(async () => {
    // The AWS verifier fetches the issuer's JWKS over HTTP; here a local server plays Cognito's part.
    const issuer = await createLocalIssuer({ issuer: 'http://placeholder', audience: 'piawai-client' });
    const jwks = await serveJwks(issuer.publicKeys);
    process.env.AUTH_ISSUER = jwks.issuer;
    process.env.AUTH_AUDIENCE = 'piawai-client';
    process.env.DEV_SIGN_IN = 'false';
    adminToken = await issuer.sign(
      {
        subject: 's',
        email: 'admin@piawai.test',
        nama: 'Admin',
        employeeId: '01HTESTADM1N000000000000AA',
        adminScope: 'ALL',
      },
      { issuer: jwks.issuer },
    );
    const tableName = `lambda-${Date.now()}`;
    process.env.TABLE_NAME = tableName;
    process.env.DYNAMODB_ENDPOINT = inject('dynamoDbEndpoint');
    process.env.LOG_LEVEL = 'SILENT';
    await ensureTable(createDeps(loadConfig()).db);
    ({ handler } = (await import('../../functions/lambda/api.ts')) as unknown as { handler: typeof handler });
  });

  it('creates and reads a unit through API Gateway v2 events', async () => {
    const created = await handler(
      event(
        'POST',
        '/api/units',
        { kode: 'LMB', nama: 'Unit Lambda', level: 'ESELON_II', parentId: null },
        adminToken,
      ),
      context,
    );
    expect(created.statusCode).toBe(201);
    const tree = await handler(event('GET', '/api/units', undefined, adminToken), context);
    expect(JSON.parse(tree.body).roots[0]).toMatchObject({ kode: 'LMB', nama: 'Unit Lambda' });
  });

  it('refuses a call without a token, verifying through the remote key set', async () => {
    const res = await handler(event('GET', '/api/units'), context);
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).code).toBe('auth.unauthenticated');
  });

  it('answers problem+json for bad input', async () => {
    const res = await handler(event('POST', '/api/units', { kode: '', nama: 1 }, adminToken), context);
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).code).toBe('request.invalid');
  });

  it('the CSV import is served by the import entry alone (the api bundle leaves csv-parse out)', async () => {
    const csv = (e: APIGatewayProxyEventV2): APIGatewayProxyEventV2 => ({
      ...e,
      rawQueryString: 'dryRun=true',
      queryStringParameters: { dryRun: 'true' },
      headers: { ...e.headers, 'content-type': 'text/csv' },
      body: 'nip,nama,status,pangkat_golongan,email,kode_unit,jabatan\n123,Tanpa Unit,PNS,III/a,x@piawai.test,TIDAKADA,Analis\n',
    });
    const refused = await handler(
      csv(event('POST', '/api/employees/import', undefined, adminToken)),
      context,
    );
    expect(refused.statusCode).toBe(404);
    expect(JSON.parse(refused.body).code).toBe('route.not_found');
    const { handler: importer } = (await import('../../functions/lambda/api-import.ts')) as unknown as {
      handler: typeof handler;
    };
    const preview = await importer(
      csv(event('POST', '/api/employees/import', undefined, adminToken)),
      context,
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(JSON.parse(preview.body)).toMatchObject({ dryRun: true, applied: false });
  });

  it('the jobs entry ticks and reports what it did', async () => {
    const { handler: tick } = (await import('../../functions/lambda/jobs.ts')) as unknown as {
      handler: (e: unknown, c: Context) => Promise<{ windowsOpened: number }>;
    };
    const summary = await tick({}, context);
    expect(summary).toMatchObject({ windowsOpened: 0, windowsClosed: 0 });
  });
});
