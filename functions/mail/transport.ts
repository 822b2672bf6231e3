// Where a composed message goes: the transport interface, and the local outbox (an `.eml` file per message
// in the data directory). Amazon SES is `ses.ts`.

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MailTransport {
  /** Sends one message; resolves with the provider's message id, rejects when it was not accepted. */
  send(raw: Buffer, meta: { outboxId: string; to: string }): Promise<string>;
}

/** A refusal that says "slow down", not "this message is bad": retried without counting as an attempt. */
export const isThrottling = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'Throttling' ||
    error.name === 'ThrottlingException' ||
    /maximum sending rate/i.test(error.message));

/** The bare address of `Name <address>`: SES checks the sender (the IAM policy pins ses:FromAddress). */
export const bareAddress = (from: string): string => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

/** Local outbox: one `<time>-<outbox id>.eml` per message, readable by any mail client and the outbox page. */
export function outboxTransport(dir: string, now: () => Date = () => new Date()): MailTransport {
  return {
    async send(raw, meta) {
      await mkdir(dir, { recursive: true });
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${meta.outboxId}.eml`;
      await writeFile(join(dir, name), raw, { flag: 'wx' });
      return name;
    },
  };
}
