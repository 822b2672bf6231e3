// Headers on every API response: no sniffing, no framing, no referrer leaks, HSTS where HTTPS is used.

import { createMiddleware } from 'hono/factory';
import { HSTS, REFERRER_POLICY } from '../../http-policy.ts';

export const securityHeaders = (hsts: boolean) =>
  createMiddleware(async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', REFERRER_POLICY);
    // API responses are data, never pages: nothing may run or embed them.
    c.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
    c.header('cache-control', c.res.headers.get('cache-control') ?? 'no-store');
    if (hsts) c.header('strict-transport-security', HSTS);
  });
