// The daily row of the completion report: the tick's first run of a WIB day copies every unit's counters
// (and its head count) for each running period. Later runs that day see the organisation row and stop.

import type { Period } from '../../shared/domain/period/types.ts';
import { addDays, wibDate } from '../../shared/domain/time.ts';
import { periodRepo } from '../db/repos/period-repo.ts';
import { reportRepo } from '../db/repos/report-repo.ts';
import type { Deps } from '../deps.ts';
import { headCounts, progressRows } from '../services/report-service.ts';

/** A period is reported from its start until its annual evaluation and objections are well over. */
const REPORT_DAYS_AFTER_END = 120;

export async function snapshotProgress(
  deps: Deps,
  now: Date,
  periods?: readonly Period[],
): Promise<{ hariDicatat: number }> {
  const today = wibDate(now);
  const running = (periods ?? (await periodRepo.list(deps.db))).filter(
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
