// Use-cases of the SKP: draft it, edit it, move it through the workflow, queue it for its penilai.

import type { SkpContent, SkpExtension, SkpTransitionInput } from '../../shared/contract/skp.ts';
import { unitInScope } from '../../shared/domain/access/scope.ts';
import { type CascadeTarget, cascadeProblems } from '../../shared/domain/okr/cascade.ts';
import type { OrgContext } from '../../shared/domain/org/penilai.ts';
import { derivePenilaiChain } from '../../shared/domain/org/penilai.ts';
import type { Rhk, Skp } from '../../shared/domain/skp/types.ts';
import { ikiProblems } from '../../shared/domain/skp/types.ts';
import { decideSkpTransition, type SkpRole } from '../../shared/domain/skp/workflow.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { employeeFromItem, employeeRepo } from '../db/repos/employee-repo.ts';
import { okrRepo } from '../db/repos/okr-repo.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import { countStatus, skpFromItem, skpRepo, skpToItem } from '../db/repos/skp-repo.ts';
import {
  type AuditContext,
  type EntityChange,
  type ExtraWrite,
  type StoredItem,
  writeChanges,
} from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import type { Caller } from './access-service.ts';
import { auditContext, mustExist, type RequestContext, staleVersion, todayWib } from './context.ts';
import { loadOrgContext } from './org-context.ts';
import { getPeriod } from './period-service.ts';

const notFound = () => new DomainError('skp.not_found', 'SKP tidak ditemukan.');

/** Drafts an SKP for the period, with the header (pegawai, penilai, atasan, unit, jabatan) as it is today. */
export async function createSkp(
  deps: Deps,
  employeeId: string,
  periodId: string,
  ctx: RequestContext,
): Promise<Skp> {
  const [stored, period, org, existing] = await Promise.all([
    employeeRepo.get(deps.db, employeeId),
    getPeriod(deps, periodId),
    loadOrgContext(deps),
    skpRepo.listForEmployee(deps.db, employeeId),
  ]);
  if (!stored) throw new DomainError('employee.not_found', 'Pegawai tidak ditemukan.');
  if (existing.some((item) => item.periodId === period.id)) {
    throw new DomainError('skp.exists', 'Pegawai ini sudah memiliki SKP untuk periode tersebut.');
  }
  const employee = employeeFromItem(stored);
  const assessors = await assessorSnapshots(deps, derivePenilaiChain(employee, org));
  const position = org.snapshot.positions.find((p) => p.id === employee.positionId);
  const skp: Omit<Skp, 'version'> = {
    id: deps.newId(),
    employeeId,
    periodId: period.id,
    revision: 1,
    status: 'DRAFT',
    format: position?.jenis.startsWith('JPT') ? 'JPT' : 'JAJF',
    pendekatan: 'KUANTITATIF',
    header: {
      pegawai: { id: employee.id, nama: employee.nama, nip: employee.nip },
      ...assessors,
      unitId: employee.unitId,
      unitNama: org.snapshot.units.find((u) => u.id === employee.unitId)?.nama ?? '',
      jabatan: position?.nama ?? '',
    },
    rhk: [],
    perilaku: {},
    lampiran: { dukunganSumberDaya: [], skemaPertanggungjawaban: [], konsekuensi: [] },
    catatanPengembalian: null,
    submittedAt: null,
    decidedAt: null,
    decidedBy: null,
  };
  await writeNewSkp(deps, skp, 'skp.created', auditContext(deps, ctx));
  return { ...skp, version: 1 };
}

/** A new SKP (or revision) in DRAFT, audited, counted on its unit's board row. */
async function writeNewSkp(deps: Deps, skp: Omit<Skp, 'version'>, action: string, audit: AuditContext) {
  await writeChanges(
    deps.db,
    [{ kind: 'create', key: keys.skp(skp.employeeId, skp.id), entity: 'Skp', action, item: skpToItem(skp) }],
    audit,
    [countStatus(deps.db, skp.periodId, skp.header.unitId, { DRAFT: 1 })],
  );
}

async function loadSkp(deps: Deps, employeeId: string, skpId: string): Promise<StoredItem> {
  const stored = await orgRepo.getStored(deps.db, keys.skp(employeeId, skpId));
  if (!stored) throw notFound();
  return stored;
}

/** An SKP about to change: as stored (for the version condition), as a value, and the org it lives in. */
async function loadForChange(deps: Deps, employeeId: string, skpId: string, version: number) {
  const [before, org] = await Promise.all([loadSkp(deps, employeeId, skpId), loadOrgContext(deps)]);
  if (before.version !== version) throw staleVersion();
  return { before, current: skpFromItem(before), org };
}

