// /api/units: the org tree, one unit, its members and its positions.

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { idParamsSchema, pageOf, pageQuerySchema } from '../../../shared/contract/common.ts';
import { employeeSchema } from '../../../shared/contract/employees.ts';
import {
  positionCreateSchema,
  positionSchema,
  unitCreateSchema,
  unitSchema,
  unitTreeSchema,
  unitUpdateSchema,
} from '../../../shared/contract/org.ts';
import type { Deps } from '../../deps.ts';
import { listEmployees } from '../../services/employee-service.ts';
import { createPosition, listPositions } from '../../services/position-service.ts';
import { createUnit, getUnit, getUnitTree, updateUnit } from '../../services/unit-service.ts';
import type { AppEnv } from '../middleware/request-context.ts';
import { jsonBody, ok, problems } from '../openapi-helpers.ts';

const tags = ['Unit organisasi'];
const memberQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1).max(60).optional().meta({ description: 'Awal nama, atau awal NIP bila angka' }),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const unitRoutes = (deps: Deps) =>
  new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Seluruh pohon unit (satu Query)',
        responses: { 200: ok(unitTreeSchema, 'Pohon unit') },
      }),
      async (c) => c.json(await getUnitTree(deps), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Buat unit',
        request: jsonBody(unitCreateSchema),
        responses: {
          201: ok(unitSchema, 'Unit dibuat'),
          400: problems[400],
          409: problems[409],
          422: problems[422],
        },
      }),
      async (c) => c.json(await createUnit(deps, c.req.valid('json'), c.var.ctx), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'Satu unit',
        request: { params: idParamsSchema },
        responses: { 200: ok(unitSchema, 'Unit'), 404: problems[404] },
      }),
      async (c) => c.json(await getUnit(deps, c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: 'Ubah atau pindahkan unit (dengan versi)',
        request: { params: idParamsSchema, ...jsonBody(unitUpdateSchema) },
        responses: {
          200: ok(unitSchema, 'Unit diubah'),
          404: problems[404],
          409: problems[409],
          422: problems[422],
        },
      }),
      async (c) =>
        c.json(await updateUnit(deps, c.req.valid('param').id, c.req.valid('json'), c.var.ctx), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/members',
        tags,
        summary: 'Anggota unit, urut nama (satu Query per halaman)',
        request: { params: idParamsSchema, query: memberQuerySchema },
        responses: { 200: ok(pageOf(employeeSchema), 'Satu halaman anggota'), 400: problems[400] },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const unitId = c.req.valid('param').id;
        return c.json(await listEmployees(deps, { ...query, sort: 'nama', unitId }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/positions',
        tags,
        summary: 'Jabatan pada unit',
        request: { params: idParamsSchema },
        responses: { 200: ok(z.object({ items: z.array(positionSchema) }), 'Jabatan') },
      }),
      async (c) => c.json({ items: await listPositions(deps, c.req.valid('param').id) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/positions',
        tags,
        summary: 'Tambah jabatan pada unit',
        request: { params: idParamsSchema, ...jsonBody(positionCreateSchema) },
        responses: { 201: ok(positionSchema, 'Jabatan dibuat'), 404: problems[404], 409: problems[409] },
      }),
      async (c) =>
        c.json(await createPosition(deps, c.req.valid('param').id, c.req.valid('json'), c.var.ctx), 201),
    );
