// The AWS sign-in path end to end over real HTTP: PKCE redirect, a stand-in for Cognito's token endpoint,
// the remote JWKS, and the __Host- session cookie.

import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/app.ts';
import { createLocalIssuer, type LocalIssuer } from '../../functions/auth/local-issuer.ts';
import { loadConfig } from '../../functions/config.ts';
import { createDeps } from '../../functions/deps.ts';
import { serveJwks } from '../helpers/jwks-server.ts';

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0] ?? '';

describe('sign-in through the Cognito hosted UI (authorization code + PKCE)', () => {
  let app: ReturnType<typeof createApp>;
  let cognito: Server;
  let closeJwks: () => void;
  const challenges = new Map<string, string>();
  let issuer: LocalIssuer;
  let issuerUrl = '';

  beforeAll(async () => {
    issuer = await createLocalIssuer({ issuer: 'placeholder', audience: 'piawai-client' });
    const jwks = await serveJwks(issuer.publicKeys);
    issuerUrl = jwks.issuer;
    closeJwks = jwks.close;
    // Plays Cognito's /oauth2/token: the code is good only with the verifier matching its challenge.
    cognito = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', async () => {
        const form = new URLSearchParams(raw);
        const challenge = challenges.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const matches = challenge === createHash('sha256').update(verifier).digest('base64url');
        if (req.url !== '/oauth2/token' || !matches || form.get('client_id') !== 'piawai-client') {
          res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
          return;
        }
        const idToken = await issuer.sign(
          {
            subject: 'cognito-sub',
            email: 'admin@piawai.test',
            nama: 'Rina',
            employeeId: '01HTESTADM1N000000000000AA',
            adminScope: 'ALL',
          },
          { issuer: issuerUrl },
        );
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ id_token: idToken, expires_in: 3600 }));
      });
    });
    await new Promise<void>((resolve) => cognito.listen(0, '127.0.0.1', resolve));
    const address = cognito.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const config = loadConfig({
      PIAWAI_ENV: 'aws',
      AUTH_ISSUER: issuerUrl,
      AUTH_AUDIENCE: 'piawai-client',
      AUTH_DOMAIN_URL: `http://127.0.0.1:${port}`,
      PUBLIC_ORIGIN: 'https://portal.example',
      LOG_LEVEL: 'SILENT',
    });
    app = createApp(createDeps(config));
  });
  afterAll(() => {
    cognito.close();
    closeJwks();
  });

  const startLogin = async (next = '') => {
    const res = await app.request(`/api/auth/login${next}`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    return { location, cookie: cookieOf(res, '__Host-piawai_oauth') };
  };

  it('redirects to the hosted UI with an S256 challenge, and signs in with the matching verifier', async () => {
    const { location, cookie } = await startLogin();
    expect(location.pathname).toBe('/oauth2/authorize');
    expect(location.searchParams.get('redirect_uri')).toBe('https://portal.example/api/auth/callback');
    expect(cookie).toMatch(/^__Host-piawai_oauth=/);
    // The person signs in at Cognito, which remembers the challenge for the code it hands back.
    challenges.set('kode-1', location.searchParams.get('code_challenge') ?? '');
    const state = location.searchParams.get('state') ?? '';
    const callback = await app.request(`/api/auth/callback?code=kode-1&state=${state}`, {
      headers: { cookie },
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/');
    const session = callback.headers.getSetCookie().find((c) => c.startsWith('__Host-piawai_session=')) ?? '';
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Path=\//);
  });

  it('returns to the page the person came from, but never to another site', async () => {
    for (const [next, expected] of [
      ['/pegawai/?q=sari', '/pegawai/?q=sari'],
      ['//evil.example/x', '/'],
      ['/\\evil.example', '/'],
      ['https://evil.example/', '/'],
    ] as const) {
      const { location, cookie } = await startLogin(`?next=${encodeURIComponent(next)}`);
      const code = `kode-next-${expected.length}-${next.length}`;
      challenges.set(code, location.searchParams.get('code_challenge') ?? '');
      const state = location.searchParams.get('state') ?? '';
      const callback = await app.request(`/api/auth/callback?code=${code}&state=${state}`, {
        headers: { cookie },
      });
      expect(callback.headers.get('location')).toBe(expected);
    }
  });

  it('refuses a callback whose state does not match the browser’s sign-in', async () => {
    const { location, cookie } = await startLogin();
    challenges.set('kode-2', location.searchParams.get('code_challenge') ?? '');
    const res = await app.request('/api/auth/callback?code=kode-2&state=lain', { headers: { cookie } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('auth.sign_in_failed');
    expect(res.headers.getSetCookie().some((c) => c.startsWith('__Host-piawai_session='))).toBe(false);
  });

  it('refuses a stolen code used without the browser’s verifier', async () => {
    const first = await startLogin();
    challenges.set('kode-3', first.location.searchParams.get('code_challenge') ?? '');
    const attacker = await startLogin();
    const state = attacker.location.searchParams.get('state') ?? '';
    const res = await app.request(`/api/auth/callback?code=kode-3&state=${state}`, {
      headers: { cookie: attacker.cookie },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('auth.sign_in_failed');
  });

  it('sign-out points to the hosted UI logout', async () => {
    const res = await app.request('/api/auth/logout', { method: 'POST' });
    const { logoutUrl } = (await res.json()) as { logoutUrl: string };
    expect(logoutUrl).toMatch(/\/logout\?client_id=piawai-client&logout_uri=https%3A%2F%2Fportal.example%2F/);
  });
});
