import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Site } from '../../infra/constructs/site.ts';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Sid?: string };

let workDir: string;
let site: Site;
let template: Template;

// The Site alone, in a region CloudFront can deliver logs to, with a built site to deploy.
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piawai-site-'));
  const siteDir = path.join(workDir, 'dist');
  fs.mkdirSync(path.join(siteDir, '_astro'), { recursive: true });
  fs.writeFileSync(path.join(siteDir, 'index.html'), '<!doctype html><title>PIAWAI</title>');
  fs.writeFileSync(path.join(siteDir, '_astro', 'app.3f2a1c.js'), 'export {};');
  const stack = new Stack(new App({ outdir: path.join(workDir, 'cdk.out') }), 'SiteOnly', {
    env: { region: 'ap-southeast-1' },
  });
  site = new Site(stack, 'Site', {
    apiDomainName: 'abc123.execute-api.ap-southeast-1.amazonaws.com',
    siteDir,
  });
  template = Template.fromStack(stack);
});

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) =>
  Stack.of(site).getLogicalId(construct.node.defaultChild as Parameters<Stack['getLogicalId']>[0]);

describe('the site where CloudFront can deliver standard logs', () => {
  it('logs CloudFront requests to the log bucket, which accepts the ACLs that log delivery writes', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Logging: {
          Bucket: { 'Fn::GetAtt': [logicalIdOf(site.logBucket), 'RegionalDomainName'] },
          Prefix: 'cloudfront/',
        },
      }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] },
    });
  });
});

describe('deploying a built site', () => {
  it('copies hashed assets with a year of caching and pages with no-cache, assets first', () => {
    const deployments = template.findResources('Custom::CDKBucketDeployment') as Record<
      string,
      { Properties: Record<string, unknown>; DependsOn?: string[] }
    >;
    const byPrefix = (prefix: string | undefined) =>
      Object.entries(deployments).find(
        ([, resource]) => resource.Properties.DestinationBucketKeyPrefix === prefix,
      );
    const [assetsId, assets] = byPrefix('_astro/') ?? [];
    const [, pages] = byPrefix(undefined) ?? [];

    expect(assets?.Properties).toMatchObject({
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(pages?.Properties).toMatchObject({
      Prune: true,
      Exclude: ['_astro/*'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/*'],
    });
    expect(pages?.DependsOn).toContain(assetsId);
  });

  it('lets the deploy handler touch only its two bundles, this bucket and this distribution', () => {
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^SiteDeploymentRole') }] },
    }) as Record<string, { Properties: { PolicyDocument: { Statement: Statement[] } } }>;
    const statements = Object.values(policies).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement,
    );
    const bySid = (sid: string) => statements.find((statement) => statement.Sid === sid);

    expect([statements.map((statement) => statement.Action)].flat(2).filter((a) => a.includes('*'))).toEqual(
      [],
    );
    expect(bySid('ReadSiteBundles')?.Resource).toHaveLength(2);
    expect(bySid('WriteSite')?.Resource).toEqual({
      'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalIdOf(site.bucket), 'Arn'] }, '/*']],
    });
    expect(JSON.stringify(bySid('InvalidateSite')?.Resource)).toContain(logicalIdOf(site.distribution));
  });

  it('gives the deploy handler a log group kept for one month', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: Match.stringLikeRegexp('^python'),
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('^SiteDeploymentLogs') } },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });
});
