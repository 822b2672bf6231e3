// One MIME composer for both transports, so the `.eml` in the local outbox is the message SES would send.

import MailComposer from 'nodemailer/lib/mail-composer';

export interface MimeInput {
  from: string;
  replyTo: string;
  to: { email: string; nama: string };
  subject: string;
  html: string;
  text: string;
  /** Outbox id, echoed in a header so a bounce or a complaint can be traced back to its message. */
  outboxId: string;
}

export function composeMime(input: MimeInput): Promise<Buffer> {
  return new MailComposer({
    from: input.from,
    replyTo: input.replyTo,
    to: { name: input.to.nama, address: input.to.email },
    subject: input.subject,
    text: input.text,
    html: input.html,
    headers: { 'X-PIAWAI-Outbox-Id': input.outboxId, 'Auto-Submitted': 'auto-generated' },
  })
    .compile()
    .build();
}
