// Local sign-in keys: one issuer whose public key the verifier trusts (persisted under the data dir).

import type { Config } from '../config.ts';
import type { Auth } from '../deps.ts';
import { createLocalIssuer } from './local-issuer.ts';
import { createTokenVerifier } from './token-verifier.ts';

export async function createLocalAuth(config: Config, keyFile?: string, now?: () => Date): Promise<Auth> {
  if (config.PIAWAI_ENV === 'aws') throw new Error('Local sign-in keys are never used in AWS.');
  const issuer = await createLocalIssuer({
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    ...(keyFile ? { keyFile } : {}),
    ...(now ? { now } : {}),
  });
  const verifier = createTokenVerifier({
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    localKeys: issuer.publicKeys,
    ...(now ? { now } : {}),
  });
  return { verifier, issuer };
}
