// /api/employees: list (search, sort, pages), profile, create, update, assessor chain, CSV import.

import { idParamsSchema, pageOf } from '../../../shared/contract/common.ts';
import {
  adminGrantSchema,
  employeeCreateSchema,
  employeeListQuerySchema,
  employeeSchema,
  employeeUpdateSchema,
  importColumns,
  importQuerySchema,
  importResultSchema,
  penilaiChainSchema,
} from '../../../shared/contract/employees.ts';
import { DomainError } from '../../../shared/errors.ts';
import type { Deps } from '../../deps.ts';
import { assertListScope } from '../../services/access-service.ts';
import {
  createEmployee,
  getEmployee,
  listEmployees,
  setAdminScope,
  updateEmployee,
} from '../../services/employee-service.ts';
import { getPenilaiChain } from '../../services/penilai-service.ts';
import { ok, problems } from '../openapi-helpers.ts';
import { defineRoute } from '../route-kit.ts';

const tags = ['Pegawai'];

export const employeeRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'get',
      path: '/api/employees',
      access: 'admin',
      tags,
      summary: 'Daftar pegawai: cari nama/NIP, urutkan, halaman (satu Query per halaman)',
      query: employeeListQuerySchema,
      responses: { 200: ok(pageOf(employeeSchema), 'Satu halaman pegawai'), 400: problems[400] },
    },
    async (c, { query }) => {
      await assertListScope(deps, c.var.principal, query.unitId);
      return c.json(await listEmployees(deps, query), 200);
    },
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/employees',
      access: 'adminAll',
      tags,
      summary: 'Tambah pegawai',
      body: employeeCreateSchema,
      responses: {
        201: ok(employeeSchema, 'Pegawai dibuat'),
        400: problems[400],
        409: problems[409],
        422: problems[422],
      },
    },
    async (c, { body }) => c.json(await createEmployee(deps, body, c.var.ctx), 201),
  ),
  defineRoute(
    {
      method: 'post',
      path: '/api/employees/import',
      access: 'adminAll',
      tags,
      summary: `Impor CSV pegawai (kolom: ${importColumns.join(',')}); dryRun=true untuk pratinjau`,
      query: importQuerySchema,
      body: 'text/csv',
      responses: {
        200: ok(importResultSchema, 'Hasil pratinjau atau impor'),
        413: problems[413],
        422: problems[422],
      },
    },
    async (c, { query, body }) => {
      // Served by the import Lambda in AWS (the gateway routes it there); never reached in the api Lambda.
      if (!deps.employeeImport) throw new DomainError('route.not_found', 'Alamat API tidak ditemukan.');
      return c.json(await deps.employeeImport(deps, body, query.dryRun, c.var.ctx), 200);
    },
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/employees/:id',
      access: { employee: 'id' },
      tags,
      summary: 'Profil pegawai (satu GetItem)',
      params: idParamsSchema,
      responses: { 200: ok(employeeSchema, 'Pegawai'), 404: problems[404] },
    },
    async (c, { params }) => c.json(await getEmployee(deps, params.id), 200),
  ),
  defineRoute(
    {
      method: 'patch',
      path: '/api/employees/:id',
      access: 'adminAll',
      tags,
      summary: 'Ubah pegawai (dengan versi); termasuk penilai pengganti',
      params: idParamsSchema,
      body: employeeUpdateSchema,
      responses: {
        200: ok(employeeSchema, 'Pegawai diubah'),
        404: problems[404],
        409: problems[409],
        422: problems[422],
      },
    },
    async (c, { params, body }) => c.json(await updateEmployee(deps, params.id, body, c.var.ctx), 200),
  ),
  defineRoute(
    {
      method: 'put',
      path: '/api/employees/:id/admin',
      access: 'adminAll',
      tags,
      summary: 'Berikan, ubah, atau cabut kewenangan admin SDM (berlaku saat token berikutnya diterbitkan)',
      params: idParamsSchema,
      body: adminGrantSchema,
      responses: { 200: ok(employeeSchema, 'Kewenangan disimpan'), 404: problems[404], 409: problems[409] },
    },
    async (c, { params, body }) => c.json(await setAdminScope(deps, params.id, body, c.var.ctx), 200),
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/employees/:id/penilai',
      access: { employee: 'id' },
      tags,
      summary: 'Pejabat penilai kinerja dan atasannya (dari struktur, Plt/Plh, atau penetapan SDM)',
      params: idParamsSchema,
      responses: { 200: ok(penilaiChainSchema, 'Rantai penilai'), 404: problems[404] },
    },
    async (c, { params }) => c.json(await getPenilaiChain(deps, params.id), 200),
  ),
];
