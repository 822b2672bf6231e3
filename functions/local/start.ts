// `npm start`: DynamoDB Local (persistent under the data dir), table, demo seed on first run, API + site, tick.

import { join } from 'node:path';
import { Cron } from 'croner';
import { createLocalAuth } from '../auth/local-auth.ts';
import { loadConfig } from '../config.ts';
import { createDeps, defaultMail } from '../deps.ts';
import { inProcessDelivery } from '../jobs/deliver-mail.ts';
import { inProcessExports } from '../jobs/export-job.ts';
import { TICK_TIMEZONE, tickCron } from '../jobs/schedule.ts';
import { runTick } from '../jobs/tick.ts';
import { importEmployees } from '../services/import-service.ts';
import { ensureTable } from './create-table.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { localPepper } from './mail-pepper.ts';
import { seedDemo } from './seed.ts';
import { createLocalApp, listen } from './server.ts';

const config = loadConfig({ ...process.env, PIAWAI_ENV: 'local' });
const releaseLock = acquireDataDirLock(config.PIAWAI_DATA_DIR);
const dynamo = await startDynamoDbLocal({ dataDir: join(config.PIAWAI_DATA_DIR, 'dynamodb') });
const auth = await createLocalAuth(config, join(config.PIAWAI_DATA_DIR, 'auth-signing-key.json'));
const pepper = localPepper(join(config.PIAWAI_DATA_DIR, 'mail-token-pepper'));
const deps = createDeps(
  { ...config, DYNAMODB_ENDPOINT: dynamo.endpoint },
  { auth, mail: { ...defaultMail(config), pepper: () => pepper }, employeeImport: importEmployees },
);
let origin = `http://localhost:${config.PORT}`;
// Mail leaves right after the change that wrote it (the tick's sweep retries what failed).
const delivery = inProcessDelivery(deps, () => origin);
deps.mail.kick = delivery.kick;
// Exports start as soon as they are asked for (the tick's sweep takes what a crash left behind).
const exportsRunner = inProcessExports(deps);
deps.exports.kick = exportsRunner.kick;

if ((await ensureTable(deps.db)) === 'created') console.log(`Tabel ${config.TABLE_NAME} dibuat.`);
const seeded = await seedDemo(deps);
console.log(seeded > 0 ? `Organisasi demo diisi: ${seeded} pegawai.` : 'Data sudah ada; tidak diisi ulang.');

const tick = new Cron(tickCron, { timezone: TICK_TIMEZONE, protect: true }, async () => {
  await runTick(deps, new Date(), { origin });
});

const listening = await listen(createLocalApp(deps, 'web/dist'), config.PORT).catch(async (error: Error) => {
  console.error(error.message);
  tick.stop();
  await dynamo.stop();
  releaseLock();
  process.exit(1);
});
const { server, port } = listening;
origin = `http://localhost:${port}`;
delivery.kick();
exportsRunner.kick();
console.log(
  `PIAWAI berjalan di http://localhost:${port}  (masuk: /masuk/, kotak keluar: /kotak-keluar/, API: /api, dokumentasi: /referensi-api/)`,
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
