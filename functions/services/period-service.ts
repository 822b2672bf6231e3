// Use-cases of performance periods: list, create (with the default calendar), and change the calendar.

import type { CalendarUpdate, PeriodCreate } from '../../shared/contract/periods.ts';
import {
  calendarProblems,
  defaultCalendar,
  defaultCalendarSettings,
} from '../../shared/domain/period/calendar.ts';
import { type Period, periodProblems } from '../../shared/domain/period/types.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { periodFromItem, periodRepo, periodToItem } from '../db/repos/period-repo.ts';
import { writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { auditContext, type RequestContext, staleVersion } from './context.ts';

export const listPeriods = (deps: Deps): Promise<Period[]> => periodRepo.list(deps.db);

export async function getPeriod(deps: Deps, id: string): Promise<Period> {
  const stored = await periodRepo.getStored(deps.db, id);
  if (!stored) throw new DomainError('period.not_found', 'Periode kinerja tidak ditemukan.');
  return periodFromItem(stored);
}

export async function createPeriod(deps: Deps, input: PeriodCreate, ctx: RequestContext): Promise<Period> {
  const problems = periodProblems(input);
  if (problems.length > 0)
    throw new DomainError('period.invalid_dates', 'Tanggal periode tidak valid.', problems);
  const { cadence, ...fields } = input;
  const settings = { ...defaultCalendarSettings(input.tahun), cadence };
  const period = { id: deps.newId(), ...fields, calendar: { settings, windows: defaultCalendar(settings) } };
  await writeChanges(
    deps.db,
    [
      {
        kind: 'create',
        key: keys.period(input.tahun, period.id),
        entity: 'Period',
        action: 'period.created',
        item: periodToItem(period),
      },
    ],
    auditContext(deps, ctx),
  );
  return { ...period, version: 1 };
}

/**
 * Changes a period's calendar: new settings regenerate the default windows, or the windows are given
 * as drawn up by HR. Every change states its reason, which the audit entry keeps.
 */
export async function updateCalendar(
  deps: Deps,
  id: string,
  input: CalendarUpdate,
  ctx: RequestContext,
): Promise<Period> {
  const before = await periodRepo.getStored(deps.db, id);
  if (!before) throw new DomainError('period.not_found', 'Periode kinerja tidak ditemukan.');
  if (before.version !== input.version) throw staleVersion();
  const current = periodFromItem(before);
  const settings = {
    ...current.calendar.settings,
    ...(input.cadence ? { cadence: input.cadence } : {}),
    ...(input.hariPengisian ? { hariPengisian: input.hariPengisian } : {}),
    ...(input.hariKeberatan ? { hariKeberatan: input.hariKeberatan } : {}),
    ...(input.kebijakanDistribusi ? { kebijakanDistribusi: input.kebijakanDistribusi } : {}),
    ...(input.hariPengingat
      ? { hariPengingat: [...new Set(input.hariPengingat)].sort((a, b) => b - a) }
      : {}),
    ...(input.pemetaanKepalaUnit ? { pemetaanKepalaUnit: input.pemetaanKepalaUnit } : {}),
  };
  // Windows are laid out again only when what they derive from changed; a policy change keeps them.
  const rederive = input.cadence !== undefined || input.hariPengisian !== undefined;
  const windows = input.windows ?? (rederive ? defaultCalendar(settings) : current.calendar.windows);
  const problems = calendarProblems(current.tahun, windows);
  if (problems.length > 0) {
    throw new DomainError(
      'period.invalid_calendar',
      'Kalender periode tidak valid: periksa jendela yang ditandai.',
      problems.map((p) => ({ path: `windows.${p.index}.${p.field}`, message: p.message })),
    );
  }
  const next: Period = { ...current, calendar: { settings, windows } };
  await writeChanges(
    deps.db,
    [{ kind: 'update', before, action: 'period.calendar_changed', item: periodToItem(next) }],
    auditContext(deps, ctx, input.alasan),
  );
  return { ...next, version: current.version + 1 };
}
