// Exporting a 10,000-employee period: every employee rated in the first quarter's window (written straight
// into the table, as the rating transactions would leave them), then the export jobs for the evaluations
// (XLSX and CSV) and the e-Kinerja upload run as the runner runs them. Measured: time, rows, file size, the
// DynamoDB calls, and the peak memory of the process (resident set, sampled every 20 ms).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { loadConfig } from '../../functions/config.ts';
import { keys } from '../../functions/db/keys.ts';
import { queryAll } from '../../functions/db/query-all.ts';
import { employeeFromItem } from '../../functions/db/repos/employee-repo.ts';
import { evaluationToItem } from '../../functions/db/repos/evaluation-repo.ts';
import { orgRepo } from '../../functions/db/repos/org-repo.ts';
import { createDeps } from '../../functions/deps.ts';
import { localFileStore } from '../../functions/files/file-store.ts';
import { runExportJob } from '../../functions/jobs/export-job.ts';
import { ensureTable } from '../../functions/local/create-table.ts';
import type { DynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { generateOrganisation } from '../../functions/local/synthetic-org.ts';
import { requestExport } from '../../functions/services/export-service.ts';
import { createPeriod } from '../../functions/services/period-service.ts';
import { predikatFromRatings, type Rating, ratingLevels } from '../../shared/domain/evaluation/predikat.ts';
import type { Evaluation } from '../../shared/domain/evaluation/types.ts';
import { round } from './stats.ts';

const WINDOW = 'EVALUASI_PERIODIK-2025-01-01';

/** Samples the resident set size while `work` runs: the peak is what a Lambda's memory must hold. */
async function withPeakMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; peakRssMb: number; ms: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakRssMb: round(peak / 1024 / 1024), ms: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}

async function rateEveryone(deps: ReturnType<typeof createDeps>, periodId: string) {
  const { units } = await orgRepo.listUnits(deps.db);
  const at = '2025-04-08T03:00:00.000Z';
  let i = 0;
  for (const unit of units) {
    const members = (await queryAll(deps.db, { pk: keys.unitMembersPk(unit.id), index: 'gsi1' }))
      .filter((item) => item.entity === 'Employee')
      .map(employeeFromItem);
    const items = members.map((m) => {
      i += 1;
      const hasil = ratingLevels[i % 3] as Rating;
      const perilaku = ratingLevels[(i * 7) % 3] as Rating;
      const e: Omit<Evaluation, 'version'> = {
        employeeId: m.id,
        periodId,
        windowKey: WINDOW,
        windowNama: 'Triwulan I',
        tahunan: false,
        skpId: `SKP${m.id}`,
        header: {
          pegawai: { id: m.id, nama: m.nama, nip: m.nip },
          penilai: null,
          atasanPenilai: null,
          unitId: unit.id,
          unitNama: unit.nama,
          jabatan: 'Analis Kebijakan',
        },
        realisasi: [
          { rhkId: 'r1', ikiId: null, realisasi: 'Laporan triwulan terbit', buktiDukung: [], capaian: 100 },
        ],
        umpanBalik: { rhk: {}, perilaku: {} },
        ratingHasil: hasil,
        ratingPerilaku: perilaku,
        predikat: predikatFromRatings(hasil, perilaku),
        ratingHasilDariOrganisasi: false,
        catatan: null,
        status: 'DINILAI',
        dinilaiOleh: null,
        dinilaiPada: at,
        keberatan: null,
      };
      return {
        ...keys.evaluation(m.id, periodId, WINDOW),
        entity: 'Evaluation',
        version: 2,
        ...evaluationToItem(e),
      };
    });
    for (let k = 0; k < items.length; k += 100) {
      await deps.db.doc.send(
        new TransactWriteCommand({
          TransactItems: items
            .slice(k, k + 100)
            .map((Item) => ({ Put: { TableName: deps.db.tableName, Item } })),
        }),
      );
    }
  }
  return i;
}

export async function benchExportPeriod(dynamo: DynamoDbLocal, employees = 10_000) {
  const config = loadConfig({
    TABLE_NAME: `export-${employees}`,
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    LOG_LEVEL: 'SILENT',
  });
  const dir = mkdtempSync(join(tmpdir(), 'piawai-bench-export-'));
  const now = new Date('2025-04-20T03:00:00.000Z');
  const deps = createDeps(config, { clock: { now: () => now } });
  deps.exports.files = localFileStore(dir);
  try {
    await ensureTable(deps.db);
    const org = await generateOrganisation(deps, { employees });
    const ctx = { actor: { id: 'bench' }, channel: 'seed' as const, requestId: 'bench' };
    const period = await createPeriod(
      deps,
      {
        tahun: 2025,
        nama: 'Periode 2025',
        mulai: '2025-01-01',
        selesai: '2025-12-31',
        cadence: 'TRIWULANAN',
      },
      ctx,
    );
    const rated = await rateEveryone(deps, period.id);
    const admin = { employeeId: 'bench', adminScope: 'ALL' as const };
    const rows: Record<string, unknown>[] = [];
    for (const [dataset, format] of [
      ['EVALUASI', 'XLSX'],
      ['EVALUASI', 'CSV'],
      ['EKINERJA', 'XLSX'],
    ] as const) {
      const job = await requestExport(
        deps,
        admin,
        { dataset, format, periodId: period.id, windowKey: WINDOW },
        { ...ctx, origin: 'http://localhost' },
      );
      const callsBefore = deps.db.calls.total;
      const run = await withPeakMemory(() => runExportJob(deps, job.id));
      const done = await deps.db.doc.send(
        new GetCommand({ TableName: deps.db.tableName, Key: keys.exportJob(job.id) }),
      );
      rows.push({
        export: `${dataset} ${format}`,
        outcome: run.result,
        rows: (done.Item?.progress as { selesai: number } | undefined)?.selesai ?? 0,
        seconds: round(run.ms / 1000),
        sizeKb: round(Number(done.Item?.size ?? 0) / 1024),
        dynamoCalls: deps.db.calls.total - callsBefore,
        peakRssMb: run.peakRssMb,
      });
    }
    return { employees: org.employees, units: org.units, rated, exports: rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
