// Bundle size and cold-load time of the api Lambda, next to a bare Hono hello-world built the same way.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { lambdaBundling, projectRoot } from '../../infra/constructs/app-function.ts';
import { median } from './stats.ts';

const HELLO = `import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
export const handler = handle(new Hono().get('/', (c) => c.text('halo')));
`;

async function bundle(entry: string, outdir: string): Promise<string> {
  const { logLevel: _quiet, ...options } = lambdaBundling;
  const outfile = join(outdir, 'index.mjs');
  await build({
    ...options,
    mainFields: [...options.mainFields],
    external: [...options.external],
    entryPoints: [entry],
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** Milliseconds from process start of `import()` to a ready handler, in a fresh Node process each run. */
function coldLoadMs(file: string, runs: number): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: projectRoot,
      env: {
        ...process.env,
        PIAWAI_ENV: 'aws',
        TABLE_NAME: 'bench',
        AWS_REGION: 'ap-southeast-3',
        LOG_LEVEL: 'SILENT',
        // The API refuses to start in AWS without its sign-in settings; any well-formed values do here.
        AUTH_ISSUER: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_Bench',
        AUTH_AUDIENCE: 'bench',
        AUTH_DOMAIN_URL: 'https://bench.auth.ap-southeast-3.amazoncognito.com',
        MAIL_TRANSPORT: 'ses',
        MAIL_TOKEN_SECRET_ARN: 'arn:aws:secretsmanager:ap-southeast-3:111111111111:secret:bench',
        NODE_PATH: join(projectRoot, 'node_modules'),
      },
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`cold load failed: ${result.stderr.split('\n').slice(-8).join('\n').slice(-2000)}`);
    times.push(Number(result.stdout.trim()));
  }
  return median(times);
}

export async function benchBundle() {
  const work = mkdtempSync(join(tmpdir(), 'piawai-bundle-'));
  const helloEntry = join(projectRoot, 'test/bench/.hello-entry.ts');
  writeFileSync(helloEntry, HELLO);
  // The bundles live inside the project so that `@aws-sdk/*` (external, as in Lambda) resolves from node_modules.
  const apiOut = await bundle(
    join(projectRoot, 'functions/lambda/api.ts'),
    join(projectRoot, 'test/bench/.out-api'),
  );
  const helloOut = await bundle(helloEntry, join(projectRoot, 'test/bench/.out-hello'));
  const sdkEntry = join(projectRoot, 'test/bench/.out-sdk/index.mjs');
  mkdirSync(dirname(sdkEntry), { recursive: true });
  writeFileSync(sdkEntry, "import '@aws-sdk/client-dynamodb'; import '@aws-sdk/lib-dynamodb';\n");
  const runs = 7;
  const apiCold = coldLoadMs(apiOut, runs);
  const helloCold = coldLoadMs(helloOut, runs);
  return {
    apiBundleKb: Math.round(statSync(apiOut).size / 102.4) / 10,
    helloBundleKb: Math.round(statSync(helloOut).size / 102.4) / 10,
    apiColdLoadMs: Math.round(apiCold * 10) / 10,
    helloColdLoadMs: Math.round(helloCold * 10) / 10,
    coldLoadRatio: Math.round((apiCold / helloCold) * 100) / 100,
    // What the runtime-provided AWS SDK alone costs to load: most of the api's cold load.
    sdkOnlyColdLoadMs: Math.round(coldLoadMs(sdkEntry, runs) * 10) / 10,
    work,
  };
}
