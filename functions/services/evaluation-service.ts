// Use-cases of evaluation: realisasi by the employee, penilaian by the penilai (predikat from the matrix),
// while the window is open or reopened for that person or unit; continuous feedback at any time.

import type { PenilaianInput, RealisasiInput } from '../../shared/contract/evaluations.ts';
import { unitInScope } from '../../shared/domain/access/scope.ts';
import {
  defaultUnitHeadMapping,
  type PredikatOrganisasi,
  predikatFromRatings,
  ratingHasilForUnitHead,
} from '../../shared/domain/evaluation/predikat.ts';
import type { Evaluation } from '../../shared/domain/evaluation/types.ts';
import { type CalendarWindow, objectionDeadline } from '../../shared/domain/period/calendar.ts';
import type { Period } from '../../shared/domain/period/types.ts';
import { statusOn, windowKey } from '../../shared/domain/period/windows.ts';
import type { Skp } from '../../shared/domain/skp/types.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import {
  countDeltas,
  evaluationFromItem,
  evaluationRepo,
  evaluationToItem,
} from '../db/repos/evaluation-repo.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import { skpFromItem, skpRepo } from '../db/repos/skp-repo.ts';
import { type EntityChange, type ExtraWrite, type StoredItem, writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import type { Caller } from './access-service.ts';
import { auditContext, type RequestContext, staleVersion, todayWib } from './context.ts';
import { loadOrgContext } from './org-context.ts';
import { getPeriod } from './period-service.ts';

export const notAllowed = (message: string) => new DomainError('evaluation.not_allowed', message);

/** A window of a period by its key, evaluation windows only. */
export async function loadWindow(deps: Deps, periodId: string, key: string) {
  const period = await getPeriod(deps, periodId);
  const window = period.calendar.windows.find((w) => windowKey(w) === key && w.kind !== 'PENYUSUNAN_SKP');
  if (!window)
    throw new DomainError('window.not_found', 'Jendela evaluasi tidak ditemukan pada periode ini.');
  return { period, window };
}

/**
 * Entries may change while the window is open; after it closes only where HR reopened it for the person or
 * their unit, until the grant's time. Before it opens, never.
 */
export async function assertWritable(
  deps: Deps,
  period: Period,
  window: CalendarWindow,
  target: { employeeId: string; unitId: string },
) {
  const status = statusOn(window, todayWib(deps));
  if (status === 'TERJADWAL') {
    throw new DomainError('evaluation.window_not_open', `${window.nama} baru dibuka ${window.buka}.`);
  }
  if (status === 'DIBUKA') return;
  const key = windowKey(window);
  const grants = await orgRepo.getStoredMany(deps.db, [
    keys.reopen(period.id, key, { employeeId: target.employeeId }),
    keys.reopen(period.id, key, { unitId: target.unitId }),
  ]);
  const now = deps.clock.now().toISOString();
  if ([...grants.values()].some((g) => String(g.sampai) > now)) return;
  throw new DomainError(
    'evaluation.window_closed',
    `${window.nama} sudah ditutup ${window.tutup}; isian hanya dapat diubah bila Biro SDM membukanya kembali.`,
  );
}

/** The approved SKP in force for the part of the year a window evaluates (the later one after a transfer). */
async function skpInForce(
  deps: Deps,
  employeeId: string,
  period: Period,
  window: CalendarWindow,
): Promise<Skp> {
  const plans = (await skpRepo.listForEmployee(deps.db, employeeId))
    .map(skpFromItem)
    .filter(
      (s) =>
        s.periodId === period.id &&
        s.status === 'DISETUJUI' &&
        s.berlaku.mulai <= window.periodeSelesai &&
        s.berlaku.sampai >= window.periodeMulai,
    )
    .sort((a, b) => b.berlaku.mulai.localeCompare(a.berlaku.mulai));
  const plan = plans[0];
  if (!plan) {
    throw new DomainError('evaluation.no_skp', 'Belum ada SKP yang disetujui untuk periode yang dievaluasi.');
  }
  return plan;
}

export async function loadEvaluation(deps: Deps, employeeId: string, periodId: string, key: string) {
  const stored = await orgRepo.getStored(deps.db, keys.evaluation(employeeId, periodId, key));
  return stored ? { stored, evaluation: evaluationFromItem(stored) } : null;
}

/** A fresh evaluation of a window, with the SKP's header as the snapshot of assessor, post and unit. */
function freshEvaluation(skp: Skp, period: Period, window: CalendarWindow): Omit<Evaluation, 'version'> {
  return {
    employeeId: skp.employeeId,
    periodId: period.id,
    windowKey: windowKey(window),
    windowNama: window.nama,
    tahunan: window.kind === 'EVALUASI_TAHUNAN',
    skpId: skp.id,
    header: skp.header,
    realisasi: [],
    umpanBalik: { rhk: {}, perilaku: {} },
    ratingHasil: null,
    ratingPerilaku: null,
    predikat: null,
    ratingHasilDariOrganisasi: false,
    catatan: null,
    status: 'BELUM',
    dinilaiOleh: null,
    dinilaiPada: null,
    keberatan: null,
  };
}

/** Counter names of an evaluation on its unit's calibration row. */
const countersOf = (e: Pick<Evaluation, 'status' | 'predikat' | 'keberatan'>) => {
  const predikat = e.keberatan?.predikatBaru ?? e.predikat;
  return [`status_${e.status}`, ...(predikat ? [`predikat_${predikat}`] : [])];
};

/** The counter moves between two states of an evaluation (null: it did not exist). */
export function evaluationCounters(
  deps: Deps,
  before: Evaluation | null,
  after: Omit<Evaluation, 'version'>,
): ExtraWrite[] {
  const deltas: Record<string, number> = {};
  for (const name of before ? countersOf(before) : []) deltas[name] = (deltas[name] ?? 0) - 1;
  for (const name of countersOf(after)) deltas[name] = (deltas[name] ?? 0) + 1;
  if (!before) deltas.total = 1;
  return countDeltas(
    deps.db,
    keys.evalStats(after.periodId, after.windowKey, after.header.unitId),
    after.header.unitId,
    deltas,
  );
}

const changeOf = (
  loaded: { stored: StoredItem } | null,
  next: Omit<Evaluation, 'version'>,
  action: string,
): EntityChange =>
  loaded
    ? { kind: 'update', before: loaded.stored, action, item: evaluationToItem(next) }
    : {
        kind: 'create',
        key: keys.evaluation(next.employeeId, next.periodId, next.windowKey),
        entity: 'Evaluation',
        action,
        item: evaluationToItem(next),
      };

/** Capaian of each RHK (mean of its stated IKI capaian) written onto its cascade node, so the tree rolls up. */
function cascadeProgress(deps: Deps, skp: Skp, realisasi: Evaluation['realisasi']): ExtraWrite[] {
  const writes: ExtraWrite[] = [];
  for (const rhk of skp.rhk) {
    const stated = realisasi
      .filter((r) => r.rhkId === rhk.id && r.capaian !== null)
      .map((r) => r.capaian as number);
    if (!rhk.path || stated.length === 0) continue;
    const mean = (values: number[]) =>
      Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
    const capaian = mean(stated);
    // Each KR (IKI) with a stated capaian gets its own, so a subordinate hanging below it rolls up there.
    const krCapaian = Object.fromEntries(
      rhk.iki.flatMap((k) => {
        const own = realisasi
          .filter((r) => r.ikiId === k.id && r.capaian !== null)
          .map((r) => r.capaian as number);
        return own.length > 0 ? [[k.id, mean(own)]] : [];
      }),
    );
    writes.push({
      item: {
        Update: {
          TableName: deps.db.tableName,
          Key: keys.cascadeNode(skp.periodId, rhk.path),
          UpdateExpression: 'SET capaian = :c, krCapaian = :k',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':c': capaian, ':k': krCapaian },
        },
      },
      onConditionFailed: staleVersion(),
    });
  }
  return writes;
}

