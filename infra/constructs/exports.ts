// Export files in AWS: new export jobs on the table stream go to the export function, which builds the file (CSV,
// XLSX or a PDF document) and keeps it in a private bucket; the api hands out short-lived presigned downloads.

import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import { alarmedDeadLetterQueue } from './dead-letters.ts';

export interface ExportsProps {
  readonly table: dynamodb.ITableV2;
  /** Where the bucket's server access logs go (the site's log bucket): who downloaded which file, from where. */
  readonly logBucket: s3.IBucket;
}

/** The `entity` of an export job item: only the INSERT of one starts a run. */
export const exportJobEntity = 'ExportJob';

/** The key prefix functions/files/file-store.ts writes under; every grant is limited to it. */
export const exportKeyPrefix = 'exports/';

/**
 * Days an export file is kept: EXPORT_KEEP_DAYS of shared/domain/report/exports.ts (infra may not import shared/;
 * test/infra/exports.test.ts holds the two equal). The api refuses a download after the job's `expiresAt` anyway.
 */
export const exportKeepDays = 7;

/**
 * One job per invocation: a job can take minutes (the function has five), so a batch of several could run out of
 * time with finished work in it.
 */
export const exportBatchSize = 1;

export class Exports extends Construct {
  /** Holds the files under `exports/`, each for exportKeepDays. */
  readonly bucket: s3.Bucket;
  /** Builds requested exports (functions/lambda/export.ts). */
  readonly runner: AppFunction;
  /** Where the stream's failure records go once the retries are spent (the jobs sweep runs those jobs). */
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: ExportsProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // No versions: every file is written once under its job's unique id and can be rebuilt from the table, and
      // noncurrent versions would keep personnel data past the seven days the portal promises.
      versioned: false,
      lifecycleRules: [
        // S3 expires an object at the first UTC midnight after the days are up; the job record's TTL (a day later)
        // outlives its file.
        { id: 'ExpireExports', prefix: exportKeyPrefix, expiration: Duration.days(exportKeepDays) },
        { id: 'AbortIncompleteUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      serverAccessLogsBucket: props.logBucket,
      serverAccessLogsPrefix: 's3-exports/',
      // Like the table: deleting the stack must not delete personnel data unseen (nor fail on a non-empty bucket);
      // the lifecycle rule empties a retained bucket within eight days.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.runner = new AppFunction(this, 'Runner', {
      entry: 'functions/lambda/export.ts',
      description:
        'PIAWAI exports: new export jobs from the table stream, built into files in the exports bucket',
      // exceljs, pdfkit and qrcode are heavier than the rest: a large workbook is built in memory, and CPU comes
      // with memory. Five minutes stays well inside the job's 10-minute lease, so no other runner (the jobs sweep)
      // takes over a job this one is still building.
      memorySize: 1024,
      timeout: Duration.minutes(5),
      drawsPdfs: true,
    });
    // Claims, advances and settles its job with conditional updates, reads what it exports (items, unit and board
    // queries on the indexes) and registers an issued document with its audit entry (puts): no delete, no scan.
    this.runner.useTable(props.table, [
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
    this.grantWrite(this.runner);

    this.deadLetterQueue = alarmedDeadLetterQueue(this, 'DeadLetters', {
      alarmDescription:
        'Export-job stream records failed after every retry. The jobs stay due, so the jobs tick sweeps them; read ' +
        'the failure records (shard and sequence numbers) and the export function logs for the cause.',
    });
    this.runner.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: exportBatchSize,
        // Each job has its own partition key, so jobs of one shard may run side by side instead of queueing
        // behind a long one. (This and the deliver mapping are the two stream readers a shard supports.)
        parallelizationFactor: 4,
        // Keeps a failing record isolated should the batch size ever grow.
        bisectBatchOnError: true,
        // The runner settles a job's own failures (retry later, or GAGAL); these retries are for a run that could
        // not start, e.g. the table throttled the claim.
        retryAttempts: 2,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { entity: { S: lambda.FilterRule.isEqual(exportJobEntity) } } },
          }),
        ],
      }),
    );
  }

  /** Sets EXPORT_BUCKET and lets the function put objects under `exports/` (the runner and the jobs sweep). */
  grantWrite(fn: AppFunction): void {
    this.allowObjects(fn, 'WriteExportFiles', 's3:PutObject');
  }

  /** Sets EXPORT_BUCKET and lets the function read objects under `exports/`: the api presigns downloads with it. */
  grantDownload(fn: AppFunction): void {
    this.allowObjects(fn, 'ReadExportFiles', 's3:GetObject');
  }

  private allowObjects(fn: AppFunction, sid: string, action: string): void {
    fn.addEnvironment('EXPORT_BUCKET', this.bucket.bucketName);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid,
        actions: [action],
        resources: [this.bucket.arnForObjects(`${exportKeyPrefix}*`)],
      }),
    );
    const bucketLogicalId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    Validations.of(fn.role ?? fn).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/${exportKeyPrefix}*]`,
      reason:
        'Export files are named by their job id, unknown in advance; the wildcard is one action on the exports/ ' +
        'prefix of the one exports bucket.',
    });
  }
}
