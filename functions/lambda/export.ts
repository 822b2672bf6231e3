// Lambda entry of export jobs: the table's stream says an export job was requested (INSERT of an
// ExportJob item); each record's job is built here. A job that fails waits and is retried by the tick's
// sweep, so the stream only needs retries for a runner that could not even start.

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { runExportJob } from '../jobs/export-job.ts';

const config = loadConfig();
const deps = createDeps(config);

export const handler = middy(async (event: DynamoDBStreamEvent) => {
  const batchItemFailures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const id = record.dynamodb?.NewImage?.id?.S;
    if (!id) continue;
    try {
      await runExportJob(deps, id);
    } catch (error) {
      deps.logger.error('export runner failed', { error: error as Error, exportId: id });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? id });
    }
  }
  return { batchItemFailures };
}).use(injectLambdaContext(deps.logger));
