// Use-cases of employees: create, update (version-checked), read, list, and their assessor chain.

import type {
  AdminGrant,
  EmployeeCreate,
  EmployeeListQuery,
  EmployeeUpdate,
} from '../../shared/contract/employees.ts';
import type { Employee, OrgUnit } from '../../shared/domain/org/types.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import type { Page } from '../db/pagination.ts';
import { employeeFromItem, employeeRepo, employeeToItem, freshEmployee } from '../db/repos/employee-repo.ts';
import { orgRepo, positionFromItem, unitFromItem } from '../db/repos/org-repo.ts';
import {
  claimUnique,
  type EntityChange,
  type ExtraWrite,
  releaseUnique,
  type StoredItem,
  writeChanges,
} from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { auditContext, mustExist, notFound, type RequestContext, staleVersion, todayWib } from './context.ts';
import { assertIdentity } from './employee-identity.ts';
import { transferSkpChanges } from './skp-service.ts';
import { unitItem } from './unit-service.ts';

const nipTaken = (nip: string) =>
  new DomainError('employee.nip_taken', `NIP ${nip} sudah terdaftar.`, [
    { path: 'nip', message: 'NIP sudah terdaftar untuk pegawai lain.' },
  ]);
const emailTaken = (email: string) =>
  new DomainError('employee.email_taken', `Email ${email} sudah dipakai.`, [
    { path: 'email', message: 'Email sudah dipakai pegawai lain.' },
  ]);
const headTaken = () =>
  new DomainError('position.head_taken', 'Jabatan pimpinan unit ini sudah diisi pegawai lain.', [
    { path: 'positionId', message: 'Jabatan pimpinan unit sudah diisi; kosongkan dahulu.' },
  ]);
const positionNotInUnit = () =>
  new DomainError('position.not_found', 'Jabatan tidak ditemukan pada unit tersebut.', [
    { path: 'positionId', message: 'Pilih jabatan yang ada pada unit kerja pegawai.' },
  ]);

/** Reads the unit and position an employee is placed in, in one BatchGetItem. */
async function loadPlacement(deps: Deps, unitId: string, positionId: string, alsoUnitId?: string) {
  const wanted = [keys.unit(unitId), keys.position(unitId, positionId)];
  if (alsoUnitId) wanted.push(keys.unit(alsoUnitId));
  const found = await orgRepo.getStoredMany(deps.db, wanted);
  const at = (key: { pk: string; sk: string }) => found.get(`${key.pk}|${key.sk}`);
  const unit = at(keys.unit(unitId));
  if (!unit) {
    throw new DomainError('unit.not_found', 'Unit kerja tidak ditemukan.', [
      { path: 'unitId', message: 'Unit kerja tidak ditemukan.' },
    ]);
  }
  const position = at(keys.position(unitId, positionId));
  if (!position) throw positionNotInUnit();
  return {
    unit,
    position: positionFromItem(position),
    other: alsoUnitId ? at(keys.unit(alsoUnitId)) : undefined,
  };
}

const setKepala = (before: StoredItem, kepalaId: string | null): EntityChange => ({
  kind: 'update',
  before,
  action: kepalaId ? 'unit.head_assigned' : 'unit.head_vacated',
  item: unitItem({ ...unitFromItem(before), kepalaId }),
});

export async function createEmployee(
  deps: Deps,
  input: EmployeeCreate,
  ctx: RequestContext,
): Promise<Employee> {
  assertIdentity(input.nip, input.status, todayWib(deps));
  const { unit, position } = await loadPlacement(deps, input.unitId, input.positionId);
  const employee = freshEmployee(deps.newId(), input);
  const changes: EntityChange[] = [
    {
      kind: 'create',
      key: keys.employee(employee.id),
      entity: 'Employee',
      action: 'employee.created',
      item: employeeToItem(employee),
    },
  ];
  if (position.memimpinUnit) {
    if (unitFromItem(unit).kepalaId) throw headTaken();
    changes.push(setKepala(unit, employee.id));
  }
  const extras: ExtraWrite[] = [
    claimUnique(deps.db, keys.emailUnique(employee.email), employee.id, emailTaken(employee.email)),
  ];
  if (employee.nip)
    extras.push(claimUnique(deps.db, keys.nipUnique(employee.nip), employee.id, nipTaken(employee.nip)));
  const [audit] = await writeChanges(deps.db, changes, auditContext(deps, ctx), extras);
  const at = audit?.at ?? deps.clock.now().toISOString();
  return { ...employee, createdAt: at, updatedAt: at, version: 1 };
}

export async function getEmployee(deps: Deps, id: string): Promise<Employee> {
  const stored = await employeeRepo.get(deps.db, id);
  if (!stored) throw notFound('employee.not_found', 'Pegawai');
  return employeeFromItem(stored);
}

export const listEmployees = (deps: Deps, query: EmployeeListQuery): Promise<Page<Employee>> =>
  employeeRepo.list(deps.db, query);

