// `npm start`: DynamoDB Local (persistent under the data dir), table, demo seed on first run, API + site, tick.

import { join } from 'node:path';
import { Cron } from 'croner';
import { createLocalAuth } from '../auth/local-auth.ts';
import { loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { TICK_TIMEZONE, tickCron } from '../jobs/schedule.ts';
import { runTick } from '../jobs/tick.ts';
import { ensureTable } from './create-table.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { seedDemo } from './seed.ts';
import { createLocalApp, listen } from './server.ts';

const config = loadConfig({ ...process.env, PIAWAI_ENV: 'local' });
const releaseLock = acquireDataDirLock(config.PIAWAI_DATA_DIR);
const dynamo = await startDynamoDbLocal({ dataDir: join(config.PIAWAI_DATA_DIR, 'dynamodb') });
const auth = await createLocalAuth(config, join(config.PIAWAI_DATA_DIR, 'auth-signing-key.json'));
const deps = createDeps({ ...config, DYNAMODB_ENDPOINT: dynamo.endpoint }, { auth });

if ((await ensureTable(deps.db)) === 'created') console.log(`Tabel ${config.TABLE_NAME} dibuat.`);
const seeded = await seedDemo(deps);
console.log(seeded > 0 ? `Organisasi demo diisi: ${seeded} pegawai.` : 'Data sudah ada; tidak diisi ulang.');

const tick = new Cron(tickCron, { timezone: TICK_TIMEZONE, protect: true }, async () => {
  await runTick(deps, new Date());
});

const listening = await listen(createLocalApp(deps, 'web/dist'), config.PORT).catch(async (error: Error) => {
  console.error(error.message);
  tick.stop();
  await dynamo.stop();
  releaseLock();
  process.exit(1);
});
const { server, port } = listening;
console.log(
  `PIAWAI berjalan di http://localhost:${port}  (masuk: /masuk/, API: /api, dokumentasi: /referensi-api/)`,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  tick.stop();
  server.close();
  await dynamo.stop();
  releaseLock();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
