// Runs export jobs: claim (conditional), build the file with progress written as it goes, keep it, then
// finish — for a document, in the same transaction that registers it for verification. A runner that dies
// leaves a lease that runs out, so the job is taken again; a failure waits and retries, then is GAGAL.

import { EXPORT_MAX_ATTEMPTS, exportFileName } from '../../shared/domain/report/exports.ts';
import { DomainError } from '../../shared/errors.ts';
import { keys } from '../db/keys.ts';
import { type ExportJob, exportRepo } from '../db/repos/export-repo.ts';
import { type EntityChange, sha256, writeChanges } from '../db/transact.ts';
import type { Deps } from '../deps.ts';
import { storedName } from '../services/export-service.ts';
import { type IssuedDocument, renderDocument } from './documents/render-document.ts';
import { datasetBuilders } from './exports/datasets.ts';
import { type Table, toCsv, toXlsx } from './exports/tabular.ts';
import { inProcessRunner } from './in-process.ts';

const LEASE_MS = 10 * 60 * 1000;
/** Progress is written at most this often: enough for a progress bar, few writes for a big export. */
const PROGRESS_EVERY_MS = 1000;
const SYSTEM = { id: 'system', nama: 'Pembuat berkas PIAWAI' };

export interface ExportRunReport {
  selesai: number;
  diulang: number;
  gagal: number;
  dilewati: number;
}

class LostClaim extends Error {}

const contentTypes = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PDF: 'application/pdf',
} as const;

async function build(deps: Deps, job: ExportJob, claimId: string) {
  if (job.dataset === 'DOKUMEN') {
    const { body, fileName, document } = await renderDocument(deps, job);
    return { body, fileName, total: 1, document };
  }
  let last = 0;
  const progress = async (selesai: number, total: number) => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && selesai < total) return;
    last = now;
    if (!(await exportRepo.progress(deps.db, job.id, claimId, selesai, total))) throw new LostClaim();
  };
  const table: Table = await datasetBuilders[job.dataset](deps, job, progress);
  const body = job.format === 'CSV' ? toCsv(table) : await toXlsx(table);
  return {
    body,
    fileName: exportFileName([job.judul], job.format),
    total: table.rows.length,
    document: null,
  };
}

function registerDocument(job: ExportJob, document: IssuedDocument, hash: string, at: string): EntityChange {
  return {
    kind: 'create',
    key: keys.document(job.id),
    entity: 'IssuedDocument',
    action: 'document.issued',
    item: { id: job.id, ...document, sha256: hash, issuedAt: at, requestedBy: job.requestedBy },
  };
}

/** One job, start to end; 'dilewati' when another runner holds it or it was finished meanwhile. */
export async function runExportJob(deps: Deps, id: string): Promise<keyof ExportRunReport> {
  const claimId = deps.newId();
  const job = await exportRepo.claim(deps.db, id, claimId, deps.clock.now(), LEASE_MS);
  if (!job) return 'dilewati';
  try {
    const { body, fileName, total, document } = await build(deps, job, claimId);
    const hash = sha256(body);
    await deps.exports.files.put(storedName(job), body, contentTypes[job.format]);
    const at = deps.clock.now().toISOString();
    await writeChanges(
      deps.db,
      document ? [registerDocument(job, document, hash, at)] : [],
      { actor: SYSTEM, channel: 'job', requestId: `export-${job.id}`, at },
      [
        {
          item: exportRepo.finish(deps.db, job.id, claimId, {
            fileName,
            size: body.length,
            sha256: hash,
            at,
            total,
          }),
          onConditionFailed: new DomainError(
            'concurrency.version_conflict',
            'Ekspor diambil alih pelari lain.',
          ),
        },
      ],
    );
    return 'selesai';
  } catch (error) {
    if (error instanceof LostClaim) return 'dilewati';
    if (error instanceof DomainError && error.code === 'concurrency.version_conflict') return 'dilewati';
    deps.logger.error('export failed', { error: error as Error, exportId: id, attempt: job.attempts });
    const reason =
      error instanceof DomainError
        ? error.message
        : 'Terjadi kesalahan saat membuat berkas; dicoba lagi otomatis.';
    const now = deps.clock.now();
    const giveUp = job.attempts >= EXPORT_MAX_ATTEMPTS || error instanceof DomainError;
    await exportRepo.fail(
      deps.db,
      id,
      claimId,
      giveUp
        ? { status: 'GAGAL', at: now.toISOString(), error: reason }
        : {
            status: 'MENUNGGU',
            dueAt: new Date(now.getTime() + 60_000 * 4 ** (job.attempts - 1)).toISOString(),
            error: reason,
          },
    );
    return giveUp ? 'gagal' : 'diulang';
  }
}

/**
 * The sweep (tick) and the local runner: jobs due now, one after another, starting no new one after
 * `budgetMs` of wall time — a Lambda that times out mid-build would cost the job an attempt and its lease.
 */
export async function runDueExports(
  deps: Deps,
  options: { maxJobs?: number; budgetMs?: number } = {},
): Promise<ExportRunReport> {
  const report: ExportRunReport = { selesai: 0, diulang: 0, gagal: 0, dilewati: 0 };
  const stopAt = Date.now() + (options.budgetMs ?? Number.POSITIVE_INFINITY);
  for (const id of await exportRepo.due(deps.db, deps.clock.now(), options.maxJobs ?? 20)) {
    if (Date.now() > stopAt) break;
    report[await runExportJob(deps, id)] += 1;
  }
  return report;
}

/** Locally, a requested export starts at once in the server process (AWS: the table's stream). */
export const inProcessExports = (deps: Deps) =>
  inProcessRunner(deps, 'export run', () => runDueExports(deps));