/** Unit head bookkeeping when someone moves: vacate the old post, take the new one (never two holders). */
async function placementChanges(deps: Deps, current: Employee, next: Employee): Promise<EntityChange[]> {
  if (current.unitId === next.unitId && current.positionId === next.positionId) return [];
  const sameUnit = current.unitId === next.unitId;
  const { unit, position, other } = await loadPlacement(
    deps,
    next.unitId,
    next.positionId,
    sameUnit ? undefined : current.unitId,
  );
  const newUnit: OrgUnit = unitFromItem(unit);
  const oldStored = sameUnit ? unit : other;
  const wasLeading = oldStored !== undefined && unitFromItem(oldStored).kepalaId === current.id;
  const changes: EntityChange[] = [];
  if (sameUnit) {
    if (wasLeading && !position.memimpinUnit) changes.push(setKepala(unit, null));
    if (!wasLeading && position.memimpinUnit) {
      if (newUnit.kepalaId) throw headTaken();
      changes.push(setKepala(unit, current.id));
    }
    return changes;
  }
  if (wasLeading && oldStored) changes.push(setKepala(oldStored, null));
  if (position.memimpinUnit) {
    if (newUnit.kepalaId) throw headTaken();
    changes.push(setKepala(unit, current.id));
  }
  return changes;
}

const unitsChangedBy = (changes: EntityChange[]): OrgUnit[] =>
  changes.flatMap((c) => (c.kind === 'update' && c.before.entity === 'Unit' ? [unitFromItem(c.item)] : []));

function overrideChecks(deps: Deps, id: string, next: Employee): ExtraWrite[] {
  const checks: ExtraWrite[] = [];
  for (const [path, value] of [
    ['penilaiOverrideId', next.penilaiOverrideId],
    ['atasanPenilaiOverrideId', next.atasanPenilaiOverrideId],
  ] as const) {
    if (value === null) continue;
    if (value === id) {
      throw new DomainError('request.invalid', 'Pegawai tidak dapat menilai dirinya sendiri.', [
        { path, message: 'Pilih pegawai lain sebagai penilai.' },
      ]);
    }
    checks.push(
      mustExist(
        deps.db.tableName,
        keys.employee(value),
        new DomainError('employee.not_found', 'Pegawai penilai tidak ditemukan.', [
          { path, message: 'Pegawai tidak ditemukan.' },
        ]),
      ),
    );
  }
  return checks;
}

export async function updateEmployee(
  deps: Deps,
  id: string,
  input: EmployeeUpdate,
  ctx: RequestContext,
): Promise<Employee> {
  const before = await employeeRepo.get(deps.db, id);
  if (!before) throw notFound('employee.not_found', 'Pegawai');
  if (before.version !== input.version) throw staleVersion();
  const current = employeeFromItem(before);
  const { version: _version, tmtJabatan, ...fields } = input;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const next: Employee = { ...current, ...defined, email: (input.email ?? current.email).toLowerCase() };

  const placement = await placementChanges(deps, current, next);
  const moved = current.unitId !== next.unitId || current.positionId !== next.positionId;
  const transfer = moved
    ? await transferSkpChanges(deps, next, tmtJabatan ?? todayWib(deps), unitsChangedBy(placement))
    : { changes: [], extras: [] };
  const changes: EntityChange[] = [
    { kind: 'update', before, action: 'employee.updated', item: employeeToItem(next) },
    ...placement,
    ...transfer.changes,
  ];
  const extras = [...overrideChecks(deps, id, next), ...transfer.extras];
  if (next.email !== current.email) {
    extras.push(
      claimUnique(deps.db, keys.emailUnique(next.email), id, emailTaken(next.email)),
      releaseUnique(deps.db, keys.emailUnique(current.email), id),
    );
  }
  const [audit] = await writeChanges(deps.db, changes, auditContext(deps, ctx), extras);
  return { ...next, updatedAt: audit?.at ?? next.updatedAt, version: current.version + 1 };
}

/** Grants, changes or revokes HR admin powers; audited like any change of the employee. */
export async function setAdminScope(
  deps: Deps,
  id: string,
  input: AdminGrant,
  ctx: RequestContext,
): Promise<Employee> {
  const before = await employeeRepo.get(deps.db, id);
  if (!before) throw notFound('employee.not_found', 'Pegawai');
  if (before.version !== input.version) throw staleVersion();
  const next: Employee = { ...employeeFromItem(before), adminScope: input.adminScope };
  const extras =
    input.adminScope === null || input.adminScope === 'ALL'
      ? []
      : input.adminScope.map((unitId) =>
          mustExist(deps.db.tableName, keys.unit(unitId), notFound('unit.not_found', 'Unit')),
        );
  const [audit] = await writeChanges(
    deps.db,
    [
      {
        kind: 'update',
        before,
        action: input.adminScope ? 'employee.admin_granted' : 'employee.admin_revoked',
        item: employeeToItem(next),
      },
    ],
    auditContext(deps, ctx),
    extras,
  );
  return { ...next, updatedAt: audit?.at ?? next.updatedAt, version: next.version + 1 };
}
