// `npm run seed -- --employees 10000 [--data-dir .data-synthetic]`: a large synthetic ministry for benchmarks.

import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createDeps } from '../deps.ts';
import { ensureTable } from './create-table.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import { setMarker } from './seed.ts';
import { generateOrganisation } from './synthetic-org.ts';

const { values } = parseArgs({
  options: {
    employees: { type: 'string', default: '10000' },
    'data-dir': { type: 'string', default: '.data-synthetic' },
  },
});
const employees = Number(values.employees);
if (!Number.isInteger(employees) || employees < 20 || employees > 200_000) {
  console.error('--employees harus bilangan bulat antara 20 dan 200000.');
  process.exit(2);
}
const dataDir = values['data-dir'];
const config = loadConfig({ ...process.env, PIAWAI_ENV: 'local', PIAWAI_DATA_DIR: dataDir });
const releaseLock = acquireDataDirLock(dataDir);
const dynamo = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
try {
  const deps = createDeps({ ...config, DYNAMODB_ENDPOINT: dynamo.endpoint });
  if ((await ensureTable(deps.db)) === 'existing') {
    throw new Error(`Folder ${dataDir} sudah berisi data; pilih --data-dir lain atau hapus folder itu.`);
  }
  const started = Date.now();
  const org = await generateOrganisation(deps, {
    employees,
    onProgress: (done, total) => process.stdout.write(`\r${done}/${total} pegawai`),
  });
  await setMarker(deps, 'done', org.employees, 'synthetic');
  console.log(
    `\n${org.employees} pegawai dalam ${org.units} unit dibuat dalam ${((Date.now() - started) / 1000).toFixed(1)} s.`,
  );
  console.log(`Jalankan: PIAWAI_DATA_DIR=${dataDir} npm start`);
} finally {
  await dynamo.stop();
  releaseLock();
}
