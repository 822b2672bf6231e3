// /api/units: the org tree, one unit, its members and its positions.

import * as z from 'zod';
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
import { ok, problems } from '../openapi-helpers.ts';
import { defineRoute } from '../route-kit.ts';

const tags = ['Unit organisasi'];
const memberQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().min(1).max(60).optional().meta({ description: 'Awal nama, atau awal NIP bila angka' }),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const unitRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'get',
      path: '/api/units',
      access: 'signedIn',
      tags,
      summary: 'Seluruh pohon unit (satu Query)',
      responses: { 200: ok(unitTreeSchema, 'Pohon unit') },
    },
    async (c) => c.json(await getUnitTree(deps), 200),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/units',
      access: 'adminAll',
      tags,
      summary: 'Buat unit',
      body: unitCreateSchema,
      responses: {
        201: ok(unitSchema, 'Unit dibuat'),
        400: problems[400],
        409: problems[409],
        422: problems[422],
      },
    },
    async (c, { body }) => c.json(await createUnit(deps, body, c.var.ctx), 201),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/units/:id',
      access: 'signedIn',
      tags,
      summary: 'Satu unit',
      params: idParamsSchema,
      responses: { 200: ok(unitSchema, 'Unit'), 404: problems[404] },
    },
    async (c, { params }) => c.json(await getUnit(deps, params.id), 200),
  ),
  defineRoute(
    {
      method: 'patch',
      path: '/api/units/:id',
      access: 'adminAll',
      tags,
      summary: 'Ubah atau pindahkan unit (dengan versi)',
      params: idParamsSchema,
      body: unitUpdateSchema,
      responses: {
        200: ok(unitSchema, 'Unit diubah'),
        404: problems[404],
        409: problems[409],
        422: problems[422],
      },
    },
    async (c, { params, body }) => c.json(await updateUnit(deps, params.id, body, c.var.ctx), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/units/:id/members',
      access: { unit: 'id' },
      tags,
      summary: 'Anggota unit, urut nama (satu Query per halaman)',
      params: idParamsSchema,
      query: memberQuerySchema,
      responses: { 200: ok(pageOf(employeeSchema), 'Satu halaman anggota'), 400: problems[400] },
    },
    async (c, { params, query }) =>
      c.json(await listEmployees(deps, { ...query, sort: 'nama', unitId: params.id }), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/units/:id/positions',
      access: 'signedIn',
      tags,
      summary: 'Jabatan pada unit',
      params: idParamsSchema,
      responses: { 200: ok(z.object({ items: z.array(positionSchema) }), 'Jabatan') },
    },
    async (c, { params }) => c.json({ items: await listPositions(deps, params.id) }, 200),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/units/:id/positions',
      access: 'adminAll',
      tags,
      summary: 'Tambah jabatan pada unit',
      params: idParamsSchema,
      body: positionCreateSchema,
      responses: { 201: ok(positionSchema, 'Jabatan dibuat'), 404: problems[404], 409: problems[409] },
    },
    async (c, { params, body }) => c.json(await createPosition(deps, params.id, body, c.var.ctx), 201),
  ),
];
