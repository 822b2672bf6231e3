// Lighthouse (accessibility and performance, mobile and desktop presets, default simulated throttling) on the
// built site, served by the local stack in this process and signed in through the development sign-in.
// Debian's Chromium is started here with a DevTools port; the session cookies go into its cookie jar over the
// DevTools protocol, so the pages run exactly as for a signed-in person (document.cookie holds the CSRF cookie).
// Nothing is downloaded: Lighthouse comes from node_modules, the browser from /usr/bin/chromium.

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Flags, Result } from 'lighthouse';
import { type LocalStack, siteDir, startLocalStack } from '../e2e/local-stack.ts';
import { median } from './stats.ts';

/** The pages measured, each signed in as the person who uses it (demo seed, functions/local/demo-org.ts). */
export const LIGHTHOUSE_PAGES = [
  { path: '/dasbor/', as: 'admin@piawai.test', what: 'dasbor SDM' },
  { path: '/skp/', as: 'pegawai@piawai.test', what: 'SKP saya' },
] as const;

export const LIGHTHOUSE_BUDGETS = { accessibility: 95, performance: 90 } as const;

/** Runs per page and preset; the performance score is their median (it moves from run to run, a11y does not). */
const RUNS = 3;
const PRESETS = ['mobile', 'desktop'] as const;
type Preset = (typeof PRESETS)[number];

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const reportDir = resolve(import.meta.dirname, '../../test-output/lighthouse');

// chrome-launcher's defaults for tools (what the Lighthouse CLI starts Chrome with), plus headless and no sandbox.
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,CalculateNativeWinOcclusion,InterestFeedContentSuggestions,CertificateTransparencyComponentUpdater,AutofillServerCommunication,PrivacySandboxSettings4,RenderDocument',
  '--disable-extensions',
  '--disable-component-extensions-with-background-pages',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-client-side-phishing-detection',
  '--disable-sync',
  '--metrics-recording-only',
  '--disable-default-apps',
  '--mute-audio',
  '--no-default-browser-check',
  '--no-first-run',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-ipc-flooding-protection',
  '--password-store=basic',
  '--disable-hang-monitor',
  '--disable-prompt-on-repost',
  '--disable-domain-reliability',
];

interface Chromium {
  port: number;
  /** The browser's DevTools WebSocket. */
  endpoint: string;
  stop: () => Promise<void>;
}

async function startChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium tidak ditemukan di ${CHROMIUM}. Pasang dengan: sudo apt-get install -y chromium`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'piawai-lighthouse-'));
  const child: ChildProcess = spawn(
    CHROMIUM,
    [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const endpoint = await new Promise<string>((done, fail) => {
      let stderr = '';
      const timer = setTimeout(
        () => fail(new Error(`Chromium tidak membuka port DevTools:\n${stderr}`)),
        30_000,
      );
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
        if (match?.[1]) {
          clearTimeout(timer);
          done(match[1]);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`Chromium berhenti (kode ${code}):\n${stderr}`));
      });
    });
    child.stderr?.resume(); // keep draining it
    return { port: Number(new URL(endpoint).port), endpoint, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** One DevTools protocol command on the browser target. */
async function devtools(endpoint: string, method: string, params: object): Promise<void> {
  const socket = new WebSocket(endpoint);
  try {
    await new Promise<void>((done, fail) => {
      socket.onopen = () => socket.send(JSON.stringify({ id: 1, method, params }));
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { id?: number; error?: { message: string } };
        if (message.id !== 1) return;
        if (message.error) fail(new Error(`${method}: ${message.error.message}`));
        else done();
      };
      socket.onerror = () => fail(new Error(`${method}: koneksi DevTools gagal`));
    });
  } finally {
    socket.close();
  }
}

/** Signs in through the development sign-in and puts the session and CSRF cookies in Chromium's jar. */
async function signIn(stack: LocalStack, chromium: Chromium, email: string): Promise<void> {
  const response = await fetch(`${stack.baseUrl}/api/dev/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (response.status !== 200) {
    throw new Error(`Masuk sebagai ${email} gagal: ${response.status} ${await response.text()}`);
  }
  const cookies = response.headers.getSetCookie().map((header) => {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    const at = pair.indexOf('=');
    return {
      name: pair.slice(0, at),
      value: pair.slice(at + 1),
      url: stack.baseUrl,
      path: '/',
      httpOnly: attributes.some((a) => a.toLowerCase() === 'httponly'),
      sameSite: 'Lax',
    };
  });
  if (cookies.length === 0) throw new Error(`Masuk sebagai ${email}: tidak ada cookie sesi`);
  await devtools(chromium.endpoint, 'Storage.setCookies', { cookies });
}

const score = (lhr: Result, category: string) => {
  const value = lhr.categories[category]?.score;
  if (typeof value !== 'number') throw new Error(`${lhr.finalDisplayedUrl}: tidak ada skor ${category}`);
  return Math.round(value * 100);
};

const metric = (lhr: Result, id: string, digits = 0) => {
  const value = lhr.audits[id]?.numericValue;
  return typeof value === 'number' ? Math.round(value * 10 ** digits) / 10 ** digits : null;
};

