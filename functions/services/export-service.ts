// Requesting exports and official documents (an audited job the runner builds), following their progress,
// and downloading the finished file — only by whoever asked for it.

import { unitInScope } from '../../shared/domain/access/scope.ts';
import {
  datasetLabels,
  EXPORT_KEEP_DAYS,
  type ExportDataset,
  type ExportFormat,
  formatFits,
  type OfficialDocument,
  officialDocumentLabels,
} from '../../shared/domain/report/exports.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { type ExportJob, type ExportParams, exportJobFromItem, exportRepo } from '../db/repos/export-repo.ts';
import { orgRepo } from '../db/repos/org-repo.ts';
import { writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import type { Caller } from './access-service.ts';
import { auditContext, type RequestContext } from './context.ts';
import { loadWindow } from './evaluation-service.ts';
import { loadOrgContext } from './org-context.ts';
import { getPeriod } from './period-service.ts';

const mismatch = () =>
  new DomainError('export.invalid_request', 'Permintaan ekspor tidak lengkap.', [
    { path: 'format', message: 'Data tabel diekspor sebagai CSV atau XLSX; dokumen resmi sebagai PDF.' },
  ]);
const missing = (path: string, message: string) =>
  new DomainError('export.invalid_request', 'Permintaan ekspor tidak lengkap.', [{ path, message }]);
const jobNotFound = () => new DomainError('export.not_found', 'Ekspor tidak ditemukan.');

interface NewJob {
  dataset: ExportDataset;
  format: ExportFormat;
  judul: string;
  params: ExportParams;
}

async function createJob(deps: Deps, ctx: RequestContext, job: NewJob): Promise<ExportJob> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const id = deps.newId();
  const item = {
    id,
    ...job,
    requestedBy: ctx.actor.id,
    status: 'MENUNGGU',
    progress: { selesai: 0, total: 0 },
    attempts: 0,
    dueAt: at,
    createdAt: at,
    finishedAt: null,
    fileName: null,
    size: null,
    sha256: null,
    error: null,
    expiresAt: new Date(now.getTime() + EXPORT_KEEP_DAYS * 86_400_000).toISOString(),
    // DynamoDB's TTL removes the record a day after the file's own lifecycle rule removed the file.
    ttl: Math.floor(now.getTime() / 1000) + (EXPORT_KEEP_DAYS + 1) * 86_400,
  };
  await writeChanges(
    deps.db,
    [
      {
        kind: 'create',
        key: keys.exportJob(id),
        entity: 'ExportJob',
        action: job.dataset === 'DOKUMEN' ? 'document.requested' : 'export.requested',
        item: { ...item, ...keys.exportJobIndexes({ ...item, requestedBy: ctx.actor.id }) },
      },
    ],
    auditContext(deps, ctx),
  );
  deps.exports.kick();
  return { ...(item as unknown as ExportJob), version: 1 };
}

export async function requestExport(
  deps: Deps,
  caller: Caller,
  input: {
    dataset: ExportDataset;
    format: ExportFormat;
    periodId?: string;
    windowKey?: string;
    unitId?: string;
  },
  ctx: RequestContext & { origin: string },
): Promise<ExportJob> {
  if (input.dataset === 'DOKUMEN' || !formatFits(input.dataset, input.format)) throw mismatch();
  const org = await loadOrgContext(deps);
  const unit = input.unitId ? org.snapshot.units.find((u) => u.id === input.unitId) : undefined;
  if (input.unitId && !unit) throw new DomainError('unit.not_found', 'Unit tidak ditemukan.');
  // An admin of some units exports only those: a unit must be named, and be theirs.
  if (caller.adminScope !== 'ALL') {
    if (!input.unitId) throw missing('unitId', 'Pilih unit kerja yang akan diekspor.');
    if (!caller.adminScope || !unitInScope(caller.adminScope, input.unitId, org))
      throw new DomainError('unit.not_found', 'Unit tidak ditemukan.');
  }
  const parts: string[] = [datasetLabels[input.dataset]];
  if (input.dataset !== 'PEGAWAI') {
    if (!input.periodId) throw missing('periodId', 'Pilih periode kinerja.');
    const period = await getPeriod(deps, input.periodId);
    parts.push(period.nama);
    if (input.dataset === 'EVALUASI' && !input.windowKey)
      throw missing('windowKey', 'Pilih jendela evaluasi.');
    if (input.windowKey) parts.push((await loadWindow(deps, input.periodId, input.windowKey)).window.nama);
  }
  parts.push(unit ? unit.nama : 'Seluruh unit');
  const { origin, ...audit } = ctx;
  return createJob(deps, audit, {
    dataset: input.dataset,
    format: input.format,
    judul: parts.join(' · '),
    params: {
      origin,
      ...(input.periodId && input.dataset !== 'PEGAWAI' ? { periodId: input.periodId } : {}),
      ...(input.windowKey && input.dataset !== 'PEGAWAI' ? { windowKey: input.windowKey } : {}),
      ...(input.unitId ? { unitId: input.unitId } : {}),
    },
  });
}

