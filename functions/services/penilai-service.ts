// Reads an employee's assessor chain: the employee, the org snapshot, then the people it names.

import { derivePenilaiChain, type PenilaiRef } from '../../shared/domain/org/penilai.ts';
import type { Employee } from '../../shared/domain/org/types.ts';
import { employeeRepo } from '../db/repos/employee-repo.ts';
import type { Deps } from '../deps.ts';
import { getEmployee } from './employee-service.ts';
import { loadOrgContext } from './org-context.ts';

const describe = (ref: PenilaiRef | null, people: Map<string, Employee>) => {
  if (!ref) return null;
  const person = people.get(ref.employeeId);
  return {
    id: ref.employeeId,
    nama: person?.nama ?? '(tidak ditemukan)',
    nip: person?.nip ?? null,
    sumber: ref.source,
    unitId: ref.unitId ?? person?.unitId ?? null,
    atasNama: ref.onBehalfOf,
  };
};

export const getPenilaiChain = async (deps: Deps, id: string) =>
  penilaiChainOf(deps, await getEmployee(deps, id));

/** The chain of an employee already read (e.g. the signed-in person's own profile). */
export async function penilaiChainOf(deps: Deps, employee: Employee) {
  const overrides = [employee.penilaiOverrideId, employee.atasanPenilaiOverrideId].filter(
    (value): value is string => value !== null,
  );
  const [org, overridden] = await Promise.all([
    loadOrgContext(deps),
    employeeRepo.getMany(deps.db, overrides),
  ]);
  const chain = derivePenilaiChain(employee, {
    ...org,
    unitOfEmployee: new Map(overridden.map((person) => [person.id, person.unitId])),
  });
  const named = [chain.penilai?.employeeId, chain.atasanPenilai?.employeeId].filter(
    (value): value is string => value !== undefined,
  );
  const people = new Map((await employeeRepo.getMany(deps.db, named)).map((person) => [person.id, person]));
  return {
    employeeId: employee.id,
    penilai: describe(chain.penilai, people),
    atasanPenilai: describe(chain.atasanPenilai, people),
  };
}
