// The local token issuer: an ES256 key kept in the data directory, signing tokens shaped like Cognito's.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from 'jose';
import { type AdminScope, CLAIM_ADMIN_SCOPE, CLAIM_EMPLOYEE, encodeAdminScope } from './principal.ts';

export interface LocalIssuer {
  publicKeys: JSONWebKeySet;
  sign(
    person: TokenSubject,
    options?: { expiresInSeconds?: number; issuer?: string; audience?: string },
  ): Promise<string>;
}

export interface TokenSubject {
  subject: string;
  email: string;
  nama: string;
  employeeId: string | null;
  adminScope: AdminScope | null;
}

const KEY_ID = 'piawai-local-1';

async function newKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: KEY_ID, alg: 'ES256', use: 'sig' };
}

/** Loads the key from `file`, creating it on first use; without a file the key lives in memory (tests). */
export async function createLocalIssuer(options: {
  issuer: string;
  audience: string;
  keyFile?: string;
  now?: () => Date;
}): Promise<LocalIssuer> {
  let jwk: JWK;
  if (options.keyFile && existsSync(options.keyFile)) {
    jwk = JSON.parse(readFileSync(options.keyFile, 'utf8')) as JWK;
  } else {
    jwk = await newKey();
    if (options.keyFile) {
      mkdirSync(dirname(options.keyFile), { recursive: true });
      writeFileSync(options.keyFile, JSON.stringify(jwk), { mode: 0o600 });
    }
  }
  const { d: _private, ...publicJwk } = jwk;
  const privateKey = await importJWK(jwk, 'ES256');
  return {
    publicKeys: { keys: [publicJwk] },
    async sign(person, signOptions = {}) {
      const now = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
      return new SignJWT({
        email: person.email,
        name: person.nama,
        token_use: 'id',
        [CLAIM_EMPLOYEE]: person.employeeId ?? '',
        [CLAIM_ADMIN_SCOPE]: encodeAdminScope(person.adminScope),
      })
        .setProtectedHeader({ alg: 'ES256', kid: KEY_ID })
        .setSubject(person.subject)
        .setIssuer(signOptions.issuer ?? options.issuer)
        .setAudience(signOptions.audience ?? options.audience)
        .setIssuedAt(now)
        .setExpirationTime(now + (signOptions.expiresInSeconds ?? 8 * 60 * 60))
        .sign(privateKey);
    },
  };
}
