// What every state a test reaches is checked for: axe, no sideways scrolling, and a screenshot, at each width;
// plus the small readers of a page the tests share.

import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { saveScreenshot, seriousA11yViolations } from './browser.ts';

/** Desktop, then phone. */
export const DESKTOP_AND_PHONE = [1280, 375] as const;

/** The innermost elements that reach past the viewport (outside any scrolling box), to say what widened a page. */
const widerThan = (page: Page, width: number) =>
  page.evaluate<string>(`(() => {
    const past = (e) => e.getBoundingClientRect().right > ${width} + 0.5;
    const clipped = (e) => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) if (getComputedStyle(a).overflowX !== 'visible') return true; return false; };
    return [...document.querySelectorAll('body *')]
      .filter((e) => past(e) && !clipped(e) && ![...e.children].some((c) => past(c) && !clipped(c)))
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.') + ' ' + Math.round(e.getBoundingClientRect().right))
      .join(', ');
  })()`);

/** The page does not scroll sideways at `width` (a phone shows all of it); when it does, what widened it. */
export async function expectNoSidewaysScroll(page: Page, width: number, name = ''): Promise<void> {
  // A string runs in the page (the test's own TypeScript has no DOM types).
  const pageWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
  const wider = pageWidth > width ? ` ${await widerThan(page, width)}` : '';
  expect(pageWidth, `${name ? `${name}: ` : ''}page width at ${width}px${wider}`).toBeLessThanOrEqual(width);
}

/**
 * axe, no sideways scrolling and a screenshot (named `screenshotPrefix` + `name`) at every width; the page is
 * left at the first width again.
 */
export async function checkAtWidths(
  page: Page,
  name: string,
  widths: readonly [number, ...number[]] = DESKTOP_AND_PHONE,
  screenshotPrefix = '',
): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    expect(await seriousA11yViolations(page), `${name} at ${width}px`).toEqual([]);
    await expectNoSidewaysScroll(page, width, name);
    await saveScreenshot(page, screenshotPrefix + name);
  }
  await page.setViewportSize({ width: widths[0], height: 900 });
}

/** The text of the first element `selector` finds ('' when it has none). */
export const text = async (page: Page, selector: string) =>
  (await page.locator(selector).textContent()) ?? '';

/** Waits for the live status line `#<id>-status` to say `text`. */
export const waitForStatus = (page: Page, id: string, text: string | RegExp) =>
  page.locator(`#${id}-status`, { hasText: text }).waitFor();

/** Requests other than reads that the page sends from now on (filled in as they go). */
export function writesOf(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET') writes.push(`${request.method()} ${request.url()}`);
  });
  return writes;
}
