import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableSchema } from '../../functions/db/schema.ts';
import { buildApp } from '../../infra/build-app.ts';
import { type AppFunction, lambdaBundling, pdfkitFonts } from '../../infra/constructs/app-function.ts';
import type { PiawaiStack } from '../../infra/stack.ts';

type Resources = Record<string, { Properties: Record<string, unknown> }>;
type Statement = { Effect: string; Action: string | string[]; Condition?: unknown; Sid?: string };

let workDir: string;
let app: App;
let stack: PiawaiStack;
let template: Template;

// One real synthesis (with Lambda bundling, seconds) serves every assertion on the stack, hence one long file.
// The site is not built here; site.test.ts covers deploying it.
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piawai-stack-'));
  ({ app, stack } = buildApp({ nag: false, siteDir: path.join(workDir, 'no-site'), outdir: workDir }));
  template = Template.fromStack(stack);
});

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Parameters<PiawaiStack['getLogicalId']>[0]);

function roleLogicalIdOf(fn: AppFunction): string {
  if (!fn.role) throw new Error(`${fn.node.path} has no role`);
  return logicalIdOf(fn.role);
}

function statementsOfRole(roleLogicalId: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: roleLogicalId }] },
  }) as Resources;
  return Object.values(policies).flatMap(
    (policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
  );
}

const actionsOf = (statement: Statement) => [statement.Action].flat();

/** The app's functions by entry name (functions/lambda/<name>.ts). */
const functionNames = ['api', 'import', 'jobs', 'pre-token', 'deliver', 'ses-events', 'export'] as const;
const functionNamed = (name: (typeof functionNames)[number]): AppFunction => {
  switch (name) {
    case 'pre-token':
      return stack.auth.preToken;
    case 'deliver':
      return stack.delivery.deliver;
    case 'ses-events':
      return stack.delivery.sesEvents;
    case 'export':
      return stack.exports.runner;
    case 'import':
      return stack.api.importHandler;
    default:
      return stack[name].handler;
  }
};

describe('the table', () => {
  it('has the keys and indexes of functions/db/schema.ts, every index projecting ALL', () => {
    const attributes = [
      tableSchema.partitionKey,
      tableSchema.sortKey,
      ...tableSchema.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ];

    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: tableSchema.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableSchema.sortKey, KeyType: 'RANGE' },
      ],
      AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
      GlobalSecondaryIndexes: tableSchema.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('is on demand, expires items by ttl, streams new images and uses the AWS-managed key', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: tableSchema.ttlAttribute, Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
    });
  });

  it('keeps point-in-time recovery and deletion protection on, and survives stack deletion', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        Replicas: [
          Match.objectLike({
            Region: 'ap-southeast-3',
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      },
    });
  });
});

describe('the functions', () => {
  it.each(functionNames)('run %s on nodejs24.x, arm64, 1024 MB with source maps enabled', (name) => {
    const fn = functionNamed(name);

    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 1024,
      Handler: 'index.handler',
      Environment: {
        Variables: Match.objectLike({
          PIAWAI_ENV: 'aws',
          NODE_OPTIONS: '--enable-source-maps',
          TABLE_NAME: { Ref: logicalIdOf(stack.table) },
        }),
      },
      LoggingConfig: { LogGroup: { Ref: logicalIdOf(fn.logGroup) } },
      Role: { 'Fn::GetAtt': [roleLogicalIdOf(fn), 'Arn'] },
    });
  });

  it('are the only seven functions while the site is not built', () => {
    template.resourceCountIs('AWS::Lambda::Function', functionNames.length);
  });

  /** The cloud assembly keeps each bundle in asset.<hash>/, the directory that is zipped to <hash>.zip. */
  function bundleDirOf(fn: AppFunction): string {
    const functions = template.findResources('AWS::Lambda::Function') as Resources;
    const code = functions[logicalIdOf(fn)]?.Properties.Code as { S3Key: string };
    return path.join(app.outdir, `asset.${code.S3Key.replace(/\.zip$/, '')}`);
  }

  /** The functions that draw PDFs: the export runner and the jobs tick, which sweeps export jobs. */
  const pdfFunctions: readonly (typeof functionNames)[number][] = ['jobs', 'export'];

  it.each(functionNames)('bundle %s as ESM with a source map and the require banner', (name) => {
    const bundleDir = bundleDirOf(functionNamed(name));
    const pdfFiles = pdfFunctions.includes(name) ? ['package.json', pdfkitFonts.dir] : [];

    expect(fs.readdirSync(bundleDir).sort()).toEqual(['index.mjs', 'index.mjs.map', ...pdfFiles].sort());
    expect(
      fs.readFileSync(path.join(bundleDir, 'index.mjs'), 'utf8').startsWith(lambdaBundling.banner.js),
    ).toBe(true);
  });

  it.each(pdfFunctions)(
    "let %s's bundle load pdfkit's standard fonts the way pdfkit does, by #standard-fonts/* from the bundle",
    (name) => {
      const bundleDir = bundleDirOf(functionNamed(name));
      // pdfkit's Node build: createRequire(import.meta.url)('#standard-fonts/<name>'), import.meta.url being index.mjs.
      const requireFromBundle = createRequire(path.join(bundleDir, 'index.mjs'));

      expect(fs.readFileSync(path.join(bundleDir, 'index.mjs'), 'utf8')).toContain(
        '#standard-fonts/Helvetica',
      );
      for (const font of ['Helvetica', 'HelveticaBold']) {
        const resolved = requireFromBundle.resolve(`#standard-fonts/${font}`);
        expect(resolved.startsWith(path.join(bundleDir, pdfkitFonts.dir)), resolved).toBe(true);
        expect(requireFromBundle(`#standard-fonts/${font}`)).toMatchObject({
          name: font === 'Helvetica' ? 'Helvetica' : 'Helvetica-Bold',
        });
      }
    },
  );

  it.each(['api', 'jobs'] as const)(
    'let %s use exactly the DynamoDB actions it needs, no wildcards',
    (name) => {
      const fn = stack[name].handler;
      const statements = statementsOfRole(roleLogicalIdOf(fn));
      const allowed = statements.filter((s) => s.Effect === 'Allow').flatMap(actionsOf);

      expect(allowed.filter((action) => action.includes('*'))).toEqual([]);
      expect(allowed.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual(
        [
          'dynamodb:BatchGetItem',
          'dynamodb:BatchWriteItem',
          'dynamodb:ConditionCheckItem',
          'dynamodb:DeleteItem',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:UpdateItem',
        ].sort(),
      );
    },
  );

  it.each(['api', 'jobs'] as const)('forbid %s to update or delete AUDIT# items', (name) => {
    const fn = stack[name].handler;
    const denies = statementsOfRole(roleLogicalIdOf(fn)).filter((s) => s.Effect === 'Deny');

    expect(denies).toContainEqual(
      expect.objectContaining({
        Action: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
        Resource: { 'Fn::GetAtt': [logicalIdOf(stack.table), 'Arn'] },
      }),
    );
    expect(denies).toContainEqual(
      expect.objectContaining({
        Action: 'dynamodb:BatchWriteItem',
        Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
      }),
    );
  });

  it('let only the jobs and deliver functions send mail, from the portal address', () => {
    const sendsMail = (name: (typeof functionNames)[number]) =>
      statementsOfRole(roleLogicalIdOf(functionNamed(name))).some((s) =>
        actionsOf(s).some((action) => action.startsWith('ses:')),
      );

    expect(functionNames.filter(sendsMail)).toEqual(['jobs', 'deliver']);
  });
});

