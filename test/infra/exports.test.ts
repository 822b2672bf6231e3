import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import type { AppFunction } from '../../infra/constructs/app-function.ts';
import { exportJobEntity, exportKeepDays, exportKeyPrefix } from '../../infra/constructs/exports.ts';
import type { PiawaiStack } from '../../infra/stack.ts';
import { EXPORT_KEEP_DAYS } from '../../shared/domain/report/exports.ts';
import { skipBundling } from './validation-report.ts';

type Resources = Record<string, { Properties: Record<string, unknown> }>;
type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
  Sid?: string;
};

let workDir: string;
let stack: PiawaiStack;
let template: Template;

// Export files on the whole stack, synthesized without bundling (the bundles are stack.test.ts's concern).
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piawai-exports-'));
  ({ stack } = buildApp({ nag: false, siteDir: path.join(workDir, 'no-site'), context: skipBundling }));
  template = Template.fromStack(stack);
});

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Parameters<PiawaiStack['getLogicalId']>[0]);

const arnOf = (construct: { node: { defaultChild?: unknown } }) => ({
  'Fn::GetAtt': [logicalIdOf(construct), 'Arn'],
});

function propertiesOf(type: string, logicalId: string): Record<string, unknown> {
  const resource = (template.findResources(type) as Resources)[logicalId];
  if (!resource) throw new Error(`No ${type} ${logicalId} in the template`);
  return resource.Properties;
}

function roleRefOf(fn: AppFunction) {
  if (!fn.role) throw new Error(`${fn.node.path} has no role`);
  return { Ref: logicalIdOf(fn.role) };
}

/** Every statement of every IAM policy, with the roles the policy is attached to. */
function policyStatements(): { roles: unknown[]; statement: Statement }[] {
  return Object.values(template.findResources('AWS::IAM::Policy') as Resources).flatMap((policy) =>
    (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.map((statement) => ({
      roles: policy.Properties.Roles as unknown[],
      statement,
    })),
  );
}

const statementsOf = (fn: AppFunction) =>
  policyStatements()
    .filter(({ roles }) => roles.some((role) => JSON.stringify(role) === JSON.stringify(roleRefOf(fn))))
    .map(({ statement }) => statement);

const actionsOf = (statement: Statement) => [statement.Action].flat();

const allowedActionsOf = (fn: AppFunction) =>
  statementsOf(fn)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap(actionsOf);

const s3StatementsOf = (fn: AppFunction) =>
  statementsOf(fn).filter((statement) => actionsOf(statement).some((action) => action.startsWith('s3:')));

const environmentOf = (fn: AppFunction) =>
  (
    propertiesOf('AWS::Lambda::Function', logicalIdOf(fn)).Environment as {
      Variables: Record<string, unknown>;
    }
  ).Variables;

/** `arn:…:s3:::<exports bucket>/exports/*`, the only S3 resource any function may touch. */
const exportObjects = () => ({
  'Fn::Join': ['', [arnOf(stack.exports.bucket), `/${exportKeyPrefix}*`]],
});

const exportBucketRef = () => ({ Ref: logicalIdOf(stack.exports.bucket) });

/** What a stream event source needs, on the table's stream only (aws-cdk-lib's grantStreamRead). */
const streamActions = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];

const tlsOnly = Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });

function exportMapping(): Record<string, unknown> {
  const mappings = template.findResources('AWS::Lambda::EventSourceMapping', {
    Properties: { FunctionName: { Ref: logicalIdOf(stack.exports.runner) } },
  }) as Resources;
  const found = Object.values(mappings);
  expect(found).toHaveLength(1);
  return found[0]?.Properties ?? {};
}

