// Session and CSRF cookies: the ID token lives only in an httpOnly cookie, never in the page's storage.

import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../deps.ts';
import { csrfCookieName, sessionCookieName } from '../http-policy.ts';

export function startSession(c: Context, deps: Deps, idToken: string, maxAgeSeconds: number): string {
  const secure = deps.config.secureCookies;
  const csrfToken = randomBytes(24).toString('base64url');
  const common = {
    path: '/',
    secure,
    sameSite: 'Lax' as const,
    maxAge: Math.max(60, Math.floor(maxAgeSeconds)),
  };
  setCookie(c, sessionCookieName(secure), idToken, { ...common, httpOnly: true });
  // Readable by the site's scripts, which echo it in the x-csrf-token header (double submit).
  setCookie(c, csrfCookieName(secure), csrfToken, { ...common, httpOnly: false });
  return csrfToken;
}

export function endSession(c: Context, deps: Deps): void {
  const secure = deps.config.secureCookies;
  for (const name of [sessionCookieName(secure), csrfCookieName(secure)]) {
    deleteCookie(c, name, { path: '/', secure });
  }
}
