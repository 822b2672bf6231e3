// Scheduled jobs: EventBridge Scheduler ticks the jobs Lambda every 15 minutes (WIB); the job decides what is due.

import { Duration, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { TICK_EVERY_MINUTES, TICK_TIMEZONE } from '../../functions/jobs/schedule.ts';
import { AppFunction } from './app-function.ts';
import type { Mail } from './mail.ts';

export interface JobsProps {
  readonly table: dynamodb.ITableV2;
  readonly mail: Mail;
}

export class Jobs extends Construct {
  readonly handler: AppFunction;
  readonly schedule: scheduler.Schedule;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: JobsProps) {
    super(scope, id);
    this.handler = new AppFunction(this, 'Handler', {
      entry: 'functions/lambda/jobs.ts',
      description:
        'PIAWAI scheduled tick: window transitions, reminders, daily report, outbox and export sweeps',
      // The export sweep builds whole files (like the export function) after the tick's own work; a run cut off by
      // the timeout costs its job an attempt. Ten minutes: still inside the 15-minute period, so two ticks never
      // overlap, and no longer than an export job's lease, so no job the sweep claimed is taken over mid-build.
      timeout: Duration.minutes(10),
      drawsPdfs: true,
    });
    this.handler.useTable(props.table, 'readWrite');
    // Reminders and the outbox sweep (messages the stream delivery left behind) send mail themselves.
    props.mail.use(this.handler, { send: true });

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter queue of the scheduler target; a DLQ of a DLQ adds nothing.',
    });

    this.schedule = new scheduler.Schedule(this, 'Tick', {
      description: 'PIAWAI jobs tick, every 15 minutes in Asia/Jakarta (WIB)',
      // One fact for both schedulers: functions/jobs/schedule.ts (croner runs the same tick locally).
      schedule: scheduler.ScheduleExpression.cron({
        minute: `0/${TICK_EVERY_MINUTES}`,
        timeZone: TimeZone.of(TICK_TIMEZONE),
      }),
      target: new targets.LambdaInvoke(this.handler, {
        role: this.schedulerRole(),
        deadLetterQueue: this.deadLetterQueue,
        // Ticks are idempotent and the next one catches up, so a few quick retries are enough.
        retryAttempts: 2,
        maxEventAge: Duration.minutes(10),
      }),
    });
  }

  /** The role Scheduler assumes; only schedules of this account may use it (confused-deputy guard). */
  private schedulerRole(): iam.Role {
    const stack = Stack.of(this);
    const role = new iam.Role(this, 'SchedulerRole', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
      description: 'EventBridge Scheduler invokes the PIAWAI jobs function',
    });
    const functionLogicalId = stack.getLogicalId(this.handler.node.defaultChild as lambda.CfnFunction);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${functionLogicalId}.Arn>:*]`,
      reason:
        'The wildcard covers versions and aliases of the one jobs function (lambda grantInvoke), nothing else.',
    });
    return role;
  }
}
