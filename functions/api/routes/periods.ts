// /api/periods: performance years.

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { periodCreateSchema, periodSchema } from '../../../shared/contract/periods.ts';
import type { Deps } from '../../deps.ts';
import { createPeriod, listPeriods } from '../../services/period-service.ts';
import type { AppEnv } from '../middleware/request-context.ts';
import { jsonBody, ok, problems } from '../openapi-helpers.ts';

const tags = ['Periode kinerja'];

export const periodRoutes = (deps: Deps) =>
  new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Periode kinerja, terbaru dahulu',
        responses: { 200: ok(z.object({ items: z.array(periodSchema) }), 'Periode') },
      }),
      async (c) => c.json({ items: await listPeriods(deps) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Buat periode kinerja',
        request: jsonBody(periodCreateSchema),
        responses: { 201: ok(periodSchema, 'Periode dibuat'), 400: problems[400], 422: problems[422] },
      }),
      async (c) => c.json(await createPeriod(deps, c.req.valid('json'), c.var.ctx), 201),
    );
