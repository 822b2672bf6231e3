// JavaScript each built page loads, gzipped: its <script> elements (external files and inline code), the modules
// it preloads, and every module reached from those through static imports. Dynamic imports are counted apart
// (loaded later, on demand). The import graph comes from esbuild's metafile, not from pattern matching.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';

export const distDir = resolve(import.meta.dirname, '../../web/dist');

/** Per page, gzip bytes of the JS it loads up front (≤ 60 KB). */
export const PAGE_JS_BUDGET_BYTES = 60 * 1024;

/**
 * Scripts outside the budget, each with the reason. Only third-party files we serve as-is belong here; the page's
 * own scripts stay counted.
 */
export const BUDGET_EXEMPT: Readonly<Record<string, string>> = {
  '/vendor/swagger-ui/swagger-ui-bundle.js':
    'Swagger UI (swagger-ui-dist, served unchanged) on the API reference page for developers only',
};

export interface PageScript {
  /** Site path of the file, or `inline` for code inside the HTML. */
  url: string;
  rawBytes: number;
  gzipBytes: number;
  exempt: boolean;
}

export interface PageJs {
  /** Site path of the page, e.g. `/pegawai/`. */
  page: string;
  /** Everything loaded up front (scripts, preloads and their static imports), each file once. */
  scripts: PageScript[];
  rawBytes: number;
  gzipBytes: number;
  /** Gzip bytes of the exempt files among `scripts`. */
  exemptGzipBytes: number;
  /** `gzipBytes - exemptGzipBytes`: the figure the budget applies to. */
  budgetedGzipBytes: number;
  /** Modules reachable only through `import()`, not in the figures above. */
  dynamicGzipBytes: number;
}

const gzipSize = (bytes: Uint8Array) => gzipSync(bytes).length;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** `web/dist/pegawai/index.html` → `/pegawai/`; `web/dist/404.html` → `/404.html`. */
function pagePath(htmlFile: string): string {
  const path = `/${relative(distDir, htmlFile).split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

const siteUrl = (file: string) => `/${relative(distDir, file).split(sep).join('/')}`;

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(
    attributes,
  );
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** A same-origin URL of the page resolved to its file in the build; throws for other origins (none are allowed). */
function fileOf(url: string, htmlFile: string): string {
  const parsed = new URL(url, `http://site${pagePath(htmlFile)}`);
  if (parsed.origin !== 'http://site')
    throw new Error(`${pagePath(htmlFile)} memuat skrip dari luar situs: ${url}`);
  const file = join(distDir, decodeURIComponent(parsed.pathname));
  if (!existsSync(file))
    throw new Error(`${pagePath(htmlFile)} memuat ${url}, tetapi berkasnya tidak ada di build`);
  return file;
}

type Entry = { file: string } | { contents: string; resolveDir: string };

/** Site-absolute specifiers (`/_astro/x.js`) are files of the build; full URLs would be other origins. */
const siteResolver: Plugin = {
  name: 'site-paths',
  setup(builder) {
    builder.onResolve({ filter: /^\// }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: join(distDir, args.path) },
    );
    builder.onResolve({ filter: /^[a-z][a-z0-9+.-]*:/i }, (args) => ({ path: args.path, external: true }));
  },
};

/** Files reached from a module: through static imports (with the module itself), and through `import()` only. */
async function moduleGraph(entry: Entry): Promise<{ statics: string[]; dynamics: string[] }> {
  const result = await build({
    ...('file' in entry
      ? { entryPoints: [entry.file] }
      : { stdin: { contents: entry.contents, resolveDir: entry.resolveDir, sourcefile: 'inline.js' } }),
    absWorkingDir: distDir,
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    plugins: [siteResolver],
  });
  const { inputs } = result.metafile as Metafile;
  const external = Object.values(inputs).flatMap((input) =>
    input.imports.filter((i) => i.external).map((i) => i.path),
  );
  if (external.length > 0) throw new Error(`impor dari luar situs: ${external.join(', ')}`);
  const start = 'file' in entry ? relative(distDir, entry.file).split(sep).join('/') : '<stdin>';
  const walk = (roots: string[], kinds: ReadonlySet<string>) => {
    const seen = new Set<string>();
    const queue = [...roots];
    while (queue.length > 0) {
      const key = queue.shift() as string;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const edge of inputs[key]?.imports ?? []) if (kinds.has(edge.kind)) queue.push(edge.path);
    }
    return seen;
  };
  const statics = walk([start], new Set(['import-statement']));
  const all = walk([start], new Set(['import-statement', 'dynamic-import']));
  const toFile = (key: string) => join(distDir, key);
  return {
    statics: [...statics].filter((key) => key !== '<stdin>').map(toFile),
    dynamics: [...all].filter((key) => !statics.has(key)).map(toFile),
  };
}

