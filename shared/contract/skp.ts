// HTTP contract of SKP: the plan, its edits, its workflow steps, the approval queue and the HR board.

import * as z from 'zod';
import { aspekIki, pendekatan, perspektifJpt, skpFormats } from '../domain/skp/types.ts';
import { skpActions, skpStatuses } from '../domain/skp/workflow.ts';
import { dateSchema, idSchema, versionSchema } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

const ikiSchema = z.strictObject({
  id: idSchema.optional().meta({ description: 'Kosongkan untuk IKI baru' }),
  deskripsi: text(500),
  aspek: z.enum(aspekIki).nullable().default(null),
  perspektif: z.enum(perspektifJpt).nullable().default(null),
  target: text(100),
  satuan: z.string().trim().max(60).nullable().default(null),
});

const rhkSchema = z.strictObject({
  id: idSchema.optional().meta({ description: 'Kosongkan untuk RHK baru' }),
  jenis: z.enum(['UTAMA', 'TAMBAHAN']),
  deskripsi: text(500),
  intervensi: z
    .strictObject({ kind: z.enum(['IKU', 'RHK', 'KR']), id: z.string().min(1).max(40) })
    .nullable()
    .default(null)
    .meta({ description: 'RHK/KR pejabat penilai yang diintervensi (wajib untuk RHK utama saat diajukan)' }),
  iki: z.array(ikiSchema).max(10),
});

const lampiranSchema = z.strictObject({
  dukunganSumberDaya: z.array(text(500)).max(20).default([]),
  skemaPertanggungjawaban: z.array(text(500)).max(20).default([]),
  konsekuensi: z.array(text(500)).max(20).default([]),
});

export const skpContentSchema = z
  .strictObject({
    version: versionSchema,
    pendekatan: z.enum(pendekatan).optional(),
    rhk: z.array(rhkSchema).max(20).optional(),
    perilaku: z.record(z.string(), z.string().trim().max(500).nullable()).optional().meta({
      description: 'Ekspektasi khusus pimpinan per nilai BerAKHLAK (kode nilai → teks)',
    }),
    lampiran: lampiranSchema.optional(),
  })
  .meta({ id: 'SkpContent' });

export const skpCreateSchema = z.strictObject({ periodId: idSchema }).meta({ id: 'SkpCreate' });

export const skpTransitionSchema = z
  .strictObject({
    version: versionSchema,
    action: z.enum(skpActions),
    catatan: z.string().trim().max(1000).nullable().default(null),
  })
  .meta({ id: 'SkpTransition' });

const person = z.object({ id: z.string(), nama: z.string(), nip: z.string().nullable() });

export const skpSchema = z
  .object({
    id: idSchema,
    employeeId: idSchema,
    periodId: idSchema,
    revision: z.number().int(),
    status: z.enum(skpStatuses),
    format: z.enum(skpFormats),
    pendekatan: z.enum(pendekatan),
    header: z.object({
      pegawai: person,
      penilai: person.nullable(),
      atasanPenilai: person.nullable(),
      unitId: z.string(),
      unitNama: z.string(),
      jabatan: z.string(),
    }),
    rhk: z.array(z.unknown()),
    perilaku: z.record(z.string(), z.string().nullable()),
    lampiran: z.unknown(),
    berlaku: z.object({ mulai: z.string(), sampai: z.string() }),
    ditutup: z.object({ per: z.string(), karena: z.enum(['MUTASI']) }).nullable(),
    catatanPengembalian: z.string().nullable(),
    submittedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    version: versionSchema,
  })
  .meta({ id: 'Skp' });

export const skpExtensionSchema = z
  .strictObject({
    periodId: idSchema,
    sampai: dateSchema.meta({ description: 'Batas baru pengajuan SKP bagi pegawai ini (WIB, inklusif)' }),
    alasan: z.string().trim().min(5).max(500),
  })
  .meta({ id: 'SkpExtension' });

export const skpParamsSchema = z.object({ id: idSchema, skpId: idSchema });

export const boardSchema = z
  .object({
    periodId: idSchema,
    units: z.array(z.object({ unitId: z.string(), counts: z.record(z.string(), z.number().int()) })),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SkpBoard' });

export type SkpExtension = z.infer<typeof skpExtensionSchema>;
export type SkpContent = z.infer<typeof skpContentSchema>;
export type SkpTransitionInput = z.infer<typeof skpTransitionSchema>;
