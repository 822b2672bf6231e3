// HTTP contract of exports (files made by a job, with progress), official documents (PDF) and their public
// verification, and the reports (completion over time, distribution against the pattern, who is late).

import * as z from 'zod';
import { predikatOrganisasi, predikatPegawai } from '../domain/evaluation/predikat.ts';
import {
  exportDatasets,
  exportFormats,
  exportJobStatuses,
  officialDocuments,
} from '../domain/report/exports.ts';
import { lateKinds } from '../domain/report/lateness.ts';
import { dateSchema, idSchema } from './common.ts';

const windowKeySchema = z
  .string()
  .regex(/^[A-Z_]{3,30}-\d{4}-\d{2}-\d{2}$/, 'Kunci jendela tidak valid.')
  .meta({ description: 'Kunci jendela evaluasi, mis. EVALUASI_PERIODIK-2025-01-01' });

export const exportRequestSchema = z
  .strictObject({
    dataset: z.enum(exportDatasets),
    format: z.enum(exportFormats),
    periodId: idSchema.optional().meta({ description: 'Wajib untuk SKP, EVALUASI dan EKINERJA' }),
    windowKey: windowKeySchema
      .optional()
      .meta({ description: 'Wajib untuk EVALUASI; EKINERJA: semua bila kosong' }),
    unitId: idSchema.optional().meta({ description: 'Satu unit saja (dengan unit di bawahnya tidak ikut)' }),
  })
  .meta({ id: 'ExportRequest' });

export const documentRequestSchema = z
  .strictObject({
    dokumen: z.enum(officialDocuments),
    skpId: idSchema.optional().meta({ description: 'Untuk SKP' }),
    periodId: idSchema.optional().meta({ description: 'Untuk evaluasi' }),
    windowKey: windowKeySchema.optional().meta({ description: 'Untuk evaluasi' }),
  })
  .meta({ id: 'DocumentRequest' });

export const exportJobSchema = z
  .object({
    id: z.string(),
    dataset: z.enum(exportDatasets),
    format: z.enum(exportFormats),
    judul: z.string(),
    status: z.enum(exportJobStatuses),
    progress: z.object({ selesai: z.number().int(), total: z.number().int() }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    fileName: z.string().nullable(),
    size: z.number().int().nullable(),
    sha256: z.string().nullable(),
    error: z.string().nullable(),
    expiresAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'ExportJob' });

export const verificationSchema = z
  .object({
    id: z.string(),
    dokumen: z.enum(officialDocuments),
    judul: z.string(),
    pegawai: z.object({ nama: z.string(), nip: z.string().nullable() }),
    periode: z.string(),
    sha256: z.string(),
    versi: z.number().int().meta({ description: 'Versi data saat dokumen diterbitkan' }),
    statusSaatTerbit: z.string(),
    versiKini: z.number().int().nullable(),
    statusKini: z.string().nullable(),
    berlaku: z.boolean().meta({ description: 'Data belum berubah sejak dokumen diterbitkan' }),
    diterbitkan: z.string(),
  })
  .meta({ id: 'DocumentVerification' });

export const reportQuerySchema = z.object({ periodId: idSchema });
export const unitReportParamsSchema = z.object({ unitId: idSchema });
export const distributionQuerySchema = z.object({ periodId: idSchema, windowKey: windowKeySchema });

const progressPoint = z.object({
  tanggal: dateSchema,
  pegawai: z.number().int(),
  skpDisetujui: z.number().int(),
  skpDiajukan: z.number().int(),
  evaluasi: z.record(z.string(), z.object({ realisasi: z.number().int(), dinilai: z.number().int() })),
});

export const completionSchema = z
  .object({
    periodId: z.string(),
    unitId: z.string().nullable(),
    jendela: z.array(z.object({ key: z.string(), nama: z.string() })),
    points: z.array(progressPoint),
  })
  .meta({ id: 'CompletionReport' });

export const lateRowSchema = z.object({
  employeeId: z.string(),
  nama: z.string(),
  nip: z.string().nullable(),
  penilai: z.string().nullable(),
  terlambat: z.array(
    z.object({ jenis: z.enum(lateKinds), jendela: z.string().nullable(), batas: dateSchema }),
  ),
});

export const lateReportSchema = z
  .object({ periodId: z.string(), unitId: z.string(), tanggal: dateSchema, items: z.array(lateRowSchema) })
  .meta({ id: 'LateReport' });

export const distributionReportSchema = z
  .object({
    periodId: z.string(),
    windowKey: z.string(),
    units: z.array(
      z.object({
        unitId: z.string(),
        predikatOrganisasi: z.enum(predikatOrganisasi).nullable(),
        total: z.number().int(),
        rows: z.array(
          z.object({
            predikat: z.enum(predikatPegawai),
            label: z.string(),
            count: z.number().int(),
            percent: z.number(),
            expectation: z.string(),
          }),
        ),
        violations: z.array(z.object({ rule: z.string(), message: z.string() })),
      }),
    ),
  })
  .meta({ id: 'DistributionReport' });
