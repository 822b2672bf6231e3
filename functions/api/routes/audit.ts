// /api/audit: an entity's history, a month's timeline, and hash-chain verification of a stream.

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  auditEntrySchema,
  chainCheckSchema,
  streamQuerySchema,
  timelineQuerySchema,
} from '../../../shared/contract/audit.ts';
import { pageOf } from '../../../shared/contract/common.ts';
import type { Deps } from '../../deps.ts';
import { getAuditStream, getAuditTimeline, verifyAuditStream } from '../../services/audit-service.ts';
import type { AppEnv } from '../middleware/request-context.ts';
import { ok, problems } from '../openapi-helpers.ts';

const tags = ['Audit'];

export const auditRoutes = (deps: Deps) =>
  new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Linimasa audit satu bulan (terbaru dahulu), bisa per pelaku',
        request: { query: timelineQuerySchema },
        responses: { 200: ok(pageOf(auditEntrySchema), 'Satu halaman entri'), 400: problems[400] },
      }),
      async (c) => c.json(await getAuditTimeline(deps, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/stream',
        tags,
        summary: 'Riwayat lengkap satu data, urut versi',
        request: { query: streamQuerySchema },
        responses: { 200: ok(z.object({ items: z.array(auditEntrySchema) }), 'Riwayat'), 404: problems[404] },
      }),
      async (c) => c.json({ items: await getAuditStream(deps, c.req.valid('query').stream) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/verify',
        tags,
        summary: 'Periksa rantai hash satu riwayat; menyebut mata rantai pertama yang rusak',
        request: { query: streamQuerySchema },
        responses: { 200: ok(chainCheckSchema, 'Hasil pemeriksaan'), 404: problems[404] },
      }),
      async (c) => c.json(await verifyAuditStream(deps, c.req.valid('query').stream), 200),
    );
