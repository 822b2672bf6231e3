// HTTP contract of performance periods.

import * as z from 'zod';
import { dateSchema, idSchema, versionSchema } from './common.ts';

export const periodSchema = z
  .object({
    id: idSchema,
    tahun: z.number().int(),
    nama: z.string(),
    mulai: dateSchema,
    selesai: dateSchema,
    version: versionSchema,
  })
  .meta({ id: 'Period' });

export const periodCreateSchema = z
  .strictObject({
    tahun: z.number().int().min(2020).max(2100),
    nama: z.string().trim().min(3).max(120),
    mulai: dateSchema,
    selesai: dateSchema,
  })
  .meta({ id: 'PeriodCreate' });

export type PeriodCreate = z.infer<typeof periodCreateSchema>;
