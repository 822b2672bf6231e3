// Enforces the import rules of architecture.md §4: dependencies point inward, AWS and HTTP stay at the edges.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

interface Rule {
  /** Files this rule governs (repo-relative prefix). */
  files: string;
  /** Project paths (prefixes) these files may import. */
  project: string[];
  /** npm packages (exact name or prefix ending in '/') they may import. */
  npm: string[];
  /** Project paths they may import with `import type` only. */
  typeOnly?: string[];
  node?: boolean;
}

// Most specific first: the first rule whose prefix matches a file governs it.
const rules: Rule[] = [
  { files: 'shared/', project: ['shared/'], npm: ['zod', 'date-fns', '@date-fns/tz'] },
  {
    files: 'functions/db/',
    project: ['shared/', 'functions/db/'],
    npm: ['@aws-sdk/client-dynamodb', '@aws-sdk/lib-dynamodb'],
    node: true,
  },
  {
    files: 'functions/files/',
    project: [],
    npm: ['@aws-sdk/client-s3', '@aws-sdk/s3-request-presigner'],
    node: true,
  },
  { files: 'functions/mail/ses.ts', project: ['shared/', 'functions/mail/'], npm: ['@aws-sdk/client-ses'] },
  {
    files: 'functions/mail/',
    project: ['shared/', 'functions/mail/'],
    npm: ['hono/html', 'nodemailer/lib/mail-composer'],
    node: true,
  },
  {
    // The per-request memo of the org snapshot (AsyncLocalStorage).
    files: 'functions/services/org-context.ts',
    project: ['shared/', 'functions/db/', 'functions/services/'],
    typeOnly: ['functions/deps.ts'],
    npm: [],
    node: true,
  },
  {
    files: 'functions/services/',
    // Link tokens only: the mailer (nodemailer's composer) would land in the api bundle.
    project: ['shared/', 'functions/db/', 'functions/mail/approval-token.ts', 'functions/services/'],
    typeOnly: ['functions/deps.ts'],
    npm: ['csv-parse/'],
  },
  {
    files: 'functions/jobs/',
    project: [
      'shared/',
      'functions/db/',
      'functions/mail/mailer.ts',
      'functions/services/',
      'functions/jobs/',
    ],
    typeOnly: ['functions/deps.ts'],
    // Export files and PDF documents are built by jobs only (kept out of the api bundle).
    npm: ['zod', 'csv-stringify/', 'exceljs', 'pdfkit', 'qrcode'],
  },
  {
    files: 'functions/api/',
    project: [
      'shared/',
      'functions/services/',
      'functions/api/',
      'functions/auth/',
      'functions/http-policy.ts',
      // HR's "run now": the tick's due steps (the mail and export sweeps stay in the jobs Lambda).
      'functions/jobs/due-steps.ts',
    ],
    typeOnly: ['functions/deps.ts'],
    npm: ['hono', 'hono/', 'zod', 'zod/v4/locales/'],
    node: true,
  },
  {
    files: 'functions/lambda/',
    project: [
      'functions/api/app.ts',
      'functions/jobs/',
      'functions/deps.ts',
      'functions/config.ts',
      'functions/services/identity-service.ts',
      // The import Lambda serves the CSV import alone (csv-parse stays out of the api bundle).
      'functions/services/import-service.ts',
      'functions/auth/principal.ts',
      'functions/lambda/',
    ],
    npm: [
      'hono/aws-lambda',
      '@middy/',
      '@aws-lambda-powertools/',
      '@aws-sdk/client-cognito-identity-provider',
      'aws-lambda',
    ],
  },
  {
    files: 'functions/local/',
    project: ['shared/', 'functions/'],
    npm: ['@hono/node-server', '@hono/node-server/', 'hono', 'croner', '@aws-sdk/', 'mailparser', 'zod'],
    node: true,
  },
  {
    files: 'functions/auth/',
    project: ['shared/', 'functions/auth/', 'functions/config.ts', 'functions/deps.ts'],
    npm: ['jose'],
    node: true,
  },
  { files: 'functions/http-policy.ts', project: [], npm: [] },
  { files: 'functions/config.ts', project: [], npm: ['zod'] },
  {
    files: 'functions/deps.ts',
    project: [
      'functions/config.ts',
      'functions/db/client.ts',
      'functions/auth/',
      'functions/mail/',
      'functions/files/',
    ],
    typeOnly: ['shared/'],
    npm: ['@aws-lambda-powertools/logger', 'ulid', '@aws-sdk/client-ses'],
    node: true,
  },
  {
    files: 'infra/',
    project: ['infra/', 'functions/db/schema.ts', 'functions/jobs/schedule.ts', 'functions/http-policy.ts'],
    npm: ['aws-cdk-lib', 'aws-cdk-lib/', 'constructs', 'cdk-nag'],
    node: true,
  },
  {
    files: 'web/',
    project: ['shared/', 'web/'],
    npm: ['astro', 'astro/', 'astro:', 'swagger-ui-dist', 'swagger-ui-dist/', 'zod', 'uplot', 'uplot/'],
    node: true,
  },
];