export async function getSkp(deps: Deps, employeeId: string, skpId: string): Promise<Skp> {
  return skpFromItem(await loadSkp(deps, employeeId, skpId));
}

export async function listSkp(deps: Deps, employeeId: string): Promise<Skp[]> {
  return (await skpRepo.listForEmployee(deps.db, employeeId)).map(skpFromItem);
}

/** The capacities in which a caller may act on an SKP: the owner, its penilai (today), an HR admin. */
function rolesOf(caller: Caller, skp: Skp, org: OrgContext, penilaiToday: string | null): SkpRole[] {
  const roles: SkpRole[] = [];
  if (caller.employeeId === skp.employeeId) roles.push('pegawai');
  if (caller.employeeId && caller.employeeId === penilaiToday) roles.push('penilai');
  if (caller.adminScope && unitInScope(caller.adminScope, skp.header.unitId, org)) roles.push('admin');
  return roles;
}

/** Fresh ids for new RHK and IKI, so links and evaluations can point at them. */
const withIds = (deps: Deps, rhk: NonNullable<SkpContent['rhk']>): Rhk[] =>
  rhk.map((r) => ({
    ...r,
    id: r.id ?? deps.newId(),
    iki: r.iki.map((i) => ({ ...i, id: i.id ?? deps.newId() })),
  }));

export async function updateSkpContent(
  deps: Deps,
  caller: Caller,
  employeeId: string,
  skpId: string,
  input: SkpContent,
  ctx: RequestContext,
): Promise<Skp> {
  const { before, current, org } = await loadForChange(deps, employeeId, skpId, input.version);
  const roles = rolesOf(caller, current, org, null);
  const decision = decideAs(roles, current.status, 'ubah', null);
  const next: Omit<Skp, 'version'> = {
    ...current,
    status: decision.to,
    ...(input.pendekatan ? { pendekatan: input.pendekatan } : {}),
    ...(input.rhk ? { rhk: withIds(deps, input.rhk) } : {}),
    ...(input.perilaku ? { perilaku: input.perilaku } : {}),
    ...(input.lampiran ? { lampiran: input.lampiran } : {}),
  };
  await writeChanges(
    deps.db,
    [{ kind: 'update', before, action: 'skp.updated', item: skpToItem(next) }],
    auditContext(deps, ctx),
    statusMove(deps, current, decision.to),
  );
  return { ...next, version: current.version + 1 };
}

function decideAs(
  roles: SkpRole[],
  from: Skp['status'],
  action: SkpTransitionInput['action'],
  note: string | null,
) {
  if (roles.length === 0) throw new DomainError('skp.not_allowed', 'Anda tidak berwenang atas SKP ini.');
  let last: ReturnType<typeof decideSkpTransition> | null = null;
  for (const role of roles) {
    last = decideSkpTransition(from, action, role, note);
    if (last.ok) return last;
  }
  const refusal = last as Extract<ReturnType<typeof decideSkpTransition>, { ok: false }>;
  const code =
    refusal.reason === 'invalid_transition'
      ? 'skp.invalid_transition'
      : refusal.reason === 'note_required'
        ? 'skp.note_required'
        : 'skp.not_allowed';
  throw new DomainError(
    code,
    refusal.message,
    refusal.reason === 'note_required' ? [{ path: 'catatan', message: refusal.message }] : [],
  );
}

const statusMove = (deps: Deps, skp: Skp, to: Skp['status']): ExtraWrite[] =>
  to === skp.status
    ? []
    : [countStatus(deps.db, skp.periodId, skp.header.unitId, { [skp.status]: -1, [to]: 1 })];

