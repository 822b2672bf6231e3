// The daily row of the completion report: the tick's first run of a WIB day copies every unit's counters
// (and its head count) for each running period. Later runs that day see the organisation row and stop.

import { addDays, wibDate } from '../../shared/domain/time.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import { periodRepo } from '../db/repos/period-repo.ts';
import { reportRepo } from '../db/repos/report-repo.ts';
import type { Deps } from '../deps.ts';
import { progressRows } from '../services/report-service.ts';

/** A period is reported from its start until its annual evaluation and objections are well over. */
const REPORT_DAYS_AFTER_END = 120;
const COUNT_PARALLEL = 8;

async function headCounts(deps: Deps): Promise<Map<string, number>> {
  const { units } = await orgRepo.listUnits(deps.db);
  const counts = new Map<string, number>();
  for (let i = 0; i < units.length; i += COUNT_PARALLEL) {
    const chunk = units.slice(i, i + COUNT_PARALLEL);
    const found = await Promise.all(chunk.map((u) => reportRepo.countMembers(deps.db, u.id)));
    for (const [j, u] of chunk.entries()) counts.set(u.id, found[j] ?? 0);
  }
  return counts;
}

export async function snapshotProgress(deps: Deps, now: Date): Promise<{ hariDicatat: number }> {
  const today = wibDate(now);
  const running = (await periodRepo.list(deps.db)).filter(
    (p) => p.mulai <= today && today <= addDays(p.selesai, REPORT_DAYS_AFTER_END),
  );
  let hariDicatat = 0;
  let counts: Map<string, number> | undefined;
  for (const period of running) {
    if (await reportRepo.hasDay(deps.db, period.id, today)) continue;
    counts ??= await headCounts(deps);
    await reportRepo.putDay(deps.db, period.id, await progressRows(deps, period, today, counts));
    hariDicatat += 1;
  }
  return { hariDicatat };
}
