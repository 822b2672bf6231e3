// Gives each request an id (echoed in X-Request-Id) and a place for the caller and the audit actor.

import { randomUUID } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import type { DomainError } from '../../../shared/errors.ts';
import type { Principal } from '../../auth/principal.ts';
import type { RequestContext } from '../../services/context.ts';

export type AppEnv = {
  Variables: {
    ctx: RequestContext;
    /** The verified caller, or null when anonymous. */
    principal: Principal | null;
    /** Why a presented token was refused; raised only by routes that need a signed-in caller. */
    authError: DomainError | null;
    /** True when the caller authenticated with the session cookie (so CSRF rules apply). */
    viaCookie: boolean;
  };
};

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export const requestContext = createMiddleware<AppEnv>(async (c, next) => {
  const incoming = c.req.header('x-request-id');
  // randomUUID draws from a cached entropy pool: cheaper per request than a ULID's fresh random bytes.
  const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  c.set('ctx', { actor: { id: 'anonim' }, channel: 'api', requestId });
  c.set('principal', null);
  c.set('authError', null);
  c.set('viaCookie', false);
  c.header('x-request-id', requestId);
  await next();
});
