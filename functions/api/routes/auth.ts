// /api/auth (sign-in through Cognito's hosted UI, sign-out) and /api/me (who am I).

import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  callbackQuerySchema,
  loginQuerySchema,
  logoutResultSchema,
  meSchema,
} from '../../../shared/contract/auth.ts';
import { DomainError } from '../../../shared/errors.ts';
import { exchangeCode, logoutUrl, startSignIn } from '../../auth/oidc.ts';
import type { Deps } from '../../deps.ts';
import { signedInCaller } from '../../services/access-service.ts';
import { getEmployee } from '../../services/employee-service.ts';
import { penilaiChainOf } from '../../services/penilai-service.ts';
import { siteOrigin } from '../middleware/csrf.ts';
import { ok, problems } from '../openapi-helpers.ts';
import { defineRoute } from '../route-kit.ts';
import { endSession, startSession } from '../session-cookies.ts';

const tags = ['Masuk'];
/** Only a path of this site (never `//host` or `/\\host`) may follow a sign-in; anything else goes home. */
export const safeNextPath = (raw: string | undefined): string =>
  raw && /^\/(?![/\\])[^\s\\]*$/.test(raw) && !raw.startsWith('/api/') ? raw : '/';

const oauthCookie = (secure: boolean) => (secure ? '__Host-piawai_oauth' : 'piawai_oauth');

export const authRoutes = (deps: Deps) => {
  const hostedUi = () => {
    const domainUrl = deps.config.AUTH_DOMAIN_URL;
    if (!domainUrl)
      throw new DomainError('auth.sign_in_failed', 'Masuk melalui Cognito belum dikonfigurasi.');
    return { domainUrl, clientId: deps.config.AUTH_AUDIENCE };
  };
  const origin = (url: string, forwardedHost: string | undefined) => siteOrigin(deps, url, forwardedHost);

  return [
    defineRoute(
      {
        method: 'get',
        path: '/api/auth/login',
        access: 'public',
        tags,
        summary: 'Mulai masuk: ke Cognito (AWS) atau ke halaman masuk pengembangan (lokal)',
        query: loginQuerySchema,
        responses: { 302: { description: 'Dialihkan ke halaman masuk' } },
      },
      (c, { query }) => {
        const next = safeNextPath(query.next);
        if (deps.config.devSignIn) return c.redirect(`/masuk/?next=${encodeURIComponent(next)}`, 302);
        const base = origin(c.req.url, c.req.header('x-forwarded-host'));
        const start = startSignIn({ ...hostedUi(), redirectUri: `${base}/api/auth/callback` });
        const nextPart = Buffer.from(next).toString('base64url');
        setCookie(c, oauthCookie(deps.config.secureCookies), `${start.state}.${start.verifier}.${nextPart}`, {
          // `__Host-` cookies must have path "/" (and Secure, and no Domain).
          path: '/',
          httpOnly: true,
          secure: deps.config.secureCookies,
          sameSite: 'Lax',
          maxAge: 600,
        });
        return c.redirect(start.authorizeUrl, 302);
      },
    ),
    defineRoute(
      {
        method: 'get',
        path: '/api/auth/callback',
        access: 'public',
        tags,
        summary: 'Kembali dari Cognito: tukar kode (PKCE), simpan sesi dalam cookie httpOnly',
        query: callbackQuerySchema,
        responses: { 302: { description: 'Masuk berhasil, dialihkan ke portal' }, 400: problems[400] },
      },
      async (c, { query }) => {
        const name = oauthCookie(deps.config.secureCookies);
        const [state, verifier, nextPart = ''] = (getCookie(c, name) ?? '').split('.');
        deleteCookie(c, name, { path: '/', secure: deps.config.secureCookies });
        if (!state || !verifier || state !== query.state) {
          throw new DomainError(
            'auth.sign_in_failed',
            'Proses masuk kedaluwarsa atau tidak sah. Silakan masuk lagi.',
          );
        }
        const base = origin(c.req.url, c.req.header('x-forwarded-host'));
        const tokens = await exchangeCode({
          ...hostedUi(),
          redirectUri: `${base}/api/auth/callback`,
          code: query.code,
          verifier,
        });
        await deps.auth.verifier.verify(tokens.idToken);
        startSession(c, deps, tokens.idToken, tokens.expiresIn);
        return c.redirect(safeNextPath(Buffer.from(nextPart, 'base64url').toString()), 302);
      },
    ),
    defineRoute(
      {
        method: 'post',
        path: '/api/auth/logout',
        access: 'public',
        tags,
        summary: 'Keluar: hapus sesi; di AWS juga keluar dari Cognito (buka logoutUrl)',
        responses: { 200: ok(logoutResultSchema, 'Sesi diakhiri') },
      },
      (c) => {
        endSession(c, deps);
        const base = origin(c.req.url, c.req.header('x-forwarded-host'));
        const url = deps.config.devSignIn ? '/masuk/' : logoutUrl({ ...hostedUi(), logoutUri: `${base}/` });
        return c.json({ logoutUrl: url }, 200);
      },
    ),
    defineRoute(
      {
        method: 'get',
        path: '/api/me',
        access: 'signedIn',
        tags,
        summary: 'Siapa saya: profil, kewenangan admin, dan rantai penilai',
        responses: { 200: ok(meSchema, 'Orang yang sedang masuk'), 401: problems[401] },
      },
      async (c) => {
        const { employeeId } = signedInCaller(c.var.principal);
        const employee = await getEmployee(deps, employeeId);
        const penilai = await penilaiChainOf(deps, employee);
        return c.json({ employee, adminScope: c.var.principal?.adminScope ?? null, penilai }, 200);
      },
    ),
  ];
};
