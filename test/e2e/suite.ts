// What every e2e file sets up the same way: Chromium and a fresh seeded local stack for the file, an API client,
// watched pages (checked after each test) and the local outbox.

import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type ApiClient, createApiClient } from './api-client.ts';
import { handledStatus, launchChromium, type WatchedPages, watchPages } from './browser.ts';
import { type LocalStack, startLocalStack } from './local-stack.ts';
import { localOutbox, type Outbox } from './outbox.ts';

export interface E2eSuite {
  /** The running stack; read it in hooks and tests (it starts in the first beforeAll). */
  readonly stack: LocalStack;
  readonly api: ApiClient;
  readonly pages: WatchedPages;
  readonly outbox: Outbox;
  /** The full address of a path of the running site. */
  url(path: string): string;
}

export interface E2eOptions {
  /**
   * The statuses of the API's refusals that the pages handle on purpose: Chromium logs each as a console error,
   * which does not fail the test. Any other console error does.
   */
  handledStatuses?: number[];
}

/**
 * Registers, at the top of a test file, the hooks that start Chromium and the stack before its tests (a
 * beforeAll of the file that comes after runs once they are up), stop them after, and close each test's
 * browser context and check its pages after each test.
 */
export function useE2eSuite({ handledStatuses = [] }: E2eOptions = {}): E2eSuite {
  let browser: Browser | undefined;
  let stack: LocalStack | undefined;
  const running = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} belum berjalan: baca di dalam hook atau tes.`);
    return value;
  };
  const runningStack = () => running(stack, 'Tumpukan lokal');
  const pages = watchPages(
    () => running(browser, 'Chromium'),
    () => runningStack().baseUrl,
    handledStatuses.length > 0 ? handledStatus(...handledStatuses) : undefined,
  );

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startLocalStack();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  afterEach(() => pages.closeAndCheck());

  return {
    get stack() {
      return runningStack();
    },
    api: createApiClient(() => runningStack().baseUrl),
    pages,
    outbox: localOutbox(runningStack),
    url: (path) => runningStack().baseUrl + path,
  };
}
