// Lambda entry of the scheduled jobs: EventBridge Scheduler only says "tick"; the job bodies decide what is due.

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { runTick } from '../jobs/tick.ts';

const deps = createDeps(loadConfig());

export const handler = middy(async () => runTick(deps, new Date())).use(injectLambdaContext(deps.logger));
