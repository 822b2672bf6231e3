// Verifies ID tokens with jose: Cognito's JWKS in AWS (fetched once, cached), the local public key otherwise.

import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { DomainError } from '../../shared/errors.ts';
import { type Principal, principalFromClaims } from './principal.ts';

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export interface VerifierOptions {
  issuer: string;
  audience: string;
  /** Local: the public key set; AWS: omitted, the issuer's `/.well-known/jwks.json` is used. */
  localKeys?: JSONWebKeySet;
  clockToleranceSeconds?: number;
  /** The clock tokens are judged by (injected in tests). */
  now?: () => Date;
}

const MAX_REMEMBERED = 5000;

const unauthenticated = (detail: string) => new DomainError('auth.unauthenticated', detail);

export function createTokenVerifier(options: VerifierOptions): TokenVerifier {
  const keys = options.localKeys
    ? createLocalJWKSet(options.localKeys)
    : createRemoteJWKSet(new URL(`${options.issuer}/.well-known/jwks.json`), {
        cacheMaxAge: 6 * 60 * 60 * 1000,
      });
  // A browser session presents the same token on every call: remember what verified, until it expires.
  const verified = new Map<string, { principal: Principal; expiresAt: number }>();
  return {
    async verify(token) {
      const now = options.now?.() ?? new Date();
      const known = verified.get(token);
      if (known && now.getTime() < known.expiresAt) return known.principal;
      if (known) verified.delete(token);
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ['RS256', 'ES256'],
          clockTolerance: options.clockToleranceSeconds ?? 30,
          currentDate: now,
          requiredClaims: ['sub', 'exp', 'iat'],
        });
        // Cognito access tokens carry no audience and no email: only ID tokens identify a person here.
        if (payload.token_use !== 'id') throw unauthenticated('Token bukan ID token.');
        const principal = principalFromClaims(payload);
        if (verified.size >= MAX_REMEMBERED) verified.clear();
        verified.set(token, { principal, expiresAt: (payload.exp as number) * 1000 });
        return principal;
      } catch (error) {
        if (error instanceof DomainError) throw error;
        const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
        throw unauthenticated(
          expired ? 'Sesi Anda telah berakhir. Silakan masuk kembali.' : 'Token tidak valid.',
        );
      }
    },
  };
}
