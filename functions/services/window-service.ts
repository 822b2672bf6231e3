// A period's windows as people see them: the calendar's dates with the state the tick recorded.

import { type WindowStatus, windowKey } from '../../shared/domain/period/windows.ts';
import { evaluationRepo } from '../db/repos/evaluation-repo.ts';
import type { Deps } from '../deps.ts';
import { getPeriod } from './period-service.ts';

export async function windowStates(deps: Deps, periodId: string) {
  const [period, states] = await Promise.all([
    getPeriod(deps, periodId),
    evaluationRepo.windowStates(deps.db, periodId),
  ]);
  const byKey = new Map(states.map((s) => [s.sk, s]));
  return period.calendar.windows.map((w) => {
    const key = windowKey(w);
    const state = byKey.get(key);
    return {
      windowKey: key,
      kind: w.kind,
      nama: w.nama,
      buka: w.buka,
      tutup: w.tutup,
      batasPengisian: w.batasPengisian,
      status: (state?.status as WindowStatus | undefined) ?? 'TERJADWAL',
      pengingatTerkirim: (state?.pengingatTerkirim as number[] | undefined) ?? [],
      eskalasiTerkirim: state?.eskalasiTerkirim === true,
    };
  });
}
