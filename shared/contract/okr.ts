// HTTP contract of IKU and the alignment tree.

import * as z from 'zod';
import type { AlignmentTreeNode } from '../domain/okr/types.ts';
import { idSchema, versionSchema } from './common.ts';

export const ikuCreateSchema = z
  .strictObject({
    unitId: idSchema,
    indikator: z.string().trim().min(3).max(500),
    target: z.string().trim().min(1).max(100),
    satuan: z.string().trim().max(60).nullable().default(null),
  })
  .meta({ id: 'IkuCreate' });

export const ikuSchema = z
  .object({
    id: idSchema,
    periodId: idSchema,
    unitId: idSchema,
    indikator: z.string(),
    target: z.string(),
    satuan: z.string().nullable(),
    version: versionSchema,
  })
  .meta({ id: 'Iku' });

export const alignmentNodeSchema: z.ZodType<AlignmentTreeNode> = z
  .lazy(() =>
    z.object({
      id: z.string(),
      kind: z.enum(['IKU', 'RHK', 'KR']),
      label: z.string(),
      target: z.string().nullable(),
      employeeId: z.string().nullable(),
      nama: z.string().nullable(),
      progress: z
        .number()
        .nullable()
        .meta({ description: 'Capaian (%) digulung dari realisasi di bawahnya' }),
      children: z.array(alignmentNodeSchema),
    }),
  )
  .meta({ id: 'AlignmentNode' });

export const ikuParamsSchema = z.object({ id: idSchema, ikuId: idSchema });

export type IkuCreate = z.infer<typeof ikuCreateSchema>;
