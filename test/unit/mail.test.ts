import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { rateGate } from '../../functions/jobs/deliver-mail.ts';
import {
  buildMime,
  newLinkSeed,
  TOKEN_PATTERN,
  tokenFromSeed,
  tokenHash,
} from '../../functions/mail/mailer.ts';
import { bareAddress, isThrottling } from '../../functions/mail/transport.ts';
import { type ApprovalLink, linkRefusal } from '../../shared/domain/mail/approval-link.ts';
import { afterFailure } from '../../shared/domain/mail/retry.ts';

const link: ApprovalLink = {
  approverId: 'penilai',
  employeeId: 'pegawai',
  skpId: 'skp',
  skpVersion: 3,
  action: 'setujui',
  expiresAt: '2025-01-13T03:00:00.000Z',
  usedAt: null,
};
const before = new Date('2025-01-12T00:00:00.000Z');
const after = new Date('2025-01-13T03:00:00.000Z');

describe('approval links', () => {
  it.each([
    ['a fresh link for the submitted version', link, { version: 3, status: 'DIAJUKAN' }, before, null, null],
    [
      'a used one',
      { ...link, usedAt: '2025-01-11T00:00:00Z' },
      { version: 4, status: 'DISETUJUI' },
      after,
      null,
      'approval_link.used',
    ],
    ['one whose SKP changed', link, { version: 5, status: 'DIAJUKAN' }, before, null, 'approval_link.stale'],
    [
      'one whose SKP is no longer submitted',
      link,
      { version: 3, status: 'DRAFT' },
      before,
      null,
      'approval_link.stale',
    ],
    [
      'one at its expiry instant',
      link,
      { version: 3, status: 'DIAJUKAN' },
      after,
      null,
      'approval_link.expired',
    ],
    [
      'one opened by someone else signed in',
      link,
      { version: 3, status: 'DIAJUKAN' },
      before,
      'lain',
      'approval_link.foreign',
    ],
    [
      'one opened by its approver signed in',
      link,
      { version: 3, status: 'DIAJUKAN' },
      before,
      'penilai',
      null,
    ],
  ] as const)('%s', (_name, l, skp, now, viewer, code) => {
    expect(linkRefusal(l, skp, now, viewer)?.code ?? null).toBe(code);
  });

  it('derives a 43-character token from a random seed with the pepper; only its hash identifies it', () => {
    const pepper = new TextEncoder().encode('pepper');
    const seed = newLinkSeed();
    const token = tokenFromSeed(pepper, seed);
    expect(token).toMatch(TOKEN_PATTERN);
    expect(tokenFromSeed(pepper, seed)).toBe(token);
    expect(tokenFromSeed(new TextEncoder().encode('other'), seed)).not.toBe(token);
    expect(newLinkSeed()).not.toBe(seed);
    expect(tokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash(token)).not.toContain(token);
  });
});

describe('delivery policy', () => {
  afterEach(() => vi.useRealTimers());

  it('backs off 1, 4, 16, 64 minutes, then marks the message failed', () => {
    const now = new Date('2025-01-10T00:00:00.000Z');
    const minutes = [1, 2, 3, 4].map((n) => {
      const next = afterFailure(n, 5, now);
      return next.status === 'PENDING' ? (Date.parse(next.dueAt) - now.getTime()) / 60_000 : null;
    });
    expect(minutes).toEqual([1, 4, 16, 64]);
    expect(afterFailure(5, 5, now)).toEqual({ status: 'FAILED' });
    const capped = afterFailure(9, 20, now);
    expect(capped.status === 'PENDING' && Date.parse(capped.dueAt) - now.getTime()).toBe(6 * 3600_000);
  });

  it('keeps sends under the rate: 11 messages at 5 a second take at least 2 seconds', async () => {
    vi.useFakeTimers({ now: 0 });
    const gate = rateGate(5);
    const sentAt: number[] = [];
    const run = (async () => {
      for (let i = 0; i < 11; i += 1) {
        await gate();
        sentAt.push(Date.now());
      }
    })();
    await vi.runAllTimersAsync();
    await run;
    expect(sentAt.at(-1)).toBeGreaterThanOrEqual(2000);
    // No one-second window holds more than five sends.
    for (const t of sentAt)
      expect(sentAt.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(5);
  });

  it('tells throttling from a refusal, and sends from the bare address', () => {
    expect(isThrottling(Object.assign(new Error('Rate exceeded'), { name: 'Throttling' }))).toBe(true);
    expect(isThrottling(new Error('Maximum sending rate exceeded.'))).toBe(true);
    expect(isThrottling(new Error('Email address is not verified.'))).toBe(false);
    expect(bareAddress('PIAWAI Biro SDM <noreply@setneg.go.id>')).toBe('noreply@setneg.go.id');
    expect(bareAddress(' noreply@setneg.go.id ')).toBe('noreply@setneg.go.id');
  });
});

describe('the message itself', () => {
  it('is multipart text + HTML, escapes people’s text and carries its outbox id', async () => {
    const raw = (
      await buildMime(
        {
          id: '01HOUTBOX00000000000000000',
          to: { email: 'penilai@x.go.id', nama: 'Penilai' },
          template: 'skp.decided',
          data: {
            pegawaiNama: '<img src=x onerror=alert(1)>',
            keputusan: 'kembalikan',
            penilaiNama: 'P',
            catatan: '"><script>',
            periode: '2025',
            lewatSurel: true,
          },
        },
        {
          ministry: 'Kementerian Uji',
          origin: 'https://piawai.example',
          from: 'A <a@x.go.id>',
          replyTo: 'b@x.go.id',
          pepper: new Uint8Array(8),
        },
      )
    ).toString('utf8');
    expect(raw).toContain('multipart/alternative');
    expect(raw.toLowerCase()).toContain('x-piawai-outbox-id: 01houtbox00000000000000000');
    const html = String((await simpleParser(raw)).html);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
  });
});
