// HTTP contract of windows, evaluations (realisasi, penilaian), organisation predikat, calibration,
// reopening, continuous feedback and keberatan.

import * as z from 'zod';
import { predikatOrganisasi, predikatPegawai, ratingLevels } from '../domain/evaluation/predikat.ts';
import { evaluationStatuses, keberatanStatuses } from '../domain/evaluation/types.ts';
import { windowStatuses } from '../domain/period/windows.ts';
import { idSchema, versionSchema } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalVersion = versionSchema
  .optional()
  .meta({ description: 'Versi yang dilihat (kosong: data baru)' });

export const windowKeySchema = z
  .string()
  .regex(
    /^(PENYUSUNAN_SKP|EVALUASI_PERIODIK|EVALUASI_TAHUNAN)-\d{4}-\d{2}-\d{2}$/,
    'Kode jendela tidak valid.',
  );

export const windowParamsSchema = z.object({ id: idSchema, windowKey: windowKeySchema });
export const evaluationParamsSchema = z.object({ id: idSchema, windowKey: windowKeySchema });
export const unitWindowParamsSchema = windowParamsSchema.extend({ unitId: idSchema });

export const windowStateSchema = z
  .object({
    windowKey: z.string(),
    kind: z.string(),
    nama: z.string(),
    buka: z.string(),
    tutup: z.string(),
    batasPengisian: z.string(),
    status: z.enum(windowStatuses),
    pengingatTerkirim: z.array(z.number().int()),
    eskalasiTerkirim: z.boolean(),
  })
  .meta({ id: 'WindowState' });

export const realisasiInputSchema = z
  .strictObject({
    version: optionalVersion,
    realisasi: z
      .array(
        z.strictObject({
          rhkId: z.string().min(1).max(40),
          ikiId: z.string().min(1).max(40).nullable().default(null),
          realisasi: text(2000),
          buktiDukung: z
            .array(z.url({ protocol: /^https?$/ }).max(2000))
            .max(10)
            .default([]),
          capaian: z.number().min(0).max(1000).nullable().default(null),
        }),
      )
      .min(1)
      .max(60),
  })
  .meta({ id: 'RealisasiInput' });

export const penilaianInputSchema = z
  .strictObject({
    version: versionSchema,
    umpanBalik: z
      .strictObject({
        rhk: z.record(z.string().max(40), z.string().trim().max(2000)).default({}),
        perilaku: z.record(z.string().max(40), z.string().trim().max(2000)).default({}),
      })
      .default({ rhk: {}, perilaku: {} }),
    ratingHasil: z.enum(ratingLevels),
    ratingPerilaku: z.enum(ratingLevels),
    catatan: z.string().trim().max(2000).nullable().default(null),
  })
  .meta({ id: 'PenilaianInput' });

export const evaluationSchema = z
  .object({
    employeeId: z.string(),
    periodId: z.string(),
    windowKey: z.string(),
    windowNama: z.string(),
    tahunan: z.boolean(),
    skpId: z.string(),
    header: z.unknown(),
    realisasi: z.array(z.unknown()),
    umpanBalik: z.unknown(),
    ratingHasil: z.enum(ratingLevels).nullable(),
    ratingPerilaku: z.enum(ratingLevels).nullable(),
    predikat: z.enum(predikatPegawai).nullable(),
    ratingHasilDariOrganisasi: z.boolean(),
    catatan: z.string().nullable(),
    status: z.enum(evaluationStatuses),
    dinilaiOleh: z.string().nullable(),
    dinilaiPada: z.string().nullable(),
    keberatan: z
      .object({
        status: z.enum(keberatanStatuses),
        alasan: z.string(),
        diajukanPada: z.string(),
        klarifikasiPenilai: z.string().nullable(),
        klarifikasiPegawai: z.string().nullable(),
        keputusanCatatan: z.string().nullable(),
        predikatBaru: z.enum(predikatPegawai).nullable(),
        diputuskanOleh: z.string().nullable(),
        diputuskanPada: z.string().nullable(),
      })
      .nullable(),
    final: z.object({ pada: z.string(), batasKeberatan: z.string() }).nullable().optional().meta({
      description: 'Predikat unit difinalkan pada tanggal ini; keberatan paling lambat batasKeberatan (WIB)',
    }),
    version: versionSchema,
  })
  .meta({ id: 'Evaluation' });

export const orgPredikatInputSchema = z
  .strictObject({ version: optionalVersion, predikat: z.enum(predikatOrganisasi) })
  .meta({ id: 'OrgPredikatInput' });

export const finalizeInputSchema = z
  .strictObject({
    version: versionSchema.meta({ description: 'Versi predikat organisasi unit' }),
    justifikasi: z.string().trim().min(10).max(2000).nullable().default(null),
  })
  .meta({ id: 'FinalizeInput' });

export const reopenInputSchema = z
  .strictObject({
    employeeId: idSchema.optional(),
    unitId: idSchema.optional(),
    sampai: z.iso
      .datetime({ offset: true })
      .meta({ description: 'Dibuka kembali sampai (waktu, mis. 2025-04-20T23:59:59+07:00)' }),
    alasan: z.string().trim().min(5).max(500),
  })
  .refine((v) => (v.employeeId ? 1 : 0) + (v.unitId ? 1 : 0) === 1, {
    message: 'Pilih satu: pegawai atau unit.',
    path: ['employeeId'],
  })
  .meta({ id: 'ReopenInput' });

export const feedbackInputSchema = z
  .strictObject({ rhkId: z.string().min(1).max(40).nullable().default(null), umpanBalik: text(2000) })
  .meta({ id: 'FeedbackInput' });

export const keberatanInputSchema = z
  .strictObject({ alasan: z.string().trim().min(10).max(4000) })
  .meta({ id: 'KeberatanInput' });

export const keberatanDecisionSchema = z
  .strictObject({
    version: versionSchema,
    klarifikasiPenilai: text(4000),
    klarifikasiPegawai: text(4000),
    keputusan: z.enum(['UBAH', 'TETAP']),
    predikatBaru: z.enum(predikatPegawai).nullable().default(null),
    catatan: text(4000),
  })
  .meta({ id: 'KeberatanDecision' });

export const calibrationUnitSchema = z.object({
  unitId: z.string(),
  predikatOrganisasi: z.enum(predikatOrganisasi).nullable(),
  version: z.number().int().nullable(),
  final: z.boolean(),
  justifikasi: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
  total: z.number().int(),
  violations: z.array(z.object({ rule: z.string(), message: z.string() })),
});

export const calibrationSchema = z
  .object({
    periodId: z.string(),
    windowKey: z.string(),
    kebijakan: z.enum(['JUSTIFIKASI', 'BLOKIR']),
    units: z.array(calibrationUnitSchema),
  })
  .meta({ id: 'Calibration' });

export type RealisasiInput = z.infer<typeof realisasiInputSchema>;
export type PenilaianInput = z.infer<typeof penilaianInputSchema>;
export type ReopenInput = z.infer<typeof reopenInputSchema>;
export type KeberatanDecision = z.infer<typeof keberatanDecisionSchema>;
