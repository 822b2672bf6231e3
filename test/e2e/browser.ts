// Headless Debian Chromium for the e2e tests: fresh contexts whose pages are watched (requests to other origins,
// errors thrown, console errors), plus the two checks every page gets: axe and a screenshot.

import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
const screenshotDir = resolve(import.meta.dirname, '../../test-output/screenshots');

/** Fails (never skips) when Chromium is missing, with the command that installs it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium tidak ditemukan di ${CHROMIUM}; tes e2e membutuhkannya. Pasang dengan: sudo apt-get install -y chromium`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** axe-core (WCAG 2.x A/AA rules) findings of impact serious or critical, one line each. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: resolve(screenshotDir, `${name}-${width}.png`), fullPage: true });
}

/**
 * The console errors with which Chromium logs the API's refusals that the pages handle on purpose (each test
 * file names its statuses).
 */
export const handledStatus = (...statuses: number[]) =>
  new RegExp(`^Failed to load resource: the server responded with a status of (${statuses.join('|')})\\b`);

export interface WatchedPages {
  /** A fresh browser context (no cookies) and its page, watched; the context opened before is closed. */
  newPage(width?: number): Promise<Page>;
  /** Signs the page's context in (the development sign-in sets the session and CSRF cookies). */
  signIn(page: Page, email: string): Promise<void>;
  /** A fresh page, signed in as `as` when given, at `path`. */
  open(path: string, options?: { as?: string; width?: number }): Promise<Page>;
  /**
   * After each test: closes the context, then expects no request to another origin, no error thrown in a page
   * and no console error (CSP violations included) other than `handled`, since the test began.
   */
  closeAndCheck(): Promise<void>;
}

/**
 * Pages of `browser()` on the site at `origin()` (both read when a page opens: they start after the test file
 * has made this), 900 px high, in Indonesian.
 */
export function watchPages(browser: () => Browser, origin: () => string, handled?: RegExp): WatchedPages {
  let context: BrowserContext | undefined;
  let offOrigin: string[] = [];
  let pageErrors: string[] = [];
  let consoleErrors: string[] = [];

  async function newPage(width = 1280): Promise<Page> {
    await context?.close();
    context = await browser().newContext({ viewport: { width, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    const base = origin();
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:'))
        offOrigin.push(request.url());
    });
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error' || handled?.test(message.text())) return;
      consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    return page;
  }

  async function signIn(page: Page, email: string): Promise<void> {
    const response = await page.request.post(`${origin()}/api/dev/session`, { data: { email } });
    expect(response.status()).toBe(200);
  }

  return {
    newPage,
    signIn,
    async open(path, { as, width } = {}) {
      const page = await newPage(width);
      if (as !== undefined) await signIn(page, as);
      await page.goto(origin() + path);
      return page;
    },
    async closeAndCheck() {
      await context?.close();
      context = undefined;
      const found = { offOrigin, pageErrors, consoleErrors };
      offOrigin = [];
      pageErrors = [];
      consoleErrors = [];
      expect(found.offOrigin, 'requests to other origins').toEqual([]);
      expect(found.pageErrors, 'errors thrown in the page').toEqual([]);
      expect(found.consoleErrors, 'console errors (CSP violations included)').toEqual([]);
    },
  };
}
