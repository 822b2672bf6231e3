import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, type TokenVerifier } from '../../functions/auth/token-verifier.ts';

const issuer = 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Test';
const audience = 'client-123';

describe('ID token verification', () => {
  let verifier: TokenVerifier;
  let sign: (claims: Record<string, unknown>, header?: { kid?: string }) => Promise<string>;
  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    verifier = createTokenVerifier({
      issuer,
      audience,
      localKeys: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] },
    });
    sign = (claims) =>
      new SignJWT({ token_use: 'id', email: 'a@b.test', sub: 'user-1', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
  });

  it('reads the person and their powers from a Cognito-shaped ID token', async () => {
    const token = await sign({
      name: 'Rina',
      'piawai:employee_id': '01JEMPLOYEE0000000000000AA',
      'piawai:admin_scope': 'A,B',
    });
    expect(await verifier.verify(token)).toEqual({
      subject: 'user-1',
      email: 'a@b.test',
      nama: 'Rina',
      employeeId: '01JEMPLOYEE0000000000000AA',
      adminScope: ['A', 'B'],
    });
  });

  it.each([
    ['an access token', { token_use: 'access' }],
    ['a token without token_use', { token_use: undefined }],
  ])('refuses %s', async (_name, claims) => {
    await expect(verifier.verify(await sign(claims))).rejects.toMatchObject({ code: 'auth.unauthenticated' });
  });

  it('treats an empty admin scope claim as no admin powers', async () => {
    const principal = await verifier.verify(await sign({ 'piawai:admin_scope': '' }));
    expect(principal.adminScope).toBeNull();
    expect(principal.employeeId).toBeNull();
  });
});

describe('remembered verifications', () => {
  it('stops accepting a remembered token once it expires', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    let clock = new Date('2025-03-10T03:00:00Z');
    const verifier = createTokenVerifier({
      issuer,
      audience,
      clockToleranceSeconds: 0,
      now: () => clock,
      localKeys: { keys: [{ ...(await exportJWK(publicKey)), kid: 'k2', alg: 'ES256' }] },
    });
    const now = Math.floor(clock.getTime() / 1000);
    const token = await new SignJWT({ token_use: 'id', email: 'a@b.test' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k2' })
      .setSubject('s')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 120)
      .sign(privateKey);
    expect((await verifier.verify(token)).email).toBe('a@b.test');
    expect((await verifier.verify(token)).email).toBe('a@b.test');
    clock = new Date(clock.getTime() + 121_000);
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'auth.unauthenticated' });
  });
});
