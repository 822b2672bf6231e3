// The HR board of a period at 100 and at 10,000 employees: its p50 must not grow with the headcount.
// The board reads counter rows (one per unit); here they are written directly, as the SKP transactions
// would leave them, because drafting 10,000 SKPs through the API is not what is being measured.

import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createApp } from '../../functions/api/app.ts';
import { createLocalAuth } from '../../functions/auth/local-auth.ts';
import { loadConfig } from '../../functions/config.ts';
import { keys } from '../../functions/db/keys.ts';
import { orgRepo } from '../../functions/db/repos/org-repo.ts';
import { createDeps } from '../../functions/deps.ts';
import { ensureTable } from '../../functions/local/create-table.ts';
import type { DynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { generateOrganisation } from '../../functions/local/synthetic-org.ts';
import { measure, percentile, round } from './stats.ts';

const PERIOD = '01JBENCHPER10D000000000000';

async function boardP50(dynamo: DynamoDbLocal, employees: number) {
  const config = loadConfig({
    TABLE_NAME: `board-${employees}`,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    LOG_LEVEL: 'SILENT',
  });
  const auth = await createLocalAuth(config);
  const deps = createDeps(config, { auth });
  await ensureTable(deps.db);
  const org = await generateOrganisation(deps, { employees });
  const { units } = await orgRepo.listUnits(deps.db);
  for (let i = 0; i < units.length; i += 25) {
    const rows = units.slice(i, i + 25).map((u) => ({
      PutRequest: {
        Item: {
          ...keys.stats(PERIOD, u.id),
          entity: 'SkpStats',
          unitId: u.id,
          DRAFT: 3,
          DIAJUKAN: 7,
          DISETUJUI: 15,
        },
      },
    }));
    await deps.db.doc.send(new BatchWriteCommand({ RequestItems: { [config.TABLE_NAME]: rows } }));
  }
  const app = createApp(deps);
  const token = await auth.issuer?.sign({
    subject: 'b',
    email: 'b@b',
    nama: 'B',
    employeeId: org.sampleEmployeeId,
    adminScope: 'ALL',
  });
  const call = async () => {
    const res = await app.request(`/api/periods/${PERIOD}/board?limit=50`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (res.status !== 200) throw new Error(`board ${res.status}`);
    await res.arrayBuffer();
  };
  await measure(50, 1, call);
  const samples = await measure(300, 1, call);
  return { employees: org.employees, units: units.length, p50: round(percentile(samples, 50)) };
}

export async function benchBoard(dynamo: DynamoDbLocal) {
  const small = await boardP50(dynamo, 100);
  const large = await boardP50(dynamo, 10_000);
  return { small, large, ratio: round(large.p50 / small.p50) };
}
