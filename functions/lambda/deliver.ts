// Lambda entry of mail delivery: the table's stream says an outbox item was written; deliver what is due.
// Every record of a batch triggers the same sweep, so one run covers them all; a failed run is retried
// by the event source (and lands in the DLQ after its retries), and the scheduled sweep picks up the rest.

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { assertHostedMail, loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { deliverDue } from '../jobs/deliver-mail.ts';
import { pepperFromSecretsManager } from './mail-secrets.ts';

const config = loadConfig();
assertHostedMail(config);
const deps = createDeps(config);
const origin = config.PUBLIC_ORIGIN ?? '';

export const handler = middy(async () => {
  const report = await deliverDue(deps, { origin, maxMessages: 200 });
  return { batchItemFailures: [], ...report };
})
  .use(injectLambdaContext(deps.logger))
  .use(pepperFromSecretsManager(config));
