// SES bounce and complaint notifications (through SNS): a permanent bounce or a complaint blocks the address.

import * as z from 'zod';
import type { Deps } from '../deps.ts';
import { markUndeliverable } from '../services/mail-service.ts';

const recipients = z.array(z.object({ emailAddress: z.string() }).loose());

/** The parts of an SES event we use (event publishing "eventType" or identity notifications "notificationType"). */
const sesEventSchema = z
  .object({
    eventType: z.string().optional(),
    notificationType: z.string().optional(),
    bounce: z
      .object({ bounceType: z.string(), bounceSubType: z.string().optional(), bouncedRecipients: recipients })
      .loose()
      .optional(),
    complaint: z
      .object({ complainedRecipients: recipients, complaintFeedbackType: z.string().optional() })
      .loose()
      .optional(),
  })
  .loose();

/** Handles one SNS message body; returns the addresses it blocked. Transient bounces change nothing. */
export async function handleSesEvent(deps: Deps, body: string, requestId: string): Promise<string[]> {
  const parsed = sesEventSchema.safeParse(JSON.parse(body));
  if (!parsed.success) {
    deps.logger.warn('ignored SES event', { issues: parsed.error.issues.length });
    return [];
  }
  const event = parsed.data;
  const type = event.eventType ?? event.notificationType;
  const ctx = { actor: { id: 'ses', nama: 'Amazon SES' }, channel: 'job' as const, requestId };
  const blocked: string[] = [];
  if (type === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
    const detail = `Bounce permanen (${event.bounce.bounceSubType ?? 'General'})`;
    for (const r of event.bounce.bouncedRecipients) {
      await markUndeliverable(deps, r.emailAddress, 'BOUNCE', detail, ctx);
      blocked.push(r.emailAddress.toLowerCase());
    }
  }
  if (type === 'Complaint' && event.complaint) {
    const detail = `Pengaduan penerima (${event.complaint.complaintFeedbackType ?? 'tanpa jenis'})`;
    for (const r of event.complaint.complainedRecipients) {
      await markUndeliverable(deps, r.emailAddress, 'COMPLAINT', detail, ctx);
      blocked.push(r.emailAddress.toLowerCase());
    }
  }
  return blocked;
}
