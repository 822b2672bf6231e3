// Load harness for the slow tests and `npm run bench`: the local server exactly as `npm run serve` starts it
// (functions/local/start.ts as a child process on a data dir), a synthetic ministry seeded by `npm run seed`,
// and an autocannon run of mixed reads and acknowledged writes whose figures come back as a plain object.
// One file on purpose: server, seed, workload and run are one tool that the crash test and the bench share.

import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { percentile, round } from '../bench/stats.ts';

const repoRoot = resolve(import.meta.dirname, '../..');

// ---- the local server as a child process -------------------------------------------------------------------

export interface LocalServer {
  baseUrl: string;
  pid: number;
  dataDir: string;
  /** Ctrl-C on `npm start`: SIGTERM, which stops DynamoDB Local and releases the data dir. */
  stop(): Promise<void>;
  /** kill -9 of the server process alone, as a crash: nothing of it runs any more, not even exit handlers. */
  kill(): Promise<void>;
}

function waitForExit(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once('exit', () => done()));
}

/** `node functions/local/start.ts` on `dataDir` (PIAWAI_DATA_DIR) and `port` (0: any free port). */
export async function startLocalServer(dataDir: string, port = 0): Promise<LocalServer> {
  const { TABLE_NAME: _table, DYNAMODB_ENDPOINT: _endpoint, ...inherited } = process.env;
  const child = spawn(process.execPath, ['functions/local/start.ts'], {
    cwd: repoRoot,
    env: {
      ...inherited,
      PIAWAI_ENV: 'local',
      PIAWAI_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'WARN',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const listening = await new Promise<number>((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      fail(new Error(`Server did not start in 120 s:\n${output}`));
    }, 120_000);
    const onData = () => {
      const match = /berjalan di http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        ready(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      fail(new Error(`Server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  const ended = (signal: NodeJS.Signals) => async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await waitForExit(child);
  };
  return {
    baseUrl: `http://127.0.0.1:${listening}`,
    pid: child.pid ?? -1,
    dataDir,
    stop: ended('SIGTERM'),
    kill: ended('SIGKILL'),
  };
}

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The DynamoDB Local a server on `dataDir` runs (recorded by functions/local/dynamodb-local.ts), if alive. */
export function runningDynamoDbLocal(dataDir: string): number | null {
  const file = join(dataDir, 'dynamodb', 'dynamodb-local.pid');
  const pid = existsSync(file) ? Number(readFileSync(file, 'utf8')) : 0;
  return pid > 0 && isAlive(pid) ? pid : null;
}

// ---- seeding -------------------------------------------------------------------------------------------------

/**
 * `npm run seed -- --employees N --data-dir <dir>`, then one performance period (two years ahead, so the
 * tick finds no window due and sends no mail during a run) created by HR through the API.
 */
export async function seedSyntheticOrganisation(dataDir: string, employees = 10_000): Promise<number> {
  const started = performance.now();
  const seed = spawn(
    process.execPath,
    ['functions/local/seed-cli.ts', '--employees', String(employees), '--data-dir', dataDir],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  seed.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  await waitForExit(seed);
  if (seed.exitCode !== 0) throw new Error(`npm run seed failed (${seed.exitCode}):\n${stderr}`);
  const server = await startLocalServer(dataDir);
  try {
    const admin = await signIn(server.baseUrl, 'admin@piawai.test');
    const tahun = new Date().getUTCFullYear() + 2;
    await api(server.baseUrl, admin.token, 'POST', '/api/periods', {
      tahun,
      nama: `Periode uji beban ${tahun}`,
      mulai: `${tahun}-01-01`,
      selesai: `${tahun}-12-31`,
    });
  } finally {
    await server.stop();
  }
  return round((performance.now() - started) / 1000, 1);
}

/** A copy of a seeded data dir, so each run starts from the same organisation. */
export function copyDataDir(from: string, to: string): string {
  cpSync(from, to, { recursive: true });
  return to;
}

// ---- API calls outside the load --------------------------------------------------------------------------

/** One JSON call; anything but 2xx throws with the status and body. */
export async function api<T>(
  baseUrl: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 400)}`);
  return JSON.parse(text) as T;
}

/** The development sign-in, as scripts use it (README): a Bearer token for every later call. */
export const signIn = (baseUrl: string, email: string) =>
  api<{ token: string; employeeId: string }>(baseUrl, null, 'POST', '/api/dev/session', { email });

/** `work` over `items` with at most `concurrency` in flight; results in item order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<R>,
) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i] as T);
      }
    }),
  );
  return results;
}

// ---- the workload --------------------------------------------------------------------------------------------

export interface Person {
  id: string;
  nama: string;
  email: string;
  version: number;
}

/** What one connection does: HR updates its own employees; their unit head gives them feedback. */
export interface ConnectionPlan {
  unitId: string;
  head: { id: string; token: string };
  /** Owned by this connection alone, so a versioned update never races another connection. */
  targets: Person[];
  searchPrefixes: string[];
}

export interface Workload {
  adminToken: string;
  periodId: string;
  connections: ConnectionPlan[];
  /** Each target's version and feedback ids before the load; writes are counted against these. */
  before: Record<string, { version: number; feedbackIds: string[] }>;
}

interface UnitNode {
  id: string;
  level: string;
  kepalaId: string | null;
  children: UnitNode[];
}

const MAX_HEADS = 16; // the development sign-in allows 20 sign-ins a minute per address (default config)

export async function prepareWorkload(baseUrl: string, connections: number): Promise<Workload> {
  const admin = await signIn(baseUrl, 'admin@piawai.test');
  const call = <T>(path: string) => api<T>(baseUrl, admin.token, 'GET', path);
  const { roots } = await call<{ roots: UnitNode[] }>('/api/units');
  const flat = (nodes: UnitNode[]): UnitNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
  const units = flat(roots)
    .filter((u) => u.level === 'ESELON_II' && u.kepalaId)
    .slice(0, Math.min(connections, MAX_HEADS));
  const [period] = (await call<{ items: { id: string }[] }>('/api/periods')).items;
  if (!period || units.length === 0)
    throw new Error('Seed a synthetic organisation first (no period or unit).');
  const teams = await mapLimit(units, 4, async (unit) => {
    const members = (await call<{ items: Person[] }>(`/api/units/${unit.id}/members?limit=100`)).items;
    const head = members.find((m) => m.id === unit.kepalaId);
    if (!head) throw new Error(`Unit ${unit.id} has no head among its members.`);
    const session = await signIn(baseUrl, head.email);
    const staff = members.filter((m) => m.id !== head.id && m.id !== admin.employeeId);
    return { unitId: unit.id, head: { id: head.id, token: session.token }, staff };
  });
  const plans: ConnectionPlan[] = Array.from({ length: connections }, (_, slot) => {
    const team = teams[slot % teams.length] as (typeof teams)[number];
    const sharing = Math.ceil((connections - (slot % teams.length)) / teams.length);
    const share = Math.floor(slot / teams.length);
    const targets = team.staff.filter((_, i) => i % sharing === share);
    if (targets.length === 0) throw new Error(`Too many connections (${connections}) for the units' staff.`);
    const searchPrefixes = targets.map((t) => t.nama.split(' ')[0] ?? t.nama);
    return { unitId: team.unitId, head: team.head, targets, searchPrefixes };
  });
  const everyone = plans.flatMap((p) => p.targets);
  const feedback = await mapLimit(everyone, 8, (t) =>
    call<{ items: { id: string }[] }>(`/api/employees/${t.id}/feedback`),
  );
  const before = Object.fromEntries(
    everyone.map((t, i) => [
      t.id,
      { version: t.version, feedbackIds: feedback[i]?.items.map((f) => f.id) ?? [] },
    ]),
  );
  return { adminToken: admin.token, periodId: period.id, connections: plans, before };
}

export interface AckUpdate {
  employeeId: string;
  version: number;
  pangkatGolongan: string;
}

export interface AckFeedback {
  employeeId: string;
  id: string;
  at: string;
}

/** Seen while the load runs: what the crash test waits for before it kills the server. */
export interface LiveLoad {
  acknowledged(): { updates: number; feedback: number };
  /** Connections whose last request sent is a write still unanswered. */
  writesInFlight(): number;
  /** Writes sent and never answered so far: in flight, or cut off by a timeout or a dead connection. */
  writesUnanswered(): number;
}

// autocannon ships no types; this is the part of its API (README, "API") the harness uses.
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: CannonRequest) => CannonRequest | null;
  onResponse?: (status: number, body: string) => void;
}
interface CannonHistogram {
  mean: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  average: number;
}
interface CannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  latency: CannonHistogram;
  requests: CannonHistogram & { sent: number };
  statusCodeStats: Record<string, { count: number }>;
}
interface CannonInstance extends PromiseLike<CannonResult> {
  stop(): void;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: CannonRequest[];
  setupClient: (client: { setRequests(requests: CannonRequest[]): void }) => void;
}) => CannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Recorder {
  updates: AckUpdate[];
  feedback: AckFeedback[];
  /** Per route: latency of each answer (ms) and the count of each status. */
  samples: Record<string, number[]>;
  statuses: Record<string, Record<number, number>>;
  failures: string[];
  /** Per connection: its last request is a write not answered yet. */
  pendingWrite: boolean[];
  writesSent: number;
  writesAnswered: number;
}

