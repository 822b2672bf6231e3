// Faults in the jobs (the Hardening issue): SES refusing messages during delivery, and a job killed between
// two of its steps (the window fan-out, mail delivery), then run again. After reruns nobody is told twice
// and no message is missing; where SES makes duplicates unavoidable (at-least-once) the test says so.

import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runTick } from '../../functions/jobs/tick.ts';
import { sesTransport } from '../../functions/mail/ses.ts';
import { type FaultInjector, injectFaults, seededRandom } from '../helpers/fault-injection.ts';
import { allItems, createTestApp, TEST_ORIGIN, type TestApp } from '../helpers/test-app.ts';
import {
  isClaim,
  isSettle,
  outbox,
  queued,
  recording,
  type SendLog,
  sesErrors,
  tally,
  withoutSendRate,
} from './faults-mail.ts';
import { expectAuditIntact } from './faults-table.ts';
import { noOutcomes, rerunUntilDone } from './faults-world.ts';

const TRANSACTION = ['TransactWriteItemsCommand'];
const EVERY_ATTEMPT = Number.POSITIVE_INFINITY;

describe('SES failures during delivery of many messages, with reruns', () => {
  const ses = mockClient(SESClient);
  afterAll(() => ses.restore());

  it('every message is accepted by SES exactly once, or ends FAILED where HR sees it; none is missing', async () => {
    const t = withoutSendRate(await createTestApp('2025-01-10T03:00:00.000Z'));
    const recipients = Array.from({ length: 40 }, (_, i) => `p${i}@fault.test`);
    recipients[17] = 'ditolak@fault.test';
    const ids = await queued(t, recipients);
    const rejected = ids[17] as string;
    const log: SendLog = { accepted: [], throttled: [], failed: [] };
    t.deps.mail.transport = recording(
      sesTransport(new SESClient({ region: 'ap-southeast-3' }), 'piawai', 'PIAWAI <noreply@piawai.local>'),
      log,
    );
    const random = seededRandom(40);
    ses.on(SendRawEmailCommand).callsFake((input: { RawMessage?: { Data?: Uint8Array } }) => {
      if (Buffer.from(input.RawMessage?.Data ?? []).includes('ditolak@fault.test'))
        throw sesErrors.rejected();
      const draw = random();
      if (draw < 0.2) throw sesErrors.throttled();
      if (draw < 0.28) throw sesErrors.unavailable();
      if (draw < 0.33) throw sesErrors.reset();
      return { MessageId: `ses-${log.accepted.length + 1}` };
    });
    // The deliverer's own reads and writes are throttled too; some claims and queries beyond the SDK's retries.
    const faults = injectFaults(t.deps.db, { seed: 61 });
    faults.set(
      { fault: 'throttle', probability: 0.15 },
      {
        fault: 'throughput',
        probability: 0.05,
        attempts: EVERY_ATTEMPT,
        commands: ['QueryCommand', 'BatchGetItemCommand', 'UpdateItemCommand'],
        when: (input) => !isSettle(input),
      },
    );

    const outcomes = noOutcomes();
    let rounds = 0;
    const start = Date.parse('2025-01-10T03:00:00.000Z');
    while (rounds < 30) {
      t.setNow(new Date(start + rounds * 2 * 3600_000).toISOString());
      rounds += 1;
      await rerunUntilDone(outcomes, () => t.mail.deliver());
      const open = [...(await outbox(t)).values()].filter(
        (m) => m.status !== 'SENT' && m.status !== 'FAILED',
      );
      if (open.length === 0) break;
    }
    faults.clear();

    const delivered = tally(log.accepted);
    expect(delivered.size).toBe(39);
    expect(new Set(delivered.values())).toEqual(new Set([1]));
    expect(delivered.has(rejected)).toBe(false);
    const items = await outbox(t);
    expect(
      [...items.values()]
        .filter((m) => m.status === 'SENT')
        .map((m) => m.id)
        .sort(),
    ).toEqual(ids.filter((id) => id !== rejected).sort());
    // Throttling costs no attempt; every other refusal does.
    const failures = tally(log.failed);
    for (const [id, item] of items) {
      if (id !== rejected) expect(item.attempts, id).toBe(1 + (failures.get(id) ?? 0));
    }
    expect(ses.commandCalls(SendRawEmailCommand)).toHaveLength(
      log.accepted.length + log.throttled.length + log.failed.length,
    );
    expect(log.throttled.length).toBeGreaterThan(3);
    expect(log.failed.filter((id) => id !== rejected).length).toBeGreaterThan(2);
    expect(failures.get(rejected)).toBe(5);
    const failed = await t.call('GET', '/api/mail/messages?status=FAILED');
    expect(failed.body.items).toMatchObject([
      { id: rejected, status: 'FAILED', attempts: 5, lastError: expect.stringMatching(/not verified/) },
    ]);
    expect((await t.call('GET', '/api/mail/messages?status=DUE')).body.items).toEqual([]);
    // Each claim, query or read refused on all its 5 attempts stopped one delivery run, which ran again.
    expect(faults.count('throughput')).toBeGreaterThanOrEqual(5);
    expect(outcomes.reruns).toBe(faults.count('throughput') / 5);
    expect(faults.count('throttle')).toBeGreaterThan(10);
  });
});

