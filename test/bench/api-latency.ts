// Latency of the API next to the raw DynamoDB Local call it wraps, at 16 concurrent connections, same run.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createLocalIssuer } from '../../functions/auth/local-issuer.ts';
import { loadConfig } from '../../functions/config.ts';
import { keys } from '../../functions/db/keys.ts';
import { createDeps } from '../../functions/deps.ts';
import { ensureTable } from '../../functions/local/create-table.ts';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { generateOrganisation } from '../../functions/local/synthetic-org.ts';
import { measure, percentile, round } from './stats.ts';

const CONCURRENCY = 16;
const REQUESTS = 2000;
const WARMUP = 200;

async function startApi(endpoint: string, tableName: string, keyFile: string) {
  const child = spawn(process.execPath, ['test/bench/serve-api.ts'], {
    env: { ...process.env, DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName, BENCH_KEY_FILE: keyFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  return { url: `http://127.0.0.1:${chunk.toString().trim()}`, stop: () => child.kill('SIGTERM') };
}

export interface CaseResult {
  api: { p50: number; p99: number };
  raw: { p50: number; p99: number };
  p50Ratio: number;
}

// A plain keep-alive HTTP client: lighter than fetch, so the load generator steals less CPU from the
// server it measures on a small machine.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function get(url: string, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    httpGet(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
      res.resume();
      res.on('end', () => resolve());
    }).on('error', reject);
  });
}

const summary = (samples: number[]) => ({
  p50: round(percentile(samples, 50)),
  p99: round(percentile(samples, 99)),
});

export async function benchApiLatency(employees = 1000) {
  const dynamo = await startDynamoDbLocal();
  const tableName = 'bench';
  const deps = createDeps(
    loadConfig({
      PIAWAI_ENV: 'local',
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      LOG_LEVEL: 'SILENT',
    }),
  );
  await ensureTable(deps.db);
  const org = await generateOrganisation(deps, { employees });
  // The API verifies tokens with a key the benchmark shares with it: requests are signed-in HR admin calls.
  const keyFile = join(mkdtempSync(join(tmpdir(), 'piawai-bench-')), 'key.json');
  const issuer = await createLocalIssuer({
    issuer: deps.config.AUTH_ISSUER,
    audience: deps.config.AUTH_AUDIENCE,
    keyFile,
  });
  const token = await issuer.sign({
    subject: 'bench',
    email: 'bench@piawai.test',
    nama: 'Bench',
    employeeId: org.sampleEmployeeId,
    adminScope: 'ALL',
  });
  const api = await startApi(dynamo.endpoint, tableName, keyFile);
  try {
    const cases = {
      employee: {
        api: () => get(`${api.url}/api/employees/${org.sampleEmployeeId}`, token),
        raw: async () => {
          await deps.db.doc.send(
            new GetCommand({ TableName: tableName, Key: keys.employee(org.sampleEmployeeId) }),
          );
        },
      },
      unitMembers: {
        api: () => get(`${api.url}/api/units/${org.sampleUnitId}/members?limit=25`, token),
        raw: async () => {
          await deps.db.doc.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: 'gsi1',
              KeyConditionExpression: 'gsi1pk = :pk',
              ExpressionAttributeValues: { ':pk': keys.unitMembersPk(org.sampleUnitId) },
              Limit: 25,
            }),
          );
        },
      },
    };
    const results = {} as Record<keyof typeof cases, CaseResult>;
    for (const [name, { api: viaApi, raw }] of Object.entries(cases)) {
      await measure(WARMUP, CONCURRENCY, viaApi);
      await measure(WARMUP, CONCURRENCY, raw);
      // Interleave rounds so that machine noise falls on both sides alike.
      const apiSamples: number[] = [];
      const rawSamples: number[] = [];
      for (let round = 0; round < 4; round += 1) {
        apiSamples.push(...(await measure(REQUESTS / 4, CONCURRENCY, viaApi)));
        rawSamples.push(...(await measure(REQUESTS / 4, CONCURRENCY, raw)));
      }
      const a = summary(apiSamples);
      const r = summary(rawSamples);
      results[name as keyof typeof cases] = { api: a, raw: r, p50Ratio: round(a.p50 / r.p50) };
    }
    return { employees: org.employees, concurrency: CONCURRENCY, requests: REQUESTS, ...results };
  } finally {
    api.stop();
    await dynamo.stop();
  }
}