/** An official document of one employee (access was decided by the route: self, penilai, atasan, admin). */
export async function requestDocument(
  deps: Deps,
  employeeId: string,
  input: { dokumen: OfficialDocument; skpId?: string; periodId?: string; windowKey?: string },
  ctx: RequestContext & { origin: string },
): Promise<ExportJob> {
  const { origin, ...audit } = ctx;
  const label = officialDocumentLabels[input.dokumen];
  if (input.dokumen === 'SKP') {
    if (!input.skpId) throw missing('skpId', 'Pilih SKP yang akan dicetak.');
    const skp = await orgRepo.getStored(deps.db, keys.skp(employeeId, input.skpId));
    if (!skp) throw new DomainError('skp.not_found', 'SKP tidak ditemukan.');
    const nama = (skp.header as { pegawai: { nama: string } }).pegawai.nama;
    return createJob(deps, audit, {
      dataset: 'DOKUMEN',
      format: 'PDF',
      judul: `${label} · ${nama} · revisi ${String(skp.revision)}`,
      params: { origin, dokumen: 'SKP', employeeId, skpId: input.skpId },
    });
  }
  if (!input.periodId) throw missing('periodId', 'Pilih periode kinerja.');
  if (!input.windowKey) throw missing('windowKey', 'Pilih jendela evaluasi.');
  const evaluation = await orgRepo.getStored(
    deps.db,
    keys.evaluation(employeeId, input.periodId, input.windowKey),
  );
  if (!evaluation) throw new DomainError('evaluation.not_found', 'Evaluasi belum ada untuk jendela ini.');
  const nama = (evaluation.header as { pegawai: { nama: string } }).pegawai.nama;
  return createJob(deps, audit, {
    dataset: 'DOKUMEN',
    format: 'PDF',
    judul: `${label} · ${nama} · ${String(evaluation.windowNama)}`,
    params: {
      origin,
      dokumen: input.dokumen,
      employeeId,
      periodId: input.periodId,
      windowKey: input.windowKey,
    },
  });
}

/** A job as its requester sees it; to anyone else it does not exist. */
export async function getExportJob(deps: Deps, requesterId: string, id: string): Promise<ExportJob> {
  const stored = await exportRepo.get(deps.db, id);
  if (!stored || stored.requestedBy !== requesterId) throw jobNotFound();
  return exportJobFromItem(stored);
}

export const listExportJobs = (deps: Deps, requesterId: string, limit: number, cursor?: string) =>
  exportRepo.listOf(deps.db, requesterId, limit, cursor);

export async function downloadExport(deps: Deps, requesterId: string, id: string) {
  const job = await getExportJob(deps, requesterId, id);
  if (job.status !== 'SELESAI' || !job.fileName)
    throw new DomainError('export.not_ready', 'Berkas belum selesai dibuat.');
  if (job.expiresAt <= deps.clock.now().toISOString())
    throw new DomainError(
      'export.expired',
      `Berkas hanya disimpan ${EXPORT_KEEP_DAYS} hari. Buat ekspor baru.`,
    );
  const contentType =
    job.format === 'PDF'
      ? 'application/pdf'
      : job.format === 'CSV'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return { job, contentType, download: await deps.exports.files.download(storedName(job), job.fileName) };
}

/** The stored object is named by the job id (unique, safe); the friendly name is only the download's. */
export const storedName = (job: Pick<ExportJob, 'id' | 'format'>) => `${job.id}.${job.format.toLowerCase()}`;
