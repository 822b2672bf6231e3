// The Hono app: middleware, resource routes under /api, the OpenAPI document, and the one error handler.

import { Hono } from 'hono';
import * as z from 'zod';
import indonesian from 'zod/v4/locales/id.js';
import { DomainError } from '../../shared/errors.ts';
import type { Deps } from '../deps.ts';
import { withRequestScope } from '../services/org-context.ts';
import { problemResponse, toDomainError } from './http-errors.ts';
import { jsonOnly, limitBody } from './middleware/body-guard.ts';
import { csrfProtection } from './middleware/csrf.ts';
import { identity } from './middleware/identity.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { type AppEnv, requestContext } from './middleware/request-context.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { openApiDocument } from './openapi.ts';
import { ok } from './openapi-helpers.ts';
import { defineRoute, mountRoutes, type Route } from './route-kit.ts';
import { auditRoutes } from './routes/audit.ts';
import { authRoutes } from './routes/auth.ts';
import { devRoutes } from './routes/dev.ts';
import { employeeRoutes } from './routes/employees.ts';
import { evaluationRoutes } from './routes/evaluations.ts';
import { emailApprovalRoutes, mailRoutes } from './routes/mail.ts';
import { okrRoutes } from './routes/okr.ts';
import { orgExtraRoutes } from './routes/org-extras.ts';
import { reportRoutes } from './routes/reports.ts';
import { skpRoutes } from './routes/skp.ts';
import { unitRoutes } from './routes/units.ts';

// Validation messages people read are in Bahasa Indonesia.
z.config(indonesian());

const IMPORT_PATH = '/api/employees/import';
const SIGN_IN_PATHS = ['/api/dev/session', '/api/auth/login', '/api/auth/callback'];

/** Every route of the app; the development sign-in only where the configuration allows it. */
export function allRoutes(deps: Deps, extraRoutes: readonly Route[] = []): Route[] {
  let document: ReturnType<typeof openApiDocument> | undefined;
  const system = [
    defineRoute(
      {
        method: 'get',
        path: '/api/health',
        access: 'public',
        tags: ['Sistem'],
        summary: 'Status layanan',
        responses: { 200: ok(z.object({ status: z.literal('ok'), time: z.string() }), 'Layanan berjalan') },
      },
      (c) => c.json({ status: 'ok', time: deps.clock.now().toISOString() }, 200),
    ),
    defineRoute(
      {
        method: 'get',
        path: '/api/openapi.json',
        access: 'public',
        tags: ['Sistem'],
        summary: 'Dokumen OpenAPI 3.1 dari API ini',
        responses: { 200: ok(z.record(z.string(), z.unknown()), 'Dokumen OpenAPI') },
      },
      (c) => {
        document ??= openApiDocument(routes, {
          title: 'PIAWAI API',
          version: '0.1.0',
          description:
            'Portal Informasi Kinerja Pegawai — Biro SDM. Masuk dengan cookie sesi (peramban) atau Authorization: Bearer <ID token>. Kesalahan dikirim sebagai application/problem+json.',
        });
        return c.json(document, 200);
      },
    ),
  ];
  const routes: Route[] = [
    ...system,
    ...authRoutes(deps),
    ...(deps.config.devSignIn ? devRoutes(deps) : []),
    ...unitRoutes(deps),
    ...employeeRoutes(deps),
    ...orgExtraRoutes(deps),
    ...skpRoutes(deps),
    ...okrRoutes(deps),
    ...auditRoutes(deps),
    ...evaluationRoutes(deps),
    ...emailApprovalRoutes(deps),
    ...mailRoutes(deps),
    ...reportRoutes(deps),
    ...extraRoutes,
  ];
  return routes;
}

/** The API; the local server adds its local-only routes (kept out of the Lambda bundle). */
export function createApp(deps: Deps, extraRoutes: readonly Route[] = []) {
  const app = new Hono<AppEnv>();
  const importLimit = limitBody(deps.config.MAX_IMPORT_BYTES);
  const bodyLimit = limitBody(deps.config.MAX_BODY_BYTES);
  const signInLimit = rateLimit({
    perMinute: deps.config.SIGN_IN_RATE_PER_MINUTE,
    now: () => deps.clock.now().getTime(),
  });

  app.use('/api/*', requestContext);
  // One org snapshot per request, shared by the access check and the use-case (services/org-context.ts).
  app.use('/api/*', (_c, next) => withRequestScope(next));
  app.use('/api/*', securityHeaders(deps.config.secureCookies));
  for (const path of SIGN_IN_PATHS) app.use(path, signInLimit);
  // Guessing link tokens is hopeless (256 bits), but each guess costs a read: keep them few per address.
  const linkLimit = rateLimit({
    perMinute: deps.config.EMAIL_LINK_RATE_PER_MINUTE,
    now: () => deps.clock.now().getTime(),
  });
  app.use('/api/email-approvals/*', linkLimit);
  // Document verification is public too (the QR code's page): the same per-address limit.
  app.use('/api/documents/*', linkLimit);
  app.use('/api/*', identity(deps));
  app.use('/api/*', csrfProtection(deps));
  app.use('/api/*', (c, next) => (c.req.path === IMPORT_PATH ? importLimit : bodyLimit)(c, next));
  app.use(
    '/api/*',
    jsonOnly((path) => path === IMPORT_PATH),
  );

  mountRoutes(app, deps, allRoutes(deps, extraRoutes));

  // Unknown API paths answer problem+json even when the app is mounted beside the static site.
  const notFound = new DomainError('route.not_found', 'Alamat API tidak ditemukan.');
  app.all('/api/*', (c) => problemResponse(c, notFound));
  app.notFound((c) => problemResponse(c, notFound));
  app.onError((error, c) => {
    const domainError = toDomainError(error);
    if (domainError.code === 'service.unavailable') {
      deps.logger.warn('dependency busy, answered 503', { error: error as Error, path: c.req.path });
    }
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
