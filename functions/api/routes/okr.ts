// /api/periods/:id/iku: a period's IKU per unit, and the alignment tree below one IKU.

import * as z from 'zod';
import { idParamsSchema, idSchema } from '../../../shared/contract/common.ts';
import {
  alignmentNodeSchema,
  ikuCreateSchema,
  ikuParamsSchema,
  ikuSchema,
} from '../../../shared/contract/okr.ts';
import type { Deps } from '../../deps.ts';
import { alignmentTree, createIku, listIku } from '../../services/okr-service.ts';
import { ok, problems } from '../openapi-helpers.ts';
import { defineRoute } from '../route-kit.ts';

const tags = ['OKR dan IKU'];

export const okrRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'get',
      path: '/api/periods/:id/iku',
      access: 'signedIn',
      tags,
      summary: 'IKU periode, semua unit atau satu unit',
      params: idParamsSchema,
      query: z.object({ unitId: idSchema.optional() }),
      responses: { 200: ok(z.object({ items: z.array(ikuSchema) }), 'IKU') },
    },
    async (c, { params, query }) => c.json({ items: await listIku(deps, params.id, query.unitId) }, 200),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/periods/:id/iku',
      access: 'adminAll',
      tags,
      summary: 'Tetapkan IKU unit untuk periode (dari Renstra/Perjanjian Kinerja)',
      params: idParamsSchema,
      body: ikuCreateSchema,
      responses: { 201: ok(ikuSchema, 'IKU dibuat'), 404: problems[404], 422: problems[422] },
    },
    async (c, { params, body }) => c.json(await createIku(deps, params.id, body, c.var.ctx), 201),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/periods/:id/iku/:ikuId/tree',
      access: 'signedIn',
      tags,
      summary: 'Pohon keselarasan dari satu IKU sampai setiap pegawai (RHK yang disetujui)',
      params: ikuParamsSchema,
      responses: { 200: ok(alignmentNodeSchema, 'Pohon keselarasan'), 404: problems[404] },
    },
    async (c, { params }) => c.json(await alignmentTree(deps, params.id, params.ikuId), 200),
  ),
];
