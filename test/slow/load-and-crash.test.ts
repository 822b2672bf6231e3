// Hardening, load and crash: 50 connections of mixed reads and writes for 60 s against the local server over a
// synthetic 10,000-employee ministry; then kill -9 of the server in the middle of that load and a restart on
// its data. Afterwards every acknowledged write is looked up, with its audit entry, through the API.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { round } from '../bench/stats.ts';
import {
  api,
  copyDataDir,
  isAlive,
  type LoadResult,
  loadFigures,
  mapLimit,
  runLoad,
  runningDynamoDbLocal,
  seedSyntheticOrganisation,
  startLocalServer,
} from './load-harness.ts';

const EMPLOYEES = 10_000;
const CONNECTIONS = 50;
const SECONDS = 60;

interface AuditEntry {
  stream: string;
  version: number;
  at: string;
  action: string;
  changes: { field: string; after: unknown }[];
}

interface Counts {
  acknowledged: number;
  /** Acknowledged writes found, with their audit entry. */
  present: number;
  /** Written but never acknowledged: requests in flight when the server died (0 without a crash). */
  committedUnacknowledged: number;
}

interface Verification {
  updates: Counts;
  feedback: Counts;
  auditStreamsVerified: number;
  /** Every inconsistency found; empty when nothing was lost or half-written. */
  problems: string[];
}

const months = (since: string) => {
  const list = [since.slice(0, 7)];
  const now = new Date().toISOString().slice(0, 7);
  if (now !== list[0]) list.push(now);
  return list;
};

/**
 * Reads back every employee the load updated and every feedback item it wrote. An employee's version must equal
 * its audit stream's length, its stored value the last audited one, and its chain must verify; each feedback
 * item must have its audit entry and each audit entry its item (all-or-nothing, both ways).
 */
