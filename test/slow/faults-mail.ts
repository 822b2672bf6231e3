// Mail for the fault tests: outbox messages queued as an action queues them, the deliverer's two writes told
// apart (the claim and the settle), SES refusals as the SDK raises them, and a transport that records them.

import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { enqueue, type OutboxItem, outboxFromItem } from '../../functions/db/repos/outbox-repo.ts';
import { isThrottling, type MailTransport } from '../../functions/mail/mailer.ts';
import { allItems, type TestApp } from '../helpers/test-app.ts';

/** Outbox messages written in one transaction, as an action writes them; returns their ids in due order. */
export async function queued(t: TestApp, recipients: string[]): Promise<string[]> {
  const ids = recipients.map(() => t.deps.newId());
  for (let from = 0; from < ids.length; from += 25) {
    await t.deps.db.doc.send(
      new TransactWriteCommand({
        TransactItems: ids.slice(from, from + 25).map(
          (id, i) =>
            enqueue(
              t.deps.db,
              id,
              { email: recipients[from + i] as string, nama: 'Uji' },
              {
                template: 'skp.decided',
                data: {
                  pegawaiNama: 'Uji',
                  keputusan: 'setujui',
                  penilaiNama: 'Penilai',
                  catatan: null,
                  periode: 'Periode 2025',
                  lewatSurel: false,
                },
              },
              t.deps.clock.now(),
            ).item,
        ),
      }),
    );
  }
  return ids;
}

/** The deliverer's claim of a message (conditional on it being due or its lease having run out). */
export const isClaim = (input: Record<string, unknown>) =>
  String(input.ConditionExpression ?? '').includes('leaseUntil < :now');

/** The deliverer's settle of a message (conditional on its claim still being the one it holds). */
export const isSettle = (input: Record<string, unknown>) => input.ConditionExpression === 'claimId = :claim';

export async function outbox(t: TestApp): Promise<Map<string, OutboxItem>> {
  const items = (await allItems(t)).filter((i) => i.entity === 'OutboxItem').map(outboxFromItem);
  return new Map(items.map((item) => [item.id, item]));
}

/** SES's refusals, shaped as the SDK raises them. */
export const sesErrors = {
  throttled: () =>
    Object.assign(new Error('Maximum sending rate exceeded.'), {
      name: 'Throttling',
      $metadata: { httpStatusCode: 400 },
    }),
  unavailable: () =>
    Object.assign(new Error('Service Unavailable'), {
      name: 'ServiceUnavailable',
      $metadata: { httpStatusCode: 503 },
    }),
  reset: () => Object.assign(new Error('socket hang up'), { name: 'Error', code: 'ECONNRESET' }),
  rejected: () =>
    Object.assign(new Error('Email address is not verified.'), {
      name: 'MessageRejected',
      $metadata: { httpStatusCode: 400 },
    }),
  timeout: () => Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError' }),
};

export interface SendLog {
  accepted: string[];
  throttled: string[];
  failed: string[];
}

/** Wraps a transport: which outbox ids it accepted, which were throttled and which failed otherwise. */
export function recording(transport: MailTransport, log: SendLog): MailTransport {
  return {
    async send(raw, meta) {
      try {
        const providerId = await transport.send(raw, meta);
        log.accepted.push(meta.outboxId);
        return providerId;
      } catch (error) {
        (isThrottling(error) ? log.throttled : log.failed).push(meta.outboxId);
        throw error;
      }
    },
  };
}

export const tally = (ids: string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
};

/** Lifts the SES send-rate gate (10/s by default), so delivering hundreds of messages takes no wall time. */
export function withoutSendRate(t: TestApp): TestApp {
  t.deps.config = { ...t.deps.config, MAIL_SEND_RATE: 1000 };
  return t;
}
