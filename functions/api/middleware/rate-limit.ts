// A fixed-window limit per client address, for sign-in and email-link endpoints (per Lambda instance;
// the HTTP API stage throttles the whole service in AWS).

import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../../shared/errors.ts';

export function rateLimit(options: { perMinute: number; now: () => number }) {
  const windows = new Map<string, { start: number; count: number }>();
  return createMiddleware(async (c, next) => {
    // The last X-Forwarded-For entry is the one our own proxy (CloudFront) appended; earlier entries are
    // whatever the client sent, so keying on them would let anyone pick a fresh address per attempt.
    const client = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() || 'lokal';
    const now = options.now();
    const window = windows.get(client);
    if (!window || now - window.start >= 60_000) {
      if (windows.size >= 10_000) {
        for (const [key, w] of windows) if (now - w.start >= 60_000) windows.delete(key);
      }
      windows.set(client, { start: now, count: 1 });
    } else if (++window.count > options.perMinute) {
      const retryAfter = Math.ceil((window.start + 60_000 - now) / 1000);
      throw new DomainError(
        'auth.rate_limited',
        'Terlalu banyak percobaan. Coba lagi dalam satu menit.',
        [],
        {
          retryAfterSeconds: retryAfter,
        },
      );
    }
    await next();
  });
}
