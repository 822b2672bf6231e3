// The Hono app: middleware, resource routes under /api, the OpenAPI document, and the one error handler.

import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { DomainError } from '../../shared/errors.ts';
import type { Deps } from '../deps.ts';
import { problemResponse, toDomainError, validationError } from './http-errors.ts';
import { jsonOnly, limitBody } from './middleware/body-guard.ts';
import { type AppEnv, requestContext } from './middleware/request-context.ts';
import { ok } from './openapi-helpers.ts';
import { auditRoutes } from './routes/audit.ts';
import { employeeRoutes } from './routes/employees.ts';
import { actingRoutes, positionRoutes } from './routes/org-extras.ts';
import { periodRoutes } from './routes/periods.ts';
import { unitRoutes } from './routes/units.ts';

// Validation messages people read are in Bahasa Indonesia.
z.config(z.locales.id());

const isImport = (path: string) => path === '/api/employees/import';

const whereLabel: Record<string, string> = { json: 'formulir', query: 'parameter', param: 'alamat' };

export function createApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw validationError(result.error.issues, whereLabel[result.target] ?? result.target);
    },
  }).basePath('/api');

  app.use(requestContext);
  app.use(async (c, next) =>
    isImport(c.req.path) ? next() : limitBody(deps.config.MAX_BODY_BYTES)(c, next),
  );
  app.use('/employees/import', limitBody(deps.config.MAX_IMPORT_BYTES));
  app.use(jsonOnly(isImport));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['Sistem'],
      summary: 'Status layanan',
      responses: { 200: ok(z.object({ status: z.literal('ok'), time: z.string() }), 'Layanan berjalan') },
    }),
    (c) => c.json({ status: 'ok' as const, time: deps.clock.now().toISOString() }, 200),
  );
  app.route('/units', unitRoutes(deps));
  app.route('/employees', employeeRoutes(deps));
  app.route('/positions', positionRoutes(deps));
  app.route('/acting-assignments', actingRoutes(deps));
  app.route('/periods', periodRoutes(deps));
  app.route('/audit', auditRoutes(deps));

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'PIAWAI API',
      version: '0.1.0',
      description:
        'Portal Informasi Kinerja Pegawai — Biro SDM. Kesalahan dikirim sebagai application/problem+json.',
    },
    servers: [{ url: '/' }],
  });

  app.notFound((c) => problemResponse(c, new DomainError('route.not_found', 'Alamat API tidak ditemukan.')));
  app.onError((error, c) => {
    const domainError = toDomainError(error);
    if (domainError.code === 'internal') {
      deps.logger.error('unhandled error', {
        error: error as Error,
        path: c.req.path,
        requestId: c.var.ctx?.requestId,
      });
    }
    return problemResponse(c, domainError);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