describe('the exports bucket', () => {
  const bucketProperties = () => propertiesOf('AWS::S3::Bucket', logicalIdOf(stack.exports.bucket));

  it('blocks all public access, encrypts with S3-managed keys and disables ACLs', () => {
    expect(bucketProperties()).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  it('refuses every request that does not use TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: exportBucketRef(),
      PolicyDocument: { Statement: Match.arrayWith([tlsOnly]) },
    });
  });

  it('expires export files after the days the portal keeps them, and stale multipart uploads after a day', () => {
    expect(exportKeepDays).toBe(EXPORT_KEEP_DAYS);
    expect(bucketProperties().LifecycleConfiguration).toEqual({
      Rules: [
        {
          Id: 'ExpireExports',
          Prefix: exportKeyPrefix,
          ExpirationInDays: EXPORT_KEEP_DAYS,
          Status: 'Enabled',
        },
        {
          Id: 'AbortIncompleteUploads',
          AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
          Status: 'Enabled',
        },
      ],
    });
  });

  it('keeps no old versions and allows no cross-origin requests (downloads are top-level navigations)', () => {
    expect(bucketProperties().VersioningConfiguration).toBeUndefined();
    expect(bucketProperties().CorsConfiguration).toBeUndefined();
  });

  it('logs its access to the log bucket, which accepts logs from this bucket by bucket policy', () => {
    const logBucket = stack.site.logBucket;

    expect(bucketProperties().LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logicalIdOf(logBucket) },
      LogFilePrefix: 's3-exports/',
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalIdOf(logBucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Resource: { 'Fn::Join': ['', [arnOf(logBucket), '/s3-exports/*']] },
            Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': arnOf(stack.exports.bucket) } }),
          }),
        ]),
      },
    });
  });

  it('survives the deletion of the stack, like the table', () => {
    template.hasResource('AWS::S3::Bucket', {
      Properties: Match.objectLike({
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 's3-exports/' }),
      }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('is an output of the stack', () => {
    template.hasOutput('ExportBucketName', { Value: exportBucketRef() });
  });
});

describe('the export-job stream', () => {
  it('feeds only INSERTs of export jobs to the export function, from the latest record, one at a time', () => {
    const mapping = exportMapping();

    expect(mapping).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(stack.table), 'StreamArn'] },
      StartingPosition: 'LATEST',
      BatchSize: 1,
    });
    const filters = (mapping.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: [exportJobEntity] } } } },
    ]);
    expect(exportJobEntity).toBe('ExportJob');
  });

  it('bisects, retries twice, reports single failed records and dead-letters the rest', () => {
    expect(exportMapping()).toMatchObject({
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 2,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: arnOf(stack.exports.deadLetterQueue) } },
    });
  });

  it('runs jobs of one shard side by side, and the stream has no more than the two readers a shard supports', () => {
    expect(exportMapping().ParallelizationFactor).toBe(4);
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
  });

  it('dead-letters into an encrypted, TLS-only queue kept 14 days, with an alarm on any visible message', () => {
    const queue = stack.exports.deadLetterQueue;

    expect(propertiesOf('AWS::SQS::Queue', logicalIdOf(queue))).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: logicalIdOf(queue) }],
      PolicyDocument: { Statement: Match.arrayWith([tlsOnly]) },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(queue), 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      TreatMissingData: 'notBreaching',
    });
  });
});

