import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app.ts';
import type { AppFunction } from '../../infra/constructs/app-function.ts';
import { outboxEntity } from '../../infra/constructs/delivery.ts';
import type { PiawaiStack } from '../../infra/stack.ts';
import { skipBundling } from './validation-report.ts';

type Resources = Record<string, { Properties: Record<string, unknown> }>;
type Statement = {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
  Sid?: string;
  Principal?: unknown;
};

let workDir: string;
let stack: PiawaiStack;
let template: Template;

// Mail delivery on the whole stack, synthesized without bundling (the bundles are stack.test.ts's concern).
beforeAll(() => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'piawai-delivery-'));
  ({ stack } = buildApp({ nag: false, siteDir: path.join(workDir, 'no-site'), context: skipBundling }));
  template = Template.fromStack(stack);
});

afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }));

function propertiesOf(source: Template, type: string, logicalId: string): Record<string, unknown> {
  const resource = (source.findResources(type) as Resources)[logicalId];
  if (!resource) throw new Error(`No ${type} ${logicalId} in the template`);
  return resource.Properties;
}

const logicalIdOf = (construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as Parameters<PiawaiStack['getLogicalId']>[0]);

const arnOf = (construct: { node: { defaultChild?: unknown } }) => ({
  'Fn::GetAtt': [logicalIdOf(construct), 'Arn'],
});

function roleLogicalIdOf(fn: AppFunction): string {
  if (!fn.role) throw new Error(`${fn.node.path} has no role`);
  return logicalIdOf(fn.role);
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
    .filter(({ roles }) =>
      roles.some((role) => JSON.stringify(role) === JSON.stringify({ Ref: roleLogicalIdOf(fn) })),
    )
    .map(({ statement }) => statement);

const actionsOf = (statement: Statement) => [statement.Action].flat();

const allowedActionsOf = (fn: AppFunction) =>
  statementsOf(fn)
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap(actionsOf);

const environmentOf = (fn: AppFunction) =>
  (
    propertiesOf(template, 'AWS::Lambda::Function', logicalIdOf(fn)).Environment as {
      Variables: Record<string, unknown>;
    }
  ).Variables;

const distributionUrl = () => ({
  'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [logicalIdOf(stack.site.distribution), 'DomainName'] }]],
});

/** `arn:<partition>:ses:ap-southeast-3:<account>:<resource><name of the resource>`. */
const sesArn = (resource: string, logicalId: string) => ({
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':ses:ap-southeast-3:',
      { Ref: 'AWS::AccountId' },
      `:${resource}`,
      { Ref: logicalId },
    ],
  ],
});

const configurationSetArn = () => sesArn('configuration-set/', logicalIdOf(stack.mail.configurationSet));

/** What a stream event source needs, on the table's stream only (aws-cdk-lib's grantStreamRead). */
const streamActions = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];

const tlsOnly = Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } });

/** The functions that make approval links and queue or send mail: they get the mail settings and the pepper. */
const mailFunctions = () => ({
  api: stack.api.handler,
  jobs: stack.jobs.handler,
  deliver: stack.delivery.deliver,
});

describe('the outbox stream delivery', () => {
  it('feeds only INSERTs of outbox items to the deliver function, from the latest record, 10 at a time', () => {
    const mappings = template.findResources('AWS::Lambda::EventSourceMapping', {
      Properties: { FunctionName: { Ref: logicalIdOf(stack.delivery.deliver) } },
    }) as Resources;
    expect(Object.keys(mappings)).toHaveLength(1);
    const [mappingId = ''] = Object.keys(mappings);
    const mapping = propertiesOf(template, 'AWS::Lambda::EventSourceMapping', mappingId);

    expect(mapping).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': [logicalIdOf(stack.table), 'StreamArn'] },
      FunctionName: { Ref: logicalIdOf(stack.delivery.deliver) },
      StartingPosition: 'LATEST',
      BatchSize: 10,
    });
    const filters = (mapping.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(filters.map((filter) => JSON.parse(filter.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: [outboxEntity] } } } },
    ]);
    expect(outboxEntity).toBe('OutboxItem');
  });

  it('reads the new image the filter looks at', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: Match.stringLikeRegexp('^NEW_(AND_OLD_)?IMAGE$') },
    });
  });

  it('bisects a failing batch, retries 3 times, reports single failed records and dead-letters the rest', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 3,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: arnOf(stack.delivery.deadLetterQueue) } },
    });
  });

  it('dead-letters into an encrypted, TLS-only queue kept 14 days, with an alarm on any visible message', () => {
    const queue = stack.delivery.deadLetterQueue;

    template.hasResourceProperties('AWS::SQS::Queue', {
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    expect(
      template.findResources('AWS::SQS::QueuePolicy', {
        Properties: {
          Queues: [{ Ref: logicalIdOf(queue) }],
          PolicyDocument: { Statement: Match.arrayWith([tlsOnly]) },
        },
      }),
    ).toSatisfy((policies: object) => Object.keys(policies).length === 1);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(queue), 'QueueName'] } }],
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      TreatMissingData: 'notBreaching',
    });
  });

  it('lets the deliver function read the table stream and put failure records in its queue only', () => {
    const statements = statementsOf(stack.delivery.deliver);
    const streamArn = { 'Fn::GetAtt': [logicalIdOf(stack.table), 'StreamArn'] };

    for (const action of streamActions) {
      expect(statements.find((s) => actionsOf(s).includes(action))?.Resource, action).toEqual(streamArn);
    }
    expect(statements.find((s) => actionsOf(s).includes('sqs:SendMessage'))?.Resource).toEqual(
      arnOf(stack.delivery.deadLetterQueue),
    );
  });
});