/** Checks a plan before it goes to the penilai: IKI fit the format, RHK utama support the penilai's results. */
async function assertSubmittable(deps: Deps, skp: Skp, org: OrgContext, penilaiId: string | null) {
  const theirs = penilaiId ? (await skpRepo.listForEmployee(deps.db, penilaiId)).map(skpFromItem) : [];
  const targets = new Map<string, CascadeTarget>();
  for (const plan of [...theirs.filter((p) => p.periodId === skp.periodId), skp]) {
    for (const r of plan.rhk) {
      targets.set(r.id, {
        kind: 'RHK',
        id: r.id,
        ownerEmployeeId: plan.employeeId,
        unitId: plan.header.unitId,
        parentId: r.intervensi?.id ?? null,
      });
    }
  }
  const leads = org.units.get(skp.header.unitId)?.kepalaId === skp.employeeId ? skp.header.unitId : null;
  if (leads) {
    for (const iku of await okrRepo.listIku(deps.db, skp.periodId, leads)) {
      targets.set(iku.id, {
        kind: 'IKU',
        id: iku.id,
        ownerEmployeeId: null,
        unitId: iku.unitId,
        parentId: null,
      });
    }
  }
  const problems = [
    ...(skp.rhk.length === 0 ? [{ path: 'rhk', message: 'SKP memerlukan minimal satu RHK utama.' }] : []),
    ...ikiProblems(skp.format, skp.rhk),
    ...cascadeProblems(skp.rhk, { employeeId: skp.employeeId, penilaiId, leadsUnitId: leads, targets }),
  ];
  if (problems.length > 0)
    throw new DomainError(
      'skp.invalid_content',
      'SKP belum dapat diajukan: periksa isian yang ditandai.',
      problems,
    );
}

export async function transitionSkp(
  deps: Deps,
  caller: Caller,
  employeeId: string,
  skpId: string,
  input: SkpTransitionInput,
  ctx: RequestContext,
): Promise<Skp> {
  const { before, current, org } = await loadForChange(deps, employeeId, skpId, input.version);
  const stored = await employeeRepo.get(deps.db, employeeId);
  const chain = stored ? derivePenilaiChain(employeeFromItem(stored), org) : null;
  const roles = rolesOf(caller, current, org, chain?.penilai?.employeeId ?? null);
  const decision = decideAs(roles, current.status, input.action, input.catatan);
  const at = deps.clock.now().toISOString();
  const actingFor = roles.includes('penilai') ? (chain?.penilai?.onBehalfOf ?? null) : null;
  const audit = auditContext(
    deps,
    actingFor ? { ...ctx, actor: { ...ctx.actor, onBehalfOf: actingFor } } : ctx,
    input.catatan ?? undefined,
  );

  if (input.action === 'ajukan') {
    const drafting = (await getPeriod(deps, current.periodId)).calendar.windows.find(
      (w) => w.kind === 'PENYUSUNAN_SKP',
    );
    const today = todayWib(deps);
    const closed = drafting !== undefined && (today < drafting.buka || today > drafting.tutup);
    const extended = closed && (await extensionUntil(deps, employeeId, current.periodId)) >= today;
    if (drafting && closed && !extended && !roles.includes('admin')) {
      throw new DomainError(
        'skp.window_closed',
        `Masa penyusunan SKP ${drafting.buka} s.d. ${drafting.tutup} sudah lewat; hubungi Biro SDM.`,
      );
    }
    // Only a plan that may still go up is checked in detail.
    await assertSubmittable(deps, current, org, chain?.penilai?.employeeId ?? null);
  }

  if (decision.opensRevision) {
    const revision: Omit<Skp, 'version'> = {
      ...current,
      id: deps.newId(),
      revision: current.revision + 1,
      status: 'DRAFT',
      catatanPengembalian: null,
      submittedAt: null,
      decidedAt: null,
      decidedBy: null,
    };
    await writeNewSkp(deps, revision, 'skp.revision_opened', audit);
    return { ...revision, version: 1 };
  }

  const next: Omit<Skp, 'version'> = {
    ...current,
    status: decision.to,
    // The approver is whoever is the penilai when the plan is submitted (a transfer or a Plt since drafting).
    header:
      input.action === 'ajukan' && chain
        ? { ...current.header, ...(await assessorSnapshots(deps, chain)) }
        : current.header,
    submittedAt: input.action === 'ajukan' ? at : current.submittedAt,
    decidedAt: input.action === 'setujui' || input.action === 'kembalikan' ? at : current.decidedAt,
    decidedBy:
      input.action === 'setujui' || input.action === 'kembalikan'
        ? (caller.employeeId ?? null)
        : current.decidedBy,
    catatanPengembalian:
      input.action === 'kembalikan'
        ? input.catatan
        : input.action === 'ajukan'
          ? null
          : current.catatanPengembalian,
  };
  const cascade =
    input.action === 'setujui' ? await placeInCascade(deps, next) : { rhk: next.rhk, writes: [] };
  const approvedPlan = { ...next, rhk: cascade.rhk };
  const changes: EntityChange[] = [
    { kind: 'update', before, action: `skp.${input.action}`, item: skpToItem(approvedPlan) },
  ];
  await writeChanges(deps.db, changes, audit, [...statusMove(deps, current, decision.to), ...cascade.writes]);
  return { ...approvedPlan, version: current.version + 1 };
}

