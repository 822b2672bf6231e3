// Lambda entry for SES bounce and complaint notifications arriving through SNS.

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SNSEvent } from 'aws-lambda';
import { loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { handleSesEvent } from '../jobs/ses-events.ts';

const deps = createDeps(loadConfig());

export const handler = middy(async (event: SNSEvent) => {
  for (const record of event.Records) {
    await handleSesEvent(deps, record.Sns.Message, record.Sns.MessageId);
  }
}).use(injectLambdaContext(deps.logger));
