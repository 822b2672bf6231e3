// /api/positions, /api/acting-assignments (Plt/Plh) and /api/periods.

import * as z from 'zod';
import { idParamsSchema, idSchema } from '../../../shared/contract/common.ts';
import { actingCreateSchema, actingSchema, positionSchema } from '../../../shared/contract/org.ts';
import { calendarUpdateSchema, periodCreateSchema, periodSchema } from '../../../shared/contract/periods.ts';
import type { Deps } from '../../deps.ts';
import { createPeriod, getPeriod, listPeriods, updateCalendar } from '../../services/period-service.ts';
import { createActing, listActings, listPositions } from '../../services/position-service.ts';
import { ok, problems } from '../openapi-helpers.ts';
import { defineRoute } from '../route-kit.ts';

export const orgExtraRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'get',
      path: '/api/positions',
      access: 'signedIn',
      tags: ['Unit organisasi'],
      summary: 'Semua jabatan, atau jabatan satu unit',
      query: z.object({ unitId: idSchema.optional() }),
      responses: { 200: ok(z.object({ items: z.array(positionSchema) }), 'Jabatan'), 400: problems[400] },
    },
    async (c, { query }) => c.json({ items: await listPositions(deps, query.unitId) }, 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/acting-assignments',
      access: 'signedIn',
      tags: ['Plt/Plh'],
      summary: 'Penugasan Plt/Plh',
      responses: { 200: ok(z.object({ items: z.array(actingSchema) }), 'Penugasan') },
    },
    async (c) => c.json({ items: await listActings(deps) }, 200),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/acting-assignments',
      access: 'adminAll',
      tags: ['Plt/Plh'],
      summary: 'Tetapkan Plt/Plh kepala unit untuk rentang tanggal',
      body: actingCreateSchema,
      responses: { 201: ok(actingSchema, 'Penugasan dibuat'), 404: problems[404], 422: problems[422] },
    },
    async (c, { body }) => c.json(await createActing(deps, body, c.var.ctx), 201),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/periods',
      access: 'signedIn',
      tags: ['Periode kinerja'],
      summary: 'Periode kinerja, terbaru dahulu',
      responses: { 200: ok(z.object({ items: z.array(periodSchema) }), 'Periode') },
    },
    async (c) => c.json({ items: await listPeriods(deps) }, 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/periods/:id',
      access: 'signedIn',
      tags: ['Periode kinerja'],
      summary: 'Satu periode dengan kalendernya',
      params: idParamsSchema,
      responses: { 200: ok(periodSchema, 'Periode'), 404: problems[404] },
    },
    async (c, { params }) => c.json(await getPeriod(deps, params.id), 200),
  ),
  defineRoute(
    {
      method: 'put',
      path: '/api/periods/:id/calendar',
      access: 'adminAll',
      tags: ['Periode kinerja'],
      summary: 'Ubah kalender periode (irama, hari pengisian/keberatan, atau jendela); alasan wajib, diaudit',
      params: idParamsSchema,
      body: calendarUpdateSchema,
      responses: {
        200: ok(periodSchema, 'Kalender diubah'),
        404: problems[404],
        409: problems[409],
        422: problems[422],
      },
    },
    async (c, { params, body }) => c.json(await updateCalendar(deps, params.id, body, c.var.ctx), 200),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/periods',
      access: 'adminAll',
      tags: ['Periode kinerja'],
      summary: 'Buat periode kinerja',
      body: periodCreateSchema,
      responses: { 201: ok(periodSchema, 'Periode dibuat'), 400: problems[400], 422: problems[422] },
    },
    async (c, { body }) => c.json(await createPeriod(deps, body, c.var.ctx), 201),
  ),
];
