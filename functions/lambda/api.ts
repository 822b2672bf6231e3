// Lambda entry of the HTTP API: the Hono app behind API Gateway, wrapped by middy for Lambda concerns only.

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { handle } from 'hono/aws-lambda';
import { createApp } from '../api/app.ts';
import { assertHostedMail, assertHostedSignIn, loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { pepperFromSecretsManager } from './mail-secrets.ts';

const config = loadConfig();
assertHostedSignIn(config);
assertHostedMail(config);
const deps = createDeps(config);

export const handler = middy(handle(createApp(deps)))
  .use(injectLambdaContext(deps.logger, { resetKeys: true }))
  .use(pepperFromSecretsManager(config));