describe('the HTTP API', () => {
  it.each(['ANY /api/{proxy+}', 'ANY /api'])('routes %s to the api function', (routeKey) => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: routeKey });
  });

  it('throttles and access-logs its default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });
});

describe('the jobs schedule', () => {
  it('ticks the jobs function every 15 minutes in Asia/Jakarta, with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0/15 * * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Jakarta',
      Target: {
        Arn: { 'Fn::GetAtt': [logicalIdOf(stack.jobs.handler), 'Arn'] },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [logicalIdOf(stack.jobs.deadLetterQueue), 'Arn'] } },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 600 },
      },
    });
  });

  it('dead-letters into an encrypted queue that refuses plain HTTP', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('mail', () => {
  it('verifies the default mail domain in SES with a configuration set', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'piawai.example.go.id',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: logicalIdOf(stack.mail.configurationSet) } },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
  });
});

describe('the site', () => {
  it('serves a private bucket through CloudFront with origin access control', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https' }),
        Origins: Match.arrayWith([
          Match.objectLike({
            OriginAccessControlId: Match.anyValue(),
            S3OriginConfig: { OriginAccessIdentity: '' },
          }),
        ]),
      }),
    });
  });

  it('sends /api/* uncached, with every method and all viewer headers except Host, to the HTTP API', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
            OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
            ResponseHeadersPolicyId: Match.anyValue(),
            FunctionAssociations: [
              {
                EventType: 'viewer-request',
                FunctionARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SiteApiRequest'), 'FunctionARN'] },
              },
            ],
          }),
        ],
        Origins: Match.arrayWith([
          Match.objectLike({
            DomainName: Match.objectLike({
              'Fn::Join': ['', Match.arrayWith([{ Ref: logicalIdOf(stack.api.httpApi) }])],
            }),
            CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
          }),
        ]),
      }),
    });
  });

  it('sends security headers with every response', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 63_072_000,
            IncludeSubdomains: true,
            Preload: true,
            Override: true,
          },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
  });

  it('has no CloudFront standard logging in Jakarta, where CloudFront cannot deliver logs to S3', () => {
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Logging: Match.absent() }),
    });
  });

  it('blocks public access, encrypts and requires TLS on every bucket', () => {
    const buckets = template.findResources('AWS::S3::Bucket') as Resources;
    const allBlocked = {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    };

    expect(Object.keys(buckets)).toHaveLength(3);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual(allBlocked);
      expect(bucket.Properties.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
    }
    const tlsOnly = Match.objectLike({
      Effect: 'Deny',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    expect(
      template.findResources('AWS::S3::BucketPolicy', {
        Properties: { PolicyDocument: { Statement: Match.arrayWith([tlsOnly]) } },
      }),
    ).toSatisfy((policies: object) => Object.keys(policies).length === 3);
  });

  it('versions the site bucket and logs its access to the log bucket', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(stack.site.logBucket) } },
    });
  });

  it('does not deploy web/dist while it is not built', () => {
    template.resourceCountIs('Custom::CDKBucketDeployment', 0);
  });
});

describe('operations', () => {
  it('keeps every log group for one month', () => {
    const logGroups = template.findResources('AWS::Logs::LogGroup') as Resources;

    expect(Object.keys(logGroups).length).toBeGreaterThanOrEqual(3);
    for (const logGroup of Object.values(logGroups)) expect(logGroup.Properties.RetentionInDays).toBe(30);
  });

  it.each(['SiteUrl', 'ApiUrl', 'TableName', 'ExportBucketName', 'UserPoolId', 'AuthDomainUrl'])(
    'outputs %s',
    (name) => {
      template.hasOutput(name, { Value: Match.anyValue() });
    },
  );
});
