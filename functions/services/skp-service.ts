// Use-cases of the SKP: draft it, edit it, move it through the workflow, queue it for its penilai.

import type { SkpContent, SkpExtension, SkpTransitionInput } from '../../shared/contract/skp.ts';
import { unitInScope } from '../../shared/domain/access/scope.ts';
import { type CascadeTarget, cascadeProblems } from '../../shared/domain/okr/cascade.ts';
import type { CascadeNode } from '../../shared/domain/okr/types.ts';
import type { OrgContext } from '../../shared/domain/org/penilai.ts';
import { derivePenilaiChain } from '../../shared/domain/org/penilai.ts';
import type { Employee, OrgUnit } from '../../shared/domain/org/types.ts';
import { dayBefore, skpsClosedByTransfer } from '../../shared/domain/skp/transfer.ts';
import type { Rhk, Skp } from '../../shared/domain/skp/types.ts';
import { ikiProblems } from '../../shared/domain/skp/types.ts';
import { decideSkpTransition, type SkpRole } from '../../shared/domain/skp/workflow.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { employeeFromItem, employeeRepo } from '../db/repos/employee-repo.ts';
import { deleteCascadeNode, okrRepo, putCascadeNode } from '../db/repos/okr-repo.ts';
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
import { approvalRequestWrites, decisionNoticeWrites } from './notification-service.ts';
import { type LoadedOrg, loadOrgContext } from './org-context.ts';
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
  const running = existing.map(skpFromItem).filter((s) => s.periodId === period.id);
  if (running.some((s) => s.status !== 'DIGANTI' && s.ditutup === null)) {
    throw new DomainError('skp.exists', 'Pegawai ini sudah memiliki SKP untuk periode tersebut.');
  }
  // After a transfer closed the earlier SKP, a new one covers the rest of the period.
  const mulai = running.reduce(
    (from, s) => (s.ditutup && s.ditutup.per > from ? s.ditutup.per : from),
    period.mulai,
  );
  const skp = await draftSkp(
    deps,
    employeeFromItem(stored),
    org,
    { mulai, sampai: period.selesai },
    period.id,
  );
  await writeNewSkp(deps, skp, 'skp.created', auditContext(deps, ctx));
  return { ...skp, version: 1 };
}

/** A blank SKP in DRAFT for an employee's post as the org stands, covering `berlaku` of the period. */
async function draftSkp(
  deps: Deps,
  employee: Employee,
  org: LoadedOrg,
  berlaku: Skp['berlaku'],
  periodId: string,
): Promise<Omit<Skp, 'version'>> {
  const assessors = await assessorSnapshots(deps, derivePenilaiChain(employee, org));
  const position = org.snapshot.positions.find((p) => p.id === employee.positionId);
  return {
    id: deps.newId(),
    employeeId: employee.id,
    periodId,
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
    berlaku,
    ditutup: null,
    catatanPengembalian: null,
    submittedAt: null,
    decidedAt: null,
    decidedBy: null,
  };
}

const newSkpChange = (skp: Omit<Skp, 'version'>, action: string): EntityChange => ({
  kind: 'create',
  key: keys.skp(skp.employeeId, skp.id),
  entity: 'Skp',
  action,
  item: skpToItem(skp),
});

