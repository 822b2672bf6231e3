// Child process for the latency benchmark: the real app (no site) on a free port, over a given table.

import { serve } from '@hono/node-server';
import { createApp } from '../../functions/api/app.ts';
import { createLocalAuth } from '../../functions/auth/local-auth.ts';
import { loadConfig } from '../../functions/config.ts';
import { createDeps } from '../../functions/deps.ts';

const config = loadConfig({ ...process.env, PIAWAI_ENV: 'local', LOG_LEVEL: 'SILENT' });
const deps = createDeps(config, { auth: await createLocalAuth(config, process.env.BENCH_KEY_FILE) });
serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`${info.port}\n`);
});