describe('the deliver function', () => {
  it('runs on nodejs24.x, arm64, with its own log group', () => {
    const fn = stack.delivery.deliver;

    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      LoggingConfig: { LogGroup: { Ref: logicalIdOf(fn.logGroup) } },
      Role: { 'Fn::GetAtt': [roleLogicalIdOf(fn), 'Arn'] },
    });
  });

  it('reads and updates the table by name only: no put, delete, scan or batch write, no wildcards', () => {
    const allowed = allowedActionsOf(stack.delivery.deliver);

    expect(allowed.filter((action) => action.includes('*'))).toEqual([]);
    expect(allowed.filter((a) => a.startsWith('dynamodb:') && !streamActions.includes(a)).sort()).toEqual(
      ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'].sort(),
    );
    for (const forbidden of [
      'dynamodb:DeleteItem',
      'dynamodb:Scan',
      'dynamodb:PutItem',
      'dynamodb:BatchWriteItem',
    ]) {
      expect(allowed, forbidden).not.toContain(forbidden);
    }
  });

  it('may not update an AUDIT# item', () => {
    expect(statementsOf(stack.delivery.deliver).filter((s) => s.Effect === 'Deny')).toContainEqual(
      expect.objectContaining({
        Action: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['AUDIT#*'] } },
        Resource: { 'Fn::GetAtt': [logicalIdOf(stack.table), 'Arn'] },
      }),
    );
  });

  it.each(['deliver', 'jobs'] as const)(
    'lets %s send SES mail only as the portal address, through the identity and the configuration set',
    (name) => {
      const fn = mailFunctions()[name];
      const sesStatements = statementsOf(fn).filter((s) => actionsOf(s).some((a) => a.startsWith('ses:')));

      expect(sesStatements).toEqual([
        {
          Sid: 'SendPortalMail',
          Effect: 'Allow',
          Action: ['ses:SendEmail', 'ses:SendRawEmail'],
          Resource: [sesArn('identity/', logicalIdOf(stack.mail.identity)), configurationSetArn()],
          Condition: { StringEquals: { 'ses:FromAddress': 'noreply@piawai.example.go.id' } },
        },
      ]);
    },
  );

  it.each(['api', 'ses-events', 'pre-token'] as const)('does not let %s send mail', (name) => {
    const fn = {
      api: stack.api.handler,
      'ses-events': stack.delivery.sesEvents,
      'pre-token': stack.auth.preToken,
    }[name];

    expect(allowedActionsOf(fn).filter((action) => action.startsWith('ses:'))).toEqual([]);
  });
});

describe('the approval-link token pepper', () => {
  it('is a generated secret of 64 letters and digits', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { ExcludePunctuation: true, PasswordLength: 64 },
    });
  });

  it('is readable by the api, jobs and deliver functions only, with GetSecretValue only', () => {
    const secretRef = { Ref: logicalIdOf(stack.mail.tokenSecret) };
    const secretStatements = policyStatements().filter(({ statement }) =>
      actionsOf(statement).some((action) => action.startsWith('secretsmanager:')),
    );
    const roles = secretStatements.flatMap(({ roles }) => roles);

    expect(roles).toHaveLength(3);
    expect(roles).toEqual(
      expect.arrayContaining(Object.values(mailFunctions()).map((fn) => ({ Ref: roleLogicalIdOf(fn) }))),
    );
    for (const { statement } of secretStatements) {
      expect(statement).toEqual({
        Sid: 'ReadTokenPepper',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: secretRef,
      });
    }
    template.resourceCountIs('AWS::SecretsManager::ResourcePolicy', 0);
  });
});

