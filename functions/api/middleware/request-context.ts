// Gives each request an id (echoed in X-Request-Id) and the acting person for the audit trail.

import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { RequestContext } from '../../services/context.ts';

export type AppEnv = { Variables: { ctx: RequestContext } };

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Until sign-in exists (issue 3) every API caller is recorded as the anonymous actor; the identity
 * middleware will replace this value, and nothing else has to change.
 */
export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id');
  // randomUUID draws from a cached entropy pool: cheaper per request than a ULID's fresh random bytes.
  const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  c.set('ctx', { actor: { id: 'anonim' }, channel: 'api', requestId });
  c.header('x-request-id', requestId);
  await next();
});
