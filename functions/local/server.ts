// The local server: the same Hono app as Lambda under /api, plus the built admin site, on one port.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createApp } from '../api/app.ts';
import type { Deps } from '../deps.ts';

export function createLocalApp(deps: Deps, siteRoot: string) {
  const root = new Hono();
  root.route('/', createApp(deps));
  root.use('/*', serveStatic({ root: siteRoot }));
  root.notFound(async (c) => {
    const page = await readFile(join(siteRoot, '404.html'), 'utf8').catch(() => 'Halaman tidak ditemukan');
    return c.html(page, 404);
  });
  return root;
}

export function listen(app: Hono, port: number): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) =>
      resolve({ server, port: info.port }),
    );
  });
}