/** A run that measured something else than the signed-in page is an error, not a score. */
function checkRun(lhr: Result, path: string, email: string): void {
  if (lhr.runtimeError) {
    const gone = existsSync(join(siteDir, path, 'index.html'))
      ? ''
      : ' — web/dist berubah selama pengukuran (dibangun ulang bersamaan?)';
    throw new Error(`${path}: Lighthouse gagal: ${lhr.runtimeError.message}${gone}`);
  }
  const landed = new URL(lhr.finalDisplayedUrl).pathname;
  if (landed !== path) throw new Error(`${path} sebagai ${email} berakhir di ${landed} (belum masuk?)`);
  const items = (lhr.audits['network-requests']?.details as { items?: { url: string; statusCode: number }[] })
    ?.items;
  const refused = (items ?? []).filter((r) => r.url.includes('/api/') && r.statusCode >= 400);
  if (refused.length > 0) {
    throw new Error(
      `${path} sebagai ${email}: API menolak ${refused.map((r) => `${r.statusCode} ${r.url}`).join(', ')}`,
    );
  }
}

export interface LighthouseRow {
  page: string;
  as: string;
  preset: Preset;
  accessibility: number | null;
  performance: number | null;
  performanceRuns: number[];
  /** Of the median run, in ms (CLS unitless). */
  metrics: Record<string, number | null>;
  /** Accessibility audits that did not pass, with their weight in the score. */
  failedAccessibility: string[];
  /** The largest layout shifts of the median run: which element moved, and its share of CLS. */
  layoutShifts: string[];
  withinBudget: boolean;
  report: string | null;
  missing?: string;
}

export async function benchLighthouse() {
  if (!existsSync(join(siteDir, 'index.html'))) {
    throw new Error(
      `Situs belum dibangun: ${siteDir}/index.html tidak ada. Jalankan dulu: npm run build:web`,
    );
  }
  const pages = LIGHTHOUSE_PAGES.map((page) => ({
    ...page,
    built: existsSync(join(siteDir, page.path, 'index.html')),
  }));
  const rows: LighthouseRow[] = [];
  for (const page of pages.filter((p) => !p.built)) {
    for (const preset of PRESETS) {
      rows.push({
        page: page.path,
        as: page.as,
        preset,
        accessibility: null,
        performance: null,
        performanceRuns: [],
        metrics: {},
        failedAccessibility: [],
        layoutShifts: [],
        withinBudget: false,
        report: null,
        missing: `web/dist${page.path}index.html tidak ada: halaman belum dibuat, atau bangun ulang situs (npm run build:web)`,
      });
    }
  }
  const present = pages.filter((p) => p.built);
  if (present.length === 0) {
    return { budgets: LIGHTHOUSE_BUDGETS, runs: RUNS, lighthouseVersion: '', rows, withinBudget: false };
  }

  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  let lighthouseVersion = '';
  const stack = await startLocalStack(); // says so when web/dist is not built
  let chromium: Chromium | undefined;
  try {
    chromium = await startChromium();
    mkdirSync(reportDir, { recursive: true });
    for (const page of present) {
      await signIn(stack, chromium, page.as);
      const url = `${stack.baseUrl}${page.path}`;
      for (const preset of PRESETS) {
        const flags: Flags = {
          port: chromium.port,
          hostname: '127.0.0.1',
          logLevel: 'error',
          output: 'html',
          onlyCategories: ['accessibility', 'performance'],
        };
        const runs: { lhr: Result; html: string }[] = [];
        for (let i = 0; i < RUNS; i += 1) {
          const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined);
          if (!result) throw new Error(`${page.path}: Lighthouse tidak memberi hasil`);
          checkRun(result.lhr, page.path, page.as);
          runs.push({ lhr: result.lhr, html: String(result.report) });
        }
        const performanceRuns = runs.map((run) => score(run.lhr, 'performance'));
        const middle = median(performanceRuns);
        const chosen = runs[performanceRuns.indexOf(middle)] ?? runs[0];
        if (!chosen) throw new Error('no run');
        const lhr = chosen.lhr;
        lighthouseVersion = lhr.lighthouseVersion;
        const report = join(reportDir, `${page.path.replaceAll('/', '') || 'root'}-${preset}.html`);
        writeFileSync(report, chosen.html);
        const accessibility = Math.min(...runs.map((run) => score(run.lhr, 'accessibility')));
        const a11yRefs = lhr.categories.accessibility?.auditRefs ?? [];
        const failedAccessibility = a11yRefs
          .filter(
            (ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score !== 1,
          )
          .map((ref) => `${ref.id} (bobot ${ref.weight})`);
        const shifts =
          (
            lhr.audits['layout-shifts']?.details as {
              items?: { score: number; node?: { selector?: string } }[];
            }
          )?.items ?? [];
        rows.push({
          page: page.path,
          as: page.as,
          preset,
          accessibility,
          performance: middle,
          performanceRuns,
          metrics: {
            fcpMs: metric(lhr, 'first-contentful-paint'),
            lcpMs: metric(lhr, 'largest-contentful-paint'),
            tbtMs: metric(lhr, 'total-blocking-time'),
            cls: metric(lhr, 'cumulative-layout-shift', 3),
            speedIndexMs: metric(lhr, 'speed-index'),
          },
          failedAccessibility,
          layoutShifts: shifts
            .slice(0, 3)
            .map((shift) => `${shift.node?.selector ?? '?'} ${Math.round(shift.score * 1000) / 1000}`),
          withinBudget:
            accessibility >= LIGHTHOUSE_BUDGETS.accessibility && middle >= LIGHTHOUSE_BUDGETS.performance,
          report: report.slice(resolve(import.meta.dirname, '../..').length + 1),
        });
      }
    }
  } finally {
    await chromium?.stop();
    await stack.stop();
  }
  rows.sort((a, b) => a.page.localeCompare(b.page) || a.preset.localeCompare(b.preset));
  return {
    budgets: LIGHTHOUSE_BUDGETS,
    runs: RUNS,
    lighthouseVersion,
    rows,
    withinBudget: rows.every((row) => row.withinBudget),
  };
}
