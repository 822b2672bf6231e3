// Cookie-authenticated writes must come from our own pages: same Origin and the double-submit token.

import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '../../../shared/errors.ts';
import type { Deps } from '../../deps.ts';
import { CSRF_HEADER, csrfCookieName } from '../../http-policy.ts';
import type { AppEnv } from './request-context.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin the site is served from: configured, or as CloudFront/the local server saw the request. */
export function siteOrigin(deps: Deps, requestUrl: string, forwardedHost: string | undefined): string {
  if (deps.config.PUBLIC_ORIGIN) return new URL(deps.config.PUBLIC_ORIGIN).origin;
  const url = new URL(requestUrl);
  return forwardedHost ? `https://${forwardedHost}` : url.origin;
}

export const csrfProtection = (deps: Deps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || !c.var.viaCookie) return next();
    const origin = c.req.header('origin');
    const expected = siteOrigin(deps, c.req.url, c.req.header('x-forwarded-host'));
    if (origin !== expected) {
      throw new DomainError(
        'auth.csrf',
        'Permintaan ditolak: asal halaman tidak dikenali. Muat ulang halaman.',
      );
    }
    const cookie = getCookie(c, csrfCookieName(deps.config.secureCookies));
    const header = c.req.header(CSRF_HEADER);
    if (!cookie || cookie !== header) {
      throw new DomainError(
        'auth.csrf',
        'Permintaan ditolak: token keamanan tidak cocok. Muat ulang halaman.',
      );
    }
    await next();
  });
