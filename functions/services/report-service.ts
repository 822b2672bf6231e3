// Reports for HR and unit leaders: completion per unit over time (the tick's daily rows plus today's live
// counters), the predikat distribution against each unit's pattern, and who is late in a unit.

import { distributionSummary, type PredikatCounts } from '../../shared/domain/evaluation/distribution.ts';
import {
  type PredikatPegawai,
  predikatPegawai,
  predikatPegawaiLabels,
} from '../../shared/domain/evaluation/predikat.ts';
import { derivePenilaiChain } from '../../shared/domain/org/penilai.ts';
import type { Period } from '../../shared/domain/period/types.ts';
import { windowKey } from '../../shared/domain/period/windows.ts';
import { latenessOf } from '../../shared/domain/report/lateness.ts';
import { keys, REPORT_ALL_UNITS } from '../db/keys.ts';
import { queryAll } from '../db/query-all.ts';
import { employeeFromItem, employeeRepo } from '../db/repos/employee-repo.ts';
import { evaluationRepo } from '../db/repos/evaluation-repo.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import { type ProgressDay, reportRepo } from '../db/repos/report-repo.ts';
import type { Deps } from '../deps.ts';
import { calibration } from './calibration-service.ts';
import { todayWib } from './context.ts';
import { loadOrgContext } from './org-context.ts';
import { getPeriod } from './period-service.ts';

const COUNT_PARALLEL = 8;

/** How many people each unit has now (one counting Query per unit, a few at a time). */
export async function headCounts(deps: Deps): Promise<Map<string, number>> {
  const { units } = await orgRepo.listUnits(deps.db);
  const counts = new Map<string, number>();
  for (let i = 0; i < units.length; i += COUNT_PARALLEL) {
    const chunk = units.slice(i, i + COUNT_PARALLEL);
    const found = await Promise.all(chunk.map((u) => reportRepo.countMembers(deps.db, u.id)));
    for (const [j, u] of chunk.entries()) counts.set(u.id, found[j] ?? 0);
  }
  return counts;
}

const evaluationWindows = (period: Period, today: string) =>
  period.calendar.windows.filter((w) => w.kind !== 'PENYUSUNAN_SKP' && w.buka <= today);

const counterValues = (item: Record<string, unknown>, prefix = '') =>
  Object.fromEntries(
    Object.entries(item)
      .filter(([k, v]) => typeof v === 'number' && k !== 'version' && k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v as number]),
  );

/**
 * Every unit's progress now, from the counters the workflow keeps in its own transactions (one Query per
 * counter partition), plus the organisation's sum under REPORT_ALL_UNITS.
 */
export async function progressRows(
  deps: Deps,
  period: Period,
  today: string,
  pegawaiOf: ReadonlyMap<string, number>,
): Promise<{ unitId: string; day: ProgressDay }[]> {
  const windows = evaluationWindows(period, today).map(windowKey);
  const [skpStats, ...evalStats] = await Promise.all([
    queryAll(deps.db, { pk: keys.statsPk(period.id) }),
    ...windows.map((key) => evaluationRepo.stats(deps.db, period.id, key)),
  ]);
  const days = new Map<string, ProgressDay>();
  const dayOf = (unitId: string) => {
    let day = days.get(unitId);
    if (!day) {
      day = { tanggal: today, pegawai: pegawaiOf.get(unitId) ?? 0, skp: {}, evaluasi: {} };
      days.set(unitId, day);
    }
    return day;
  };
  for (const unitId of pegawaiOf.keys()) dayOf(unitId);
  for (const item of skpStats) dayOf(String(item.unitId)).skp = counterValues(item);
  windows.forEach((key, i) => {
    for (const item of evalStats[i] ?? []) {
      const status = counterValues(item, 'status_');
      dayOf(String(item.unitId)).evaluasi[key] = {
        realisasi: (status.REALISASI ?? 0) + (status.DINILAI ?? 0),
        dinilai: status.DINILAI ?? 0,
      };
    }
  });
  const all: ProgressDay = { tanggal: today, pegawai: 0, skp: {}, evaluasi: {} };
  for (const day of days.values()) {
    all.pegawai += day.pegawai;
    for (const [status, n] of Object.entries(day.skp)) all.skp[status] = (all.skp[status] ?? 0) + n;
    for (const [key, e] of Object.entries(day.evaluasi)) {
      const sum = all.evaluasi[key] ?? { realisasi: 0, dinilai: 0 };
      all.evaluasi[key] = { realisasi: sum.realisasi + e.realisasi, dinilai: sum.dinilai + e.dinilai };
    }
  }
  return [...[...days].map(([unitId, day]) => ({ unitId, day })), { unitId: REPORT_ALL_UNITS, day: all }];
}

const point = (day: ProgressDay) => ({
  tanggal: day.tanggal,
  pegawai: day.pegawai,
  skpDisetujui: day.skp.DISETUJUI ?? 0,
  skpDiajukan: day.skp.DIAJUKAN ?? 0,
  evaluasi: day.evaluasi,
});

