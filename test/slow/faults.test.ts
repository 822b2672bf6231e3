// Faults at the DynamoDB boundary during API writes (the Hardening issue): throttling on a share of calls,
// cancelled transactions and writes that succeeded but timed out. After the client's retries: no lost state,
// no duplicate state change, no duplicate or missing email. Jobs' crashes and SES failures: faults-jobs.test.ts.

import { beforeAll, describe, expect, it } from 'vitest';
import { type Fault, type FaultInjector, type FaultRule, injectFaults } from '../helpers/fault-injection.ts';
import { type ApiResult, createTestApp, type TestApp } from '../helpers/test-app.ts';
import { tally, withoutSendRate } from './faults-mail.ts';
import { addedByEntity, countByEntity, expectAuditIntact, tableSignature } from './faults-table.ts';
import {
  type Caller,
  draftingOpen,
  newEmployee,
  noOutcomes,
  type Person,
  retryingClient,
  runStory,
  skpLife,
  type World,
} from './faults-world.ts';

const TRANSACTION = ['TransactWriteItemsCommand'];
const EVERY_ATTEMPT = Number.POSITIVE_INFINITY;

describe('throttling on a share of DynamoDB calls during a realistic run of API writes and jobs', () => {
  it('every request ends 2xx or a retryable 503, and the end state equals the run without faults', async () => {
    const clean = withoutSendRate(await createTestApp());
    const cleanOutcomes = noOutcomes();
    await runStory(clean, retryingClient(clean, cleanOutcomes), cleanOutcomes);
    expect(cleanOutcomes).toMatchObject({ refused: 0, reruns: 0 });

    const faulty = withoutSendRate(await createTestApp());
    const faults = injectFaults(faulty.deps.db, { seed: 20250310 });
    faults.set(
      // Most throttling and timeouts are absorbed by the SDK's own retries...
      { fault: 'throttle', probability: 0.2 },
      { fault: 'timeout-before', probability: 0.03 },
      // ...but now and then a call is refused on every attempt, and its caller sees it.
      { fault: 'throughput', probability: 0.04, attempts: EVERY_ATTEMPT },
    );
    const outcomes = noOutcomes();
    await runStory(faulty, retryingClient(faulty, outcomes), outcomes);
    faults.clear();

    // The client saw only successes and 503s (sent again), the scheduler only failed runs (run again); every
    // call refused on all its 5 attempts surfaced exactly once, as one or the other.
    expect(['200', '201', '503']).toEqual(expect.arrayContaining(Object.keys(outcomes.statuses)));
    expect(outcomes.refused).toBe(outcomes.statuses[503] ?? 0);
    expect(faults.count('throughput')).toBeGreaterThanOrEqual(5);
    // Calls refused on all 5 attempts, grouped into failures: calls whose attempts interleave ran in
    // parallel in one request (e.g. the employee and the org read together) and fail it once. An outbox
    // settle (the only single UpdateItem in this story) is absorbed by the deliverer's second try.
    const episodes = exhaustedEpisodes(faults.log.filter((i) => i.fault === 'throughput'));
    const absorbed = episodes.filter((e) => e.every((command) => command === 'UpdateItemCommand')).length;
    expect(outcomes.refused + outcomes.reruns).toBe(episodes.length - absorbed);
    expect(faults.count('throttle')).toBeGreaterThan(20);
    expect(faults.count('timeout-before')).toBeGreaterThan(0);
    // Same table item for item (ids aside), one audit entry per version, chains intact, each message sent once.
    expect(await tableSignature(faulty)).toEqual(await tableSignature(clean));
    const entities = await countByEntity(faulty);
    expect(entities).toEqual(await countByEntity(clean));
    const audit = await expectAuditIntact(faulty);
    expect(audit).toEqual(await expectAuditIntact(clean));
    expect(audit.entries).toBe(entities.AuditEntry);
    expect(faulty.mail.sent.length).toBe(entities.OutboxItem);
    expect(faulty.mail.sent.length).toBe(clean.mail.sent.length);
    expect(new Set(tally(faulty.mail.sent.map((m) => m.outboxId)).values())).toEqual(new Set([1]));
  });
});