describe('SES bounce and complaint events', () => {
  it('go to a KMS-encrypted topic that refuses plain HTTP', () => {
    const topic = stack.mail.eventsTopic;

    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: arnOf(stack.mail.eventsKey) });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: logicalIdOf(topic) }],
      PolicyDocument: { Statement: Match.arrayWith([tlsOnly]) },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('are published by SES for this configuration set only, which may use the topic key', () => {
    const fromThisConfigurationSet = {
      StringEquals: {
        'aws:SourceAccount': { Ref: 'AWS::AccountId' },
        'aws:SourceArn': configurationSetArn(),
      },
    };
    const keyPolicy = (
      propertiesOf(template, 'AWS::KMS::Key', logicalIdOf(stack.mail.eventsKey)).KeyPolicy as {
        Statement: Statement[];
      }
    ).Statement;

    expect(keyPolicy).toContainEqual({
      Sid: 'SesPublishesToTheEncryptedTopic',
      Effect: 'Allow',
      Principal: { Service: 'ses.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      Resource: '*',
      Condition: fromThisConfigurationSet,
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: { Ref: logicalIdOf(stack.mail.eventsTopic) },
            Condition: {
              StringEquals: {
                'AWS:SourceAccount': { Ref: 'AWS::AccountId' },
                'AWS:SourceArn': configurationSetArn(),
              },
            },
          }),
        ]),
      },
    });
  });

  it('come from a configuration-set event destination for BOUNCE and COMPLAINT only', () => {
    template.resourceCountIs('AWS::SES::ConfigurationSetEventDestination', 1);
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: logicalIdOf(stack.mail.configurationSet) },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        SnsDestination: { TopicARN: { Ref: logicalIdOf(stack.mail.eventsTopic) } },
      },
    });
  });

  it('are delivered to the ses-events function, which only this topic may invoke', () => {
    const fn = stack.delivery.sesEvents;

    template.resourceCountIs('AWS::SNS::Subscription', 1);
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      TopicArn: { Ref: logicalIdOf(stack.mail.eventsTopic) },
      Endpoint: arnOf(fn),
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: arnOf(fn),
      Principal: 'sns.amazonaws.com',
      SourceArn: { Ref: logicalIdOf(stack.mail.eventsTopic) },
    });
  });

  it('that still fail after two retries are kept in an alarmed queue', () => {
    const queue = stack.delivery.sesEventsDeadLetterQueue;

    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalIdOf(stack.delivery.sesEvents) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: arnOf(queue) } },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [logicalIdOf(queue), 'QueueName'] } }],
      Threshold: 1,
    });
  });

  it('let the ses-events function get, put and update table items, and nothing else of the table', () => {
    const fn = stack.delivery.sesEvents;
    const allowed = allowedActionsOf(fn);

    expect(allowed.filter((action) => action.startsWith('dynamodb:')).sort()).toEqual(
      ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'].sort(),
    );
    expect(allowed.filter((action) => action.startsWith('secretsmanager:'))).toEqual([]);
    expect(environmentOf(fn)).toEqual({
      PIAWAI_ENV: 'aws',
      NODE_OPTIONS: '--enable-source-maps',
      TABLE_NAME: { Ref: logicalIdOf(stack.table) },
    });
  });
});

describe('the mail environment', () => {
  const mailSettings = () => ({
    MAIL_TRANSPORT: 'ses',
    MAIL_FROM: 'PIAWAI <noreply@piawai.example.go.id>',
    MAIL_REPLY_TO: 'sdm@piawai.example.go.id',
    MAIL_CONFIGURATION_SET: { Ref: logicalIdOf(stack.mail.configurationSet) },
    MAIL_TOKEN_SECRET_ARN: { Ref: logicalIdOf(stack.mail.tokenSecret) },
  });

  it.each(['jobs', 'deliver'] as const)(
    'gives %s the mail settings, the send rate and the site origin for links',
    (name) => {
      expect(environmentOf(mailFunctions()[name])).toMatchObject({
        ...mailSettings(),
        MAIL_SEND_RATE: '10',
        PUBLIC_ORIGIN: distributionUrl(),
        TABLE_NAME: { Ref: logicalIdOf(stack.table) },
      });
    },
  );

  it('gives the api function the mail settings but no send rate (it only queues mail)', () => {
    const environment = environmentOf(stack.api.handler);

    expect(environment).toMatchObject(mailSettings());
    expect(environment).not.toHaveProperty('MAIL_SEND_RATE');
  });

  it('takes the reply-to address and the send rate from context', () => {
    const custom = buildApp({
      nag: false,
      siteDir: path.join(workDir, 'no-site'),
      context: { ...skipBundling, mailReplyTo: 'Biro SDM <biro.sdm@example.go.id>', mailSendRate: '14' },
    });
    const customTemplate = Template.fromStack(custom.stack);
    const variablesOf = (fn: AppFunction) =>
      (
        propertiesOf(
          customTemplate,
          'AWS::Lambda::Function',
          custom.stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction),
        ).Environment as { Variables: Record<string, unknown> }
      ).Variables;

    expect(variablesOf(custom.stack.delivery.deliver)).toMatchObject({
      MAIL_REPLY_TO: 'Biro SDM <biro.sdm@example.go.id>',
      MAIL_SEND_RATE: '14',
    });
    expect(variablesOf(custom.stack.api.handler)).toMatchObject({
      MAIL_REPLY_TO: 'Biro SDM <biro.sdm@example.go.id>',
    });
  });
});
