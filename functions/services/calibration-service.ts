// Organisation predikat per unit and window (set by the leader one level above), the distribution curve
// against it (SE 3/2023), finalisation of a unit's predikat, and HR reopening a closed window.

import type { ReopenInput } from '../../shared/contract/evaluations.ts';
import { distributionViolations, type PredikatCounts } from '../../shared/domain/evaluation/distribution.ts';
import { type PredikatOrganisasi, predikatPegawai } from '../../shared/domain/evaluation/predikat.ts';
import { headOf } from '../../shared/domain/org/penilai.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { evaluationRepo } from '../db/repos/evaluation-repo.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import { type EntityChange, writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import type { Caller } from './access-service.ts';
import { auditContext, mustExist, notFound, type RequestContext, staleVersion, todayWib } from './context.ts';
import { loadWindow, notAllowed, orgPredikatOf } from './evaluation-service.ts';
import { loadOrgContext } from './org-context.ts';

/** Counts of one calibration row as the distribution rules read them. */
const predikatCounts = (row: Record<string, unknown>): PredikatCounts =>
  Object.fromEntries(predikatPegawai.map((p) => [p, Number(row[`predikat_${p}`] ?? 0)]));

/** The leader one level above the unit (or whoever acts for them today), or HR, sets its predikat. */
export async function setOrgPredikat(
  deps: Deps,
  caller: Caller,
  periodId: string,
  key: string,
  unitId: string,
  input: { version?: number | undefined; predikat: PredikatOrganisasi },
  ctx: RequestContext,
) {
  const [, org, current] = await Promise.all([
    loadWindow(deps, periodId, key),
    loadOrgContext(deps),
    orgPredikatOf(deps, periodId, key, unitId),
  ]);
  const unit = org.units.get(unitId);
  if (!unit) throw notFound('unit.not_found', 'Unit');
  const parent = unit.parentId ? org.units.get(unit.parentId) : undefined;
  const leaderAbove = parent ? (headOf(parent.id, org)?.employeeId ?? null) : null;
  const isLeader = caller.employeeId !== null && caller.employeeId === leaderAbove;
  if (!isLeader && caller.adminScope === null) {
    throw notAllowed('Predikat organisasi ditetapkan oleh pimpinan satu tingkat di atas unit ini.');
  }
  if ((current?.stored.version ?? undefined) !== input.version) throw staleVersion();
  if (current?.final) throw new DomainError('evaluation.final', 'Predikat unit ini sudah difinalkan.');
  const item = {
    unitId,
    periodId,
    windowKey: key,
    predikat: input.predikat,
    final: false,
    finalPada: null,
    justifikasi: null,
    ditetapkanOleh: caller.employeeId,
  };
  const change: EntityChange = current
    ? { kind: 'update', before: current.stored, action: 'org_predikat.set', item }
    : {
        kind: 'create',
        key: keys.orgPredikat(periodId, key, unitId),
        entity: 'OrgPredikat',
        action: 'org_predikat.set',
        item,
      };
  await writeChanges(deps.db, [change], auditContext(deps, ctx));
  return { ...item, version: (current?.stored.version ?? 0) + 1 };
}

/** Each unit's predikat distribution against the pattern its organisation predikat sets, with violations. */
export async function calibration(deps: Deps, periodId: string, key: string) {
  const [{ period }, stats, predikat] = await Promise.all([
    loadWindow(deps, periodId, key),
    evaluationRepo.stats(deps.db, periodId, key),
    evaluationRepo.orgPredikat(deps.db, periodId, key),
  ]);
  const byUnit = new Map(predikat.map((p) => [String(p.unitId), p]));
  const unitIds = [...new Set([...stats.map((s) => String(s.unitId)), ...byUnit.keys()])].sort();
  const rows = new Map(stats.map((s) => [String(s.unitId), s]));
  return {
    periodId,
    windowKey: key,
    kebijakan: period.calendar.settings.kebijakanDistribusi ?? 'JUSTIFIKASI',
    units: unitIds.map((unitId) => {
      const row: Record<string, unknown> = rows.get(unitId) ?? {};
      const counts = predikatCounts(row);
      const org = byUnit.get(unitId);
      const orgPredikat = (org?.predikat as PredikatOrganisasi | undefined) ?? null;
      return {
        unitId,
        predikatOrganisasi: orgPredikat,
        version: (org?.version as number | undefined) ?? null,
        final: org?.final === true,
        justifikasi: (org?.justifikasi as string | null | undefined) ?? null,
        counts: Object.fromEntries(
          Object.entries(row).filter(
            ([k]) => k.startsWith('predikat_') || k.startsWith('status_') || k === 'total',
          ),
        ) as Record<string, number>,
        total: Number(row.total ?? 0),
        violations: orgPredikat ? distributionViolations(orgPredikat, counts) : [],
      };
    }),
  };
}

/**
 * HR finalises a unit's predikat: every evaluation rated, and the distribution within its pattern — or, per
 * the period's policy, a written justification for each violation. From this day the 14 objection days run.
 */
export async function finalizeUnit(
  deps: Deps,
  periodId: string,
  key: string,
  unitId: string,
  input: { version: number; justifikasi: string | null },
  ctx: RequestContext,
) {
  const [{ period }, current, stats] = await Promise.all([
    loadWindow(deps, periodId, key),
    orgPredikatOf(deps, periodId, key, unitId),
    orgRepo.getStored(deps.db, keys.evalStats(periodId, key, unitId)),
  ]);
  if (!current)
    throw new DomainError('evaluation.not_ready', 'Tetapkan dahulu predikat organisasi unit ini.');
  if (current.stored.version !== input.version) throw staleVersion();
  if (current.final) throw new DomainError('evaluation.final', 'Predikat unit ini sudah difinalkan.');
  const row: Record<string, unknown> = stats ?? {};
  const unrated = Number(row.status_BELUM ?? 0) + Number(row.status_REALISASI ?? 0);
  if (unrated > 0) {
    throw new DomainError('evaluation.not_ready', `${unrated} evaluasi di unit ini belum dinilai.`);
  }
  const violations = distributionViolations(current.predikat, predikatCounts(row));
  const policy = period.calendar.settings.kebijakanDistribusi ?? 'JUSTIFIKASI';
  if (violations.length > 0 && (policy === 'BLOKIR' || !input.justifikasi)) {
    throw new DomainError(
      'evaluation.distribution_violation',
      policy === 'BLOKIR'
        ? 'Distribusi predikat tidak sesuai pola; periode ini tidak mengizinkan finalisasi dengan pelanggaran.'
        : 'Distribusi predikat tidak sesuai pola; tuliskan justifikasinya.',
      [
        ...violations.map((v) => ({ path: `violations.${v.rule}`, message: v.message })),
        ...(policy === 'JUSTIFIKASI' ? [{ path: 'justifikasi', message: 'Justifikasi wajib diisi.' }] : []),
      ],
    );
  }
  const {
    pk: _pk,
    sk: _sk,
    entity: _e,
    version: _v,
    auditHash: _a,
    createdAt: _c,
    updatedAt: _u,
    ...fields
  } = current.stored;
  const item = {
    ...fields,
    final: true,
    finalPada: todayWib(deps),
    justifikasi: violations.length > 0 ? input.justifikasi : null,
    pelanggaran: violations,
  };
  await writeChanges(
    deps.db,
    [{ kind: 'update', before: current.stored, action: 'org_predikat.finalized', item }],
    auditContext(deps, ctx, input.justifikasi ?? undefined),
  );
  return { ...item, version: current.stored.version + 1 };
}

/** HR reopens a closed window for one person or one unit, until a time, with a reason (audited). */
export async function reopenWindow(
  deps: Deps,
  periodId: string,
  key: string,
  input: ReopenInput,
  ctx: RequestContext,
) {
  await loadWindow(deps, periodId, key);
  const target = input.employeeId ? { employeeId: input.employeeId } : { unitId: input.unitId as string };
  const itemKey = keys.reopen(periodId, key, target);
  const before = await orgRepo.getStored(deps.db, itemKey);
  const item = {
    ...target,
    periodId,
    windowKey: key,
    sampai: new Date(input.sampai).toISOString(),
    alasan: input.alasan,
  };
  const change: EntityChange = before
    ? { kind: 'update', before, action: 'window.reopened', item }
    : { kind: 'create', key: itemKey, entity: 'WindowReopen', action: 'window.reopened', item };
  const exists = input.employeeId
    ? mustExist(deps.db.tableName, keys.employee(input.employeeId), notFound('employee.not_found', 'Pegawai'))
    : mustExist(deps.db.tableName, keys.unit(input.unitId as string), notFound('unit.not_found', 'Unit'));
  await writeChanges(deps.db, [change], auditContext(deps, ctx, input.alasan), [exists]);
  return item;
}