/** A new SKP (or revision) in DRAFT, audited, counted on its unit's board row. */
async function writeNewSkp(deps: Deps, skp: Omit<Skp, 'version'>, action: string, audit: AuditContext) {
  await writeChanges(deps.db, [newSkpChange(skp, action)], audit, [
    countStatus(deps.db, skp.periodId, skp.header.unitId, { DRAFT: 1 }),
  ]);
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
    statusMoves(deps, [{ skp: current, to: decision.to }]),
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

/**
 * Board counter updates for status moves, merged per unit row (a transaction may touch an item once):
 * approving a revision moves the new plan to DISETUJUI and the one it replaces to DIGANTI.
 */
function statusMoves(deps: Deps, moves: { skp: Skp; to: Skp['status'] }[]): ExtraWrite[] {
  const rows = new Map<string, { periodId: string; unitId: string; deltas: Record<string, number> }>();
  for (const { skp, to } of moves) {
    if (to === skp.status) continue;
    const key = `${skp.periodId}|${skp.header.unitId}`;
    const row = rows.get(key) ?? { periodId: skp.periodId, unitId: skp.header.unitId, deltas: {} };
    row.deltas[skp.status] = (row.deltas[skp.status] ?? 0) - 1;
    row.deltas[to] = (row.deltas[to] ?? 0) + 1;
    rows.set(key, row);
  }
  return [...rows.values()].map((row) =>
    countStatus(
      deps.db,
      row.periodId,
      row.unitId,
      Object.fromEntries(Object.entries(row.deltas).filter(([, d]) => d !== 0)),
    ),
  );
}

/** Checks a plan before it goes to the penilai: IKI fit the format, RHK utama support the penilai's results. */
async function assertSubmittable(deps: Deps, skp: Skp, org: OrgContext, penilaiId: string | null) {
  const theirs = penilaiId ? (await skpRepo.listForEmployee(deps.db, penilaiId)).map(skpFromItem) : [];
  const targets = new Map<string, CascadeTarget>();
  const inForce = theirs.filter((p) => p.periodId === skp.periodId && p.status !== 'DIGANTI');
  for (const plan of [...inForce, skp]) {
    for (const r of plan.rhk) {
      const owner = { ownerEmployeeId: plan.employeeId, unitId: plan.header.unitId };
      targets.set(r.id, { kind: 'RHK', id: r.id, ...owner, parentId: r.intervensi?.id ?? null });
      // The penilai's IKI are their Key Results: a subordinate may support one KR rather than the whole RHK.
      if (plan !== skp)
        for (const kr of r.iki) targets.set(kr.id, { kind: 'KR', id: kr.id, ...owner, parentId: r.id });
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
  /** Writes that must commit with the decision (an email link consumed). */
  alsoWrite: ExtraWrite[] = [],
): Promise<Skp> {
  const { before, current, org } = await loadForChange(deps, employeeId, skpId, input.version);
  const stored = await employeeRepo.get(deps.db, employeeId);
  const chain = stored ? derivePenilaiChain(employeeFromItem(stored), org) : null;
  // A plan closed by a transfer stays with the assessor it had; others go to today's penilai.
  const penilaiId = current.ditutup
    ? (current.header.penilai?.id ?? null)
    : (chain?.penilai?.employeeId ?? null);
  const roles = rolesOf(caller, current, org, penilaiId);
  const decision = decideAs(roles, current.status, input.action, input.catatan);
  const at = deps.clock.now().toISOString();
  const actingFor =
    roles.includes('penilai') && !current.ditutup ? (chain?.penilai?.onBehalfOf ?? null) : null;
  const audit = auditContext(
    deps,
    actingFor ? { ...ctx, actor: { ...ctx.actor, onBehalfOf: actingFor } } : ctx,
    input.catatan ?? undefined,
  );

  // Read once: the drafting window (submission) and the period's name (the message it causes).
  let period: Awaited<ReturnType<typeof getPeriod>> | null = null;
  if (input.action === 'ajukan') {
    period = await getPeriod(deps, current.periodId);
    const drafting = period.calendar.windows.find((w) => w.kind === 'PENYUSUNAN_SKP');
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
    await assertSubmittable(deps, current, org, penilaiId);
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
      input.action === 'ajukan' && chain && !current.ditutup
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
  const approving = input.action === 'setujui';
  const replaced = approving && current.revision > 1 ? await approvedPredecessor(deps, current) : null;
  const cascade = approving
    ? await placeInCascade(deps, next, replaced?.skp ?? null)
    : { rhk: next.rhk, writes: [] };
  const decided = { ...next, rhk: cascade.rhk };
  const changes: EntityChange[] = [
    { kind: 'update', before, action: `skp.${input.action}`, item: skpToItem(decided) },
  ];
  const moves: { skp: Skp; to: Skp['status'] }[] = [{ skp: current, to: decision.to }];
  if (replaced) {
    // The revision is now the plan in force; the one it replaces is kept, read-only, as history.
    changes.push({
      kind: 'update',
      before: replaced.stored,
      action: 'skp.superseded',
      item: skpToItem({ ...replaced.skp, status: 'DIGANTI' }),
    });
    moves.push({ skp: replaced.skp, to: 'DIGANTI' });
  }
  const notices = await noticesFor(deps, decided, current.version + 1, input, ctx, period);
  await writeChanges(deps.db, changes, audit, [
    ...statusMoves(deps, moves),
    ...cascade.writes,
    ...alsoWrite,
    ...notices,
  ]);
  if (notices.length > 0) deps.mail.kick();
  return { ...decided, version: current.version + 1 };
}

/** Mail a step causes: the approval request on submission, the decision to the employee. */
async function noticesFor(
  deps: Deps,
  skp: Omit<Skp, 'version'>,
  version: number,
  input: SkpTransitionInput,
  ctx: RequestContext,
  known: Awaited<ReturnType<typeof getPeriod>> | null,
): Promise<ExtraWrite[]> {
  if (input.action !== 'ajukan' && input.action !== 'setujui' && input.action !== 'kembalikan') return [];
  const periode = (known ?? (await getPeriod(deps, skp.periodId))).nama;
  if (input.action === 'ajukan') return approvalRequestWrites(deps, skp, version, periode);
  const oleh = {
    nama: ctx.actor.nama ?? skp.header.penilai?.nama ?? 'Biro SDM',
    lewatSurel: ctx.channel === 'email',
  };
  return decisionNoticeWrites(deps, skp, input.action, input.catatan, periode, oleh);
}

/** The approved plan of the same period a revision replaces when it is approved. */
async function approvedPredecessor(deps: Deps, revision: Skp) {
  const stored = (await skpRepo.listForEmployee(deps.db, revision.employeeId)).find((item) => {
    const skp = skpFromItem(item);
    return (
      skp.periodId === revision.periodId &&
      skp.status === 'DISETUJUI' &&
      skp.id !== revision.id &&
      !skp.ditutup
    );
  });
  return stored ? { stored, skp: skpFromItem(stored) } : null;
}

/**
 * An approved plan joins the committed cascade: each RHK gets the path of what it supports (an IKU of the
 * unit, an RHK or a KR of the penilai's plan in force) plus its own id, written as a node in the same
 * transaction; nodes of the plan it replaces that the revision no longer has are removed. RHK whose parent
 * is not in the cascade yet (the level above not approved) stay out until a revision is approved after it.
 */
async function placeInCascade(
  deps: Deps,
  skp: Omit<Skp, 'version'>,
  replaced: Skp | null,
): Promise<{ rhk: Rhk[]; writes: ExtraWrite[] }> {
  const penilaiId = skp.header.penilai?.id;
  const parents = new Map<string, string>();
  for (const iku of await okrRepo.listIku(deps.db, skp.periodId, skp.header.unitId))
    parents.set(iku.id, iku.id);
  if (penilaiId) {
    for (const plan of (await skpRepo.listForEmployee(deps.db, penilaiId)).map(skpFromItem)) {
      if (plan.periodId !== skp.periodId || plan.status !== 'DISETUJUI') continue;
      for (const r of plan.rhk) {
        if (!r.path) continue;
        parents.set(r.id, r.path);
        for (const kr of r.iki) parents.set(kr.id, `${r.path}#${kr.id}`);
      }
    }
  }
  const writes: ExtraWrite[] = [];
  const rhk = skp.rhk.map((r) => {
    const parentPath = r.intervensi ? parents.get(r.intervensi.id) : undefined;
    if (!r.intervensi || !parentPath) return { ...r, path: null };
    const node: CascadeNode = {
      rhkId: r.id,
      parentId: r.intervensi.id,
      path: `${parentPath}#${r.id}`,
      employeeId: skp.employeeId,
      nama: skp.header.pegawai.nama,
      skpId: skp.id,
      deskripsi: r.deskripsi,
      kr: r.iki.map(({ id, deskripsi, target, satuan }) => ({ id, deskripsi, target, satuan })),
      capaian: null,
    };
    writes.push(putCascadeNode(deps.db, skp.periodId, node, staleVersion()));
    return { ...r, path: node.path };
  });
  const kept = new Set(rhk.map((r) => r.path));
  for (const old of replaced?.rhk ?? []) {
    if (old.path && !kept.has(old.path))
      writes.push(deleteCascadeNode(deps.db, skp.periodId, old.path, staleVersion()));
  }
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

/**
 * A change of post on `tmt`: each SKP running that day ends the day before and keeps its assessor; a new
 * draft for the new post covers the rest of its period. Returned as changes for the move's own transaction.
 * `movedUnits` are the units the move itself changes (a new head), so the new assessor is derived as after.
 */
export async function transferSkpChanges(
  deps: Deps,
  employee: Employee,
  tmt: string,
  movedUnits: readonly OrgUnit[],
): Promise<{ changes: EntityChange[]; extras: ExtraWrite[] }> {
  const [stored, loaded] = await Promise.all([
    skpRepo.listForEmployee(deps.db, employee.id),
    loadOrgContext(deps),
  ]);
  const org = { ...loaded, units: new Map([...loaded.units, ...movedUnits.map((u) => [u.id, u] as const)]) };
  const byId = new Map(stored.map((item) => [item.id as string, item]));
  const closing = skpsClosedByTransfer(stored.map(skpFromItem), tmt);
  const changes: EntityChange[] = [];
  const extras: ExtraWrite[] = [];
  for (const skp of closing) {
    const before = byId.get(skp.id);
    if (!before) continue;
    const closed = {
      ...skp,
      berlaku: { ...skp.berlaku, sampai: dayBefore(tmt) },
      ditutup: { per: tmt, karena: 'MUTASI' as const },
    };
    changes.push({ kind: 'update', before, action: 'skp.closed_on_transfer', item: skpToItem(closed) });
  }
  for (const periodId of new Set(closing.map((s) => s.periodId))) {
    const sampai = closing.find((s) => s.periodId === periodId)?.berlaku.sampai ?? tmt;
    const fresh = await draftSkp(deps, employee, org, { mulai: tmt, sampai }, periodId);
    changes.push(newSkpChange(fresh, 'skp.created_on_transfer'));
    extras.push(countStatus(deps.db, periodId, fresh.header.unitId, { DRAFT: 1 }));
  }
  return { changes, extras };
}