/** Daily points of a unit (or the organisation) and today's live point in place of today's daily row. */
export async function completion(deps: Deps, periodId: string, unitId: string | null) {
  const period = await getPeriod(deps, periodId);
  const today = todayWib(deps);
  const series = await reportRepo.series(deps.db, periodId, unitId ?? REPORT_ALL_UNITS);
  const latest = series.at(-1);
  // Head counts change slowly: today's live point takes the latest daily count (or counts the unit once).
  const pegawai =
    latest?.pegawai ??
    (unitId ? await reportRepo.countMembers(deps.db, unitId) : await reportRepo.countEmployees(deps.db));
  const rows = await progressRows(deps, period, today, new Map(unitId ? [[unitId, pegawai]] : []));
  const live = rows.find((r) => r.unitId === (unitId ?? REPORT_ALL_UNITS))?.day;
  const liveDay = live && (unitId ? live : { ...live, pegawai });
  return {
    periodId,
    unitId,
    jendela: evaluationWindows(period, today).map((w) => ({ key: windowKey(w), nama: w.nama })),
    points: [...series.filter((d) => d.tanggal < today), ...(liveDay ? [liveDay] : [])].map(point),
  };
}

/** Each unit's predikat counts beside the pattern of its organisation predikat, and what violates it. */
export async function distribution(deps: Deps, periodId: string, key: string) {
  const result = await calibration(deps, periodId, key);
  return {
    periodId,
    windowKey: key,
    units: result.units.map((u) => {
      const counts: PredikatCounts = Object.fromEntries(
        predikatPegawai.map((p: PredikatPegawai) => [p, u.counts[`predikat_${p}`] ?? 0]),
      );
      const rows = u.predikatOrganisasi
        ? distributionSummary(u.predikatOrganisasi, counts).rows
        : predikatPegawai.map((p) => {
            const count = counts[p] ?? 0;
            const total = predikatPegawai.reduce((sum, q) => sum + (counts[q] ?? 0), 0);
            return {
              predikat: p,
              label: predikatPegawaiLabels[p],
              count,
              percent: total === 0 ? 0 : Math.round((count * 1000) / total) / 10,
              expectation: 'Predikat organisasi belum ditetapkan',
            };
          });
      return {
        unitId: u.unitId,
        predikatOrganisasi: u.predikatOrganisasi,
        total: rows.reduce((sum, r) => sum + r.count, 0),
        rows,
        violations: u.violations,
      };
    }),
  };
}

/** The unit's people who are late with something today, by name. */
export async function lateInUnit(deps: Deps, periodId: string, unitId: string) {
  const period = await getPeriod(deps, periodId);
  const today = todayWib(deps);
  const windows = period.calendar.windows.filter((w) => w.buka <= today);
  const evalWindows = windows.filter((w) => w.kind !== 'PENYUSUNAN_SKP');
  const [members, skps, ...evaluations] = await Promise.all([
    queryAll(deps.db, { pk: keys.unitMembersPk(unitId), index: 'gsi1' }),
    queryAll(deps.db, {
      pk: keys.skpBoardPk(periodId),
      index: 'gsi2',
      prefix: keys.skpBoardUnitPrefix(unitId),
    }),
    ...evalWindows.map((w) =>
      queryAll(deps.db, { pk: keys.evalUnitPk(periodId, windowKey(w), unitId), index: 'gsi2' }),
    ),
  ]);
  const approved = new Set(
    skps.filter((s) => s.status === 'DISETUJUI' || s.status === 'DIGANTI').map((s) => String(s.employeeId)),
  );
  const penilaiOf = new Map(
    skps.map((s) => [
      String(s.employeeId),
      (s.header as { penilai: { nama: string } | null }).penilai?.nama ?? null,
    ]),
  );
  const statusOf = new Map<string, Record<string, 'BELUM' | 'REALISASI' | 'DINILAI'>>();
  evalWindows.forEach((w, i) => {
    for (const e of evaluations[i] ?? []) {
      const id = String(e.employeeId);
      statusOf.set(id, {
        ...statusOf.get(id),
        [windowKey(w)]: e.status as 'BELUM' | 'REALISASI' | 'DINILAI',
      });
    }
  });
  const people = members.filter((item) => item.entity === 'Employee').map(employeeFromItem);
  // People without an SKP (often the late ones): their penilai as the org derives it today.
  const withoutSkp = people.filter((e) => !penilaiOf.has(e.id));
  if (withoutSkp.length > 0) {
    const org = await loadOrgContext(deps);
    const chainOf = new Map(
      withoutSkp.map((e) => [e.id, derivePenilaiChain(e, org).penilai?.employeeId ?? null]),
    );
    const ids = [...new Set([...chainOf.values()].filter((id): id is string => id !== null))];
    const names = new Map((await employeeRepo.getMany(deps.db, ids)).map((p) => [p.id, p.nama]));
    for (const [id, penilaiId] of chainOf)
      penilaiOf.set(id, penilaiId ? (names.get(penilaiId) ?? null) : null);
  }
  const items = people
    .map((e) => ({
      employeeId: e.id,
      nama: e.nama,
      nip: e.nip,
      penilai: penilaiOf.get(e.id) ?? null,
      terlambat: latenessOf(
        windows,
        { skpDisetujui: approved.has(e.id), evaluasi: statusOf.get(e.id) ?? {} },
        today,
      ),
    }))
    .filter((row) => row.terlambat.length > 0);
  return { periodId, unitId, tanggal: today, items };
}
