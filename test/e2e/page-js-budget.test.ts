// JS budget of the built site: no page loads more than 60 KB gzip of JavaScript up front (its scripts and their
// static imports; `npm run bench -- pagejs` prints the figures). Here, not in the unit project: it reads web/dist,
// which `npm test` and `npm run test:e2e` build first.

import { describe, expect, it } from 'vitest';
import { BUDGET_EXEMPT, kb, measurePageJs, PAGE_JS_BUDGET_BYTES } from '../bench/page-js.ts';

describe('JS per halaman (gzip)', async () => {
  const pages = await measurePageJs();

  it('every page of the build is measured, and each loads the site header script', () => {
    expect(pages.map((p) => p.page)).toContain('/');
    for (const page of pages) {
      expect(
        page.scripts.some((s) => s.url.includes('site-header')),
        `${page.page}: no site header script found — is the measurement still reading the HTML right?`,
      ).toBe(true);
    }
  });

  it(`no page loads more than ${PAGE_JS_BUDGET_BYTES / 1024} KB gzip of JS up front`, () => {
    const over = pages
      .filter((p) => p.budgetedGzipBytes > PAGE_JS_BUDGET_BYTES)
      .map(
        (p) =>
          `${p.page}: ${kb(p.budgetedGzipBytes)} KB — ${p.scripts
            .filter((s) => !s.exempt)
            .sort((a, b) => b.gzipBytes - a.gzipBytes)
            .slice(0, 5)
            .map((s) => `${s.url} ${kb(s.gzipBytes)} KB`)
            .join(', ')}`,
      );
    expect(over).toEqual([]);
  });

  it('every exemption still names a file some page loads', () => {
    const loaded = new Set(pages.flatMap((p) => p.scripts.map((s) => s.url)));
    expect(Object.keys(BUDGET_EXEMPT).filter((file) => !loaded.has(file))).toEqual([]);
  });
});
