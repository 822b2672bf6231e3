// The rows of each tabular export, read unit by unit (one Query per unit and window), so progress is the
// share of units done and memory holds only the rows, never the raw items twice.

import type { PredikatOrganisasi } from '../../../shared/domain/evaluation/predikat.ts';
import { predikatPegawaiLabels, ratingLabels } from '../../../shared/domain/evaluation/predikat.ts';
import { predikatAkhir } from '../../../shared/domain/evaluation/types.ts';
import { ekinerjaColumns, ekinerjaRow } from '../../../shared/domain/export/ekinerja.ts';
import type { OrgUnit } from '../../../shared/domain/org/types.ts';
import { windowKey } from '../../../shared/domain/period/windows.ts';
import { formatWibDateTime } from '../../../shared/domain/time.ts';
import { keys } from '../../db/keys.ts';
import { queryAll } from '../../db/query-all.ts';
import { employeeFromItem } from '../../db/repos/employee-repo.ts';
import { evaluationFromItem, evaluationRepo } from '../../db/repos/evaluation-repo.ts';
import type { ExportJob } from '../../db/repos/export-repo.ts';
import { orgRepo } from '../../db/repos/org-repo.ts';
import { skpFromItem } from '../../db/repos/skp-repo.ts';
import type { Deps } from '../../deps.ts';
import { getPeriod } from '../../services/period-service.ts';
import type { Table } from './tabular.ts';

type Cell = string | number | null;
export type Progress = (selesai: number, total: number) => Promise<void>;

const when = (iso: string | null) => (iso ? formatWibDateTime(iso) : null);

/** Units in tree order of their codes: the one asked for, or all of them. */
async function unitsOf(deps: Deps, job: ExportJob) {
  const snapshot = await orgRepo.snapshot(deps.db);
  const units = job.params.unitId
    ? snapshot.units.filter((u) => u.id === job.params.unitId)
    : [...snapshot.units].sort((a, b) => a.kode.localeCompare(b.kode));
  return { units, positions: new Map(snapshot.positions.map((p) => [p.id, p])) };
}

/** Runs `rowsOf` for each step (unit, or unit × window), reporting progress after each. */
async function collect<T>(steps: T[], progress: Progress, rowsOf: (step: T) => Promise<Cell[][]>) {
  const rows: Cell[][] = [];
  for (const [i, step] of steps.entries()) {
    rows.push(...(await rowsOf(step)));
    await progress(i + 1, steps.length);
  }
  return rows;
}

async function employees(deps: Deps, job: ExportJob, progress: Progress): Promise<Table> {
  const { units, positions } = await unitsOf(deps, job);
  const rows = await collect(units, progress, async (unit) =>
    (await queryAll(deps.db, { pk: keys.unitMembersPk(unit.id), index: 'gsi1' }))
      .filter((item) => item.entity === 'Employee')
      .map(employeeFromItem)
      .map((e) => {
        const position = positions.get(e.positionId);
        return [
          e.nip,
          e.nama,
          e.status,
          e.pangkatGolongan,
          e.email,
          unit.kode,
          unit.nama,
          position?.nama ?? null,
          position?.jenis ?? null,
        ];
      }),
  );
  return {
    name: 'Pegawai',
    columns: [
      { key: 'nip', header: 'NIP' },
      { key: 'nama', header: 'Nama', width: 32 },
      { key: 'status', header: 'Status Kepegawaian' },
      { key: 'golongan', header: 'Pangkat/Golongan' },
      { key: 'email', header: 'Surel', width: 30 },
      { key: 'kodeUnit', header: 'Kode Unit' },
      { key: 'unit', header: 'Unit Kerja', width: 36 },
      { key: 'jabatan', header: 'Jabatan', width: 36 },
      { key: 'jenisJabatan', header: 'Jenis Jabatan' },
    ],
    rows,
  };
}

async function skps(deps: Deps, job: ExportJob, progress: Progress): Promise<Table> {
  const periodId = job.params.periodId ?? '';
  const { units } = await unitsOf(deps, job);
  const rows = await collect(units, progress, async (unit) =>
    (
      await queryAll(deps.db, {
        pk: keys.skpBoardPk(periodId),
        index: 'gsi2',
        prefix: keys.skpBoardUnitPrefix(unit.id),
      })
    )
      .map(skpFromItem)
      .map((s) => [
        s.header.pegawai.nip,
        s.header.pegawai.nama,
        s.header.unitNama,
        s.header.jabatan,
        s.format === 'JPT' ? 'JPT' : 'JA/JF',
        s.revision,
        s.status,
        s.berlaku.mulai,
        s.berlaku.sampai,
        s.rhk.length,
        s.header.penilai?.nama ?? null,
        s.header.penilai?.nip ?? null,
        when(s.submittedAt),
        when(s.decidedAt),
      ]),
  );
  return {
    name: 'SKP',
    columns: [
      { key: 'nip', header: 'NIP' },
      { key: 'nama', header: 'Nama', width: 32 },
      { key: 'unit', header: 'Unit Kerja', width: 36 },
      { key: 'jabatan', header: 'Jabatan', width: 36 },
      { key: 'format', header: 'Format' },
      { key: 'revisi', header: 'Revisi' },
      { key: 'status', header: 'Status' },
      { key: 'mulai', header: 'Berlaku Mulai' },
      { key: 'sampai', header: 'Berlaku Sampai' },
      { key: 'rhk', header: 'Jumlah RHK' },
      { key: 'penilai', header: 'Pejabat Penilai', width: 32 },
      { key: 'nipPenilai', header: 'NIP Pejabat Penilai' },
      { key: 'diajukan', header: 'Diajukan (WIB)', width: 28 },
      { key: 'diputuskan', header: 'Diputuskan (WIB)', width: 28 },
    ],
    rows,
  };
}

