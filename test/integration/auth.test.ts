import { beforeAll, describe, expect, it } from 'vitest';
import { allRoutes, createApp } from '../../functions/api/app.ts';
import { createLocalIssuer } from '../../functions/auth/local-issuer.ts';
import { loadConfig } from '../../functions/config.ts';
import { createDeps } from '../../functions/deps.ts';
import { publicApiRoutes } from '../../functions/http-policy.ts';
import { aSmallMinistry } from '../fixtures/org.ts';
import { createTestApp, TEST_ADMIN_ID, type TestApp } from '../helpers/test-app.ts';

const cookieValue = (setCookies: string[], name: string) =>
  setCookies
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0]
    ?.slice(name.length + 1);

describe('identity: tokens, sessions, CSRF and who sees what', () => {
  let t: TestApp;
  let org: Awaited<ReturnType<typeof aSmallMinistry>>;
  beforeAll(async () => {
    t = await createTestApp();
    org = await aSmallMinistry(t);
    const analis = (await t.call('GET', `/api/employees/${org.analis.id}`)).body;
    await t.call('PUT', `/api/employees/${org.analis.id}/admin`, {
      version: analis.version,
      adminScope: null,
    });
  });

  /** A correctly signed token from a key nobody trusts. */
  const foreignToken = async (): Promise<string> => {
    const stranger = await createLocalIssuer({
      issuer: t.deps.config.AUTH_ISSUER,
      audience: t.deps.config.AUTH_AUDIENCE,
    });
    return stranger.sign({
      subject: 'x',
      email: 'x@x',
      nama: 'x',
      employeeId: org.analis.id,
      adminScope: 'ALL',
    });
  };

  it.each<[string, string | null, Record<string, string>]>([
    ['no token at all', null, {}],
    ['a malformed Authorization header', null, { authorization: 'Token abc' }],
    ['garbage instead of a JWT', 'bukan.sebuah.token', {}],
  ])('refuses %s with 401', async (_name, token, headers) => {
    const res = await t.callAs(token, 'GET', `/api/employees/${org.analis.id}`, undefined, headers);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('auth.unauthenticated');
  });

  it('refuses expired, wrong-audience, wrong-issuer, tampered and foreign-key tokens with 401', async () => {
    const issuer = t.deps.auth.issuer;
    if (!issuer) throw new Error('local issuer expected');
    const person = { subject: 's', email: 'a@b', nama: 'A', employeeId: org.analis.id, adminScope: null };
    const expired = await issuer.sign(person, { expiresInSeconds: -120 });
    const wrongAudience = await issuer.sign(person, { audience: 'aplikasi-lain' });
    const wrongIssuer = await issuer.sign(person, { issuer: 'https://cognito-idp.example/other-pool' });
    const good = await issuer.sign(person);
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, 'piawai:admin_scope': 'ALL' })).toString('base64url')}.${signature}`;
    const foreign = await foreignToken();
    for (const token of [expired, wrongAudience, wrongIssuer, tampered, foreign]) {
      const res = await t.callAs(token, 'GET', `/api/employees/${org.analis.id}`);
      expect(res.status).toBe(401);
    }
    expect((await t.callAs(good, 'GET', `/api/employees/${org.analis.id}`)).status).toBe(200);
    const expiredRes = await t.callAs(expired, 'GET', '/api/me');
    expect(expiredRes.body.detail).toMatch(/berakhir/);
  });

  it('a pegawai reading a colleague gets 404, as if the colleague did not exist', async () => {
    const token = await t.tokenFor(org.analis.id);
    const res = await t.callAs(token, 'GET', `/api/employees/${org.kepalaDeputi.id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('employee.not_found');
    const ghost = await t.callAs(token, 'GET', '/api/employees/01HZZZZZZZZZZZZZZZZZZZZZZZ');
    expect(ghost.body).toMatchObject({ status: 404, code: 'employee.not_found', detail: res.body.detail });
  });

  it('an account not linked to an employee is told so (403)', async () => {
    const issuer = t.deps.auth.issuer;
    if (!issuer) throw new Error('local issuer expected');
    const token = await issuer.sign({
      subject: 's',
      email: 'tamu@x.test',
      nama: 'Tamu',
      employeeId: null,
      adminScope: null,
    });
    const res = await t.callAs(token, 'GET', '/api/units');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.no_employee');
  });

  it('records the signed-in person as the actor of a change', async () => {
    const stream = encodeURIComponent(`EMP#${org.analis.id}|PROFILE`);
    const history = await t.call('GET', `/api/audit/stream?stream=${stream}`);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'employee.admin_revoked',
      actor: { id: TEST_ADMIN_ID },
    });
  });

  it('the public routes of the app are exactly the routes the gateway leaves open', () => {
    const open = allRoutes(t.deps)
      .filter((r) => r.spec.access === 'public' && !r.spec.path.startsWith('/api/dev/'))
      .map((r) => `${r.spec.method.toUpperCase()} ${r.spec.path}`)
      .sort();
    expect(open).toEqual(publicApiRoutes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('sets security headers on every API response', async () => {
    const res = await t.callAs(null, 'GET', '/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    // HSTS only where HTTPS is served (AWS).
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('the development sign-in, cookies and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await aSmallMinistry(t);
  });

  const signIn = async (email: string) => {
    const res = await t.callAs(
      null,
      'POST',
      '/api/dev/session',
      { email },
      { 'x-forwarded-for': `10.0.0.${email.length}` },
    );
    const cookies = res.headers.getSetCookie();
    return {
      res,
      session: cookieValue(cookies, 'piawai_session'),
      csrf: cookieValue(cookies, 'piawai_csrf'),
      cookies,
    };
  };

  it('signs in as a seeded person with an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const employees = await t.call('GET', '/api/employees?q=Analis');
    const email = employees.body.items[0].email;
    const { res, session, csrf, cookies } = await signIn(email);
    expect(res.status).toBe(200);
    expect(res.body.token).toBe(session);
    const sessionCookie = cookies.find((c) => c.startsWith('piawai_session=')) ?? '';
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Lax/);
    expect(cookies.find((c) => c.startsWith('piawai_csrf=')) ?? '').not.toMatch(/HttpOnly/);
    expect(csrf).toBe(res.body.csrfToken);
    const me = await t.callAs(null, 'GET', '/api/me', undefined, { cookie: `piawai_session=${session}` });
    expect(me.status).toBe(200);
    expect(me.body.employee.email).toBe(email);
  });

  it('refuses cookie-authenticated writes without the same Origin and the CSRF token; bearer calls need neither', async () => {
    // The test admin of createTestApp is not a stored employee; make a real one an admin first.
    const list = await t.call('GET', '/api/employees?q=Kepala');
    const kepala = list.body.items[0];
    await t.call('PUT', `/api/employees/${kepala.id}/admin`, { version: kepala.version, adminScope: 'ALL' });
    const { session, csrf } = await signIn(kepala.email);
    const body = { kode: 'CSRF1', nama: 'Unit CSRF', level: 'ESELON_III', parentId: null };
    const cookie = `piawai_session=${session}; piawai_csrf=${csrf}`;
    const origin = 'http://localhost';
    const noToken = await t.callAs(null, 'POST', '/api/units', body, { cookie, origin });
    expect(noToken.status).toBe(403);
    expect(noToken.body.code).toBe('auth.csrf');
    const wrongOrigin = await t.callAs(null, 'POST', '/api/units', body, {
      cookie,
      origin: 'https://evil.example',
      'x-csrf-token': csrf ?? '',
    });
    expect(wrongOrigin.body.code).toBe('auth.csrf');
    const wrongToken = await t.callAs(null, 'POST', '/api/units', body, {
      cookie,
      origin,
      'x-csrf-token': 'salah',
    });
    expect(wrongToken.body.code).toBe('auth.csrf');
    const ok = await t.callAs(null, 'POST', '/api/units', body, {
      cookie,
      origin,
      'x-csrf-token': csrf ?? '',
    });
    expect(ok.status).toBe(201);
    const bearer = await t.callAs(session ?? null, 'POST', '/api/units', { ...body, kode: 'CSRF2' });
    expect(bearer.status).toBe(201);
  });

  it('sign-out clears both cookies', async () => {
    const res = await t.callAs(null, 'POST', '/api/auth/logout');
    expect(res.status).toBe(200);
    expect(res.body.logoutUrl).toBe('/masuk/');
    const cleared = res.headers.getSetCookie();
    expect(cleared.some((c) => c.startsWith('piawai_session=;') && /Max-Age=0/.test(c))).toBe(true);
    expect(cleared.some((c) => c.startsWith('piawai_csrf=;') && /Max-Age=0/.test(c))).toBe(true);
  });

  it('limits sign-in attempts per client address (429 after the limit)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i += 1) {
      const res = await t.callAs(
        null,
        'POST',
        '/api/dev/session',
        { email: 'tidak-ada@piawai.test' },
        { 'x-forwarded-for': '203.0.113.9' },
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const limited = await t.callAs(
      null,
      'POST',
      '/api/dev/session',
      { email: 'x@piawai.test' },
      { 'x-forwarded-for': '203.0.113.9' },
    );
    expect(limited.body.code).toBe('auth.rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const other = await t.callAs(
      null,
      'POST',
      '/api/dev/session',
      { email: 'tidak-ada@piawai.test' },
      { 'x-forwarded-for': '203.0.113.10' },
    );
    expect(other.status).toBe(404);
  });
});

describe('production configuration', () => {
  it('refuses to enable the development sign-in in AWS', () => {
    expect(() => loadConfig({ PIAWAI_ENV: 'aws', DEV_SIGN_IN: 'true' })).toThrow(/DEV_SIGN_IN/);
    expect(loadConfig({ PIAWAI_ENV: 'aws' }).devSignIn).toBe(false);
  });

  it('has no development sign-in routes with AWS configuration', async () => {
    const config = loadConfig({
      PIAWAI_ENV: 'aws',
      AUTH_ISSUER: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Example',
      AUTH_AUDIENCE: 'client',
      AUTH_DOMAIN_URL: 'https://piawai.auth.ap-southeast-3.amazoncognito.com',
      LOG_LEVEL: 'SILENT',
    });
    const app = createApp(createDeps(config));
    for (const [method, path] of [
      ['POST', '/api/dev/session'],
      ['GET', '/api/dev/people'],
    ] as const) {
      const res = await app.request(path, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: JSON.stringify({ email: 'admin@piawai.test' }) } : {}),
      });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { code: string }).code).toBe('route.not_found');
    }
    const health = await app.request('/api/health');
    expect(health.headers.get('strict-transport-security')).toMatch(/max-age=63072000/);
    const login = await app.request('/api/auth/login', { headers: { 'x-forwarded-host': 'portal.example' } });
    expect(login.status).toBe(302);
    const location = new URL(login.headers.get('location') ?? '');
    expect(location.origin).toBe('https://piawai.auth.ap-southeast-3.amazoncognito.com');
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('redirect_uri')).toBe('https://portal.example/api/auth/callback');
  });
});
