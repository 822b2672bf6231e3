// Composition root: builds the store, clock, id generator and logger once from the configuration.

import { join } from 'node:path';
import { Logger } from '@aws-lambda-powertools/logger';
import { SESClient } from '@aws-sdk/client-ses';
import { monotonicFactory } from 'ulid';
import type { ImportResult } from '../shared/contract/employees.ts';
import type { AuditActor, AuditChannel } from '../shared/domain/audit/audit-entry.ts';
import type { LocalIssuer } from './auth/local-issuer.ts';
import { createTokenVerifier, type TokenVerifier } from './auth/token-verifier.ts';
import type { Config } from './config.ts';
import { createDb, type Db } from './db/client.ts';
import { type FileStore, localFileStore, s3FileStore } from './files/file-store.ts';
import { sesTransport } from './mail/ses.ts';
import { type MailTransport, outboxTransport } from './mail/transport.ts';

export interface Clock {
  now(): Date;
}

export interface Auth {
  verifier: TokenVerifier;
  /** The local token issuer (development sign-in and tests); null in AWS, where Cognito issues tokens. */
  issuer: LocalIssuer | null;
}

export interface Mail {
  transport: MailTransport;
  /** The approval-link pepper: Secrets Manager in AWS (through middy, cached), a data-dir file locally. */
  pepper: () => Uint8Array;
  /** Starts delivery right after a commit that wrote outbox items: in-process locally, a no-op in AWS (stream). */
  kick: () => void;
}

export interface Exports {
  /** Where finished export files are kept for download. */
  files: FileStore;
  /** Starts an export job right after it is requested: in-process locally, a no-op in AWS (table stream). */
  kick: () => void;
}

/**
 * The employee CSV import (csv-parse and the row checks). Given only where it is served — the import Lambda,
 * the local server and the tests — so the api Lambda's bundle does not carry it.
 */
export type EmployeeImport = (
  deps: Deps,
  csv: string,
  dryRun: boolean,
  ctx: { actor: AuditActor; channel: AuditChannel; requestId: string },
) => Promise<ImportResult>;

export interface Deps {
  config: Config;
  employeeImport: EmployeeImport | null;
  mail: Mail;
  exports: Exports;
  db: Db;
  clock: Clock;
  newId: () => string;
  logger: Logger;
  auth: Auth;
}

/** The pepper set by the Lambda entry (middy secrets middleware) before each invocation. */
let providedPepper: Uint8Array | null = null;
export const providePepper = (value: string): void => {
  providedPepper = new TextEncoder().encode(value);
};

/** The SES client is made on the first send: only the mail deliverer sends, every other Lambda never pays for it. */
function lazySesTransport(config: Config): MailTransport {
  let transport: MailTransport | undefined;
  return {
    send: (raw, meta) => {
      transport ??= sesTransport(
        new SESClient({ region: config.AWS_REGION }),
        config.MAIL_CONFIGURATION_SET,
        config.MAIL_FROM,
      );
      return transport.send(raw, meta);
    },
  };
}

export function defaultMail(config: Config): Mail {
  return {
    transport:
      config.MAIL_TRANSPORT === 'ses'
        ? lazySesTransport(config)
        : outboxTransport(join(config.PIAWAI_DATA_DIR, 'outbox')),
    pepper: () => {
      if (!providedPepper) throw new Error('The approval-link pepper was not provided.');
      return providedPepper;
    },
    kick: () => {},
  };
}

export function defaultExports(config: Config): Exports {
  return {
    files: config.EXPORT_BUCKET
      ? s3FileStore(config.EXPORT_BUCKET, config.AWS_REGION)
      : localFileStore(join(config.PIAWAI_DATA_DIR, 'exports')),
    kick: () => {},
  };
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
    mail: overrides.mail ?? defaultMail(config),
    exports: overrides.exports ?? defaultExports(config),
    employeeImport: overrides.employeeImport ?? null,
    logger,
  };
}
