// The whole local stack in this process: in-memory DynamoDB Local, a fresh table, the demo seed, API + built site,
// with the development sign-in (local token issuer, key kept in memory) as `npm start` has it.

import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createLocalAuth } from '../../functions/auth/local-auth.ts';
import { loadConfig } from '../../functions/config.ts';
import { createDeps, type Deps, defaultMail } from '../../functions/deps.ts';
import { inProcessDelivery } from '../../functions/jobs/deliver-mail.ts';
import { inProcessExports } from '../../functions/jobs/export-job.ts';
import { ensureTable } from '../../functions/local/create-table.ts';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { localPepper } from '../../functions/local/mail-pepper.ts';
import { seedDemo } from '../../functions/local/seed.ts';
import { createLocalApp, listen } from '../../functions/local/server.ts';
import { importEmployees } from '../../functions/services/import-service.ts';

export const siteDir = resolve(import.meta.dirname, '../../web/dist');

export interface LocalStack {
  baseUrl: string;
  /** Where the outbox transport writes `.eml` files. */
  outboxDir: string;
  /** Resolves when in-process mail delivery has nothing left to do. */
  mailIdle: () => Promise<void>;
  deps: Deps;
  /** How many employees the demo seed created. */
  employees: number;
  stop: () => Promise<void>;
}

export async function startLocalStack(): Promise<LocalStack> {
  if (!existsSync(resolve(siteDir, 'index.html'))) {
    throw new Error(
      `Situs belum dibangun: ${siteDir}/index.html tidak ada. Jalankan dulu: npm run build:web`,
    );
  }
  const dynamo = await startDynamoDbLocal();
  try {
    const dataDir = await mkdtemp(join(tmpdir(), 'piawai-e2e-'));
    const config = loadConfig({
      PIAWAI_ENV: 'local',
      PIAWAI_DATA_DIR: dataDir,
      TABLE_NAME: `e2e-${process.pid}`,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      LOG_LEVEL: 'SILENT',
      // Every test signs in through /masuk/ from the same address; the default 20 a minute is for people.
      SIGN_IN_RATE_PER_MINUTE: '1000',
    });
    const auth = await createLocalAuth(config);
    const pepper = localPepper();
    const deps = createDeps(config, {
      auth,
      mail: { ...defaultMail(config), pepper: () => pepper },
      employeeImport: importEmployees,
    });
    let baseUrl = '';
    const delivery = inProcessDelivery(deps, () => baseUrl);
    deps.mail.kick = delivery.kick;
    const exportsRunner = inProcessExports(deps);
    deps.exports.kick = exportsRunner.kick;
    await ensureTable(deps.db);
    const employees = await seedDemo(deps);
    const { server, port } = await listen(createLocalApp(deps, siteDir), 0);
    baseUrl = `http://127.0.0.1:${port}`;
    return {
      baseUrl,
      outboxDir: join(dataDir, 'outbox'),
      mailIdle: delivery.idle,
      deps,
      employees,
      stop: async () => {
        await new Promise<void>((done) => server.close(() => done()));
        await dynamo.stop();
      },
    };
  } catch (error) {
    await dynamo.stop();
    throw error;
  }
}
