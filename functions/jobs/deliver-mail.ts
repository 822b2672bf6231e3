// Sends what the outbox holds: due messages are claimed one by one (a conditional write), rendered, sent
// under the configured rate and settled (another conditional write). A crash between sending and settling
// leaves a claim whose lease runs out, so the message is retried rather than lost.

import { afterFailure } from '../../shared/domain/mail/retry.ts';
import { keys } from '../db/keys.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import { type OutboxItem, outboxRepo } from '../db/repos/outbox-repo.ts';
import type { Deps } from '../deps.ts';
import { buildMime, isThrottling } from '../mail/mailer.ts';
import { inProcessRunner } from './in-process.ts';

const LEASE_MS = 5 * 60 * 1000;
const THROTTLE_BACKOFF_MS = 30 * 1000;
const PAGE = 25;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  /** Claimed by another deliverer or settled meanwhile. */
  skipped: number;
}

/** Waits between sends so that no more than `perSecond` messages leave per second (the SES quota). */
export function rateGate(perSecond: number) {
  const gap = 1000 / perSecond;
  let next = 0;
  return async () => {
    const wait = next - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    next = Math.max(Date.now(), next) + gap;
  };
}

export async function deliverDue(
  deps: Deps,
  options: { origin: string; maxMessages?: number },
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  const gate = rateGate(deps.config.MAIL_SEND_RATE);
  const limit = options.maxMessages ?? 500;
  let handled = 0;
  while (handled < limit) {
    const due = await outboxRepo.due(deps.db, deps.clock.now(), Math.min(PAGE, limit - handled));
    if (due.length === 0) break;
    const blocked = await blockedAmong(deps, due);
    for (const item of due) {
      handled += 1;
      const outcome = await deliverOne(
        deps,
        item,
        blocked.has(item.to.email.toLowerCase()),
        options.origin,
        gate,
      );
      report[outcome] += 1;
    }
    if (due.length < PAGE) break;
  }
  if (handled > 0) deps.logger.info('mail delivered', { ...report });
  return report;
}

async function blockedAmong(deps: Deps, items: OutboxItem[]): Promise<Set<string>> {
  const found = await orgRepo.getStoredMany(
    deps.db,
    items.map((i) => keys.mailAddress(i.to.email)),
  );
  return new Set([...found.values()].map((item) => String(item.email)));
}

async function deliverOne(
  deps: Deps,
  candidate: OutboxItem,
  blocked: boolean,
  origin: string,
  gate: () => Promise<void>,
): Promise<keyof DeliveryReport> {
  const claimId = deps.newId();
  const item = await outboxRepo.claim(deps.db, candidate.id, claimId, deps.clock.now(), LEASE_MS);
  if (!item) return 'skipped';
  if (blocked) {
    const at = deps.clock.now().toISOString();
    await outboxRepo.settle(deps.db, item.id, claimId, {
      status: 'FAILED',
      at,
      error:
        'Alamat surel ditandai tidak dapat menerima surel (bounce/complaint); perbaiki alamat lalu kirim ulang.',
    });
    return 'failed';
  }
  let providerId: string;
  try {
    const raw = await buildMime(item, {
      ministry: deps.config.MINISTRY_NAME,
      origin,
      from: deps.config.MAIL_FROM,
      replyTo: deps.config.MAIL_REPLY_TO,
      pepper: deps.mail.pepper(),
    });
    await gate();
    providerId = await deps.mail.transport.send(raw, { outboxId: item.id, to: item.to.email });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isThrottling(error)) {
      // Several senders share the SES quota (stream shards, the sweep): back off briefly, lose no attempt.
      const dueAt = new Date(deps.clock.now().getTime() + THROTTLE_BACKOFF_MS).toISOString();
      await outboxRepo.settle(deps.db, item.id, claimId, {
        status: 'PENDING',
        dueAt,
        error: message,
        notAnAttempt: true,
      });
      return 'retrying';
    }
    const next = afterFailure(item.attempts, deps.config.MAIL_MAX_ATTEMPTS, deps.clock.now());
    deps.logger.warn('mail send failed', { outboxId: item.id, attempts: item.attempts, error: message });
    await outboxRepo.settle(
      deps.db,
      item.id,
      claimId,
      next.status === 'PENDING'
        ? { status: 'PENDING', dueAt: next.dueAt, error: message }
        : { status: 'FAILED', at: deps.clock.now().toISOString(), error: message },
    );
    return next.status === 'PENDING' ? 'retrying' : 'failed';
  }
  await recordSent(deps, item.id, claimId, providerId);
  return 'sent';
}

/**
 * SES has accepted the message: failing to record that must not count as a failed send (which would send it
 * again a minute later, or mark a delivered message FAILED on its last attempt). One more try after the
 * SDK's own retries; if the table still refuses, the claim runs out and the message goes again (at-least-once).
 */
async function recordSent(deps: Deps, id: string, claimId: string, providerId: string): Promise<void> {
  const outcome = { status: 'SENT' as const, at: deps.clock.now().toISOString(), providerId };
  try {
    await outboxRepo.settle(deps.db, id, claimId, outcome);
  } catch {
    try {
      await outboxRepo.settle(deps.db, id, claimId, outcome);
    } catch (error) {
      deps.logger.error('mail sent but not recorded: it goes again when its claim runs out', {
        outboxId: id,
        error: error as Error,
      });
    }
  }
}

/** Local delivery right after commit (AWS: the table's stream starts the deliver Lambda). */
export const inProcessDelivery = (deps: Deps, origin: () => string) =>
  inProcessRunner(deps, 'mail delivery', () => deliverDue(deps, { origin: origin() }));