export async function saveRealisasi(
  deps: Deps,
  caller: Caller,
  employeeId: string,
  periodId: string,
  key: string,
  input: RealisasiInput,
  ctx: RequestContext,
): Promise<Evaluation> {
  const [{ period, window }, loaded] = await Promise.all([
    loadWindow(deps, periodId, key),
    loadEvaluation(deps, employeeId, periodId, key),
  ]);
  if (caller.employeeId !== employeeId) throw notAllowed('Realisasi diisi oleh pegawai yang bersangkutan.');
  if (loaded && loaded.stored.version !== input.version) throw staleVersion();
  if (!loaded && input.version !== undefined) throw staleVersion();
  const skp = await skpInForce(deps, employeeId, period, window);
  const current = loaded?.evaluation ?? null;
  const base = current ?? { ...freshEvaluation(skp, period, window), version: 0 };
  await assertWritable(deps, period, window, { employeeId, unitId: base.header.unitId });
  if (current?.keberatan) throw new DomainError('evaluation.final', 'Evaluasi ini sudah final.');

  const problems = input.realisasi.flatMap((r, i) => {
    const rhk = skp.rhk.find((x) => x.id === r.rhkId);
    if (!rhk) return [{ path: `realisasi.${i}.rhkId`, message: 'RHK ini tidak ada di SKP yang berlaku.' }];
    if (r.ikiId && !rhk.iki.some((x) => x.id === r.ikiId)) {
      return [{ path: `realisasi.${i}.ikiId`, message: 'IKI ini bukan milik RHK tersebut.' }];
    }
    return [];
  });
  if (problems.length > 0) {
    throw new DomainError(
      'evaluation.invalid_content',
      'Realisasi merujuk RHK/IKI yang tidak ada.',
      problems,
    );
  }
  const { version: _v, ...rest } = base;
  const next: Omit<Evaluation, 'version'> = {
    ...rest,
    realisasi: input.realisasi,
    status: rest.status === 'DINILAI' ? 'DINILAI' : 'REALISASI',
  };
  await writeChanges(
    deps.db,
    [changeOf(loaded, next, 'evaluation.realisasi_saved')],
    auditContext(deps, ctx),
    [...evaluationCounters(deps, current, next), ...cascadeProgress(deps, skp, next.realisasi)],
  );
  return { ...next, version: (current?.version ?? 0) + 1 };
}

