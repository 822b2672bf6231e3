// /api/dev: the development sign-in. Mounted only when running locally; configuration refuses it in AWS.

import * as z from 'zod';
import { devPersonSchema, devSessionResultSchema, devSessionSchema } from '../../../shared/contract/auth.ts';
import { pageOf, pageQuerySchema } from '../../../shared/contract/common.ts';
import { DomainError } from '../../../shared/errors.ts';
import type { Deps } from '../../deps.ts';
import { listEmployees } from '../../services/employee-service.ts';
import { identityForEmail } from '../../services/identity-service.ts';
import { ok, problems } from '../openapi-helpers.ts';
import { defineRoute } from '../route-kit.ts';
import { startSession } from '../session-cookies.ts';

const tags = ['Masuk (pengembangan)'];
const SESSION_SECONDS = 8 * 60 * 60;

export const devRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'post',
      path: '/api/dev/session',
      access: 'public',
      tags,
      summary: 'Masuk sebagai pegawai demo (hanya lokal); juga untuk skrip: token Bearer',
      body: devSessionSchema,
      responses: { 200: ok(devSessionResultSchema, 'Sesi dimulai'), 404: problems[404] },
    },
    async (c, { body }) => {
      const issuer = deps.auth.issuer;
      if (!issuer) throw new DomainError('route.not_found', 'Alamat API tidak ditemukan.');
      const identity = await identityForEmail(deps, body.email, { mfaEnabled: true });
      if (!identity.employeeId)
        throw new DomainError('employee.not_found', 'Tidak ada pegawai dengan email ini.');
      const token = await issuer.sign(
        {
          subject: `lokal:${identity.employeeId}`,
          email: body.email.toLowerCase(),
          nama: identity.nama ?? body.email,
          employeeId: identity.employeeId,
          adminScope: identity.adminScope,
        },
        { expiresInSeconds: SESSION_SECONDS },
      );
      const csrfToken = startSession(c, deps, token, SESSION_SECONDS);
      return c.json(
        { token, csrfToken, employeeId: identity.employeeId, nama: identity.nama ?? body.email },
        200,
      );
    },
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/dev/people',
      access: 'public',
      tags,
      summary: 'Daftar pegawai untuk halaman masuk pengembangan (hanya lokal)',
      query: pageQuerySchema.extend({ q: z.string().trim().min(1).max(60).optional() }),
      responses: { 200: ok(pageOf(devPersonSchema), 'Satu halaman pegawai') },
    },
    async (c, { query }) => {
      const page = await listEmployees(deps, { ...query, sort: 'nama', order: 'asc' });
      const items = page.items.map((e) => ({
        id: e.id,
        nama: e.nama,
        email: e.email,
        nip: e.nip,
        unitId: e.unitId,
        admin: e.adminScope !== null,
      }));
      return c.json({ items, nextCursor: page.nextCursor }, 200);
    },
  ),
];
