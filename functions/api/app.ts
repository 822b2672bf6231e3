// The Hono app: middleware, resource routes under /api, the OpenAPI document, and the one error handler.

import { Hono } from 'hono';
import * as z from 'zod';
import indonesian from 'zod/v4/locales/id.js';
import { DomainError } from '../../shared/errors.ts';
import type { Deps } from '../deps.ts';
import { problemResponse, toDomainError } from './http-errors.ts';
import { jsonOnly, limitBody } from './middleware/body-guard.ts';
import { type AppEnv, requestContext } from './middleware/request-context.ts';
import { openApiDocument } from './openapi.ts';
import { ok } from './openapi-helpers.ts';
import { defineRoute, mountRoutes, type Route } from './route-kit.ts';
import { auditRoutes } from './routes/audit.ts';
import { employeeRoutes } from './routes/employees.ts';
import { orgExtraRoutes } from './routes/org-extras.ts';
import { unitRoutes } from './routes/units.ts';

// Validation messages people read are in Bahasa Indonesia.
z.config(indonesian());

const IMPORT_PATH = '/api/employees/import';

export function allRoutes(deps: Deps): Route[] {
  const health = defineRoute(
    {
      method: 'get',
      path: '/api/health',
      tags: ['Sistem'],
      summary: 'Status layanan',
      responses: { 200: ok(z.object({ status: z.literal('ok'), time: z.string() }), 'Layanan berjalan') },
    },
    (c) => c.json({ status: 'ok', time: deps.clock.now().toISOString() }, 200),
  );
  return [
    health,
    ...unitRoutes(deps),
    ...employeeRoutes(deps),
    ...orgExtraRoutes(deps),
    ...auditRoutes(deps),
  ];
}

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('/api/*', requestContext);
  app.use('/api/*', (c, next) =>
    limitBody(c.req.path === IMPORT_PATH ? deps.config.MAX_IMPORT_BYTES : deps.config.MAX_BODY_BYTES)(
      c,
      next,
    ),
  );
  app.use(
    '/api/*',
    jsonOnly((path) => path === IMPORT_PATH),
  );

  const routes = allRoutes(deps);
  mountRoutes(app, routes);
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get('/api/openapi.json', (c) => {
    document ??= openApiDocument(routes, {
      title: 'PIAWAI API',
      version: '0.1.0',
      description:
        'Portal Informasi Kinerja Pegawai — Biro SDM. Kesalahan dikirim sebagai application/problem+json.',
    });
    return c.json(document);
  });

  // Unknown API paths answer problem+json even when the app is mounted beside the static site.
  const notFound = new DomainError('route.not_found', 'Alamat API tidak ditemukan.');
  app.all('/api/*', (c) => problemResponse(c, notFound));
  app.notFound((c) => problemResponse(c, notFound));
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