interface ImportRef {
  spec: string;
  typeOnly: boolean;
}

const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(source: string): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const spec = match[3] ?? match[4];
    if (spec) refs.push({ spec, typeOnly: match[2] !== undefined });
  }
  return refs;
}

/** The violations of one file's imports, as readable sentences. */
function violations(file: string, source: string): string[] {
  const rule = rules.find((r) => file.startsWith(r.files));
  if (!rule) return [];
  const found: string[] = [];
  for (const { spec, typeOnly } of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = relative(root, resolve(root, dirname(file), spec));
      const allowed = rule.project.some((p) => target.startsWith(p) || target === p);
      const allowedAsType = typeOnly && (rule.typeOnly ?? []).some((p) => target.startsWith(p));
      if (!allowed && !allowedAsType) found.push(`${file} imports ${target}`);
    } else if (spec.startsWith('node:')) {
      if (!rule.node) found.push(`${file} imports Node API ${spec}`);
    } else {
      const ok = rule.npm.some((p) => (p.endsWith('/') ? spec.startsWith(p) : spec === p));
      if (!ok) found.push(`${file} imports package ${spec}`);
    }
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  const abs = join(root, dir);
  return readdirSync(abs).flatMap((name) => {
    const path = join(dir, name);
    if (['node_modules', 'dist', '.astro'].includes(name)) return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|mjs|astro)$/.test(name) ? [path] : [];
  });
}

describe('architecture: what each folder may import (architecture.md §4)', () => {
  const files = ['shared', 'functions', 'infra', 'web'].flatMap((dir) => sourceFiles(dir));

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files).toContain('functions/db/keys.ts');
  });

  it('every file keeps to the import table', () => {
    const problems = files.flatMap((file) => violations(file, readFileSync(join(root, file), 'utf8')));
    expect(problems).toEqual([]);
  });

  it.each([
    ['shared/domain/x.ts', "import { Hono } from 'hono';", 'package hono'],
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';", 'Node API'],
    ['shared/domain/x.ts', "import { keys } from '../../functions/db/keys.ts';", 'functions/db/keys.ts'],
    ['functions/services/x.ts', "import { Hono } from 'hono';", 'package hono'],
    ['functions/services/x.ts', "import { createDeps } from '../deps.ts';", 'functions/deps.ts'],
    ['functions/api/x.ts', "import { keys } from '../db/keys.ts';", 'functions/db/keys.ts'],
    ['functions/db/x.ts', "import { SESClient } from '@aws-sdk/client-ses';", '@aws-sdk/client-ses'],
    ['web/src/x.ts', "import { keys } from '../../functions/db/keys.ts';", 'functions/db/keys.ts'],
  ])('catches a forbidden import in %s', (file, source, expected) => {
    expect(violations(file, source).join()).toContain(expected);
  });

  it('allows what the table allows', () => {
    expect(violations('functions/services/x.ts', "import type { Deps } from '../deps.ts';")).toEqual([]);
    expect(violations('functions/api/x.ts', "import { Hono } from 'hono';")).toEqual([]);
  });
});
