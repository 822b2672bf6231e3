// Use-cases of positions (jabatan) and acting officials (Plt/Plh).

import type { ActingCreate, PositionCreate } from '../../shared/contract/org.ts';
import { type ActingAssignment, isLeadingJenis, type Position } from '../../shared/domain/org/types.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import { writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { auditContext, mustExist, notFound, type RequestContext } from './context.ts';

export const listPositions = (deps: Deps, unitId?: string): Promise<Position[]> =>
  orgRepo.listPositions(deps.db, unitId);

export async function createPosition(
  deps: Deps,
  unitId: string,
  input: PositionCreate,
  ctx: RequestContext,
): Promise<Position> {
  const memimpinUnit = isLeadingJenis(input.jenis);
  if (memimpinUnit) {
    const existing = await orgRepo.listPositions(deps.db, unitId);
    if (existing.some((p) => p.memimpinUnit)) {
      throw new DomainError('position.head_taken', 'Unit ini sudah memiliki jabatan pimpinan.', [
        { path: 'jenis', message: 'Satu unit hanya memiliki satu jabatan pimpinan.' },
      ]);
    }
  }
  const position: Omit<Position, 'version'> = { id: deps.newId(), unitId, ...input, memimpinUnit };
  await writeChanges(
    deps.db,
    [
      {
        kind: 'create',
        key: keys.position(unitId, position.id),
        entity: 'Position',
        action: 'position.created',
        item: { ...position },
      },
    ],
    auditContext(deps, ctx),
    [mustExist(deps.db.tableName, keys.unit(unitId), notFound('unit.not_found', 'Unit'))],
  );
  return { ...position, version: 1 };
}

export const listActings = (deps: Deps): Promise<ActingAssignment[]> => orgRepo.listActings(deps.db);

export async function createActing(
  deps: Deps,
  input: ActingCreate,
  ctx: RequestContext,
): Promise<ActingAssignment> {
  const overlapping = (await orgRepo.listActings(deps.db)).find(
    (a) => a.unitId === input.unitId && a.mulai <= input.selesai && input.mulai <= a.selesai,
  );
  if (overlapping) {
    throw new DomainError(
      'acting.invalid_dates',
      'Sudah ada Plt/Plh untuk unit ini pada rentang tanggal tersebut.',
      [
        {
          path: 'mulai',
          message: `Bertumpang tindih dengan penugasan ${overlapping.mulai} s.d. ${overlapping.selesai}.`,
        },
      ],
    );
  }
  const acting: Omit<ActingAssignment, 'version'> = { id: deps.newId(), ...input };
  await writeChanges(
    deps.db,
    [
      {
        kind: 'create',
        key: keys.acting(acting.id),
        entity: 'ActingAssignment',
        action: 'acting.created',
        item: acting,
      },
    ],
    auditContext(deps, ctx),
    [
      mustExist(deps.db.tableName, keys.unit(input.unitId), notFound('unit.not_found', 'Unit')),
      mustExist(
        deps.db.tableName,
        keys.employee(input.employeeId),
        notFound('employee.not_found', 'Pegawai'),
      ),
    ],
  );
  return { ...acting, version: 1 };
}
