// Mail delivery in AWS: new outbox items on the table stream go to the deliver function, which sends them with SES;
// SES's bounce and complaint events come back through the mail topic to the ses-events function.

import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SnsEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { AppFunction } from './app-function.ts';
import { alarmedDeadLetterQueue } from './dead-letters.ts';
import type { Mail } from './mail.ts';

export interface DeliveryProps {
  readonly table: dynamodb.ITableV2;
  readonly mail: Mail;
  /** The site's origin (`https://<distribution domain>`): the links in the mail point at it. */
  readonly publicOrigin: string;
}

/** The `entity` of an outbox item: only the INSERT of one starts a delivery. */
export const outboxEntity = 'OutboxItem';

/** Stream records per invocation: with bisecting, one bad message never holds up more than a few good ones. */
export const deliveryBatchSize = 10;

export class Delivery extends Construct {
  /** Sends new outbox items (functions/lambda/deliver.ts). */
  readonly deliver: AppFunction;
  /** Where the stream's failure records go once the retries are spent (the jobs sweep retries the items). */
  readonly deadLetterQueue: sqs.Queue;
  /** Marks addresses undeliverable on bounces and complaints (functions/lambda/ses-events.ts). */
  readonly sesEvents: AppFunction;
  /** SES events the ses-events function still failed on after Lambda's asynchronous retries. */
  readonly sesEventsDeadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: DeliveryProps) {
    super(scope, id);

    this.deliver = new AppFunction(this, 'Deliver', {
      entry: 'functions/lambda/deliver.ts',
      description: 'PIAWAI outbox delivery: new outbox items from the table stream, sent with SES',
      // A run sends whatever is due at the send rate (200 messages at 10 a second take 20 s); the rest is room
      // for a lower SES quota and throttling back-off.
      timeout: Duration.minutes(5),
      environment: { PUBLIC_ORIGIN: props.publicOrigin },
    });
    // Reads the message and its recipients, claims and settles it with conditional updates: no put, no delete.
    this.deliver.useTable(props.table, [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:UpdateItem',
    ]);
    props.mail.use(this.deliver, { send: true });

    this.deadLetterQueue = alarmedDeadLetterQueue(this, 'DeadLetters', {
      alarmDescription:
        'Outbox stream records failed delivery after every retry. The items stay due, so the jobs sweep retries ' +
        'them; read the failure records (shard and sequence numbers) and the deliver logs for the cause.',
    });
    this.deliver.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: deliveryBatchSize,
        bisectBatchOnError: true,
        retryAttempts: 3,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetterQueue),
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { entity: { S: lambda.FilterRule.isEqual(outboxEntity) } } },
          }),
        ],
      }),
    );

    this.sesEvents = new AppFunction(this, 'SesEvents', {
      entry: 'functions/lambda/ses-events.ts',
      description: 'PIAWAI SES bounces and complaints: marks the addresses undeliverable',
      timeout: Duration.seconds(30),
    });
    this.sesEvents.useTable(props.table, ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem']);
    this.sesEvents.addEventSource(new SnsEventSource(props.mail.eventsTopic));
    this.sesEventsDeadLetterQueue = alarmedDeadLetterQueue(this, 'SesEventsDeadLetters', {
      alarmDescription:
        'SES bounce or complaint events the ses-events function failed on after its retries: those addresses are ' +
        'not marked undeliverable (SES still suppresses them); read the events here and the function logs.',
    });
    // SNS invokes asynchronously: after Lambda's two retries the event is kept in the queue, not dropped.
    this.sesEvents.configureAsyncInvoke({
      retryAttempts: 2,
      onFailure: new destinations.SqsDestination(this.sesEventsDeadLetterQueue),
    });
  }
}
