// Claiming work with a lease (outbox messages, export jobs): one conditional update takes an item that is
// waiting and due, or whose previous claim ran out (its runner died), and moves its due-index entry to the
// lease's end so the sweep sees it again only if this claim dies too.

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.ts';
import type { Key } from './keys.ts';

export interface LeaseClaim {
  key: Key;
  id: string;
  /** Status values: the waiting one and the one held while the claim runs. */
  waiting: string;
  running: string;
  claimId: string;
  now: Date;
  leaseMs: number;
}

/** The claimed item (all attributes after the update), or null when someone else holds it or it is done. */
export async function claimWithLease(db: Db, claim: LeaseClaim): Promise<Record<string, unknown> | null> {
  const leaseUntil = new Date(claim.now.getTime() + claim.leaseMs).toISOString();
  try {
    const result = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: claim.key,
        UpdateExpression:
          'SET #status = :running, claimId = :claim, leaseUntil = :lease, gsi3sk = :sk ADD attempts :one',
        ConditionExpression:
          '(#status = :waiting AND dueAt <= :now) OR (#status = :running AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':running': claim.running,
          ':waiting': claim.waiting,
          ':claim': claim.claimId,
          ':lease': leaseUntil,
          ':sk': `${leaseUntil}#${claim.id}`,
          ':one': 1,
          ':now': claim.now.toISOString(),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes ?? {};
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return null;
    throw error;
  }
}
