import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import {
  type Acknowledgement,
  acknowledgementsOf,
  type Finding,
  reportEveryFinding,
  skipBundling,
  synthesizeFindings,
} from './validation-report.ts';

let workDir: string;
let builtSite: string;

beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piawai-nag-'));
  builtSite = path.join(workDir, 'dist');
  fs.mkdirSync(path.join(builtSite, '_astro'), { recursive: true });
  fs.writeFileSync(path.join(builtSite, 'index.html'), '<!doctype html><title>PIAWAI</title>');
  fs.writeFileSync(path.join(builtSite, '_astro', 'app.3f2a1c.js'), 'export {};');
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

/** Offline `npm run synth` before the site is built, and a deploy-like synth (account known, site built). */
const variants = [
  {
    name: 'without a built site or account',
    siteDir: () => path.join(workDir, 'missing'),
    account: undefined,
  },
  { name: 'with a built site and a known account', siteDir: () => builtSite, account: '123456789012' },
];

function buildVariant(variant: (typeof variants)[number]) {
  vi.stubEnv('CDK_DEFAULT_ACCOUNT', variant.account);
  try {
    return buildApp({ siteDir: variant.siteDir(), context: { ...reportEveryFinding, ...skipBundling } });
  } finally {
    vi.unstubAllEnvs();
  }
}

describe('cdk-nag AwsSolutions checks', () => {
  const findings = new Map<string, Finding[]>();
  const acknowledgements = new Map<string, Acknowledgement[]>();

  beforeAll(() => {
    for (const variant of variants) {
      const { app } = buildVariant(variant);
      acknowledgements.set(variant.name, acknowledgementsOf(app));
      findings.set(variant.name, synthesizeFindings(app));
    }
  });

  it.each(variants)('leave no unacknowledged finding $name', ({ name }) => {
    expect(findings.get(name)).toEqual([]);
  });

  it.each(variants)('see every acknowledgement carry a reason $name', ({ name }) => {
    const acknowledged = acknowledgements.get(name) ?? [];

    expect(acknowledged.length).toBeGreaterThan(0);
    for (const { rule, reason } of acknowledged) {
      expect(reason.trim().length, `reason for ${rule}`).toBeGreaterThanOrEqual(20);
    }
  });

  it('have each acknowledgement silence a finding that is reported without it', () => {
    const deployLike = variants[1];
    if (!deployLike) throw new Error('missing variant');
    const expected = (acknowledgements.get(deployLike.name) ?? []).map(({ constructPath, rule }) => ({
      constructPath,
      rule,
    }));
    const acknowledge = vi.spyOn(Validations.prototype, 'acknowledge').mockImplementation(() => undefined);

    const unacknowledged = synthesizeFindings(buildVariant(deployLike).app);
    acknowledge.mockRestore();

    // A finding on a resource is acknowledged on the construct that owns it (…/Resource, …/DefaultPolicy/…).
    const reported = unacknowledged.map(({ constructPath, rule }) => ({
      constructPath: expected.find(
        (ack) => ack.rule === rule && constructPath.startsWith(`${ack.constructPath}/`),
      )?.constructPath,
      rule,
    }));
    expect(reported).toEqual(expect.arrayContaining(expected));
    expect(expected).toEqual(expect.arrayContaining(reported));
  });

  it('fail the synthesis of the real app when a construct breaks a rule', () => {
    const { app, stack } = buildApp({ siteDir: builtSite, context: skipBundling });
    new s3.Bucket(stack, 'CarelessBucket');

    expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
  });

  it('list such a breach in the validation report these tests read', () => {
    const { app, stack } = buildApp({
      siteDir: builtSite,
      context: { ...reportEveryFinding, ...skipBundling },
    });
    new s3.Bucket(stack, 'CarelessBucket');

    const breaches = synthesizeFindings(app).filter((finding) =>
      finding.constructPath.includes('CarelessBucket'),
    );

    expect(breaches.map((finding) => finding.rule)).toEqual(
      expect.arrayContaining(['AwsSolutions-S1', 'AwsSolutions-S10']),
    );
  });
});
