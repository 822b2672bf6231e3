// Lambda entry of the scheduled jobs: EventBridge Scheduler only says "tick"; the job bodies decide what is due.

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { assertHostedMail, loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { runTick } from '../jobs/tick.ts';
import { pepperFromSecretsManager } from './mail-secrets.ts';

const config = loadConfig();
assertHostedMail(config);
const deps = createDeps(config);

export const handler = middy(async () => runTick(deps, new Date(), { origin: config.PUBLIC_ORIGIN ?? '' }))
  .use(injectLambdaContext(deps.logger))
  .use(pepperFromSecretsManager(config));
