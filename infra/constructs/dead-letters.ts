// The dead-letter queue every asynchronous consumer gets: encrypted, TLS-only, kept 14 days, alarmed at once.

import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface DeadLetterQueueOptions {
  /** What landed here and what the operator should do about it. */
  readonly alarmDescription: string;
}

/** An encrypted, TLS-only queue kept 14 days, with an alarm (`<id>Alarm`) as soon as anything lands in it. */
export function alarmedDeadLetterQueue(
  scope: Construct,
  id: string,
  options: DeadLetterQueueOptions,
): sqs.Queue {
  const queue = new sqs.Queue(scope, id, {
    encryption: sqs.QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason:
      'This queue is itself a dead-letter destination (of a Lambda function); a DLQ of a DLQ adds nothing.',
  });
  new cloudwatch.Alarm(scope, `${id}Alarm`, {
    alarmDescription: options.alarmDescription,
    metric: queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(5),
      statistic: cloudwatch.Stats.MAXIMUM,
    }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });
  return queue;
}
