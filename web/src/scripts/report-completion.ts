// Kemajuan pengisian (GET …/completion): per day, the share of the unit's (or the ministry's) pegawai with an
// approved SKP, and for the chosen window with realisasi entered and already rated — a uPlot line chart with
// its summary as the chart's name, and every day's numbers in a table under it.

import type { Completion, CompletionPoint } from '../lib/api-reports.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';
import { scrollable } from './hr-charts.ts';
import { formatTanggal } from './hr-format.ts';
import { clearChart, formatPercent, type LineSeries, lineChart } from './report-charts.ts';

const figure = byId('completion-figure', HTMLElement);
const plot = byId('completion-plot', HTMLElement);
const legend = byId('completion-legend', HTMLElement);
const summary = byId('completion-summary', HTMLElement);
const status = byId('completion-status', HTMLElement);
const data = byId('completion-data', HTMLDetailsElement);
const tableHost = byId('completion-table', HTMLElement);

interface Measure {
  key: 'skp' | 'realisasi' | 'dinilai';
  label: string;
  /** In a sentence, after the window was named once. */
  words: string;
  color: string;
  dash?: number[];
  count: (p: CompletionPoint) => number;
}

/** 1 decimal: the chart's and the table's share of pegawai; null when the head count is not known. */
const share = (n: number, of: number): number | null => (of > 0 ? Math.round((n * 1000) / of) / 10 : null);

function measures(windowKey: string | null, windowName: string): Measure[] {
  const list: Measure[] = [
    {
      key: 'skp',
      label: 'SKP disetujui',
      words: 'SKP disetujui',
      color: '#1b7a43',
      count: (p) => p.skpDisetujui,
    },
  ];
  if (windowKey) {
    list.push(
      {
        key: 'realisasi',
        label: `Realisasi diisi — ${windowName}`,
        words: 'realisasi diisi',
        color: '#9a6a00',
        dash: [8, 4],
        count: (p) => p.evaluasi[windowKey]?.realisasi ?? 0,
      },
      {
        key: 'dinilai',
        label: `Sudah dinilai — ${windowName}`,
        words: 'sudah dinilai',
        color: '#123a6b',
        dash: [2, 3],
        count: (p) => p.evaluasi[windowKey]?.dinilai ?? 0,
      },
    );
  }
  return list;
}

const cell = (n: number, of: number) => {
  const s = share(n, of);
  return h('td', { class: 'num' }, `${formatNumber(n)}${s === null ? '' : ` (${formatPercent(s)})`}`);
};

function fillTable(points: CompletionPoint[], list: Measure[]): void {
  const caption = 'Kemajuan pengisian per hari, terbaru di atas';
  const table = h(
    'table',
    { class: 'data-table' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Tanggal'),
        h('th', { scope: 'col', class: 'num' }, 'Pegawai'),
        ...list.map((m) => h('th', { scope: 'col', class: 'num' }, m.label)),
      ),
    ),
    h(
      'tbody',
      {},
      ...[...points]
        .reverse()
        .map((p) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', class: 'nowrap' }, formatTanggal(p.tanggal)),
            h('td', { class: 'num' }, formatNumber(p.pegawai)),
            ...list.map((m) => cell(m.count(p), p.pegawai)),
          ),
        ),
    ),
  );
  tableHost.replaceChildren(scrollable(table, caption));
}

/**
 * Draws the series of the chosen scope; `windowKey` null when the chosen window has not opened yet (only
 * SKP then). `scope` names the unit or the ministry.
 */
export function showCompletion(
  report: Completion,
  windowKey: string | null,
  windowName: string,
  scope: string,
): void {
  const points = report.points;
  const list = measures(windowKey, windowName);
  const latest = points.at(-1);
  if (!latest) {
    hideCompletion(`Belum ada data kemajuan ${scope} pada periode ini.`);
    return;
  }
  fillTable(points, list);
  data.hidden = false;
  if (latest.pegawai <= 0) {
    clearChart(plot);
    figure.hidden = true;
    status.textContent = `Jumlah pegawai ${scope} belum tercatat untuk periode ini, sehingga persentasenya belum dapat dihitung. Angkanya ada di tabel.`;
    return;
  }
  const said = (m: Measure) => {
    const n = m.count(latest);
    return `${m.words} ${formatPercent(share(n, latest.pegawai) ?? 0)} (${formatNumber(n)})`;
  };
  const [skp, ...evaluation] = list;
  const windowWords = evaluation.length > 0 ? `; ${windowName}: ${evaluation.map(said).join(', ')}` : '';
  const text = `${scope} per ${formatTanggal(latest.tanggal)}, dari ${formatNumber(latest.pegawai)} pegawai: ${skp ? said(skp) : ''}${windowWords}.`;
  summary.textContent = text;
  plot.setAttribute('aria-label', `Grafik garis kemajuan pengisian ${text}`);
  legend.replaceChildren(
    ...list.map((m) =>
      h('li', {}, h('span', { class: `rep-line rep-line--${m.key}`, 'aria-hidden': 'true' }), m.label),
    ),
  );
  figure.hidden = false;
  const series: LineSeries[] = list.map((m) => ({
    label: m.label,
    color: m.color,
    ...(m.dash ? { dash: m.dash } : {}),
    values: points.map((p) => share(m.count(p), p.pegawai)),
  }));
  lineChart(
    plot,
    points.map((p) => p.tanggal),
    series,
  );
  status.textContent =
    points.length === 1
      ? 'Baru ada data hari ini; garis terbentuk setelah penjadwal mencatat hari-hari berikutnya.'
      : `${formatNumber(points.length)} hari tercatat.`;
}

export function hideCompletion(message: string): void {
  clearChart(plot);
  figure.hidden = true;
  data.hidden = true;
  status.textContent = message;
}
