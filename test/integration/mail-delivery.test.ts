import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueue, outboxRepo } from '../../functions/db/repos/outbox-repo.ts';
import { handleSesEvent } from '../../functions/jobs/ses-events.ts';
import { pepperFromSecretsManager } from '../../functions/lambda/mail-secrets.ts';
import { sesTransport } from '../../functions/mail/ses.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

const ses = mockClient(SESClient);
const secrets = mockClient(SecretsManagerClient);

/** Outbox items written as an action would write them (in one transaction); returns their ids. */
async function queued(t: TestApp, recipients: string[]): Promise<string[]> {
  const ids = recipients.map(() => t.deps.newId());
  const message = {
    template: 'skp.decided' as const,
    data: {
      pegawaiNama: 'Uji',
      keputusan: 'setujui' as const,
      penilaiNama: 'Penilai',
      catatan: null,
      periode: 'Periode 2025',
      lewatSurel: false,
    },
  };
  await t.deps.db.doc.send(
    new TransactWriteCommand({
      TransactItems: ids.map(
        (id, i) =>
          enqueue(t.deps.db, id, { email: recipients[i] as string, nama: 'Uji' }, message, t.deps.clock.now())
            .item,
      ),
    }),
  );
  return ids;
}

/** Raw messages SES accepted; `fail` decides which calls (1-based) SES refuses instead. */
let accepted: Uint8Array[] = [];
function sesAccepts(fail: (call: number) => Error | null = () => null) {
  let call = 0;
  ses.on(SendRawEmailCommand).callsFake((input: { RawMessage?: { Data?: Uint8Array } }) => {
    call += 1;
    const error = fail(call);
    if (error) throw error;
    accepted.push(input.RawMessage?.Data as Uint8Array);
    return { MessageId: `ses-${call}` };
  });
}

/** Outbox ids of the accepted messages, read back from each raw message's header. */
async function acceptedIds(): Promise<string[]> {
  const ids: string[] = [];
  for (const raw of accepted) {
    const mail = await simpleParser(Buffer.from(raw));
    ids.push(String(mail.headers.get('x-piawai-outbox-id')));
  }
  return ids;
}

describe('delivery: every message sent exactly once, nothing dropped', () => {
  let t: TestApp;
  beforeEach(async () => {
    ses.reset();
    accepted = [];
    t = await createTestApp('2025-01-10T03:00:00.000Z');
    t.deps.mail.transport = sesTransport(
      new SESClient({ region: 'ap-southeast-3' }),
      'piawai',
      'PIAWAI <noreply@piawai.local>',
    );
  });
  afterEach(() => ses.reset());

  it('a failure in the middle of a batch, then a rerun: each message sent once', async () => {
    const ids = await queued(t, ['a@x.go.id', 'b@x.go.id', 'c@x.go.id', 'd@x.go.id', 'e@x.go.id']);
    sesAccepts((call) => (call === 3 ? new Error('Connection reset by SES') : null));
    expect(await t.mail.deliver()).toEqual({ sent: 4, retrying: 1, failed: 0, skipped: 0 });
    // Nothing more is due until the backoff has passed.
    expect(await t.mail.deliver()).toEqual({ sent: 0, retrying: 0, failed: 0, skipped: 0 });
    t.setNow('2025-01-10T03:01:01.000Z');
    expect(await t.mail.deliver()).toEqual({ sent: 1, retrying: 0, failed: 0, skipped: 0 });
    expect((await acceptedIds()).sort()).toEqual([...ids].sort());
    const sent = ses.commandCalls(SendRawEmailCommand)[0]?.args[0].input;
    expect(sent).toMatchObject({ Source: 'noreply@piawai.local', ConfigurationSetName: 'piawai' });
  });

  it('two deliverers at once never send a message twice', async () => {
    const ids = await queued(
      t,
      Array.from({ length: 8 }, (_, i) => `p${i}@x.go.id`),
    );
    sesAccepts();
    const [one, two] = await Promise.all([t.mail.deliver(), t.mail.deliver()]);
    expect((one?.sent ?? 0) + (two?.sent ?? 0)).toBe(8);
    expect((await acceptedIds()).sort()).toEqual([...ids].sort());
  });

  it('a deliverer that died holding a message: the lease runs out and the message goes', async () => {
    const [id] = await queued(t, ['crash@x.go.id']);
    sesAccepts();
    expect(
      await outboxRepo.claim(t.deps.db, id as string, 'dead-process', t.deps.clock.now(), 5 * 60_000),
    ).not.toBeNull();
    expect((await t.mail.deliver()).sent).toBe(0);
    t.setNow('2025-01-10T03:05:01.000Z');
    expect((await t.mail.deliver()).sent).toBe(1);
    expect(await acceptedIds()).toEqual([id]);
  });

  it('throttling costs no attempt; after the last real failure HR sees the message and can send it again', async () => {
    const [id] = await queued(t, ['keras@x.go.id']);
    const throttled = Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'Throttling' });
    ses.on(SendRawEmailCommand).rejects(throttled);
    for (let minute = 1; minute <= 8; minute += 1) {
      t.setNow(`2025-01-10T03:${String(minute * 2).padStart(2, '0')}:00.000Z`);
      await t.mail.deliver();
    }
    const waiting = await t.call('GET', '/api/mail/messages?status=DUE');
    expect(waiting.body.items).toMatchObject([{ id, attempts: 0, status: 'PENDING' }]);

    ses.on(SendRawEmailCommand).rejects(new Error('Message rejected: Email address is not verified.'));
    for (let i = 1; i <= 5; i += 1) {
      t.setNow(new Date(Date.parse('2025-01-10T04:00:00.000Z') + i * 7 * 3600_000).toISOString());
      await t.mail.deliver();
    }
    const failed = await t.call('GET', '/api/mail/messages?status=FAILED');
    expect(failed.body.items).toMatchObject([
      { id, status: 'FAILED', attempts: 5, lastError: expect.stringMatching(/not verified/) },
    ]);

    sesAccepts();
    const retried = await t.call('POST', `/api/mail/messages/${id}/retry`, {
      version: failed.body.items[0].version,
    });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect((await t.mail.deliver()).sent).toBe(1);
    expect((await t.call('GET', '/api/mail/messages?status=FAILED')).body.items).toEqual([]);
  });

  it('a permanent bounce blocks the address until HR clears it; a transient one changes nothing', async () => {
    const event = (bounceType: string, email: string) =>
      JSON.stringify({
        eventType: 'Bounce',
        bounce: { bounceType, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: email }] },
        mail: { messageId: 'm' },
      });
    expect(await handleSesEvent(t.deps, event('Transient', 'sementara@x.go.id'), 'sns-1')).toEqual([]);
    expect(await handleSesEvent(t.deps, event('Permanent', 'Hilang@X.go.id'), 'sns-2')).toEqual([
      'hilang@x.go.id',
    ]);
    await handleSesEvent(
      t.deps,
      JSON.stringify({
        eventType: 'Complaint',
        complaint: { complainedRecipients: [{ emailAddress: 'kesal@x.go.id' }] },
      }),
      'sns-3',
    );
    const listed = await t.call('GET', '/api/mail/undeliverable');
    expect(listed.body.items.map((i: { email: string; alasan: string }) => [i.email, i.alasan])).toEqual([
      ['hilang@x.go.id', 'BOUNCE'],
      ['kesal@x.go.id', 'COMPLAINT'],
    ]);

    sesAccepts();
    const [blocked, fine] = await queued(t, ['hilang@x.go.id', 'sementara@x.go.id']);
    expect(await t.mail.deliver()).toMatchObject({ sent: 1, failed: 1 });
    expect(await acceptedIds()).toEqual([fine]);
    const failed = (await t.call('GET', '/api/mail/messages?status=FAILED')).body.items;
    expect(failed).toMatchObject([
      { id: blocked, lastError: expect.stringMatching(/tidak dapat menerima surel/) },
    ]);

    const entry = listed.body.items[0];
    const cleared = await t.call('DELETE', `/api/mail/undeliverable/${entry.email}?version=${entry.version}`);
    expect(cleared.status).toBe(204);
    await t.call('POST', `/api/mail/messages/${blocked}/retry`, { version: failed[0].version });
    expect((await t.mail.deliver()).sent).toBe(1);
  });
});

