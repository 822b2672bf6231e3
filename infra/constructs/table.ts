// The one DynamoDB table, shaped by functions/db/schema.ts (the same constants create the local table).

import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { tableSchema } from '../../functions/db/schema.ts';

const stringKey = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });

/**
 * TableV2 (AWS::DynamoDB::GlobalTable) rather than Table: it is the current L2, and a replica region (for
 * disaster recovery) can be added later without replacing the table, which a Table → TableV2 move would need.
 */
export class AppTable extends dynamodb.TableV2 {
  constructor(scope: Construct, id: string) {
    super(scope, id, {
      partitionKey: stringKey(tableSchema.partitionKey),
      sortKey: stringKey(tableSchema.sortKey),
      globalSecondaryIndexes: tableSchema.indexes.map((index) => ({
        indexName: index.name,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        // Overloaded generic indexes serve many entities; ALL spares a GetItem after every index Query.
        projectionType: dynamodb.ProjectionType.ALL,
      })),
      billing: dynamodb.Billing.onDemand(),
      timeToLiveAttribute: tableSchema.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      // HR records outlive any stack: deleting the stack must never delete the data.
      removalPolicy: RemovalPolicy.RETAIN,
      // The aws/dynamodb key: encrypted at rest with key use visible in CloudTrail, no key to manage.
      encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
      // NEW_IMAGE feeds outbox delivery (stream → "deliver" function → SES).
      dynamoStream: dynamodb.StreamViewType.NEW_IMAGE,
    });
  }
}