/** The organisation predikat of a unit in a window, if set. */
export async function orgPredikatOf(deps: Deps, periodId: string, key: string, unitId: string) {
  const stored = await orgRepo.getStored(deps.db, keys.orgPredikat(periodId, key, unitId));
  return stored
    ? {
        stored,
        predikat: stored.predikat as PredikatOrganisasi,
        final: stored.final === true,
        finalPada: (stored.finalPada as string | null) ?? null,
      }
    : null;
}

export async function savePenilaian(
  deps: Deps,
  caller: Caller,
  employeeId: string,
  periodId: string,
  key: string,
  input: PenilaianInput,
  ctx: RequestContext,
): Promise<Evaluation> {
  const [{ period, window }, loaded, org] = await Promise.all([
    loadWindow(deps, periodId, key),
    loadEvaluation(deps, employeeId, periodId, key),
    loadOrgContext(deps),
  ]);
  if (!loaded) throw new DomainError('evaluation.not_found', 'Pegawai belum memulai evaluasi jendela ini.');
  const current = loaded.evaluation;
  if (current.version !== input.version) throw staleVersion();
  const isPenilai = caller.employeeId !== null && caller.employeeId === current.header.penilai?.id;
  const isAdmin = caller.adminScope !== null && unitInScope(caller.adminScope, current.header.unitId, org);
  if (!isPenilai && !isAdmin)
    throw notAllowed('Penilaian diberikan oleh pejabat penilai kinerja pegawai ini.');
  await assertWritable(deps, period, window, { employeeId, unitId: current.header.unitId });
  const orgPredikat = await orgPredikatOf(deps, periodId, key, current.header.unitId);
  if (orgPredikat?.final || current.keberatan) {
    throw new DomainError(
      'evaluation.final',
      'Predikat unit ini sudah difinalkan; perubahan hanya melalui keberatan.',
    );
  }
  // SE 3/2023: a unit head's Rating Hasil Kerja is the unit's organisation predikat.
  const leadsUnit = org.units.get(current.header.unitId)?.kepalaId === employeeId;
  const mapping = { ...defaultUnitHeadMapping, ...period.calendar.settings.pemetaanKepalaUnit };
  const fromOrg = leadsUnit && orgPredikat ? ratingHasilForUnitHead(orgPredikat.predikat, mapping) : null;
  const ratingHasil = fromOrg ?? input.ratingHasil;
  const { version: _v, ...rest } = current;
  const next: Omit<Evaluation, 'version'> = {
    ...rest,
    umpanBalik: input.umpanBalik,
    ratingHasil,
    ratingPerilaku: input.ratingPerilaku,
    predikat: predikatFromRatings(ratingHasil, input.ratingPerilaku),
    ratingHasilDariOrganisasi: fromOrg !== null,
    catatan: input.catatan,
    status: 'DINILAI',
    dinilaiOleh: caller.employeeId,
    dinilaiPada: deps.clock.now().toISOString(),
  };
  await writeChanges(
    deps.db,
    [changeOf(loaded, next, 'evaluation.rated')],
    auditContext(deps, ctx),
    evaluationCounters(deps, current, next),
  );
  return { ...next, version: current.version + 1 };
}