describe('the approval-link pepper in Lambda comes from Secrets Manager, cached', () => {
  it('fetches it once for many invocations and hands it to the mail dependencies', async () => {
    secrets.reset();
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'p'.repeat(64) });
    const t = await createTestApp();
    const middleware = pepperFromSecretsManager({
      ...t.deps.config,
      MAIL_TOKEN_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-3:1:secret:pepper',
    });
    const request = () => ({ event: {}, context: {}, response: undefined, error: undefined, internal: {} });
    // biome-ignore lint/suspicious/noExplicitAny: middy's request type, built by hand for the test
    await middleware.before?.(request() as any);
    // biome-ignore lint/suspicious/noExplicitAny: as above
    await middleware.before?.(request() as any);
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(1);
    const { defaultMail } = await import('../../functions/deps.ts');
    expect(new TextDecoder().decode(defaultMail(t.deps.config).pepper())).toBe('p'.repeat(64));
    secrets.reset();
  });
});

describe('what HR sees of the outbox', () => {
  it('lists failed messages without their data (an approval request carries link seeds)', async () => {
    const t = await createTestApp('2025-01-10T03:00:00.000Z');
    const message = {
      template: 'skp.approval_request' as const,
      data: {
        penilaiNama: 'P',
        skp: { pegawai: { nama: 'A', nip: null }, jabatan: 'J', unitNama: 'U', periode: '2025', rhk: [] },
        expiresAt: '2025-01-13T03:00:00.000Z',
        linkSeeds: { setujui: 'seed-setujui', kembalikan: 'seed-kembalikan' },
      },
    };
    await t.deps.db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          enqueue(t.deps.db, t.deps.newId(), { email: 'x@x.go.id', nama: 'X' }, message, t.deps.clock.now())
            .item,
        ],
      }),
    );
    const waiting = await t.call('GET', '/api/mail/messages?status=DUE');
    expect(waiting.body.items).toHaveLength(1);
    expect(JSON.stringify(waiting.body)).not.toContain('seed-setujui');
    expect(Object.keys(waiting.body.items[0]).sort()).toEqual([
      'attempts',
      'createdAt',
      'dueAt',
      'id',
      'lastError',
      'status',
      'template',
      'to',
      'version',
    ]);
  });
});
