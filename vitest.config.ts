import { defineConfig } from 'vitest/config';

// One config, four projects (conventions.md): unit is pure; integration talks HTTP to the app over
// DynamoDB Local (started once per run in the global setup); infra synthesizes the real CDK app;
// e2e drives the built site in Debian's Chromium. The slow project (fuzz, faults, load, crash) runs only
// through `npm run test:slow`, which `.ci/run` also runs.
const slow = {
  test: {
    name: 'slow',
    include: ['test/slow/**/*.test.ts'],
    globalSetup: ['test/helpers/dynamodb-global-setup.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
};

export default defineConfig({
  test: {
    projects: [
      ...(process.env.PIAWAI_SLOW === '1' ? [slow] : []),
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/helpers/dynamodb-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
