// Fuzzing every route of the OpenAPI document with property-based requests (issue "Hardening"): at least
// 200 per route per run, a fixed seed in CI and a random one locally. Whatever comes in: no 5xx, every 4xx
// is problem+json with a code, and a refused request wrote nothing.

import { rm } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../../functions/api/app.ts';
import { devOutboxRoutes } from '../../functions/local/dev-outbox-routes.ts';
import { type Doc, type FuzzCase, operationsOf, requestArb, schemaWorld } from './fuzz-requests.ts';
import { aFuzzWorld } from './fuzz-world.ts';

const RUNS = 200;
const CI_SEED = 20261129;
const SEED = process.env.FUZZ_SEED
  ? Number(process.env.FUZZ_SEED)
  : process.env.CI
    ? CI_SEED
    : Math.floor(Math.random() * 2 ** 31);
console.log(`fuzz seed ${SEED}; replay with FUZZ_SEED=${SEED} npm run test:slow -- test/slow/fuzz.test.ts`);

/**
 * Routes the app serves that are not fuzzed here, and why. Everything in the OpenAPI document is fuzzed,
 * including the development sign-in and the local outbox reader (mounted as the local server mounts them).
 */
const NOT_FUZZED: Record<string, string> = {
  'GET /api/dev/accounts':
    'added by the local server (functions/local/server.ts) outside the API app and its OpenAPI document; takes no input and answers a constant list',
};

const world = await aFuzzWorld();
const served = await world.app.request('/api/openapi.json');
if (served.status !== 200)
  throw new Error(`GET /api/openapi.json answered ${served.status}: ${await served.text()}`);
const document = (await served.json()) as Doc;
const operations = operationsOf(document);
const schemas = schemaWorld(document, world.pools);

interface Outcome {
  status: number;
  contentType: string;
  text: string;
  writes: string[];
}

async function send(c: FuzzCase): Promise<Outcome> {
  const { result, writes } = await world.writes.during(async () => {
    const response = await world.app.request(c.url, {
      method: c.method,
      headers: c.headers,
      ...(c.body !== undefined ? { body: c.body } : {}),
    });
    return { response, text: await response.text() };
  });
  return {
    status: result.response.status,
    contentType: result.response.headers.get('content-type') ?? '',
    text: result.text,
    writes,
  };
}

/** What is wrong with an answer, or null: a 5xx, a 4xx that is not problem+json, a write on a refusal. */
function unsound(r: Outcome): string | null {
  if (r.status >= 500) return `answered ${r.status}: ${r.text.slice(0, 300)}`;
  if (r.status < 400) return null;
  if (!r.contentType.startsWith('application/problem+json')) return `${r.status} as ${r.contentType}`;
  let problem: { code?: unknown; status?: unknown };
  try {
    problem = JSON.parse(r.text);
  } catch {
    return `${r.status} with a body that is not JSON: ${r.text.slice(0, 200)}`;
  }
  if (typeof problem.code !== 'string') return `${r.status} without a code: ${r.text.slice(0, 200)}`;
  if (problem.status !== r.status) return `${r.status} whose problem says status ${String(problem.status)}`;
  if (r.writes.length > 0) return `refused (${r.status} ${problem.code}) but wrote: ${r.writes.join(', ')}`;
  return null;
}

const tally = new Map<string, Record<string, number>>();
const started = Date.now();

describe('fuzzing every route of the OpenAPI document', () => {
  afterAll(async () => {
    await rm(world.dataDir, { recursive: true, force: true });
    const lines = [...tally].map(([route, counts]) => `${route}  ${JSON.stringify(counts)}`);
    const cases = [...tally.values()].reduce(
      (sum, c) => sum + Object.values(c).reduce((a, b) => a + b, 0),
      0,
    );
    console.log(
      `fuzz: ${tally.size} routes, ${cases} requests in ${Math.round((Date.now() - started) / 1000)} s (seed ${SEED})\n${lines.join('\n')}`,
    );
  });

  it('lists every route the app serves in the document, or says here why it is not fuzzed', () => {
    const served = allRoutes(world.t.deps, devOutboxRoutes(world.t.deps)).map(
      (r) => `${r.spec.method.toUpperCase()} ${r.spec.path.replace(/:([A-Za-z]+)/g, '{$1}')}`,
    );
    const fuzzed = operations.map((op) => `${op.method} ${op.path}`);
    expect(fuzzed.sort()).toEqual(served.sort());
    expect(fuzzed.filter((route) => route in NOT_FUZZED)).toEqual([]);
    expect(fuzzed.length).toBeGreaterThan(60);
  });

  it('sees a committed write, and not one DynamoDB refused (so "nothing written" means something)', async () => {
    const unit = { kode: 'FUZZ.CEK', nama: 'Unit Pemeriksa', level: 'ESELON_II', parentId: null };
    const create = {
      method: 'POST',
      url: '/api/units',
      headers: { authorization: `Bearer ${world.t.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(unit),
    };
    const created = await send(create);
    expect([created.status, created.writes]).toEqual([201, ['TransactWriteItemsCommand']]);
    const taken = await send(create);
    expect([taken.status, taken.writes]).toEqual([409, []]);
  });

  it.each(operations)(
    '$method $path: no 5xx, every 4xx problem+json, nothing written on a refusal',
    async (op) => {
      const counts: Record<string, number> = {};
      tally.set(`${op.method} ${op.path}`, counts);
      await fc.assert(
        fc.asyncProperty(requestArb(op, world, schemas), async (c) => {
          const outcome = await send(c);
          counts[outcome.status] = (counts[outcome.status] ?? 0) + 1;
          const problem = unsound(outcome);
          if (problem) throw new Error(`${c.method} ${c.url.slice(0, 300)}: ${problem}`);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    },
  );
});
