// A large synthetic ministry for benchmarks: N employees in units of ~25, each unit with its head.

import type { EmployeeCreate } from '../../shared/contract/employees.ts';
import type { OrgUnit, Position } from '../../shared/domain/org/types.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { employeeRepo, employeeToItem, freshEmployee } from '../db/repos/employee-repo.ts';
import { claimUnique, writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { createEmployeesInChunks, type NewEmployee } from '../services/bulk-create.ts';
import { auditContext } from '../services/context.ts';
import { setAdminScope } from '../services/employee-service.ts';
import { unitCreated } from '../services/unit-service.ts';
import { emailFor, fictitiousNip, personName, seededRandom } from './people.ts';
import { seedContext } from './seed.ts';

export interface SyntheticOrg {
  units: number;
  employees: number;
  rootId: string;
  /** A unit of ordinary size, for benchmarks of a member list. */
  sampleUnitId: string;
  sampleEmployeeId: string;
}

const PEOPLE_PER_UNIT = 25;
const ESELON_I_UNITS = 8;

interface PlannedUnit {
  unit: Omit<OrgUnit, 'version'>;
  head: Omit<Position, 'version'>;
  staff: Omit<Position, 'version'>[];
  headPerson: NewEmployee;
}

/** Runs `work` over items with at most `concurrency` in flight. */
async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

export async function generateOrganisation(
  deps: Deps,
  options: { employees: number; seed?: number; onProgress?: (done: number, total: number) => void },
): Promise<SyntheticOrg> {
  const random = seededRandom(options.seed ?? 7);
  const ctx = auditContext(deps, seedContext(`synthetic-${deps.newId()}`));
  let n = 0;
  const person = (
    unitId: string,
    positionId: string,
    status: 'PNS' | 'PEJABAT_NEGARA' = 'PNS',
  ): NewEmployee => {
    n += 1;
    const nama = personName(random);
    const input: EmployeeCreate = {
      nip: status === 'PEJABAT_NEGARA' ? null : fictitiousNip(n, random, 'PNS'),
      nama,
      status,
      pangkatGolongan: status === 'PEJABAT_NEGARA' ? null : 'Penata / III-c',
      email: emailFor(nama, n),
      unitId,
      positionId,
    };
    return { id: deps.newId(), input };
  };
  const plan = (
    kode: string,
    nama: string,
    level: OrgUnit['level'],
    parentId: string | null,
  ): PlannedUnit => {
    const id = deps.newId();
    const head: Omit<Position, 'version'> = {
      id: deps.newId(),
      unitId: id,
      nama: `Kepala ${nama}`,
      jenis: level === 'KEMENTERIAN' ? 'PEJABAT_NEGARA' : level === 'ESELON_I' ? 'JPT_MADYA' : 'JPT_PRATAMA',
      jenjang: null,
      memimpinUnit: true,
    };
    const headPerson = person(id, head.id, level === 'KEMENTERIAN' ? 'PEJABAT_NEGARA' : 'PNS');
    const staff: Omit<Position, 'version'>[] = [
      {
        id: deps.newId(),
        unitId: id,
        nama: 'Analis Kebijakan Ahli Muda',
        jenis: 'FUNGSIONAL',
        jenjang: 'AHLI_MUDA',
        memimpinUnit: false,
      },
      {
        id: deps.newId(),
        unitId: id,
        nama: 'Pengolah Data dan Informasi',
        jenis: 'PELAKSANA',
        jenjang: null,
        memimpinUnit: false,
      },
    ];
    return { unit: { id, kode, nama, level, parentId, kepalaId: headPerson.id }, head, staff, headPerson };
  };

  // One transaction per unit: the unit (with its head set), its positions, its head and the claims.
  const writeUnit = async ({ unit, head, staff, headPerson }: PlannedUnit) => {
    const conflict = new DomainError('import.conflict', `Data sintetis bertabrakan di ${unit.kode}.`);
    await writeChanges(
      deps.db,
      [
        unitCreated(unit),
        ...[head, ...staff].map((p) => ({
          kind: 'create' as const,
          key: keys.position(unit.id, p.id),
          entity: 'Position',
          action: 'position.created',
          item: { ...p },
        })),
        {
          kind: 'create',
          key: keys.employee(headPerson.id),
          entity: 'Employee',
          action: 'employee.created',
          item: employeeToItem(freshEmployee(headPerson.id, headPerson.input)),
        },
      ],
      ctx,
      [
        claimUnique(deps.db, keys.unitKode(unit.kode), unit.id, conflict),
        claimUnique(deps.db, keys.emailUnique(headPerson.input.email), headPerson.id, conflict),
        ...(headPerson.input.nip
          ? [claimUnique(deps.db, keys.nipUnique(headPerson.input.nip), headPerson.id, conflict)]
          : []),
      ],
    );
  };

  const unitCount = Math.max(ESELON_I_UNITS + 2, Math.ceil(options.employees / PEOPLE_PER_UNIT));
  const root = plan('SIM', 'Kementerian Simulasi', 'KEMENTERIAN', null);
  await writeUnit(root);
  const eselonI = Array.from({ length: ESELON_I_UNITS }, (_, i) =>
    plan(`SIM.${i + 1}`, `Deputi Simulasi ${i + 1}`, 'ESELON_I', root.unit.id),
  );
  await inParallel(eselonI, 8, writeUnit);
  const eselonII = Array.from({ length: unitCount - 1 - ESELON_I_UNITS }, (_, i) => {
    const parent = eselonI[i % ESELON_I_UNITS] as PlannedUnit;
    return plan(
      `${parent.unit.kode}.${Math.floor(i / ESELON_I_UNITS) + 1}`,
      `Biro Simulasi ${i + 1}`,
      'ESELON_II',
      parent.unit.id,
    );
  });
  await inParallel(eselonII, 8, writeUnit);

  const staffCount = Math.max(0, options.employees - unitCount);
  const staff = Array.from({ length: staffCount }, (_, i) => {
    const home = eselonII[i % eselonII.length] as PlannedUnit;
    const position = home.staff[i % home.staff.length] as Omit<Position, 'version'>;
    return person(home.unit.id, position.id);
  });
  const batch = 24 * 20;
  for (let i = 0; i < staff.length; i += batch) {
    await createEmployeesInChunks(deps, staff.slice(i, i + batch), ctx, {
      action: 'employee.created',
      concurrency: 8,
    });
    options.onProgress?.(unitCount + Math.min(i + batch, staff.length), options.employees);
  }
  // An HR admin to sign in as (the demo sign-in's admin@piawai.test), so the synthetic org can be browsed.
  const hrHome = eselonII[0] as PlannedUnit;
  const admin = person(hrHome.unit.id, (hrHome.staff[0] as Omit<Position, 'version'>).id);
  admin.input = { ...admin.input, nama: 'Admin SDM Simulasi', email: 'admin@piawai.test' };
  await createEmployeesInChunks(deps, [admin], ctx, { action: 'employee.created' });
  const stored = await employeeRepo.get(deps.db, admin.id);
  if (stored)
    await setAdminScope(
      deps,
      admin.id,
      { version: stored.version, adminScope: 'ALL' },
      seedContext(ctx.requestId),
    );
  const sample = eselonII[0] as PlannedUnit;
  return {
    units: unitCount,
    employees: unitCount + staffCount + 1,
    rootId: root.unit.id,
    sampleUnitId: sample.unit.id,
    sampleEmployeeId: staff[0]?.id ?? sample.headPerson.id,
  };
}
