// The org as the rules need it today: units by id, Plt/Plh assignments and the WIB date — one Query, read
// at most once per API request: the access check and the use-case after it share the same snapshot (a
// penilai's action on a subordinate read the whole org partition twice; ~1,600 items at 10,000 people).

import { AsyncLocalStorage } from 'node:async_hooks';
import type { OrgContext } from '../../shared/domain/org/penilai.ts';
import { type OrgSnapshot, orgRepo } from '../db/repos/org-repo.ts';
import type { Deps } from '../deps.ts';
import { todayWib } from './context.ts';

export type LoadedOrg = OrgContext & { snapshot: OrgSnapshot };

const requestScope = new AsyncLocalStorage<{ org?: Promise<LoadedOrg> }>();

/**
 * Runs one API request with its own memo. No use-case writes the org partition (units, positions, Plt/Plh)
 * and then reads it again within a request, so the memo cannot go stale; jobs run outside any scope.
 */
export const withRequestScope = <T>(work: () => Promise<T>): Promise<T> => requestScope.run({}, work);

/** Background work a request kicks off (local mail and export runners) must not share the request's memo. */
export const outsideRequestScope = <T>(work: () => T): T => requestScope.exit(work);

async function readOrg(deps: Deps): Promise<LoadedOrg> {
  const snapshot = await orgRepo.snapshot(deps.db);
  return {
    units: new Map(snapshot.units.map((u) => [u.id, u])),
    actings: snapshot.actings,
    today: todayWib(deps),
    snapshot,
  };
}

/** Treat the result as read-only: within a request it is shared. */
export function loadOrgContext(deps: Deps): Promise<LoadedOrg> {
  const scope = requestScope.getStore();
  if (!scope) return readOrg(deps);
  scope.org ??= readOrg(deps);
  return scope.org;
}
