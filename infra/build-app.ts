// Builds the CDK app and its one stack; used by infra/app.ts (cdk synth) and by the infra tests alike.

import path from 'node:path';
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { projectRoot } from './constructs/app-function.ts';
import { domainPrefixPattern } from './constructs/auth.ts';
import { PiawaiStack } from './stack.ts';

export interface BuildAppOptions {
  /** Context values, as `cdk synth -c key=value` would pass them (e.g. `mailDomain`, `mailSendRate`). */
  readonly context?: Record<string, unknown>;
  /** Run the cdk-nag AwsSolutions checks when the app is synthesized (default true). */
  readonly nag?: boolean;
  /** Built site to deploy (default web/dist); skipped if the directory does not exist. */
  readonly siteDir?: string;
  /** Where the cloud assembly goes (default: the CLI's cdk.out, or a temporary directory). */
  readonly outdir?: string;
}

export interface BuiltApp {
  readonly app: App;
  readonly stack: PiawaiStack;
}

/**
 * Jakarta: closest to the users and keeps personnel data in Indonesia. Deliberately not CDK_DEFAULT_REGION,
 * which the CLI fills from the operator's profile (or us-east-1): another region needs `-c region=...`.
 */
const defaultRegion = 'ap-southeast-3';
const defaultMailDomain = 'piawai.example.go.id';

/** An address (`sdm@example.go.id`) or a named one (`Biro SDM <sdm@example.go.id>`), on one line. */
const mailboxPattern =
  /^(?:[^<>@\r\n]+ <[^\s<>@]+@[a-z0-9.-]+\.[a-z]{2,}>|[^\s<>@]+@[a-z0-9.-]+\.[a-z]{2,})$/i;

/**
 * Feature flags this app relies on. cdk.json (or `-c`) values win over these.
 * - S3 server access logs are delivered through a bucket policy, not the legacy log-delivery ACL.
 * - A retained table keeps its replicas too, not only the primary.
 */
const featureFlags = {
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
  '@aws-cdk/aws-dynamodb:retainTableReplica': true,
};

export function buildApp(options: BuildAppOptions = {}): BuiltApp {
  const app = new App({ context: { ...featureFlags, ...options.context }, outdir: options.outdir });
  const mailDomain = readContext(app, 'mailDomain', defaultMailDomain, /^[a-z0-9.-]+\.[a-z]{2,}$/i);
  const region = readContext(app, 'region', defaultRegion, /^[a-z]{2}(-[a-z]+)+-\d$/);
  const mailReplyTo = readOptionalContext(app, 'mailReplyTo', mailboxPattern);
  const mailSendRate = readOptionalNumberContext(app, 'mailSendRate', { above: 0, atMost: 1000 });
  const authDomainPrefix = readOptionalContext(app, 'authDomainPrefix', domainPrefixPattern);
  const stack = new PiawaiStack(app, 'PiawaiStack', {
    description: 'PIAWAI: Portal Informasi Kinerja Pegawai (Biro SDM)',
    // Nothing is looked up, so synthesis works offline; the account comes from the deploy credentials.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region },
    siteDir: options.siteDir ?? path.join(projectRoot, 'web', 'dist'),
    mailDomain,
    mailReplyTo,
    mailSendRate,
    authDomainPrefix,
  });
  Tags.of(app).add('app', 'piawai');
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

function readContext(app: App, key: string, fallback: string, pattern: RegExp): string {
  return readOptionalContext(app, key, pattern) ?? fallback;
}

function readOptionalContext(app: App, key: string, pattern: RegExp): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new Error(`Context ${key} is not valid: ${JSON.stringify(value)}`);
  }
  return value;
}

/** A number, as a number (tests, cdk.json) or as the string `-c key=value` gives. */
function readOptionalNumberContext(
  app: App,
  key: string,
  range: { readonly above: number; readonly atMost: number },
): number | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  const number = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !(number > range.above && number <= range.atMost)) {
    throw new Error(`Context ${key} is not valid: ${JSON.stringify(value)}`);
  }
  return number;
}
