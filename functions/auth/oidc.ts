// OIDC authorization-code flow with PKCE against Cognito's hosted UI (AWS sign-in).

import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../shared/errors.ts';

export interface PkceStart {
  state: string;
  verifier: string;
  authorizeUrl: string;
}

const base64url = (bytes: Buffer) => bytes.toString('base64url');

export function startSignIn(options: {
  domainUrl: string;
  clientId: string;
  redirectUri: string;
}): PkceStart {
  const state = base64url(randomBytes(24));
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const url = new URL('/oauth2/authorize', options.domainUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  return { state, verifier, authorizeUrl: url.toString() };
}

/** Exchanges the code for tokens at Cognito's token endpoint; returns the ID token and its lifetime. */
export async function exchangeCode(options: {
  domainUrl: string;
  clientId: string;
  redirectUri: string;
  code: string;
  verifier: string;
}): Promise<{ idToken: string; expiresIn: number }> {
  const response = await fetch(new URL('/oauth2/token', options.domainUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: options.clientId,
      code: options.code,
      redirect_uri: options.redirectUri,
      code_verifier: options.verifier,
    }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json().catch(() => ({}))) as { id_token?: string; expires_in?: number };
  if (!response.ok || typeof body.id_token !== 'string') {
    throw new DomainError(
      'auth.sign_in_failed',
      'Proses masuk gagal atau kedaluwarsa. Silakan coba masuk lagi.',
    );
  }
  return { idToken: body.id_token, expiresIn: body.expires_in ?? 3600 };
}

export const logoutUrl = (options: { domainUrl: string; clientId: string; logoutUri: string }): string => {
  const url = new URL('/logout', options.domainUrl);
  url.search = new URLSearchParams({ client_id: options.clientId, logout_uri: options.logoutUri }).toString();
  return url.toString();
};
