// /api/audit: an entity's history, a month's timeline, and hash-chain verification of a stream.

import * as z from 'zod';
import {
  auditEntrySchema,
  chainCheckSchema,
  streamQuerySchema,
  timelineQuerySchema,
} from '../../../shared/contract/audit.ts';
import { pageOf } from '../../../shared/contract/common.ts';
import type { Deps } from '../../deps.ts';
import { getAuditStream, getAuditTimeline, verifyAuditStream } from '../../services/audit-service.ts';
import { ok, problems } from '../openapi-helpers.ts';
import { defineRoute } from '../route-kit.ts';

const tags = ['Audit'];

export const auditRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'get',
      path: '/api/audit',
      access: 'adminAll',
      tags,
      summary: 'Linimasa audit satu bulan (terbaru dahulu), bisa per pelaku',
      query: timelineQuerySchema,
      responses: { 200: ok(pageOf(auditEntrySchema), 'Satu halaman entri'), 400: problems[400] },
    },
    async (c, { query }) => c.json(await getAuditTimeline(deps, query), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/audit/stream',
      access: 'adminAll',
      tags,
      summary: 'Riwayat lengkap satu data, urut versi',
      query: streamQuerySchema,
      responses: { 200: ok(z.object({ items: z.array(auditEntrySchema) }), 'Riwayat'), 404: problems[404] },
    },
    async (c, { query }) => c.json({ items: await getAuditStream(deps, query.stream) }, 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/audit/verify',
      access: 'adminAll',
      tags,
      summary: 'Periksa rantai hash satu riwayat; menyebut mata rantai pertama yang rusak',
      query: streamQuerySchema,
      responses: { 200: ok(chainCheckSchema, 'Hasil pemeriksaan'), 404: problems[404] },
    },
    async (c, { query }) => c.json(await verifyAuditStream(deps, query.stream), 200),
  ),
];