describe('the export function', () => {
  it('runs on nodejs24.x, arm64, with 1024 MB and five minutes, and its own log group', () => {
    const fn = stack.exports.runner;

    expect(propertiesOf('AWS::Lambda::Function', logicalIdOf(fn))).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      MemorySize: 1024,
      Timeout: 300,
      LoggingConfig: { LogGroup: { Ref: logicalIdOf(fn.logGroup) } },
      Role: { 'Fn::GetAtt': [roleRefOf(fn).Ref, 'Arn'] },
    });
  });

  it('knows the table and the bucket, and nothing of mail or sign-in', () => {
    expect(environmentOf(stack.exports.runner)).toEqual({
      PIAWAI_ENV: 'aws',
      NODE_OPTIONS: '--enable-source-maps',
      TABLE_NAME: { Ref: logicalIdOf(stack.table) },
      EXPORT_BUCKET: exportBucketRef(),
    });
  });

  it('gets, queries, puts and updates table items: no delete, scan or batch write, no wildcards', () => {
    const allowed = allowedActionsOf(stack.exports.runner);

    expect(allowed.filter((action) => action.includes('*'))).toEqual([]);
    expect(allowed.filter((a) => a.startsWith('dynamodb:') && !streamActions.includes(a)).sort()).toEqual(
      ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'].sort(),
    );
    for (const forbidden of ['dynamodb:DeleteItem', 'dynamodb:Scan', 'dynamodb:BatchWriteItem']) {
      expect(allowed, forbidden).not.toContain(forbidden);
    }
  });

  it('may query the indexes but not update an AUDIT# item', () => {
    const statements = statementsOf(stack.exports.runner);
    const tableArn = arnOf(stack.table);

    expect(statements.find((s) => s.Sid === 'TableRead')?.Resource).toEqual([
      tableArn,
      ...['gsi1', 'gsi2', 'gsi3'].map((index) => ({ 'Fn::Join': ['', [tableArn, `/index/${index}`]] })),
    ]);
    expect(statements.filter((s) => s.Effect === 'Deny')).toContainEqual(
      expect.objectContaining({
        Action: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
        Resource: tableArn,
      }),
    );
  });

  it('puts objects under exports/ and nothing else of S3', () => {
    expect(s3StatementsOf(stack.exports.runner)).toEqual([
      { Sid: 'WriteExportFiles', Effect: 'Allow', Action: 's3:PutObject', Resource: exportObjects() },
    ]);
  });

  it('reads the table stream and sends failure records to its own queue only', () => {
    const statements = statementsOf(stack.exports.runner);
    const streamArn = { 'Fn::GetAtt': [logicalIdOf(stack.table), 'StreamArn'] };

    for (const action of streamActions) {
      expect(statements.find((s) => actionsOf(s).includes(action))?.Resource, action).toEqual(streamArn);
    }
    expect(statements.find((s) => actionsOf(s).includes('sqs:SendMessage'))?.Resource).toEqual(
      arnOf(stack.exports.deadLetterQueue),
    );
  });

  it('may not read the approval-link pepper or send mail', () => {
    const allowed = allowedActionsOf(stack.exports.runner);

    expect(allowed.filter((a) => a.startsWith('ses:') || a.startsWith('secretsmanager:'))).toEqual([]);
  });
});

describe('downloads and the export sweep', () => {
  it('let the api read objects under exports/ only, to presign downloads', () => {
    expect(environmentOf(stack.api.handler)).toMatchObject({ EXPORT_BUCKET: exportBucketRef() });
    expect(s3StatementsOf(stack.api.handler)).toEqual([
      { Sid: 'ReadExportFiles', Effect: 'Allow', Action: 's3:GetObject', Resource: exportObjects() },
    ]);
  });

  it('let the jobs tick put objects under exports/ only, for the jobs it sweeps', () => {
    expect(environmentOf(stack.jobs.handler)).toMatchObject({ EXPORT_BUCKET: exportBucketRef() });
    expect(s3StatementsOf(stack.jobs.handler)).toEqual([
      { Sid: 'WriteExportFiles', Effect: 'Allow', Action: 's3:PutObject', Resource: exportObjects() },
    ]);
  });

  it('give the jobs tick ten minutes: inside its 15-minute period and no longer than an export lease', () => {
    expect(propertiesOf('AWS::Lambda::Function', logicalIdOf(stack.jobs.handler))).toMatchObject({
      Timeout: 600,
      MemorySize: 1024,
    });
  });

  it.each(['deliver', 'ses-events', 'pre-token'] as const)(
    'give %s neither the bucket nor S3 access',
    (name) => {
      const fn = {
        deliver: stack.delivery.deliver,
        'ses-events': stack.delivery.sesEvents,
        'pre-token': stack.auth.preToken,
      }[name];

      expect(environmentOf(fn)).not.toHaveProperty('EXPORT_BUCKET');
      expect(s3StatementsOf(fn)).toEqual([]);
    },
  );

  it('grant the functions no S3 action by wildcard, and object access only on exports/ of the exports bucket', () => {
    const functions = [
      stack.api.handler,
      stack.jobs.handler,
      stack.exports.runner,
      stack.delivery.deliver,
      stack.delivery.sesEvents,
      stack.auth.preToken,
    ];
    const s3Statements = functions.flatMap(s3StatementsOf);

    expect(s3Statements.flatMap(actionsOf).filter((action) => action.includes('*'))).toEqual([]);
    expect(s3Statements).toHaveLength(3);
    for (const statement of s3Statements) expect(statement.Resource).toEqual(exportObjects());
  });
});
