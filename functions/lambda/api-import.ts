// Lambda entry of the employee CSV import (POST /api/employees/import, routed here by the gateway): the same
// Hono app as the api Lambda, given the importer — csv-parse and the row checks stay out of the api bundle.

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { handle } from 'hono/aws-lambda';
import { createApp } from '../api/app.ts';
import { assertHostedSignIn, loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { importEmployees } from '../services/import-service.ts';

const config = loadConfig();
assertHostedSignIn(config);
const deps = createDeps(config, { employeeImport: importEmployees });

// An import creates employees only: it queues no mail, so it needs neither the link pepper nor SES.
export const handler = middy(handle(createApp(deps))).use(
  injectLambdaContext(deps.logger, { resetKeys: true }),
);