/**
 * An approved plan joins the committed cascade: each RHK gets the path of what it supports plus its own id,
 * written as a node in the same transaction. RHK whose parent is not in the cascade yet (the level above
 * not approved) stay out until a revision is approved after it.
 */
async function placeInCascade(
  deps: Deps,
  skp: Omit<Skp, 'version'>,
): Promise<{ rhk: Rhk[]; writes: ExtraWrite[] }> {
  const penilaiId = skp.header.penilai?.id;
  const parents = new Map<string, string>();
  for (const iku of await okrRepo.listIku(deps.db, skp.periodId, skp.header.unitId))
    parents.set(iku.id, iku.id);
  if (penilaiId) {
    for (const plan of (await skpRepo.listForEmployee(deps.db, penilaiId)).map(skpFromItem)) {
      if (plan.periodId !== skp.periodId) continue;
      for (const r of plan.rhk) if (r.path) parents.set(r.id, r.path);
    }
  }
  const writes: ExtraWrite[] = [];
  const rhk = skp.rhk.map((r) => {
    const parentPath = r.intervensi ? parents.get(r.intervensi.id) : undefined;
    if (!r.intervensi || !parentPath) return { ...r, path: null };
    const path = `${parentPath}#${r.id}`;
    writes.push({
      item: {
        Put: {
          TableName: deps.db.tableName,
          Item: {
            ...keys.cascadeNode(skp.periodId, path),
            entity: 'CascadeNode',
            rhkId: r.id,
            parentId: r.intervensi.id,
            employeeId: skp.employeeId,
            nama: skp.header.pegawai.nama,
            skpId: skp.id,
            deskripsi: r.deskripsi,
          },
        },
      },
      onConditionFailed: staleVersion(),
    });
    return { ...r, path };
  });
  return { rhk, writes };
}

/** Name and NIP of the penilai and atasan a chain names, as the SKP header keeps them (one BatchGetItem). */
async function assessorSnapshots(
  deps: Deps,
  chain: ReturnType<typeof derivePenilaiChain>,
): Promise<Pick<Skp['header'], 'penilai' | 'atasanPenilai'>> {
  const ids = [chain.penilai?.employeeId, chain.atasanPenilai?.employeeId].filter((id): id is string => !!id);
  const people = new Map(
    (await employeeRepo.getMany(deps.db, ids)).map((p) => [p.id, { id: p.id, nama: p.nama, nip: p.nip }]),
  );
  return {
    penilai: (chain.penilai && people.get(chain.penilai.employeeId)) ?? null,
    atasanPenilai: (chain.atasanPenilai && people.get(chain.atasanPenilai.employeeId)) ?? null,
  };
}

async function extensionUntil(deps: Deps, employeeId: string, periodId: string): Promise<string> {
  const stored = await orgRepo.getStored(deps.db, keys.skpExtension(employeeId, periodId));
  return (stored?.sampai as string | undefined) ?? '';
}

/** HR extends the drafting window for one person (PermenPANRB: HR may also draft and set it). Audited. */
export async function extendDrafting(
  deps: Deps,
  employeeId: string,
  input: SkpExtension,
  ctx: RequestContext,
) {
  const [period, before] = await Promise.all([
    getPeriod(deps, input.periodId),
    orgRepo.getStored(deps.db, keys.skpExtension(employeeId, input.periodId)),
  ]);
  const item = { employeeId, periodId: period.id, sampai: input.sampai };
  const change: EntityChange = before
    ? { kind: 'update', before, action: 'skp.drafting_extended', item }
    : {
        kind: 'create',
        key: keys.skpExtension(employeeId, period.id),
        entity: 'SkpExtension',
        action: 'skp.drafting_extended',
        item,
      };
  await writeChanges(deps.db, [change], auditContext(deps, ctx, input.alasan), [
    mustExist(
      deps.db.tableName,
      keys.employee(employeeId),
      new DomainError('employee.not_found', 'Pegawai tidak ditemukan.'),
    ),
  ]);
  return { ...item, alasan: input.alasan };
}

export const approvalQueue = (deps: Deps, penilaiId: string) => skpRepo.approvalQueue(deps.db, penilaiId);

export async function skpBoard(
  deps: Deps,
  periodId: string,
  page: { limit: number; cursor?: string | undefined },
) {
  const { items, nextCursor } = await skpRepo.board(deps.db, periodId, page.limit, page.cursor);
  return { periodId, units: items, nextCursor };
}