/**
 * One connection's repeating cycle of 20 requests: 17 reads and 3 writes that answer what they wrote (an
 * employee's new version twice, a feedback item's id once), so each can be looked up afterwards. Feedback
 * comes every other half: checking that the caller is the employee's penilai reads the whole org partition
 * (1,600 items at 10,000 employees; once per request since the per-request org memo, twice before), which
 * DynamoDB Local serialises with every other call, so at one in ten it set the pace of the run (see
 * test-output/load.json, routes).
 */
function connectionRequests(slot: number, plan: ConnectionPlan, workload: Workload, rec: Recorder) {
  const admin = { authorization: `Bearer ${workload.adminToken}` };
  const head = { authorization: `Bearer ${plan.head.token}` };
  const json = { 'content-type': 'application/json' };
  const versions = new Map(plan.targets.map((t) => [t.id, t.version]));
  let cycle = -1;
  let sentAt = 0;
  const pick = <T>(list: readonly T[], offset = 0) => list[(cycle + offset) % list.length] as T;
  const target = () => pick(plan.targets).id;
  const other = () => pick(plan.targets, 1).id;
  const step = (
    name: string,
    build: () => CannonRequest | null,
    onOk?: (body: string) => void,
  ): CannonRequest => {
    const samples = rec.samples[name] ?? [];
    const counts = rec.statuses[name] ?? {};
    rec.samples[name] = samples;
    rec.statuses[name] = counts;
    return {
      setupRequest: (request) => {
        if (name === 'profile') cycle += 1;
        const built = build();
        rec.pendingWrite[slot] = built?.method === 'PATCH' || built?.method === 'POST';
        if (rec.pendingWrite[slot]) rec.writesSent += 1;
        sentAt = performance.now();
        return built && { ...request, method: 'GET', ...built };
      },
      onResponse: (status, body) => {
        if (rec.pendingWrite[slot]) rec.writesAnswered += 1;
        rec.pendingWrite[slot] = false;
        samples.push(performance.now() - sentAt);
        counts[status] = (counts[status] ?? 0) + 1;
        if (status >= 200 && status < 300) onOk?.(body);
        else if (rec.failures.length < 20) rec.failures.push(`${name} ${status} ${body.slice(0, 300)}`);
      },
    };
  };
  const update = () => {
    const version = versions.get(target());
    // Unknown when the profile read before failed: start the cycle again (autocannon counts a reset).
    if (version === undefined) return null;
    const body = { version, pangkatGolongan: `Penata / III-c (uji beban ${slot}.${cycle})` };
    const path = `/api/employees/${target()}`;
    return { method: 'PATCH', path, headers: { ...admin, ...json }, body: JSON.stringify(body) };
  };
  const feedback = () => ({
    method: 'POST',
    path: `/api/employees/${other()}/feedback`,
    headers: { ...head, ...json },
    body: JSON.stringify({ rhkId: null, umpanBalik: `Umpan balik uji beban ${slot}.${cycle}` }),
  });
  const prefix = () => encodeURIComponent(pick(plan.searchPrefixes));
  const half = (withFeedback: boolean) => [
    step(
      'profile',
      () => ({ path: `/api/employees/${target()}`, headers: admin }),
      (body) => {
        const e = JSON.parse(body) as { id: string; version: number };
        versions.set(e.id, e.version);
      },
    ),
    step('update', update, (body) => {
      const e = JSON.parse(body) as { id: string; version: number; pangkatGolongan: string };
      versions.set(e.id, e.version);
      rec.updates.push({ employeeId: e.id, version: e.version, pangkatGolongan: e.pangkatGolongan });
    }),
    step('members', () => ({ path: `/api/units/${plan.unitId}/members?limit=25`, headers: admin })),
    step('search', () => ({ path: `/api/employees?q=${prefix()}&limit=20`, headers: admin })),
    withFeedback
      ? step('feedback', feedback, (body) => {
          const f = JSON.parse(body) as AckFeedback;
          rec.feedback.push({ employeeId: f.employeeId, id: f.id, at: f.at });
        })
      : step('skp-list', () => ({ path: `/api/employees/${other()}/skp`, headers: admin })),
    step('board', () => ({ path: `/api/periods/${workload.periodId}/board`, headers: admin })),
    step('periods', () => ({ path: '/api/periods', headers: head })),
    step('feedback-list', () => ({ path: `/api/employees/${other()}/feedback`, headers: admin })),
    step('profile-other', () => ({ path: `/api/employees/${other()}`, headers: admin })),
    step('search-nip', () => ({ path: `/api/employees?q=19&sort=nip&limit=20`, headers: admin })),
  ];
  return [...half(true), ...half(false)];
}

