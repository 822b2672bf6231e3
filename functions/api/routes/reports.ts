// /api/exports (files built by a job: request, progress, download), /api/employees/{id}/documents (official
// PDFs), /api/documents/{id}/verification (public, behind the QR code) and /api/reports (progress,
// distribution, who is late).

import * as z from 'zod';
import { idParamsSchema, idSchema, pageOf, pageQuerySchema } from '../../../shared/contract/common.ts';
import {
  completionSchema,
  distributionQuerySchema,
  distributionReportSchema,
  documentRequestSchema,
  exportJobSchema,
  exportRequestSchema,
  lateReportSchema,
  reportQuerySchema,
  unitReportParamsSchema,
  verificationSchema,
} from '../../../shared/contract/reports.ts';
import type { Deps } from '../../deps.ts';
import { signedInCaller } from '../../services/access-service.ts';
import {
  downloadExport,
  getExportJob,
  listExportJobs,
  requestDocument,
  requestExport,
} from '../../services/export-service.ts';
import { completion, distribution, lateInUnit } from '../../services/report-service.ts';
import { verifyDocument } from '../../services/verification-service.ts';
import { siteOrigin } from '../middleware/csrf.ts';
import { ok, problems } from '../openapi-helpers.ts';
import { defineRoute } from '../route-kit.ts';

const exportTags = ['Ekspor dan dokumen'];
const reportTags = ['Laporan'];
const accepted = (description: string) => ok(exportJobSchema, description);

export const reportRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'post',
      path: '/api/exports',
      access: 'admin',
      tags: exportTags,
      summary: 'Minta ekspor CSV/XLSX (pegawai, SKP, evaluasi, unggahan e-Kinerja); dibuat sebagai pekerjaan',
      body: exportRequestSchema,
      responses: {
        202: accepted('Pekerjaan ekspor dicatat'),
        400: problems[400],
        404: problems[404],
        422: problems[422],
      },
    },
    async (c, { body }) => {
      const origin = siteOrigin(deps, c.req.url, c.req.header('x-forwarded-host'));
      const job = await requestExport(deps, signedInCaller(c.var.principal), body, { ...c.var.ctx, origin });
      return c.json(exportJobSchema.parse(job), 202);
    },
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/exports',
      access: 'signedIn',
      tags: exportTags,
      summary: 'Ekspor dan dokumen yang saya minta, terbaru dahulu',
      query: pageQuerySchema,
      responses: { 200: ok(pageOf(exportJobSchema), 'Daftar') },
    },
    async (c, { query }) => {
      const page = await listExportJobs(deps, c.var.ctx.actor.id, query.limit, query.cursor);
      return c.json({ ...page, items: page.items.map((job) => exportJobSchema.parse(job)) }, 200);
    },
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/exports/:id',
      access: 'signedIn',
      tags: exportTags,
      summary: 'Status dan kemajuan satu ekspor',
      params: idParamsSchema,
      responses: { 200: ok(exportJobSchema, 'Ekspor'), 404: problems[404] },
    },
    async (c, { params }) =>
      c.json(exportJobSchema.parse(await getExportJob(deps, c.var.ctx.actor.id, params.id)), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/exports/:id/file',
      access: 'signedIn',
      tags: exportTags,
      summary: 'Unduh berkas ekspor yang sudah selesai (di AWS: dialihkan ke tautan S3 berumur 5 menit)',
      params: idParamsSchema,
      responses: {
        200: { description: 'Berkas' },
        302: { description: 'Tautan unduhan sementara' },
        404: problems[404],
        409: problems[409],
        410: { description: 'Berkas sudah dihapus' },
      },
    },
    async (c, { params }) => {
      const { job, contentType, download } = await downloadExport(deps, c.var.ctx.actor.id, params.id);
      if ('url' in download) return c.redirect(download.url, 302);
      return c.body(new Uint8Array(download.body), 200, {
        'content-type': contentType,
        'content-disposition': `attachment; filename="${job.fileName ?? 'ekspor'}"`,
        'cache-control': 'private, no-store',
      });
    },
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/employees/:id/documents',
      access: { employee: 'id' },
      tags: exportTags,
      summary:
        'Cetak dokumen resmi (SKP, Evaluasi Kinerja Pegawai, Dokumen Evaluasi) sebagai PDF dengan kode QR',
      params: idParamsSchema,
      body: documentRequestSchema,
      responses: { 202: accepted('Pekerjaan dokumen dicatat'), 404: problems[404], 422: problems[422] },
    },
    async (c, { params, body }) => {
      const origin = siteOrigin(deps, c.req.url, c.req.header('x-forwarded-host'));
      return c.json(
        exportJobSchema.parse(await requestDocument(deps, params.id, body, { ...c.var.ctx, origin })),
        202,
      );
    },
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/documents/:id/verification',
      access: 'public',
      tags: exportTags,
      summary: 'Verifikasi dokumen dari kode QR: hash, versi dan status (terbuka untuk umum)',
      params: z.object({ id: idSchema }),
      responses: { 200: ok(verificationSchema, 'Dokumen terdaftar'), 404: problems[404] },
    },
    async (c, { params }) => c.json(await verifyDocument(deps, params.id), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/reports/completion',
      access: 'adminAll',
      tags: reportTags,
      summary: 'Kemajuan seluruh kementerian per hari: SKP disetujui, realisasi diisi, sudah dinilai',
      query: reportQuerySchema,
      responses: { 200: ok(completionSchema, 'Deret harian'), 404: problems[404] },
    },
    async (c, { query }) => c.json(await completion(deps, query.periodId, null), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/reports/units/:unitId/completion',
      access: { unit: 'unitId' },
      tags: reportTags,
      summary: 'Kemajuan satu unit per hari',
      params: unitReportParamsSchema,
      query: reportQuerySchema,
      responses: { 200: ok(completionSchema, 'Deret harian'), 404: problems[404] },
    },
    async (c, { params, query }) => c.json(await completion(deps, query.periodId, params.unitId), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/reports/units/:unitId/late',
      access: { unit: 'unitId' },
      tags: reportTags,
      summary: 'Siapa yang terlambat di satu unit: SKP belum disetujui, realisasi belum diisi, belum dinilai',
      params: unitReportParamsSchema,
      query: reportQuerySchema,
      responses: { 200: ok(lateReportSchema, 'Daftar terlambat'), 404: problems[404] },
    },
    async (c, { params, query }) => c.json(await lateInUnit(deps, query.periodId, params.unitId), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/reports/distribution',
      access: 'admin',
      tags: reportTags,
      summary: 'Distribusi predikat per unit dibanding pola distribusi predikat organisasinya',
      query: distributionQuerySchema,
      responses: { 200: ok(distributionReportSchema, 'Distribusi'), 404: problems[404] },
    },
    async (c, { query }) => c.json(await distribution(deps, query.periodId, query.windowKey), 200),
  ),
];