const NON_JS_TYPES = /^(application\/(ld\+)?json|importmap|speculationrules|text\/template)$/i;

async function measurePage(
  htmlFile: string,
  graphs: Map<string, Promise<{ statics: string[]; dynamics: string[] }>>,
) {
  const html = readFileSync(htmlFile, 'utf8');
  const files = new Set<string>();
  const dynamicFiles = new Set<string>();
  const inline: PageScript[] = [];
  const graphOf = (file: string) => {
    let graph = graphs.get(file);
    if (!graph) {
      graph = moduleGraph({ file });
      graphs.set(file, graph);
    }
    return graph;
  };
  const addGraph = (graph: { statics: string[]; dynamics: string[] }) => {
    for (const file of graph.statics) files.add(file);
    for (const file of graph.dynamics) dynamicFiles.add(file);
  };

  for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const type = attribute(attributes, 'type') ?? '';
    if (NON_JS_TYPES.test(type)) continue;
    const module = type.toLowerCase() === 'module';
    const src = attribute(attributes, 'src');
    if (src) {
      const file = fileOf(src, htmlFile);
      if (module) addGraph(await graphOf(file));
      else files.add(file); // classic scripts have no static imports
    } else if (body.trim() !== '') {
      const bytes = Buffer.from(body);
      inline.push({ url: 'inline', rawBytes: bytes.length, gzipBytes: gzipSize(bytes), exempt: false });
      if (module) {
        const graph = await moduleGraph({ contents: body, resolveDir: dirname(htmlFile) });
        addGraph(graph);
      }
    }
  }
  for (const [, attributes = ''] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const rel = (attribute(attributes, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(attributes, 'href');
    if (!href) continue;
    if (rel.includes('modulepreload')) addGraph(await graphOf(fileOf(href, htmlFile)));
    else if (rel.includes('preload') && attribute(attributes, 'as') === 'script')
      files.add(fileOf(href, htmlFile));
  }

  const scripts: PageScript[] = [...files].sort().map((file) => {
    const bytes = readFileSync(file);
    const url = siteUrl(file);
    return {
      url,
      rawBytes: bytes.length,
      gzipBytes: gzipSize(bytes),
      exempt: Object.hasOwn(BUDGET_EXEMPT, url),
    };
  });
  scripts.push(...inline);
  const sum = (list: PageScript[], key: 'rawBytes' | 'gzipBytes') => list.reduce((n, s) => n + s[key], 0);
  const gzipBytes = sum(scripts, 'gzipBytes');
  const exemptGzipBytes = sum(
    scripts.filter((s) => s.exempt),
    'gzipBytes',
  );
  const dynamicGzipBytes = [...dynamicFiles]
    .filter((file) => !files.has(file))
    .reduce((n, file) => n + gzipSize(readFileSync(file)), 0);
  return {
    page: pagePath(htmlFile),
    scripts,
    rawBytes: sum(scripts, 'rawBytes'),
    gzipBytes,
    exemptGzipBytes,
    budgetedGzipBytes: gzipBytes - exemptGzipBytes,
    dynamicGzipBytes,
  } satisfies PageJs;
}

/** Every page of the built site (`web/dist/**\/*.html`), largest budgeted JS first. */
export async function measurePageJs(): Promise<PageJs[]> {
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error(
      `Situs belum dibangun: ${distDir}/index.html tidak ada. Jalankan dulu: npm run build:web`,
    );
  }
  const graphs = new Map<string, Promise<{ statics: string[]; dynamics: string[] }>>();
  const pages: PageJs[] = [];
  for (const file of htmlFiles(distDir)) pages.push(await measurePage(file, graphs));
  return pages.sort((a, b) => b.budgetedGzipBytes - a.budgetedGzipBytes || a.page.localeCompare(b.page));
}

export const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

export async function benchPageJs() {
  const pages = await measurePageJs();
  const overBudget = pages.filter((p) => p.budgetedGzipBytes > PAGE_JS_BUDGET_BYTES).map((p) => p.page);
  return {
    budgetKb: PAGE_JS_BUDGET_BYTES / 1024,
    exempt: BUDGET_EXEMPT,
    pages: pages.map((p) => ({
      page: p.page,
      files: p.scripts.length,
      rawKb: kb(p.rawBytes),
      gzipKb: kb(p.gzipBytes),
      exemptGzipKb: kb(p.exemptGzipBytes),
      budgetedGzipKb: kb(p.budgetedGzipBytes),
      dynamicGzipKb: kb(p.dynamicGzipBytes),
      withinBudget: p.budgetedGzipBytes <= PAGE_JS_BUDGET_BYTES,
    })),
    overBudget,
  };
}
