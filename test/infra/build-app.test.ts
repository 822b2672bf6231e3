import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import { skipBundling } from './validation-report.ts';

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piawai-build-app-'));
const noSite = path.join(workDir, 'no-site');

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

describe('buildApp', () => {
  it('puts the stack in Jakarta unless the region context says otherwise', () => {
    expect(buildApp({ nag: false, siteDir: noSite, context: skipBundling }).stack.region).toBe(
      'ap-southeast-3',
    );
    expect(
      buildApp({ nag: false, siteDir: noSite, context: { ...skipBundling, region: 'ap-southeast-1' } }).stack
        .region,
    ).toBe('ap-southeast-1');
  });

  it('sends mail from the domain given as context mailDomain', () => {
    const { stack } = buildApp({
      nag: false,
      siteDir: noSite,
      context: { ...skipBundling, mailDomain: 'sdm.example.id' },
    });

    Template.fromStack(stack).hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'sdm.example.id',
    });
    expect(stack.mail.fromAddress).toBe('noreply@sdm.example.id');
  });

  it('replies to sdm@ the mail domain and sends 10 messages a second unless context says otherwise', () => {
    const defaults = buildApp({ nag: false, siteDir: noSite, context: skipBundling }).stack.mail;
    const custom = buildApp({
      nag: false,
      siteDir: noSite,
      context: { ...skipBundling, mailReplyTo: 'Biro SDM <biro.sdm@example.go.id>', mailSendRate: '14' },
    }).stack.mail;

    expect([defaults.replyTo, defaults.sendRate]).toEqual(['sdm@piawai.example.go.id', 10]);
    expect([custom.replyTo, custom.sendRate]).toEqual(['Biro SDM <biro.sdm@example.go.id>', 14]);
    expect(defaults.from).toBe('PIAWAI <noreply@piawai.example.go.id>');
  });

  it.each([
    ['mailDomain', 'not a domain'],
    ['mailReplyTo', 'sdm'],
    ['mailReplyTo', 'Biro SDM <sdm@example.go.id>\nBcc: x@example.com'],
    ['mailSendRate', '0'],
    ['mailSendRate', 'ten'],
    ['mailSendRate', 5000],
    ['region', 'Jakarta'],
    ['authDomainPrefix', 'Piawai'],
    ['authDomainPrefix', 'piawai-cognito'],
    ['authDomainPrefix', '-piawai'],
  ])('rejects an invalid %s context value: %j', (key, value) => {
    expect(() =>
      buildApp({ nag: false, siteDir: noSite, context: { ...skipBundling, [key]: value } }),
    ).toThrow(new RegExp(`Context ${key}`));
  });
});