/** Waits until the newest audit entry has stayed the same for 3 s: requests cut off at the end are done. */
async function waitUntilQuiet(baseUrl: string, token: string) {
  const month = () => new Date().toISOString().slice(0, 7);
  const newest = async () =>
    JSON.stringify(
      (await api<{ items: unknown[] }>(baseUrl, token, 'GET', `/api/audit?month=${month()}&limit=1`)).items,
    );
  let last = await newest();
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await newest();
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

// ---- the run -------------------------------------------------------------------------------------------------

export interface LoadOptions {
  durationSeconds: number;
  connections: number;
  /** A server already running on a seeded organisation; without it one is seeded and served for this run. */
  baseUrl?: string;
  /** Employees of the organisation seeded when no `baseUrl` is given. */
  employees?: number;
  /** Stops the load early (the crash test aborts right after it killed the server). */
  signal?: AbortSignal;
  /** Called once the load runs, with live counters. */
  onStart?: (live: LiveLoad) => void;
}

export interface RouteFigures {
  requests: number;
  p50: number;
  p99: number;
  statuses: Record<number, number>;
}

export interface LoadFigures {
  connections: number;
  seconds: number;
  /** Answers received (any status). */
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Connection errors and timeouts (autocannon `errors`), and answers other than 2xx. */
  errors: number;
  timeouts: number;
  non2xx: number;
  routes: Record<string, RouteFigures>;
  acknowledged: { updates: number; feedback: number };
  /** Writes sent whose answer never came (cut off by the end of the run, a timeout or a crash). */
  writesUnanswered: number;
}

export interface LoadResult extends LoadFigures {
  failures: string[];
  workload: Workload;
  acks: { updates: AckUpdate[]; feedback: AckFeedback[] };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.baseUrl) return loadAgainst(options.baseUrl, options);
  const dir = mkdtempSync(join(tmpdir(), 'piawai-load-'));
  try {
    const dataDir = join(dir, 'data');
    await seedSyntheticOrganisation(dataDir, options.employees ?? 10_000);
    const server = await startLocalServer(dataDir);
    try {
      return await loadAgainst(server.baseUrl, options);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function loadAgainst(baseUrl: string, options: LoadOptions): Promise<LoadResult> {
  const workload = await prepareWorkload(baseUrl, options.connections);
  const rec: Recorder = {
    updates: [],
    feedback: [],
    samples: {},
    statuses: {},
    failures: [],
    pendingWrite: [],
    writesSent: 0,
    writesAnswered: 0,
  };
  let slots = 0;
  const instance = autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.durationSeconds,
    // A request may wait behind a busy 2-core machine; only a dead server should time out.
    timeout: 30,
    requests: [{ method: 'GET', path: '/api/health' }],
    setupClient: (client) => {
      const slot = slots++;
      const plan = workload.connections[slot % workload.connections.length] as ConnectionPlan;
      client.setRequests(connectionRequests(slot, plan, workload, rec));
    },
  });
  const stop = () => instance.stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  options.onStart?.({
    acknowledged: () => ({ updates: rec.updates.length, feedback: rec.feedback.length }),
    writesInFlight: () => rec.pendingWrite.filter(Boolean).length,
    writesUnanswered: () => rec.writesSent - rec.writesAnswered,
  });
  const result = await instance;
  options.signal?.removeEventListener('abort', stop);
  const writesUnanswered = rec.writesSent - rec.writesAnswered;
  if (!options.signal?.aborted) await waitUntilQuiet(baseUrl, workload.adminToken);
  const routes = Object.fromEntries(
    Object.entries(rec.samples)
      .filter(([, samples]) => samples.length > 0)
      .map(([name, samples]) => [
        name,
        {
          requests: samples.length,
          p50: round(percentile(samples, 50), 1),
          p99: round(percentile(samples, 99), 1),
          statuses: rec.statuses[name] ?? {},
        },
      ]),
  );
  const requests = Object.values(result.statusCodeStats).reduce((sum, s) => sum + s.count, 0);
  return {
    connections: options.connections,
    seconds: result.duration,
    requests,
    requestsPerSecond: round(requests / result.duration, 1),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: round(result.latency.mean, 1),
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    routes,
    acknowledged: { updates: rec.updates.length, feedback: rec.feedback.length },
    writesUnanswered,
    failures: rec.failures,
    workload,
    acks: { updates: rec.updates, feedback: rec.feedback },
  };
}

/** The figures of a run without its workload and acknowledgements, for a table or a JSON file. */
export function loadFigures(result: LoadResult): LoadFigures {
  const { failures: _f, workload: _w, acks: _a, ...figures } = result;
  return figures;
}