/** The organisation predikat of every unit for a window, read once per window (one Query). */
async function orgPredikatOf(deps: Deps, periodId: string, key: string) {
  const items = await evaluationRepo.orgPredikat(deps.db, periodId, key);
  return new Map(
    items.map((i) => [
      String(i.unitId),
      { predikat: (i.predikat as PredikatOrganisasi | null) ?? null, final: i.final === true },
    ]),
  );
}

const evaluationsOf = async (deps: Deps, periodId: string, key: string, unit: OrgUnit) =>
  (await queryAll(deps.db, { pk: keys.evalUnitPk(periodId, key, unit.id), index: 'gsi2' })).map(
    evaluationFromItem,
  );

async function evaluations(deps: Deps, job: ExportJob, progress: Progress): Promise<Table> {
  const periodId = job.params.periodId ?? '';
  const key = job.params.windowKey ?? '';
  const [{ units }, org] = await Promise.all([unitsOf(deps, job), orgPredikatOf(deps, periodId, key)]);
  const rows = await collect(units, progress, async (unit) =>
    (await evaluationsOf(deps, periodId, key, unit)).map((e) => {
      const final = predikatAkhir(e);
      return [
        e.header.pegawai.nip,
        e.header.pegawai.nama,
        e.header.unitNama,
        e.header.jabatan,
        e.header.penilai?.nama ?? null,
        e.status,
        e.realisasi.length,
        e.ratingHasil ? ratingLabels[e.ratingHasil] : null,
        e.ratingPerilaku ? ratingLabels[e.ratingPerilaku] : null,
        e.predikat ? predikatPegawaiLabels[e.predikat] : null,
        final ? predikatPegawaiLabels[final] : null,
        e.keberatan?.status ?? null,
        org.get(e.header.unitId)?.predikat ?? null,
        org.get(e.header.unitId)?.final ? 'Final' : 'Belum Final',
      ];
    }),
  );
  return {
    name: 'Evaluasi',
    columns: [
      { key: 'nip', header: 'NIP' },
      { key: 'nama', header: 'Nama', width: 32 },
      { key: 'unit', header: 'Unit Kerja', width: 36 },
      { key: 'jabatan', header: 'Jabatan', width: 36 },
      { key: 'penilai', header: 'Pejabat Penilai', width: 32 },
      { key: 'status', header: 'Status' },
      { key: 'realisasi', header: 'Jumlah Realisasi' },
      { key: 'ratingHasil', header: 'Rating Hasil Kerja', width: 24 },
      { key: 'ratingPerilaku', header: 'Rating Perilaku Kerja', width: 24 },
      { key: 'predikat', header: 'Predikat (Penilai)', width: 22 },
      { key: 'predikatAkhir', header: 'Predikat Akhir', width: 22 },
      { key: 'keberatan', header: 'Keberatan' },
      { key: 'organisasi', header: 'Predikat Organisasi' },
      { key: 'final', header: 'Status Unit' },
    ],
    rows,
  };
}

async function ekinerja(deps: Deps, job: ExportJob, progress: Progress): Promise<Table> {
  const period = await getPeriod(deps, job.params.periodId ?? '');
  const windowKeys = period.calendar.windows
    .filter((w) => w.kind !== 'PENYUSUNAN_SKP')
    .map(windowKey)
    .filter((k) => !job.params.windowKey || k === job.params.windowKey);
  const { units } = await unitsOf(deps, job);
  const orgs = new Map(
    await Promise.all(windowKeys.map(async (k) => [k, await orgPredikatOf(deps, period.id, k)] as const)),
  );
  const steps = windowKeys.flatMap((key) => units.map((unit) => ({ key, unit })));
  const rows = await collect(steps, progress, async ({ key, unit }) =>
    (await evaluationsOf(deps, period.id, key, unit)).map((evaluation) => {
      const org = orgs.get(key)?.get(evaluation.header.unitId);
      return ekinerjaRow({
        tahun: period.tahun,
        evaluation,
        orgPredikat: org?.predikat ?? null,
        final: org?.final ?? false,
      });
    }),
  );
  return {
    name: 'e-Kinerja',
    columns: ekinerjaColumns.map((c) => ({ key: c.key, header: c.header, width: 24 })),
    rows,
  };
}

export const datasetBuilders = {
  PEGAWAI: employees,
  SKP: skps,
  EVALUASI: evaluations,
  EKINERJA: ekinerja,
} as const;
