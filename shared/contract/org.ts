// HTTP contract of org units, positions (jabatan) and acting officials (Plt/Plh).

import * as z from 'zod';
import { jenisJabatan, jenisPenugasan, jenjangFungsional, unitLevels } from '../domain/org/types.ts';
import { dateSchema, idSchema, versionSchema } from './common.ts';

const namaSchema = z.string().trim().min(2).max(200);

export const unitSchema = z
  .object({
    id: idSchema,
    kode: z.string(),
    nama: z.string(),
    level: z.enum(unitLevels),
    parentId: idSchema.nullable(),
    kepalaId: idSchema.nullable(),
    version: versionSchema,
  })
  .meta({ id: 'OrgUnit' });

export const unitCreateSchema = z
  .strictObject({
    kode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9.-]{1,30}$/, 'Kode unit hanya huruf, angka, titik dan tanda hubung (maks. 30).'),
    nama: namaSchema,
    level: z.enum(unitLevels),
    parentId: idSchema.nullable(),
  })
  .meta({ id: 'OrgUnitCreate' });

export const unitUpdateSchema = z
  .strictObject({
    version: versionSchema,
    nama: namaSchema.optional(),
    level: z.enum(unitLevels).optional(),
    parentId: idSchema.nullable().optional(),
  })
  .meta({ id: 'OrgUnitUpdate' });

// Named, so the OpenAPI generator emits a $ref for the recursion instead of expanding it forever.
export const unitTreeNodeSchema: z.ZodType<UnitTreeNode> = z
  .lazy(() => unitSchema.extend({ children: z.array(unitTreeNodeSchema) }))
  .meta({ id: 'UnitTreeNode' });
export type UnitTreeNode = z.infer<typeof unitSchema> & { children: UnitTreeNode[] };

export const unitTreeSchema = z.object({ roots: z.array(unitTreeNodeSchema), total: z.number().int() });

export const positionSchema = z
  .object({
    id: idSchema,
    unitId: idSchema,
    nama: z.string(),
    jenis: z.enum(jenisJabatan),
    jenjang: z.enum(jenjangFungsional).nullable(),
    memimpinUnit: z.boolean(),
    version: versionSchema,
  })
  .meta({ id: 'Position' });

export const positionCreateSchema = z
  .strictObject({
    nama: namaSchema,
    jenis: z.enum(jenisJabatan),
    jenjang: z.enum(jenjangFungsional).nullable().default(null),
  })
  .refine((p) => (p.jenis === 'FUNGSIONAL') === (p.jenjang !== null), {
    path: ['jenjang'],
    message: 'Jenjang wajib diisi untuk jabatan fungsional, dan hanya untuk jabatan fungsional.',
  })
  .meta({ id: 'PositionCreate' });

export const actingSchema = z
  .object({
    id: idSchema,
    employeeId: idSchema,
    unitId: idSchema,
    jenis: z.enum(jenisPenugasan),
    mulai: dateSchema,
    selesai: dateSchema,
    version: versionSchema,
  })
  .meta({ id: 'ActingAssignment', description: 'Plt/Plh: pejabat yang melaksanakan tugas kepala unit' });

export const actingCreateSchema = z
  .strictObject({
    employeeId: idSchema,
    unitId: idSchema,
    jenis: z.enum(jenisPenugasan),
    mulai: dateSchema,
    selesai: dateSchema,
  })
  .refine((a) => a.mulai <= a.selesai, {
    path: ['selesai'],
    message: 'Tanggal selesai harus setelah tanggal mulai.',
  })
  .meta({ id: 'ActingAssignmentCreate' });

export type UnitCreate = z.infer<typeof unitCreateSchema>;
export type UnitUpdate = z.infer<typeof unitUpdateSchema>;
export type PositionCreate = z.infer<typeof positionCreateSchema>;
export type ActingCreate = z.infer<typeof actingCreateSchema>;
