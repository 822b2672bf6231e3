import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteContentSecurityPolicy } from '../../functions/http-policy.ts';
import { apiRequestCode, Site } from '../../infra/constructs/site.ts';

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

type Behavior = {
  PathPattern?: string;
  ResponseHeadersPolicyId: { Ref: string };
  FunctionAssociations?: { EventType: string; FunctionARN: { 'Fn::GetAtt': [string, string] } }[];
};

function behaviors(): { site: Behavior; api: Behavior } {
  const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as {
    Properties: { DistributionConfig: { DefaultCacheBehavior: Behavior; CacheBehaviors: Behavior[] } };
  }[];
  const config = distribution?.Properties.DistributionConfig;
  const api = config?.CacheBehaviors.find((behavior) => behavior.PathPattern === '/api/*');
  if (!config || !api) throw new Error('no distribution with an /api/* behaviour');
  return { site: config.DefaultCacheBehavior, api };
}

function securityHeadersOf(behavior: Behavior): Record<string, unknown> {
  const policy = template.findResources('AWS::CloudFront::ResponseHeadersPolicy')[
    behavior.ResponseHeadersPolicyId.Ref
  ] as { Properties: { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: Record<string, unknown> } } };
  return policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
}

describe('security headers', () => {
  const common = {
    StrictTransportSecurity: {
      AccessControlMaxAgeSec: 63_072_000,
      IncludeSubdomains: true,
      Preload: true,
      Override: true,
    },
    ContentTypeOptions: { Override: true },
    FrameOptions: { FrameOption: 'DENY', Override: true },
    ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
  };

  it('give the site the content security policy of functions/http-policy.ts, HSTS and framing rules', () => {
    expect(securityHeadersOf(behaviors().site)).toEqual({
      ...common,
      ContentSecurityPolicy: { ContentSecurityPolicy: siteContentSecurityPolicy, Override: true },
    });
  });

  it("give API responses the same, except the CSP, which stays the app's own", () => {
    expect(securityHeadersOf(behaviors().api)).toEqual(common);
  });
});

describe('the /api/* viewer-request function', () => {
  type Request = {
    headers: Record<string, { value: string }>;
    cookies: Record<string, { value: string }>;
  };
  const handler = vm.runInNewContext(`${apiRequestCode}; handler`) as (event: {
    request: Request;
  }) => Request;
  const request = (headers: Record<string, string>, cookies: Record<string, string> = {}): Request => ({
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, { value }])),
    cookies: Object.fromEntries(Object.entries(cookies).map(([name, value]) => [name, { value }])),
  });
  const headersAfter = (before: Request) =>
    Object.fromEntries(
      Object.entries(handler({ request: before }).headers).map(([name, { value }]) => [name, value]),
    );

  it('runs on JS 2.0 as the viewer-request function of /api/* only', () => {
    const { site: siteBehavior, api } = behaviors();
    const [association] = api.FunctionAssociations ?? [];
    const functionId = association?.FunctionARN['Fn::GetAtt'][0] ?? '';

    expect(association?.EventType).toBe('viewer-request');
    expect(siteBehavior.FunctionAssociations?.map((a) => a.FunctionARN['Fn::GetAtt'][0])).not.toContain(
      functionId,
    );
    expect(template.findResources('AWS::CloudFront::Function')[functionId]).toMatchObject({
      Properties: { FunctionCode: apiRequestCode, FunctionConfig: { Runtime: 'cloudfront-js-2.0' } },
    });
  });

  it('turns the session cookie into a bearer token for the JWT authorizer', () => {
    expect(
      headersAfter(
        request({ host: 'd1.cloudfront.net' }, { '__Host-piawai_session': 'id.token.sig', other: 'x' }),
      ),
    ).toEqual({
      host: 'd1.cloudfront.net',
      'x-forwarded-host': 'd1.cloudfront.net',
      authorization: 'Bearer id.token.sig',
    });
  });

  it('keeps an Authorization header the caller sent, and adds none without a session', () => {
    expect(
      headersAfter(
        request({ host: 'd1.cloudfront.net', authorization: 'Bearer own' }, { '__Host-piawai_session': 'c' }),
      ).authorization,
    ).toBe('Bearer own');
    expect(
      headersAfter(request({ host: 'd1.cloudfront.net' }, { piawai_session: 'insecure' })).authorization,
    ).toBe(undefined);
  });

  it('sets x-forwarded-host from Host, whatever the caller sent', () => {
    expect(
      headersAfter(request({ host: 'portal.example.go.id', 'x-forwarded-host': 'evil.example' }))[
        'x-forwarded-host'
      ],
    ).toBe('portal.example.go.id');
  });
});
