// Starts DynamoDB Local once per test run (in memory) and hands its endpoint to every test file.

import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoDbEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const local = await startDynamoDbLocal();
  project.provide('dynamoDbEndpoint', local.endpoint);
  return () => local.stop();
}
