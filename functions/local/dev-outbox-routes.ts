// /api/dev/outbox: the local outbox (the `.eml` files the outbox transport wrote), read for the site's
// outbox page. Mounted only locally with the outbox transport; in AWS mail goes through SES.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import * as z from 'zod';
import { DomainError } from '../../shared/errors.ts';
import { ok, problems } from '../api/openapi-helpers.ts';
import { defineRoute } from '../api/route-kit.ts';
import type { Deps } from '../deps.ts';

const tags = ['Kotak keluar (pengembangan)'];
const fileName = z.string().regex(/^[0-9TZ-]+-[0-9A-HJKMNP-TV-Z]{26}\.eml$/, 'Nama berkas tidak valid.');

const summarySchema = z.object({
  name: z.string(),
  subject: z.string(),
  to: z.string(),
  date: z.string().nullable(),
});
const messageSchema = summarySchema.extend({
  from: z.string(),
  text: z.string(),
  html: z.string(),
  links: z.array(z.string()),
});

const outboxDir = (deps: Deps) => join(deps.config.PIAWAI_DATA_DIR, 'outbox');

async function parse(deps: Deps, name: string) {
  const raw = await readFile(join(outboxDir(deps), name)).catch(() => {
    throw new DomainError('mail.not_found', 'Pesan tidak ditemukan di kotak keluar.');
  });
  const mail = await simpleParser(raw);
  const html = typeof mail.html === 'string' ? mail.html : '';
  const links = [
    ...new Set([...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'))),
  ];
  const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
  return {
    name,
    subject: mail.subject ?? '',
    to,
    from: mail.from?.text ?? '',
    date: mail.date?.toISOString() ?? null,
    text: mail.text ?? '',
    html,
    links,
  };
}

export const devOutboxRoutes = (deps: Deps) => [
  defineRoute(
    {
      method: 'get',
      path: '/api/dev/outbox',
      access: 'public',
      tags,
      summary: 'Surel yang “terkirim” secara lokal, terbaru dahulu (hanya lokal)',
      responses: { 200: ok(z.object({ items: z.array(summarySchema) }), 'Isi kotak keluar') },
    },
    async (c) => {
      const names = (await readdir(outboxDir(deps)).catch(() => [] as string[]))
        .filter((n) => fileName.safeParse(n).success)
        .sort()
        .reverse()
        .slice(0, 100);
      const items = await Promise.all(
        names.map(async (name) => {
          const { subject, to, date } = await parse(deps, name);
          return { name, subject, to, date };
        }),
      );
      return c.json({ items }, 200);
    },
  ),
  defineRoute(
    {
      method: 'get',
      path: '/api/dev/outbox/:name',
      access: 'public',
      tags,
      summary: 'Satu surel dari kotak keluar lokal: teks, HTML, dan tautannya',
      params: z.object({ name: fileName }),
      responses: { 200: ok(messageSchema, 'Surel'), 404: problems[404] },
    },
    async (c, { params }) => c.json(await parse(deps, params.name), 200),
  ),
];