async function verifyWrites(baseUrl: string, load: LoadResult, since: string): Promise<Verification> {
  const { workload, acks } = load;
  const get = <T>(path: string) => api<T>(baseUrl, workload.adminToken, 'GET', path);
  const verify = (stream: string) =>
    get<{ ok: boolean; entries: number }>(`/api/audit/verify?stream=${encodeURIComponent(stream)}`);
  const problems: string[] = [];
  const updates: Counts = { acknowledged: acks.updates.length, present: 0, committedUnacknowledged: 0 };
  const feedback: Counts = { acknowledged: acks.feedback.length, present: 0, committedUnacknowledged: 0 };
  const ackedFeedback = new Set(acks.feedback.map((f) => f.id));
  const feedbackItems: string[] = [];

  const targets = workload.connections.flatMap((c) => c.targets.map((t) => t.id));
  await mapLimit(targets, 8, async (id) => {
    const stream = `EMP#${id}|PROFILE`;
    const [employee, history, check, listed] = await Promise.all([
      get<{ version: number; pangkatGolongan: string | null }>(`/api/employees/${id}`),
      get<{ items: AuditEntry[] }>(`/api/audit/stream?stream=${encodeURIComponent(stream)}`),
      verify(stream),
      get<{ items: { id: string; at: string }[] }>(`/api/employees/${id}/feedback`),
    ]);
    const entries = history.items;
    const before = workload.before[id] ?? { version: 0, feedbackIds: [] };
    if (entries.length !== employee.version || !check.ok || check.entries !== employee.version)
      problems.push(
        `${id}: version ${employee.version}, ${entries.length} audit entries, chain ok ${check.ok}`,
      );
    const pangkat = (entry: AuditEntry) => entry.changes.find((c) => c.field === 'pangkatGolongan');
    const lastChange = entries.findLast((e) => pangkat(e) !== undefined);
    if (lastChange && pangkat(lastChange)?.after !== employee.pangkatGolongan)
      problems.push(`${id}: stored ${employee.pangkatGolongan}, last audited ${pangkat(lastChange)?.after}`);
    const acked = acks.updates.filter((a) => a.employeeId === id);
    for (const ack of acked) {
      const entry = entries.find((e) => e.version === ack.version);
      if (entry && pangkat(entry)?.after === ack.pangkatGolongan) updates.present += 1;
      else problems.push(`${id}: acknowledged version ${ack.version} (${ack.pangkatGolongan}) is missing`);
    }
    const ackedVersions = new Set(acked.map((a) => a.version));
    updates.committedUnacknowledged += entries.filter(
      (e) => e.version > before.version && !ackedVersions.has(e.version),
    ).length;
    for (const item of listed.items.filter((f) => !before.feedbackIds.includes(f.id))) {
      feedbackItems.push(`EMP#${id}|FEEDBACK#${item.at}#${item.id}`);
      if (ackedFeedback.has(item.id)) feedback.present += 1;
      else feedback.committedUnacknowledged += 1;
    }
  });
  if (feedback.present !== feedback.acknowledged)
    problems.push(`${feedback.acknowledged - feedback.present} acknowledged feedback items are missing`);

  // The heads' audit trail since the load began: one feedback.added entry per item, and no entry without one.
  const audited = new Set<string>();
  const heads = [...new Set(workload.connections.map((c) => c.head.id))];
  for (const head of heads)
    for (const month of months(since)) {
      let cursor: string | null = null;
      do {
        const page: { items: AuditEntry[]; nextCursor: string | null } = await get(
          `/api/audit?month=${month}&actorId=${head}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        for (const e of page.items) if (e.action === 'feedback.added' && e.at >= since) audited.add(e.stream);
        cursor = page.nextCursor;
      } while (cursor);
    }
  const items = new Set(feedbackItems);
  for (const stream of items) if (!audited.has(stream)) problems.push(`${stream}: item without audit entry`);
  for (const stream of audited) if (!items.has(stream)) problems.push(`${stream}: audit entry without item`);
  await mapLimit(feedbackItems, 16, async (stream) => {
    const check = await verify(stream);
    if (!check.ok || check.entries !== 1) problems.push(`${stream}: chain ok ${check.ok}, ${check.entries}`);
  });
  return { updates, feedback, auditStreamsVerified: targets.length + items.size, problems };
}

const row = (load: LoadResult) => ({
  requests: load.requests,
  'req/s': load.requestsPerSecond,
  'p50 ms': load.latencyMs.p50,
  'p99 ms': load.latencyMs.p99,
  errors: load.errors,
  non2xx: load.non2xx,
  'acked updates': load.acknowledged.updates,
  'acked feedback': load.acknowledged.feedback,
  'writes unanswered': load.writesUnanswered,
});

const routeRows = (load: LoadResult) =>
  Object.fromEntries(
    Object.entries(load.routes).map(([name, r]) => [
      name,
      { requests: r.requests, 'p50 ms': r.p50, 'p99 ms': r.p99, statuses: JSON.stringify(r.statuses) },
    ]),
  );

describe('the local server under load', () => {
  const work = mkdtempSync(join(tmpdir(), 'piawai-load-test-'));
  const template = join(work, 'seeded');
  const dataDirs: string[] = [];
  const report: Record<string, unknown> = {
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
  };

  beforeAll(async () => {
    report.seedSeconds = await seedSyntheticOrganisation(template, EMPLOYEES);
  });

  afterAll(() => {
    // A failed crash test may leave the killed server's DynamoDB Local behind: stop it, by its pid.
    for (const dir of dataDirs) {
      const pid = runningDynamoDbLocal(dir);
      if (pid) process.kill(pid, 'SIGKILL');
    }
    rmSync(work, { recursive: true, force: true });
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/load.json', `${JSON.stringify(report, null, 2)}\n`);
  });

  it('answers 50 connections of mixed reads and writes for 60 s without an error and keeps every acknowledged write', async () => {
    const dataDir = copyDataDir(template, join(work, 'load'));
    dataDirs.push(dataDir);
    const server = await startLocalServer(dataDir);
    try {
      const since = new Date().toISOString();
      const load = await runLoad({
        baseUrl: server.baseUrl,
        durationSeconds: SECONDS,
        connections: CONNECTIONS,
      });
      const verification = await verifyWrites(server.baseUrl, load, since);
      report.load = { employees: EMPLOYEES, ...loadFigures(load), verification };
      console.log(`\nLoad: ${CONNECTIONS} connections, ${load.seconds} s, ${EMPLOYEES} employees`);
      console.table({ load: row(load) });
      console.table(routeRows(load));
      console.table({ updates: verification.updates, feedback: verification.feedback });

      expect(load.failures).toEqual([]);
      expect({ errors: load.errors, non2xx: load.non2xx }).toEqual({ errors: 0, non2xx: 0 });
      expect(load.acknowledged.updates).toBeGreaterThan(0);
      expect(load.acknowledged.feedback).toBeGreaterThan(0);
      expect(verification.problems).toEqual([]);
      expect(verification.updates.present).toBe(load.acknowledged.updates);
      expect(verification.feedback.present).toBe(load.acknowledged.feedback);
      // Only the writes cut off when the run ended (sent, never answered) may be there unacknowledged.
      expect(
        verification.updates.committedUnacknowledged + verification.feedback.committedUnacknowledged,
      ).toBeLessThanOrEqual(load.writesUnanswered);
    } finally {
      await server.stop();
    }
  });

  it('after kill -9 in the middle of the load, a restart has every acknowledged write and no half-written one', async () => {
    const dataDir = copyDataDir(template, join(work, 'crash'));
    dataDirs.push(dataDir);
    const server = await startLocalServer(dataDir);
    const stopLoad = new AbortController();
    let killedAt = 0;
    let inFlightAtKill = 0;
    let unansweredAtKill = 0;
    const since = new Date().toISOString();
    const load = await runLoad({
      baseUrl: server.baseUrl,
      durationSeconds: SECONDS,
      connections: CONNECTIONS,
      signal: stopLoad.signal,
      onStart: (live) => {
        // Kill once both kinds of write have been acknowledged and several are on their way: mid-transaction.
        const started = performance.now();
        const poll = setInterval(async () => {
          const elapsed = (performance.now() - started) / 1000;
          const ready = live.acknowledged().feedback >= 5 && live.writesInFlight() >= 5;
          if (elapsed < 15 || (!ready && elapsed < 45)) return;
          clearInterval(poll);
          inFlightAtKill = live.writesInFlight();
          unansweredAtKill = live.writesUnanswered();
          await server.kill();
          killedAt = round(elapsed, 1);
          stopLoad.abort();
        }, 20);
      },
    }).finally(() => (killedAt === 0 ? server.stop() : undefined));
    expect(killedAt).toBeGreaterThan(0);
    const orphan = runningDynamoDbLocal(dataDir);

    const restarted = await startLocalServer(dataDir);
    try {
      // The killed server's DynamoDB Local was stopped by the restart, not left beside the new one.
      const stillRunning = orphan !== null && isAlive(orphan);
      const verification = await verifyWrites(restarted.baseUrl, load, since);
      report.crash = {
        employees: EMPLOYEES,
        killedAfterSeconds: killedAt,
        writesInFlightAtKill: inFlightAtKill,
        dynamoDbLocalLeftRunningByKill: orphan !== null,
        ...loadFigures(load),
        // Counted at the kill: afterwards autocannon keeps setting up requests on connections that fail.
        writesUnanswered: unansweredAtKill,
        verification,
      };
      console.log(
        `\nCrash: kill -9 after ${killedAt} s with ${inFlightAtKill} writes in flight (${unansweredAtKill} unanswered); DynamoDB Local left running: ${orphan !== null}`,
      );
      console.table({ 'until kill -9': { ...row(load), 'writes unanswered': unansweredAtKill } });
      console.table(routeRows(load));
      console.table({ updates: verification.updates, feedback: verification.feedback });

      // Before the kill every answer was 2xx; after it, connections fail until the load stops.
      expect(load.failures).toEqual([]);
      expect(load.non2xx).toBe(0);
      expect(stillRunning).toBe(false);
      expect(verification.problems).toEqual([]);
      expect(verification.updates.present).toBe(load.acknowledged.updates);
      expect(verification.feedback.present).toBe(load.acknowledged.feedback);
      expect(load.acknowledged.feedback).toBeGreaterThan(0);
      // Only writes sent and never answered by the time of the kill may be there unacknowledged.
      expect(
        verification.updates.committedUnacknowledged + verification.feedback.committedUnacknowledged,
      ).toBeLessThanOrEqual(unansweredAtKill);
    } finally {
      await restarted.stop();
    }
  });
});
