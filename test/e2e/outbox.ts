// The local outbox as the e2e tests read it: the `.eml` files the outbox transport writes, parsed as MIME.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import type { LocalStack } from './local-stack.ts';

export interface OutboxMail {
  /** The file's name in the outbox. */
  name: string;
  subject: string;
  /** Every recipient, comma separated. */
  to: string;
  text: string;
}

export interface Outbox {
  /** The `.eml` files of the local outbox, oldest first (their names start with the time they were written). */
  files(): Promise<string[]>;
  /** One file of the outbox, parsed as MIME. */
  parse(name: string): Promise<ParsedMail>;
  /** One file of the outbox: subject, recipients and text part. */
  read(name: string): Promise<OutboxMail>;
  /** The mail written since `before` (a list from files()) to one address, once delivery has finished. */
  newMailTo(before: string[], address: string): Promise<OutboxMail[]>;
}

/** `stack` is read at each call: the stack starts after the test file has made its outbox. */
export function localOutbox(stack: () => Pick<LocalStack, 'outboxDir' | 'mailIdle'>): Outbox {
  const files = async () =>
    (await readdir(stack().outboxDir).catch(() => [] as string[])).filter((n) => n.endsWith('.eml')).sort();
  const parse = async (name: string) => simpleParser(await readFile(join(stack().outboxDir, name)));
  const read = async (name: string) => {
    const mail = await parse(name);
    const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
    return { name, subject: mail.subject ?? '', to, text: mail.text ?? '' };
  };
  return {
    files,
    parse,
    read,
    async newMailTo(before, address) {
      await stack().mailIdle();
      const fresh = (await files()).filter((name) => !before.includes(name));
      const mails = await Promise.all(fresh.map(read));
      return mails.filter((mail) => mail.to.includes(address));
    },
  };
}

/** The URL of the line `<label>: <url>` in a mail's text part. */
export function linkIn(text: string, label: string): string {
  const line = text.split('\n').find((l) => l.startsWith(`${label}: `));
  if (!line) throw new Error(`Baris "${label}: <url>" tidak ada di surel:\n${text}`);
  return line.slice(label.length + 2).trim();
}
