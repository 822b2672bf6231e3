// `npm run bench`: prints every measured figure with its budget, and writes bench-results.json.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { loadFigures, runLoad } from '../slow/load-harness.ts';
import { benchApiLatency } from './api-latency.ts';
import { benchBoard } from './board.ts';
import { benchBundle } from './bundle.ts';
import { benchExportPeriod } from './export-period.ts';
import { benchLighthouse } from './lighthouse.ts';
import { benchPageJs } from './page-js.ts';
import { type BenchRow, compare, markdownTable, summarise } from './summary.ts';
import { benchWindowOpen } from './window-open.ts';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const compareWith = args.find((a) => a.startsWith('--compare='))?.slice('--compare='.length);
const wanted = (name: string) => only.length === 0 || only.includes(name);
// --merge keeps the parts of the previous bench-results.json that this run does not repeat.
const previous: Record<string, unknown> =
  args.includes('--merge') && existsSync('bench-results.json')
    ? (JSON.parse(readFileSync('bench-results.json', 'utf8')) as Record<string, unknown>)
    : {};
const results: Record<string, unknown> = { ...previous, at: new Date().toISOString(), node: process.version };

if (wanted('bundle')) {
  const { work: _work, ...bundle } = await benchBundle();
  results.bundle = bundle;
  console.log('\nBundle api Lambda (esbuild, opsi sama dengan CDK)');
  console.table({
    'ukuran api (KB)': { nilai: bundle.apiBundleKb, anggaran: '≤ 350' },
    'ukuran hello-world Hono (KB)': { nilai: bundle.helloBundleKb, anggaran: '' },
    'muat dingin api (ms, median 7)': { nilai: bundle.apiColdLoadMs, anggaran: '' },
    'muat dingin hello-world (ms)': { nilai: bundle.helloColdLoadMs, anggaran: '' },
    'rasio muat dingin': { nilai: bundle.coldLoadRatio, anggaran: '' },
    'muat AWS SDK saja (ms)': { nilai: bundle.sdkOnlyColdLoadMs, anggaran: '' },
  });
}

if (wanted('pagejs')) {
  const pageJs = await benchPageJs();
  results.pageJs = pageJs;
  console.log(`\nJS per halaman situs (web/dist), gzip; anggaran ≤ ${pageJs.budgetKb} KB per halaman`);
  console.table(
    Object.fromEntries(
      pageJs.pages.map((p) => [
        p.page,
        {
          berkas: p.files,
          'mentah (KB)': p.rawKb,
          'gzip (KB)': p.gzipKb,
          'dikecualikan (KB)': p.exemptGzipKb || '',
          'dihitung (KB)': p.budgetedGzipKb,
          'import() (KB)': p.dynamicGzipKb || '',
          anggaran: p.withinBudget ? `≤ ${pageJs.budgetKb}` : `MELEBIHI ${pageJs.budgetKb}`,
        },
      ]),
    ),
  );
  for (const [file, reason] of Object.entries(pageJs.exempt))
    console.log(`Dikecualikan: ${file} — ${reason}`);
}

if (wanted('lighthouse')) {
  const lh = await benchLighthouse();
  results.lighthouse = lh;
  console.log(
    `\nLighthouse ${lh.lighthouseVersion} (throttling simulasi bawaan; kinerja = median ${lh.runs} jalan)`,
  );
  console.table(
    Object.fromEntries(
      lh.rows.map((row) => [
        `${row.page} ${row.preset}`,
        {
          sebagai: row.as,
          aksesibilitas: row.accessibility ?? 'tidak ada',
          kinerja: row.performance ?? 'tidak ada',
          'LCP (ms)': row.metrics.lcpMs ?? '',
          'TBT (ms)': row.metrics.tbtMs ?? '',
          CLS: row.metrics.cls ?? '',
          anggaran: `a11y ≥ ${lh.budgets.accessibility}, kinerja ≥ ${lh.budgets.performance}: ${row.withinBudget ? 'ya' : 'TIDAK'}`,
        },
      ]),
    ),
  );
  for (const row of lh.rows) {
    if (row.missing) {
      if (row.preset === 'mobile') console.log(`${row.page}: ${row.missing}`);
    } else if (row.failedAccessibility.length > 0)
      console.log(
        `${row.page} ${row.preset}, audit aksesibilitas gagal: ${row.failedAccessibility.join(', ')}`,
      );
    if ((row.metrics.cls ?? 0) > 0.1)
      console.log(
        `${row.page} ${row.preset}, pergeseran tata letak terbesar: ${row.layoutShifts.join('; ')}`,
      );
  }
  console.log('Laporan HTML: test-output/lighthouse/');
}