describe('a crash between two steps of a job, then a rerun', () => {
  it('the window-opening fan-out dies after k chunks (once before a write, once after it): everyone is told exactly once', async () => {
    const t = withoutSendRate(await createTestApp('2025-01-10T03:00:00.000Z'));
    const admin = t.adminToken;
    const unit = (
      await t.call('POST', '/api/units', {
        kode: 'KSN',
        nama: 'Kementerian',
        level: 'KEMENTERIAN',
        parentId: null,
      })
    ).body;
    const position = (
      await t.call('POST', `/api/units/${unit.id}/positions`, {
        nama: 'Pelaksana',
        jenis: 'PELAKSANA',
        jenjang: null,
      })
    ).body;
    const people = Array.from({ length: 100 }, (_, i) => i + 1);
    for (let from = 0; from < people.length; from += 10) {
      await Promise.all(
        people.slice(from, from + 10).map(async (n) => {
          const created = await t.callAs(admin, 'POST', '/api/employees', {
            nip: `19850315201012${1 + (n % 2)}${String(n).padStart(3, '0')}`,
            nama: `Pegawai ${String(n).padStart(3, '0')}`,
            status: 'PNS',
            pangkatGolongan: 'Pengatur / II-c',
            email: `pegawai${n}@fault.test`,
            unitId: unit.id,
            positionId: position.id,
          });
          expect(created.status, JSON.stringify(created.body)).toBe(201);
        }),
      );
    }
    const period = await t.call('POST', '/api/periods', {
      tahun: 2025,
      nama: 'Periode 2025',
      mulai: '2025-01-01',
      selesai: '2025-12-31',
    });
    const now = new Date('2025-01-10T03:00:00.000Z');
    const tick = () => runTick(t.deps, now, { origin: TEST_ORIGIN });
    const announcements = async () =>
      [...(await outbox(t)).values()].filter((m) => m.template === 'window.opened').length;
    const faults = injectFaults(t.deps.db, { seed: 5 });

    // Transactions: the window opened (1), then one per chunk of 96 people. Die after chunk 1 was written
    // but before the job heard so...
    faults.set({ fault: 'timeout-after', where: 'call', commands: TRANSACTION, calls: [2] });
    await expect(tick()).rejects.toThrow(/timed out/);
    expect(await announcements()).toBe(96);
    // ...then, rerun, die before chunk 2 is written.
    faults.set({ fault: 'timeout-before', where: 'call', commands: TRANSACTION, calls: [1] });
    await expect(tick()).rejects.toThrow(/timed out/);
    expect(await announcements()).toBe(96);
    faults.clear();
    expect(t.mail.sent).toHaveLength(0);

    const finished = await tick();
    expect(finished).toMatchObject({
      windowsOpened: 0,
      notifications: 4,
      chunks: 1,
      mail: { sent: 100, failed: 0 },
    });
    expect(await tick()).toMatchObject({ windowsOpened: 0, notifications: 0, chunks: 0, mail: { sent: 0 } });
    const perAddress = tally(t.mail.sent.map((m) => m.to));
    expect(perAddress.size).toBe(100);
    expect(new Set(perAddress.values())).toEqual(new Set([1]));
    const windows = (await t.call('GET', `/api/periods/${period.body.id}/windows`)).body.items;
    expect(windows.filter((w: { status: string }) => w.status === 'DIBUKA')).toHaveLength(1);
    const opened = (await allItems(t)).filter(
      (i) => i.entity === 'AuditEntry' && i.action === 'window.opened',
    );
    expect(opened).toHaveLength(1);
    await expectAuditIntact(t);
  });

  describe('mail delivery killed between its steps, rerun after the lease', () => {
    let t: TestApp;
    let faults: FaultInjector;
    const sent = () => tally(t.mail.sent.map((m) => m.outboxId));
    const afterLease = (minutes = 5) =>
      t.setNow(new Date(t.deps.clock.now().getTime() + minutes * 60_000 + 1000).toISOString());
    beforeEach(async () => {
      t = withoutSendRate(await createTestApp('2025-01-10T03:00:00.000Z'));
      faults = injectFaults(t.deps.db, { seed: 9 });
    });

    it('after the claim, before the send: the held message waits for its lease, then goes once', async () => {
      const ids = await queued(t, ['a@fault.test', 'b@fault.test', 'c@fault.test']);
      faults.set({
        fault: 'timeout-after',
        where: 'call',
        commands: ['UpdateItemCommand'],
        when: isClaim,
        calls: [2],
      });
      await expect(t.mail.deliver()).rejects.toThrow(/timed out/);
      faults.clear();
      expect([...sent().keys()]).toEqual([ids[0]]);
      expect(await t.mail.deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
      afterLease();
      expect(await t.mail.deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
      expect(sent()).toEqual(new Map(ids.map((id) => [id, 1])));
      // The crash cost the held message one attempt.
      const items = await outbox(t);
      expect(ids.map((id) => [items.get(id)?.status, items.get(id)?.attempts])).toEqual([
        ['SENT', 1],
        ['SENT', 2],
        ['SENT', 1],
      ]);
    });

    it('a claim that succeeded but timed out inside the SDK retries: skipped now, sent once after the lease', async () => {
      const ids = await queued(t, ['a@fault.test', 'b@fault.test']);
      faults.set({ fault: 'timeout-after', commands: ['UpdateItemCommand'], when: isClaim, calls: [1] });
      expect(await t.mail.deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 1 });
      faults.clear();
      expect(await t.mail.deliver()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
      afterLease();
      expect(await t.mail.deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
      expect(sent()).toEqual(new Map(ids.map((id) => [id, 1])));
    });

    it('after the send, before the settle (the process dies): sent again after the lease — at-least-once', async () => {
      const ids = await queued(t, ['a@fault.test', 'b@fault.test']);
      faults.set({
        fault: 'hang',
        where: 'call',
        commands: ['UpdateItemCommand'],
        when: isSettle,
        calls: [1],
      });
      const frozen = faults.nextInjection();
      void t.mail.deliver(); // never returns: this deliverer is dead
      expect(await frozen).toMatchObject({ fault: 'hang', command: 'UpdateItemCommand' });
      faults.clear();
      expect([...sent().keys()]).toEqual([ids[0]]);
      expect(await t.mail.deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
      afterLease();
      expect(await t.mail.deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
      // SES takes no idempotency key: the recipient of the first message gets it twice.
      expect(sent()).toEqual(
        new Map([
          [ids[0], 2],
          [ids[1], 1],
        ]),
      );
      const items = await outbox(t);
      expect(ids.map((id) => items.get(id)?.status)).toEqual(['SENT', 'SENT']);
    });

    it('after the send, the settle refused beyond the SDK retries: recorded on the second try, sent once', async () => {
      const [id] = await queued(t, ['a@fault.test']);
      faults.set({
        fault: 'throughput',
        commands: ['UpdateItemCommand'],
        when: isSettle,
        calls: [1],
        attempts: EVERY_ATTEMPT,
      });
      expect(await t.mail.deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
      faults.clear();
      expect(faults.count('throughput')).toBe(5);
      afterLease(60);
      expect(await t.mail.deliver()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
      expect(sent()).toEqual(new Map([[id, 1]]));
      expect((await outbox(t)).get(id as string)).toMatchObject({ status: 'SENT', attempts: 1 });
    });

    it('on its last attempt, sent but never recorded: not marked FAILED; sent again after the lease — at-least-once', async () => {
      const [id] = await queued(t, ['a@fault.test']);
      const delivered = t.deps.mail.transport;
      let calls = 0;
      t.deps.mail.transport = {
        send: (raw, meta) => {
          calls += 1;
          return calls <= 4 ? Promise.reject(sesErrors.reset()) : delivered.send(raw, meta);
        },
      };
      for (let i = 0; i < 4; i += 1) {
        expect((await t.mail.deliver()).retrying).toBe(1);
        afterLease(120);
      }
      faults.set({
        fault: 'throughput',
        commands: ['UpdateItemCommand'],
        when: isSettle,
        calls: [1, 2],
        attempts: EVERY_ATTEMPT,
      });
      expect(await t.mail.deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
      faults.clear();
      expect((await outbox(t)).get(id as string)).toMatchObject({ status: 'SENDING', attempts: 5 });
      expect((await t.call('GET', '/api/mail/messages?status=FAILED')).body.items).toEqual([]);
      afterLease();
      expect(await t.mail.deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
      expect(sent()).toEqual(new Map([[id, 2]]));
      expect((await outbox(t)).get(id as string)).toMatchObject({ status: 'SENT', attempts: 6 });
    });

    it('SES accepted the message but its answer was lost (a timeout): sent again a minute later — at-least-once', async () => {
      const [id] = await queued(t, ['a@fault.test']);
      const delivered = t.deps.mail.transport;
      let calls = 0;
      t.deps.mail.transport = {
        send: async (raw, meta) => {
          calls += 1;
          const providerId = await delivered.send(raw, meta);
          if (calls === 1) throw sesErrors.timeout();
          return providerId;
        },
      };
      expect(await t.mail.deliver()).toEqual({ sent: 0, retrying: 1, failed: 0, skipped: 0 });
      afterLease(1);
      expect(await t.mail.deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
      expect(sent()).toEqual(new Map([[id, 2]]));
    });
  });
});