describe('cancelled transactions and ambiguous timeouts on API writes', () => {
  let t: TestApp;
  let faults: FaultInjector;
  let world: World;
  let call: Caller;
  beforeAll(async () => {
    t = await createTestApp();
    const outcomes = noOutcomes();
    call = retryingClient(t, outcomes, 1);
    world = await draftingOpen(t, call, outcomes);
    faults = injectFaults(t.deps.db, { seed: 7 });
  });

  /** Sends a write with `rule` in force; returns its answer and what it added to the table, by entity. */
  const sendUnder = async (rule: FaultRule | null, send: () => Promise<ApiResult>) => {
    const before = await tableSignature(t);
    if (rule) faults.set(rule);
    const answer = await send();
    faults.clear();
    return { answer, added: addedByEntity(before, await tableSignature(t)) };
  };

  it('a cancelled transaction answers 503 (an item throttled) or 409 (a conflict), writes nothing, and the retry changes state once', async () => {
    const life = skpLife(t, call, world, world.staf[0] as Person);
    const steps: [string, () => Promise<ApiResult>, number][] = [
      [
        'employee created (NIP and email claimed)',
        newEmployee(t, call, world, '198503152010121901', 'baru@fault.test'),
        0,
      ],
      ['SKP drafted', life.draft, 0],
      ['SKP filled', life.fill, 0],
      ['SKP submitted (the penilai asked by email)', life.submit, 1],
      ['SKP approved (the employee told by email)', life.approve, 1],
    ];
    const refusals: [Fault, number, string][] = [
      ['cancel-throttle', 503, 'service.unavailable'],
      ['cancel-conflict', 409, 'concurrency.version_conflict'],
    ];
    for (const [step, send, messages] of steps) {
      for (const [fault, status, code] of refusals) {
        const { answer, added } = await sendUnder({ fault, commands: TRANSACTION, calls: [1] }, send);
        expect(answer.headers.get('content-type'), step).toMatch(/^application\/problem\+json/);
        expect({ step, status: answer.status, code: answer.body.code, added }).toEqual({
          step,
          status,
          code,
          added: {},
        });
      }
      const { answer, added } = await sendUnder(null, send);
      const applied = { ok: answer.status < 300, audits: added.AuditEntry, messages: added.OutboxItem ?? 0 };
      expect({ step, ...applied }).toEqual({ step, ok: true, audits: 1, messages });
      await life.reload();
    }
    expect([faults.count('cancel-throttle'), faults.count('cancel-conflict')]).toEqual([5, 5]);
    expect((await life.reload()).status).toBe('DISETUJUI');
    await expectAuditIntact(t);
  });

  it('a write that succeeded but timed out: the same request again gets 409, and the change happened exactly once', async () => {
    const life = skpLife(t, call, world, world.staf[1] as Person);
    // Outside the SDK's retry loop: the service sees the timeout of a write that was applied.
    const outside: FaultRule = { fault: 'timeout-after', where: 'call', commands: TRANSACTION, calls: [1] };
    // Inside it, on every attempt: the SDK resends with the same ClientRequestToken (DynamoDB applies it once)
    // until it gives up, and the service sees the last timeout.
    const everyAttempt: FaultRule = { ...outside, where: 'attempt', attempts: EVERY_ATTEMPT };
    // Inside it, on the first attempt only: the idempotent resend succeeds and the caller sees plain success.
    const firstAttempt: FaultRule = { ...outside, where: 'attempt' };
    const rows: [string, FaultRule, () => Promise<ApiResult>, number, [number, string] | null, number][] = [
      [
        'employee created',
        outside,
        newEmployee(t, call, world, '198503152010121902', 'ragu@fault.test'),
        503,
        [409, 'employee.email_taken'],
        0,
      ],
      ['SKP drafted', outside, life.draft, 503, [409, 'skp.exists'], 0],
      ['SKP filled', everyAttempt, life.fill, 503, [409, 'concurrency.version_conflict'], 0],
      ['SKP submitted', outside, life.submit, 503, [409, 'concurrency.version_conflict'], 1],
      ['SKP approved', firstAttempt, life.approve, 200, null, 1],
    ];
    for (const [row, rule, send, status, retry, messages] of rows) {
      const first = await sendUnder(rule, send);
      expect({
        row,
        status: first.answer.status,
        audits: first.added.AuditEntry,
        messages: first.added.OutboxItem ?? 0,
      }).toEqual({
        row,
        status,
        audits: 1,
        messages,
      });
      if (retry) {
        const again = await sendUnder(null, send);
        expect({
          row,
          status: again.answer.status,
          code: again.answer.body.code,
          added: again.added,
        }).toEqual({
          row,
          status: retry[0],
          code: retry[1],
          added: {},
        });
      }
      await life.reload();
    }
    // One injection per 'outside' and 'firstAttempt' row, five (every attempt) for the filled SKP.
    expect(faults.count('timeout-after')).toBe(3 + 5 + 1);
    expect((await life.reload()).status).toBe('DISETUJUI');
    await expectAuditIntact(t);
  });
});

/** Exhausted calls (5 attempts each, by command and call number) grouped where their attempts interleave. */
function exhaustedEpisodes(log: readonly { command: string; call: number; attempt: number }[]): string[][] {
  const spans = new Map<string, { command: string; first: number; last: number }>();
  log.forEach((injection, index) => {
    const key = `${injection.command}#${injection.call}`;
    const span = spans.get(key) ?? { command: injection.command, first: index, last: index };
    spans.set(key, { ...span, last: index });
  });
  const episodes: { last: number; commands: string[] }[] = [];
  for (const span of [...spans.values()].sort((a, b) => a.first - b.first)) {
    const open = episodes.at(-1);
    if (open && span.first < open.last) {
      open.commands.push(span.command);
      open.last = Math.max(open.last, span.last);
    } else episodes.push({ last: span.last, commands: [span.command] });
  }
  return episodes.map((e) => e.commands);
}