if (wanted('latency')) {
  const latency = await benchApiLatency();
  results.latency = latency;
  console.log(
    `\nLatensi pada ${latency.concurrency} koneksi serentak, ${latency.requests} permintaan, ${latency.employees} pegawai`,
  );
  const rows: Record<string, unknown> = {};
  for (const name of ['employee', 'unitMembers'] as const) {
    const r = latency[name];
    rows[name === 'employee' ? 'GET /api/employees/{id}' : 'GET /api/units/{id}/members'] = {
      'api p50 (ms)': r.api.p50,
      'api p99 (ms)': r.api.p99,
      'mentah p50 (ms)': r.raw.p50,
      'mentah p99 (ms)': r.raw.p99,
      'rasio p50': r.p50Ratio,
      anggaran: '≤ 1.5',
    };
  }
  console.table(rows);
}

if (wanted('board')) {
  const dynamo = await startDynamoDbLocal();
  try {
    const board = await benchBoard(dynamo);
    results.board = board;
    console.log('\nPapan SKP per periode (satu halaman, 50 unit)');
    console.table({
      [`${board.small.employees} pegawai, ${board.small.units} unit`]: { 'p50 (ms)': board.small.p50 },
      [`${board.large.employees} pegawai, ${board.large.units} unit`]: { 'p50 (ms)': board.large.p50 },
      rasio: { 'p50 (ms)': board.ratio, anggaran: '≤ 1.5' },
    });
  } finally {
    await dynamo.stop();
  }
}

if (wanted('window')) {
  const dynamo = await startDynamoDbLocal();
  try {
    const window = await benchWindowOpen(dynamo);
    results.windowOpen = window;
    console.log(`\nMembuka jendela evaluasi untuk ${window.employees} pegawai (notifikasi masuk outbox)`);
    console.table({
      'waktu (detik)': { nilai: window.seconds },
      'pesan diantrikan': { nilai: window.notifications },
      'panggilan DynamoDB per pegawai': { nilai: window.callsPerEmployee },
      'jalan kedua: pesan / jendela dibuka': {
        nilai: `${window.secondRun.notifications} / ${window.secondRun.windowsOpened}`,
      },
      'jalan kedua: panggilan DynamoDB': { nilai: window.secondRun.calls },
    });
  } finally {
    await dynamo.stop();
  }
}

if (wanted('export')) {
  const dynamo = await startDynamoDbLocal();
  try {
    const exported = await benchExportPeriod(dynamo);
    results.exportPeriod = exported;
    console.log(
      `\nEkspor satu periode: ${exported.employees} pegawai, ${exported.units} unit, ${exported.rated} evaluasi dinilai`,
    );
    console.table(
      Object.fromEntries(
        exported.exports.map((e) => [
          e.export,
          {
            baris: e.rows,
            'waktu (detik)': e.seconds,
            'ukuran (KB)': e.sizeKb,
            'panggilan DynamoDB': e.dynamoCalls,
            'memori puncak RSS (MB)': e.peakRssMb,
          },
        ]),
      ),
    );
  } finally {
    await dynamo.stop();
  }
}

if (wanted('load')) {
  // The load test's harness: the 10,000-employee organisation behind the real local server (npm start).
  const load = loadFigures(await runLoad({ durationSeconds: 60, connections: 50 }));
  results.load = load;
  console.log(`\nBeban: ${load.connections} koneksi, ${load.seconds} detik, baca dan tulis bercampur`);
  console.table({
    'permintaan/detik': { nilai: load.requestsPerSecond },
    'p50 / p99 (ms)': { nilai: `${load.latencyMs.p50} / ${load.latencyMs.p99}` },
    'galat / non-2xx': { nilai: `${load.errors} / ${load.non2xx}` },
    'tulis diakui (ubah / umpan balik)': {
      nilai: `${load.acknowledged.updates} / ${load.acknowledged.feedback}`,
    },
  });
}

const summary = summarise(results);
results.summary = summary;
console.log('\nTabel tolok ukur (semua angka di atas, dengan anggarannya)');
console.table(
  summary.map((r) => ({
    angka: r.figure,
    nilai: `${r.value} ${r.unit}`,
    anggaran: r.budget,
    memenuhi: r.ok === null ? '' : r.ok ? 'ya' : 'TIDAK',
  })),
);
if (compareWith) {
  const before = (JSON.parse(readFileSync(compareWith, 'utf8')) as { summary?: BenchRow[] }).summary ?? [];
  console.log(`\nDibanding ${compareWith}`);
  console.table(compare(before, summary));
}
writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('\nDitulis: bench-results.json');
if (args.includes('--readme')) {
  const readme = readFileSync('README.md', 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (!readme.includes(start) || !readme.includes(end)) throw new Error('README.md has no bench markers.');
  const table = markdownTable(summary, String(results.at));
  writeFileSync(
    'README.md',
    `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n${readme.slice(readme.indexOf(end))}`,
  );
  console.log('Ditulis: tabel tolok ukur di README.md');
}
