// /api/email-approvals (the page an email link opens) and /api/mail (HR: failed messages, bad addresses).

import * as z from 'zod';
import { idSchema, pageOf, pageQuerySchema } from '../../../shared/contract/common.ts';
import {
  APPROVAL_TOKEN_HEADER,
  approvalDecisionSchema,
  approvalPreviewSchema,
  approvalTokenSchema,
  emailParamsSchema,
  outboxItemSchema,
  outboxListQuerySchema,
  undeliverableSchema,
  versionBodySchema,
} from '../../../shared/contract/mail.ts';
import { skpSchema } from '../../../shared/contract/skp.ts';
import { DomainError } from '../../../shared/errors.ts';
import type { Deps } from '../../deps.ts';
import { decideByEmail, previewApproval } from '../../services/email-approval-service.ts';
import {
  clearUndeliverable,
  listOutbox,
  listUndeliverable,
  retryMessage,
} from '../../services/mail-service.ts';
import { ok, problems } from '../openapi-helpers.ts';
import { defineRoute } from '../route-kit.ts';

const gone = { description: 'Tautan kedaluwarsa' };
const linkProblems = { 403: problems[403], 404: problems[404], 409: problems[409], 410: gone };

export const emailApprovalRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'get',
      path: '/api/email-approvals/preview',
      access: 'public',
      tags: ['Persetujuan lewat surel'],
      summary: `Pratinjau SKP dari tautan surel (token di header ${APPROVAL_TOKEN_HEADER}); tidak mengubah apa pun`,
      responses: { 200: ok(approvalPreviewSchema, 'Pratinjau'), 400: problems[400], ...linkProblems },
    },
    async (c) => {
      const token = approvalTokenSchema.safeParse(c.req.header(APPROVAL_TOKEN_HEADER) ?? '');
      if (!token.success) {
        throw new DomainError('request.invalid', 'Tautan persetujuan tidak lengkap atau rusak.', [
          { path: APPROVAL_TOKEN_HEADER, message: 'Token tidak valid.' },
        ]);
      }
      return c.json(await previewApproval(deps, token.data, c.var.principal?.employeeId ?? null), 200);
    },
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/email-approvals/decision',
      access: 'public',
      tags: ['Persetujuan lewat surel'],
      summary: 'Putuskan SKP dengan tautan surel (sekali pakai; Kembalikan wajib dengan catatan)',
      body: approvalDecisionSchema,
      responses: {
        200: ok(skpSchema, 'Keputusan tercatat'),
        400: problems[400],
        422: problems[422],
        ...linkProblems,
      },
    },
    async (c, { body }) => {
      const viewer = c.var.principal?.employeeId ?? null;
      const { requestId } = c.var.ctx;
      return c.json(await decideByEmail(deps, body.token, body.catatan, viewer, { requestId }), 200);
    },
  ),
];

const tags = ['Surel'];

export const mailRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'get',
      path: '/api/mail/messages',
      access: 'adminAll',
      tags,
      summary: 'Pesan yang gagal terkirim (FAILED, terbaru dahulu) atau yang menunggu (DUE)',
      query: outboxListQuerySchema,
      responses: { 200: ok(pageOf(outboxItemSchema), 'Satu halaman pesan'), 400: problems[400] },
    },
    async (c, { query }) => c.json(await listOutbox(deps, query.status, query.limit, query.cursor), 200),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/mail/messages/:id/retry',
      access: 'adminAll',
      tags,
      summary: 'Kirim ulang pesan yang gagal',
      params: z.object({ id: idSchema }),
      body: versionBodySchema,
      responses: { 200: ok(outboxItemSchema, 'Dijadwalkan ulang'), 404: problems[404], 409: problems[409] },
    },
    async (c, { params, body }) => c.json(await retryMessage(deps, params.id, body.version, c.var.ctx), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/mail/undeliverable',
      access: 'adminAll',
      tags,
      summary: 'Alamat surel yang ditolak (bounce) atau mengadu (complaint); tidak dikirimi surel',
      query: pageQuerySchema,
      responses: { 200: ok(pageOf(undeliverableSchema), 'Satu halaman alamat'), 400: problems[400] },
    },
    async (c, { query }) => c.json(await listUndeliverable(deps, query.limit, query.cursor), 200),
  ),
  defineRoute(
    {
      method: 'delete',
      path: '/api/mail/undeliverable/:email',
      access: 'adminAll',
      tags,
      summary: 'Tandai alamat sudah diperbaiki: surel dikirim lagi ke alamat ini',
      params: emailParamsSchema,
      query: z.object({ version: z.coerce.number().int().min(1) }),
      responses: { 204: { description: 'Dihapus dari daftar' }, 404: problems[404], 409: problems[409] },
    },
    async (c, { params, query }) => {
      await clearUndeliverable(deps, params.email, query.version, c.var.ctx);
      return c.body(null, 204);
    },
  ),
];
