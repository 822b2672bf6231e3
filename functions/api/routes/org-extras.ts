// /api/positions and /api/acting-assignments (Plt/Plh).

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { idSchema } from '../../../shared/contract/common.ts';
import { actingCreateSchema, actingSchema, positionSchema } from '../../../shared/contract/org.ts';
import type { Deps } from '../../deps.ts';
import { createActing, listActings, listPositions } from '../../services/position-service.ts';
import type { AppEnv } from '../middleware/request-context.ts';
import { jsonBody, ok, problems } from '../openapi-helpers.ts';

export const positionRoutes = (deps: Deps) =>
  new OpenAPIHono<AppEnv>().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Unit organisasi'],
      summary: 'Semua jabatan, atau jabatan satu unit',
      request: { query: z.object({ unitId: idSchema.optional() }) },
      responses: { 200: ok(z.object({ items: z.array(positionSchema) }), 'Jabatan'), 400: problems[400] },
    }),
    async (c) => c.json({ items: await listPositions(deps, c.req.valid('query').unitId) }, 200),
  );

export const actingRoutes = (deps: Deps) =>
  new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['Plt/Plh'],
        summary: 'Penugasan Plt/Plh',
        responses: { 200: ok(z.object({ items: z.array(actingSchema) }), 'Penugasan') },
      }),
      async (c) => c.json({ items: await listActings(deps) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags: ['Plt/Plh'],
        summary: 'Tetapkan Plt/Plh kepala unit untuk rentang tanggal',
        request: jsonBody(actingCreateSchema),
        responses: { 201: ok(actingSchema, 'Penugasan dibuat'), 404: problems[404], 422: problems[422] },
      }),
      async (c) => c.json(await createActing(deps, c.req.valid('json'), c.var.ctx), 201),
    );