/**
 * Evaluations as their owner reads them: with the day their unit's predikat was finalised and the last day
 * to object (one BatchGetItem for the units' organisation predikat, one Query per period for its settings).
 */
async function withFinal(deps: Deps, evaluations: Evaluation[]) {
  if (evaluations.length === 0) return [];
  const keysWanted = evaluations.map((e) => keys.orgPredikat(e.periodId, e.windowKey, e.header.unitId));
  const [orgs, periods] = await Promise.all([
    orgRepo.getStoredMany(deps.db, keysWanted),
    Promise.all([...new Set(evaluations.map((e) => e.periodId))].map((id) => getPeriod(deps, id))),
  ]);
  const days = new Map(periods.map((p) => [p.id, p.calendar.settings.hariKeberatan]));
  return evaluations.map((e) => {
    const key = keys.orgPredikat(e.periodId, e.windowKey, e.header.unitId);
    const org = orgs.get(`${key.pk}|${key.sk}`);
    const pada = org?.final === true ? (org.finalPada as string) : null;
    return {
      ...e,
      final: pada ? { pada, batasKeberatan: objectionDeadline(pada, days.get(e.periodId) ?? 14) } : null,
    };
  });
}

export const listEvaluations = async (deps: Deps, employeeId: string) =>
  withFinal(deps, await evaluationRepo.listForEmployee(deps.db, employeeId));

export async function getEvaluation(deps: Deps, employeeId: string, periodId: string, key: string) {
  const loaded = await loadEvaluation(deps, employeeId, periodId, key);
  if (!loaded) throw new DomainError('evaluation.not_found', 'Evaluasi tidak ditemukan.');
  const [withDates] = await withFinal(deps, [loaded.evaluation]);
  return withDates ?? loaded.evaluation;
}

export const teamEvaluations = (deps: Deps, penilaiId: string, periodId: string, key: string) =>
  evaluationRepo.team(deps.db, penilaiId, periodId, key);
