// Seeds the demo organisation once (through the same services the API uses), and the 2025 period.

import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../db/keys.ts';
import type { Deps } from '../deps.ts';
import type { RequestContext } from '../services/context.ts';
import { createEmployee, setAdminScope } from '../services/employee-service.ts';
import { getEmployeeByEmail } from '../services/identity-service.ts';
import { createPeriod } from '../services/period-service.ts';
import { createActing, createPosition } from '../services/position-service.ts';
import { createUnit } from '../services/unit-service.ts';
import { demoAccounts, demoUnits } from './demo-org.ts';
import { emailFor, fictitiousNip, personName, seededRandom } from './people.ts';

export const seedContext = (requestId: string): RequestContext => ({
  actor: { id: 'sistem', nama: 'Pengisian data awal' },
  channel: 'seed',
  requestId,
});

/** A unit whose head post is vacant in the demo, filled by a Plt (to show acting officials). */
const VACANT_UNIT = 'SESMEN.PUSBINAKS';
const PLT_FROM_UNIT = 'SESMEN.INSP';

async function marker(deps: Deps): Promise<string | null> {
  const result = await deps.db.doc.send(
    new GetCommand({ TableName: deps.db.tableName, Key: keys.seedMarker() }),
  );
  return (result.Item?.status as string | undefined) ?? null;
}

/** Records that this store is seeded (demo or synthetic), so `npm start` never seeds it again. */
export async function setMarker(
  deps: Deps,
  status: 'started' | 'done',
  employees?: number,
  kind: 'demo' | 'synthetic' = 'demo',
) {
  await deps.db.doc.send(
    new PutCommand({
      TableName: deps.db.tableName,
      Item: {
        ...keys.seedMarker(),
        entity: 'SeedMarker',
        status,
        kind,
        employees,
        at: deps.clock.now().toISOString(),
      },
    }),
  );
}

/** Seeds only into an empty store; returns how many employees were created (0 when already seeded). */
export async function seedDemo(deps: Deps): Promise<number> {
  const state = await marker(deps);
  if (state === 'done') return 0;
  if (state === 'started') {
    throw new Error(
      'Pengisian data demo sebelumnya terhenti di tengah jalan. Hapus folder data lalu jalankan lagi.',
    );
  }
  await setMarker(deps, 'started');
  const ctx = seedContext(`seed-${deps.newId()}`);
  const random = seededRandom(2025);
  const unitIds = new Map<string, string>();
  let people = 0;
  const usedAccounts = new Set<string>();

  const addPerson = async (
    unitKode: string,
    unitId: string,
    positionId: string,
    positionNama: string,
    pppk = false,
  ) => {
    people += 1;
    const account = demoAccounts.find(
      (a) => a.unit === unitKode && a.position === positionNama && !usedAccounts.has(a.email),
    );
    if (account) usedAccounts.add(account.email);
    const isMinister = unitKode === 'KSN';
    const nama = account?.nama ?? personName(random);
    const status = isMinister ? 'PEJABAT_NEGARA' : pppk ? 'PPPK' : 'PNS';
    return createEmployee(
      deps,
      {
        nip: isMinister ? null : fictitiousNip(people, random, pppk ? 'PPPK' : 'PNS'),
        nama,
        status,
        pangkatGolongan: isMinister ? null : pppk ? 'PPPK Golongan IX' : 'Penata / III-c',
        email: account?.email ?? emailFor(nama, people),
        unitId,
        positionId,
      },
      ctx,
    );
  };

  const heads = new Map<string, string>();
  for (const unit of demoUnits) {
    const parentId = unit.parent ? (unitIds.get(unit.parent) ?? null) : null;
    const created = await createUnit(
      deps,
      { kode: unit.kode, nama: unit.nama, level: unit.level, parentId },
      ctx,
    );
    unitIds.set(unit.kode, created.id);
    const head = await createPosition(deps, created.id, { ...unit.head, jenjang: null }, ctx);
    if (unit.kode !== VACANT_UNIT) {
      heads.set(unit.kode, (await addPerson(unit.kode, created.id, head.id, unit.head.nama)).id);
    }
    for (const staff of unit.staff ?? []) {
      const position = await createPosition(
        deps,
        created.id,
        { nama: staff.nama, jenis: staff.jenis, jenjang: staff.jenjang ?? null },
        ctx,
      );
      for (let i = 0; i < staff.count; i += 1) {
        await addPerson(unit.kode, created.id, position.id, staff.nama, staff.pppk === true);
      }
    }
  }
  // The HR admin demo account administers the whole ministry.
  const admin = await getEmployeeByEmail(deps, 'admin@piawai.test');
  await setAdminScope(deps, admin.id, { version: admin.version, adminScope: 'ALL' }, ctx);
  await createActing(
    deps,
    {
      employeeId: heads.get(PLT_FROM_UNIT) as string,
      unitId: unitIds.get(VACANT_UNIT) as string,
      jenis: 'PLT',
      mulai: '2025-01-01',
      selesai: '2026-12-31',
    },
    ctx,
  );
  await createPeriod(
    deps,
    {
      tahun: 2025,
      nama: 'Periode Kinerja 2025',
      mulai: '2025-01-01',
      selesai: '2025-12-31',
      cadence: 'TRIWULANAN',
    },
    ctx,
  );
  await setMarker(deps, 'done', people);
  return people;
}
