// The local server: the same Hono app as Lambda under /api, plus the built admin site, on one port.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from '../api/app.ts';
import type { Deps } from '../deps.ts';
import { REFERRER_POLICY, siteContentSecurityPolicy } from '../http-policy.ts';
import { demoAccounts } from './demo-org.ts';
import { devOutboxRoutes } from './dev-outbox-routes.ts';

export function createLocalApp(deps: Deps, siteRoot: string) {
  const root = new Hono();
  // The demo sign-ins the development sign-in page offers first; served by the local server only.
  if (deps.config.devSignIn) {
    root.get('/api/dev/accounts', (c) =>
      c.json({ items: demoAccounts.map(({ email, nama, peran }) => ({ email, nama, peran })) }),
    );
  }
  // The local outbox (.eml files) is read by the site's outbox page; in AWS mail goes through SES.
  const local = deps.config.MAIL_TRANSPORT === 'outbox' ? devOutboxRoutes(deps) : [];
  root.route('/', createApp(deps, local));
  // The same page headers CloudFront adds in AWS (functions/http-policy.ts), so the CSP is tried locally.
  root.use('/*', async (c, next) => {
    await next();
    c.header('content-security-policy', siteContentSecurityPolicy);
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', REFERRER_POLICY);
  });
  root.use('/*', serveStatic({ root: siteRoot }));
  root.notFound(async (c) => {
    const page = await readFile(join(siteRoot, '404.html'), 'utf8').catch(() => 'Halaman tidak ditemukan');
    return c.html(page, 404);
  });
  return root;
}

export function listen(app: Hono, port: number): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} sudah dipakai program lain. Hentikan program itu atau jalankan dengan PORT=<port lain>.`,
            )
          : error,
      ),
    );
  });
}
