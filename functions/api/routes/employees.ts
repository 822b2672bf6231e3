// /api/employees: list (search, sort, pages), profile, create, update, assessor chain, CSV import.

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { idParamsSchema, pageOf } from '../../../shared/contract/common.ts';
import {
  employeeCreateSchema,
  employeeListQuerySchema,
  employeeSchema,
  employeeUpdateSchema,
  importQuerySchema,
  importResultSchema,
  penilaiChainSchema,
} from '../../../shared/contract/employees.ts';
import type { Deps } from '../../deps.ts';
import {
  createEmployee,
  getEmployee,
  listEmployees,
  updateEmployee,
} from '../../services/employee-service.ts';
import { importColumns, importEmployees } from '../../services/import-service.ts';
import { getPenilaiChain } from '../../services/penilai-service.ts';
import type { AppEnv } from '../middleware/request-context.ts';
import { jsonBody, ok, problems } from '../openapi-helpers.ts';

const tags = ['Pegawai'];

export const employeeRoutes = (deps: Deps) =>
  new OpenAPIHono<AppEnv>()
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags,
        summary: 'Daftar pegawai: cari nama/NIP, urutkan, halaman (satu Query per halaman)',
        request: { query: employeeListQuerySchema },
        responses: { 200: ok(pageOf(employeeSchema), 'Satu halaman pegawai'), 400: problems[400] },
      }),
      async (c) => c.json(await listEmployees(deps, c.req.valid('query')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/',
        tags,
        summary: 'Tambah pegawai',
        request: jsonBody(employeeCreateSchema),
        responses: {
          201: ok(employeeSchema, 'Pegawai dibuat'),
          400: problems[400],
          409: problems[409],
          422: problems[422],
        },
      }),
      async (c) => c.json(await createEmployee(deps, c.req.valid('json'), c.var.ctx), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/import',
        tags,
        summary: `Impor CSV pegawai (kolom: ${importColumns.join(',')}); dryRun=true untuk pratinjau`,
        request: {
          query: importQuerySchema,
          body: { required: true, content: { 'text/csv': { schema: z.string() } } },
        },
        responses: {
          200: ok(importResultSchema, 'Hasil pratinjau atau impor'),
          413: problems[413],
          422: problems[422],
        },
      }),
      async (c) => {
        const result = await importEmployees(
          deps,
          await c.req.text(),
          c.req.valid('query').dryRun,
          c.var.ctx,
        );
        return c.json(result, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags,
        summary: 'Profil pegawai (satu GetItem)',
        request: { params: idParamsSchema },
        responses: { 200: ok(employeeSchema, 'Pegawai'), 404: problems[404] },
      }),
      async (c) => c.json(await getEmployee(deps, c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/{id}',
        tags,
        summary: 'Ubah pegawai (dengan versi); termasuk penilai pengganti',
        request: { params: idParamsSchema, ...jsonBody(employeeUpdateSchema) },
        responses: {
          200: ok(employeeSchema, 'Pegawai diubah'),
          404: problems[404],
          409: problems[409],
          422: problems[422],
        },
      }),
      async (c) =>
        c.json(await updateEmployee(deps, c.req.valid('param').id, c.req.valid('json'), c.var.ctx), 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/penilai',
        tags,
        summary: 'Pejabat penilai kinerja dan atasannya (dari struktur, Plt/Plh, atau penetapan SDM)',
        request: { params: idParamsSchema },
        responses: { 200: ok(penilaiChainSchema, 'Rantai penilai'), 404: problems[404] },
      }),
      async (c) => c.json(await getPenilaiChain(deps, c.req.valid('param').id), 200),
    );
