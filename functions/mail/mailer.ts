// The one door to mail for services and jobs (architecture.md §4): approval-link tokens, the finished MIME
// message of an outbox item, and telling a "slow down" from a refusal. Rendering and composing stay behind it.

import type { OutboxMessage, Recipient } from '../../shared/domain/mail/messages.ts';
import { tokenFromSeed } from './approval-token.ts';
import { composeMime } from './mime.ts';
import { renderMail } from './templates.ts';

export { newLinkSeed, TOKEN_PATTERN, tokenFromSeed, tokenHash } from './approval-token.ts';
export { isThrottling, type MailTransport } from './transport.ts';

/** The link a penilai follows: the token sits in the fragment, which browsers never send to a server. */
export const approvalPageUrl = (origin: string, token: string) => `${origin}/persetujuan/#t=${token}`;

export interface MimeContext {
  ministry: string;
  origin: string;
  from: string;
  replyTo: string;
  pepper: Uint8Array;
}

/** An outbox item as the raw MIME message it is sent as; approval links are derived here, at send time. */
export function buildMime(
  item: OutboxMessage & { id: string; to: Recipient },
  ctx: MimeContext,
): Promise<Buffer> {
  const rendered = renderMail(item, {
    ministry: ctx.ministry,
    origin: ctx.origin,
    approvalUrl: (seed) => approvalPageUrl(ctx.origin, tokenFromSeed(ctx.pepper, seed)),
  });
  return composeMime({ from: ctx.from, replyTo: ctx.replyTo, to: item.to, ...rendered, outboxId: item.id });
}
