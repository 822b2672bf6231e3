// Composition root: builds the store, clock, id generator and logger once from the configuration.

import { Logger } from '@aws-lambda-powertools/logger';
import { monotonicFactory } from 'ulid';
import type { LocalIssuer } from './auth/local-issuer.ts';
import { createTokenVerifier, type TokenVerifier } from './auth/token-verifier.ts';
import type { Config } from './config.ts';
import { createDb, type Db } from './db/client.ts';

export interface Clock {
  now(): Date;
}

export interface Auth {
  verifier: TokenVerifier;
  /** The local token issuer (development sign-in and tests); null in AWS, where Cognito issues tokens. */
  issuer: LocalIssuer | null;
}

export interface Deps {
  config: Config;
  db: Db;
  clock: Clock;
  newId: () => string;
  logger: Logger;
  auth: Auth;
}

export const systemClock: Clock = { now: () => new Date() };

export function createDeps(config: Config, overrides: Partial<Omit<Deps, 'config'>> = {}): Deps {
  const logger =
    overrides.logger ??
    new Logger({
      serviceName: 'piawai',
      logLevel: config.LOG_LEVEL === 'SILENT' ? 'SILENT' : config.LOG_LEVEL,
    });
  return {
    config,
    db:
      overrides.db ??
      createDb({
        tableName: config.TABLE_NAME,
        region: config.AWS_REGION,
        endpoint: config.DYNAMODB_ENDPOINT,
      }),
    clock: overrides.clock ?? systemClock,
    auth: overrides.auth ?? {
      verifier: createTokenVerifier({
        issuer: config.AUTH_ISSUER,
        audience: config.AUTH_AUDIENCE,
        ...(overrides.clock ? { now: () => (overrides.clock as Clock).now() } : {}),
      }),
      issuer: null,
    },
    newId: overrides.newId ?? monotonicFactory(),
    logger,
  };
}
