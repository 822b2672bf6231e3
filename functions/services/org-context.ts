// The org as the rules need it today: units by id, Plt/Plh assignments and the WIB date — one Query.

import type { OrgContext } from '../../shared/domain/org/penilai.ts';
import { type OrgSnapshot, orgRepo } from '../db/repos/org-repo.ts';
import type { Deps } from '../deps.ts';
import { todayWib } from './context.ts';

export type LoadedOrg = OrgContext & { snapshot: OrgSnapshot };

export async function loadOrgContext(deps: Deps): Promise<LoadedOrg> {
  const snapshot = await orgRepo.snapshot(deps.db);
  return {
    units: new Map(snapshot.units.map((u) => [u.id, u])),
    actings: snapshot.actings,
    today: todayWib(deps),
    snapshot,
  };
}
