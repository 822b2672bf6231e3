// /api/employees/:id/skp (an employee's SKPs and their workflow), /api/me/approvals, /api/periods/:id/board.

import * as z from 'zod';
import { idParamsSchema, idSchema, pageQuerySchema } from '../../../shared/contract/common.ts';
import {
  boardSchema,
  skpContentSchema,
  skpCreateSchema,
  skpExtensionSchema,
  skpParamsSchema,
  skpSchema,
  skpTransitionSchema,
} from '../../../shared/contract/skp.ts';
import { DomainError } from '../../../shared/errors.ts';
import type { Deps } from '../../deps.ts';
import { signedInCaller } from '../../services/access-service.ts';
import {
  approvalQueue,
  createSkp,
  extendDrafting,
  getSkp,
  listSkp,
  skpBoard,
  transitionSkp,
  updateSkpContent,
} from '../../services/skp-service.ts';
import { intervensiTargets, myTeam } from '../../services/team-service.ts';
import { ok, problems } from '../openapi-helpers.ts';
import { defineRoute } from '../route-kit.ts';

const tags = ['SKP'];

export const skpRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'get',
      path: '/api/employees/:id/skp',
      access: { employee: 'id' },
      tags,
      summary: 'SKP seorang pegawai (semua periode dan revisi)',
      params: idParamsSchema,
      responses: { 200: ok(z.object({ items: z.array(skpSchema) }), 'SKP'), 404: problems[404] },
    },
    async (c, { params }) => c.json({ items: await listSkp(deps, params.id) }, 200),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/employees/:id/skp',
      access: { employee: 'id' },
      tags,
      summary: 'Buat draf SKP untuk satu periode (kepala: pegawai, penilai, atasan, unit, jabatan saat ini)',
      params: idParamsSchema,
      body: skpCreateSchema,
      responses: { 201: ok(skpSchema, 'Draf dibuat'), 404: problems[404], 409: problems[409] },
    },
    async (c, { params, body }) => {
      const me = signedInCaller(c.var.principal);
      if (me.employeeId !== params.id && !me.adminScope) {
        throw new DomainError('auth.forbidden', 'SKP disusun oleh pegawai sendiri atau oleh Biro SDM.');
      }
      return c.json(await createSkp(deps, params.id, body.periodId, c.var.ctx), 201);
    },
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/employees/:id/skp/:skpId',
      access: { employee: 'id' },
      tags,
      summary: 'Satu SKP',
      params: skpParamsSchema,
      responses: { 200: ok(skpSchema, 'SKP'), 404: problems[404] },
    },
    async (c, { params }) => c.json(await getSkp(deps, params.id, params.skpId), 200),
  ),
  defineRoute(
    {
      method: 'patch',
      path: '/api/employees/:id/skp/:skpId',
      access: { employee: 'id' },
      tags,
      summary: 'Ubah isi SKP (RHK, IKI, perilaku, lampiran) dengan versi; draf atau yang dikembalikan',
      params: skpParamsSchema,
      body: skpContentSchema,
      responses: { 200: ok(skpSchema, 'SKP diubah'), 404: problems[404], 409: problems[409] },
    },
    async (c, { params, body }) =>
      c.json(
        await updateSkpContent(
          deps,
          signedInCaller(c.var.principal),
          params.id,
          params.skpId,
          body,
          c.var.ctx,
        ),
        200,
      ),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/employees/:id/skp/:skpId/transitions',
      access: { employee: 'id' },
      tags,
      summary: 'Langkah alur SKP: ajukan, tarik, setujui, kembalikan (catatan wajib), revisi',
      params: skpParamsSchema,
      body: skpTransitionSchema,
      responses: {
        200: ok(skpSchema, 'Langkah dicatat'),
        403: problems[403],
        409: problems[409],
        422: problems[422],
      },
    },
    async (c, { params, body }) =>
      c.json(
        await transitionSkp(deps, signedInCaller(c.var.principal), params.id, params.skpId, body, c.var.ctx),
        200,
      ),
  ),
  defineRoute(
    {
      method: 'put',
      path: '/api/employees/:id/skp-extension',
      access: 'adminAll',
      tags,
      summary: 'Perpanjang masa pengajuan SKP bagi satu pegawai (alasan wajib, diaudit)',
      params: idParamsSchema,
      body: skpExtensionSchema,
      responses: {
        200: ok(
          z.object({ employeeId: z.string(), periodId: z.string(), sampai: z.string(), alasan: z.string() }),
          'Perpanjangan disimpan',
        ),
        404: problems[404],
      },
    },
    async (c, { params, body }) => c.json(await extendDrafting(deps, params.id, body, c.var.ctx), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/me/approvals',
      access: 'signedIn',
      tags,
      summary: 'Antrean persetujuan SKP pejabat penilai yang sedang masuk (satu Query)',
      responses: { 200: ok(z.object({ items: z.array(skpSchema) }), 'SKP yang menunggu persetujuan') },
    },
    async (c) =>
      c.json({ items: await approvalQueue(deps, signedInCaller(c.var.principal).employeeId) }, 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/employees/:id/intervensi-targets',
      access: { employee: 'id' },
      tags,
      summary:
        'Hasil kerja yang dapat diintervensi: RHK dan KR pejabat penilai (atau IKU unit bagi pimpinannya)',
      params: idParamsSchema,
      query: z.object({ periodId: idSchema }),
      responses: {
        200: ok(
          z.object({ targets: z.array(z.object({ kind: z.string(), id: z.string() }).loose()) }).loose(),
          'Pilihan',
        ),
        404: problems[404],
      },
    },
    async (c, { params, query }) => c.json(await intervensiTargets(deps, params.id, query.periodId), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/me/team',
      access: 'signedIn',
      tags,
      summary: 'Pegawai yang saya nilai, dengan SKP mereka pada periode ini',
      query: z.object({ periodId: idSchema }),
      responses: {
        200: ok(
          z.object({ items: z.array(z.object({ employee: z.unknown(), skp: skpSchema.nullable() })) }),
          'Tim',
        ),
      },
    },
    async (c, { query }) =>
      c.json({ items: await myTeam(deps, signedInCaller(c.var.principal).employeeId, query.periodId) }, 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/periods/:id/board',
      access: 'admin',
      tags,
      summary: 'Papan SKP periode: jumlah per unit dan status (penghitung, tanpa Scan), per halaman unit',
      params: idParamsSchema,
      query: pageQuerySchema,
      responses: { 200: ok(boardSchema, 'Papan SKP') },
    },
    async (c, { params, query }) => c.json(await skpBoard(deps, params.id, query), 200),
  ),
];
