// CDK entry point (cdk.json runs `node infra/app.ts`): build the app, synthesize it with the cdk-nag checks.

import { buildApp } from './build-app.ts';

buildApp().app.synth();
