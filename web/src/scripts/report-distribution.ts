// Sebaran predikat (GET /api/reports/distribution): per unit of the choice, its employees' shares per predikat
// as uPlot bars with the limits of its organisation predikat's pattern drawn across them, the table beside
// (count, share, the pattern's own words) and every violation; a few units per page.

import {
  type PredikatPegawai,
  predikatOrganisasiLabels,
} from '../../../shared/domain/evaluation/predikat.ts';
import type { DistributionUnit } from '../lib/api-reports.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';
import { clientPager } from './client-pager.ts';
import { scrollable } from './hr-charts.ts';
import { type UnitIndex, unitName } from './hr-units.ts';
import { type BarLimit, barChart, clearChart, formatPercent } from './report-charts.ts';

const PER_PAGE = 4;

/** The colours of the dashboard's predikat bars (styles/dashboard.css), for the canvas. */
const colors: Record<PredikatPegawai, string> = {
  SANGAT_BAIK: '#0f5a32',
  BAIK: '#2f8f5b',
  BUTUH_PERBAIKAN: '#b97f00',
  KURANG: '#c4501f',
  SANGAT_KURANG: '#8c1116',
};

const shortLabels: Record<PredikatPegawai, string> = {
  SANGAT_BAIK: 'SB',
  BAIK: 'B',
  BUTUH_PERBAIKAN: 'BP',
  KURANG: 'K/M',
  SANGAT_KURANG: 'SK',
};

const host = byId('dist-units', HTMLElement);
const status = byId('dist-status', HTMLElement);

let shown: DistributionUnit[] = [];
let index: UnitIndex | undefined;

/**
 * The limit a pattern puts on one predikat alone, read from its words (shared/domain/evaluation/distribution.ts:
 * "Paling banyak 10%", "Paling sedikit 60%", "Tidak boleh ada (0%)"); rules over two predikat together
 * ("Bersama …") are left to the table.
 */
export function patternLimit(expectation: string): BarLimit | null {
  if (/^Tidak boleh ada\b/i.test(expectation)) return { kind: 'max', percent: 0 };
  const match = /^(?:Kelompok terbanyak, )?paling (banyak|sedikit) (\d+)%$/i.exec(expectation);
  if (!match) return null;
  return { kind: match[1]?.toLowerCase() === 'banyak' ? 'max' : 'min', percent: Number(match[2]) };
}

function verdict(unit: DistributionUnit): string {
  if (!unit.predikatOrganisasi) return 'predikat organisasi belum ditetapkan';
  return unit.violations.length === 0 ? 'sesuai pola' : `${unit.violations.length} pelanggaran pola`;
}

function table(unit: DistributionUnit, name: string): HTMLTableElement {
  const org = unit.predikatOrganisasi;
  return h(
    'table',
    { class: 'data-table hr-distribution' },
    h('caption', { class: 'visually-hidden' }, `Sebaran predikat ${name}`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Predikat'),
        h('th', { scope: 'col', class: 'num' }, 'Jumlah'),
        h('th', { scope: 'col', class: 'num' }, 'Persen'),
        org
          ? h('th', { scope: 'col', class: 'hr-expect-col' }, `Pola ${predikatOrganisasiLabels[org]}`)
          : null,
      ),
    ),
    h(
      'tbody',
      {},
      ...unit.rows.map((row) =>
        h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            h('span', { class: `rep-swatch hr-tone--pred-${row.predikat}`, 'aria-hidden': 'true' }),
            row.label.replace('/', '/\u200b'),
            org ? h('span', { class: 'hr-expect' }, `Pola: ${row.expectation}`) : null,
          ),
          h('td', { class: 'num' }, formatNumber(row.count)),
          h('td', { class: 'num' }, formatPercent(row.percent)),
          org ? h('td', { class: 'hr-expect-col' }, row.expectation) : null,
        ),
      ),
    ),
  );
}

function card(unit: DistributionUnit): { element: HTMLElement; plot: HTMLElement } {
  const name = unitName(index as UnitIndex, unit.unitId);
  const titleId = `dist-${unit.unitId}-title`;
  const org = unit.predikatOrganisasi;
  const limits = org ? unit.rows.map((row) => patternLimit(row.expectation)) : [];
  const summary = unit.rows.map((row) => `${row.label} ${formatPercent(row.percent)}`).join(', ');
  const plot = h('div', {
    class: 'chart__plot',
    role: 'img',
    'aria-label': `Diagram batang sebaran predikat ${name}: ${summary}.`,
  });
  const element = h(
    'article',
    {
      class: `rep-dist${unit.violations.length > 0 ? ' rep-dist--warn' : ''}`,
      'aria-labelledby': titleId,
    },
    h('h3', { id: titleId, class: 'rep-dist__title' }, name),
    h(
      'p',
      { class: 'rep-dist__meta' },
      `${org ? `Predikat organisasi ${predikatOrganisasiLabels[org]}` : 'Tanpa predikat organisasi'} · ${formatNumber(unit.total)} pegawai berpredikat · ${verdict(unit)}`,
    ),
    h(
      'div',
      { class: 'rep-dist__body' },
      h(
        'figure',
        { class: 'chart' },
        plot,
        h(
          'figcaption',
          { class: 'chart__note' },
          limits.some(Boolean)
            ? 'Persentase pegawai per predikat; garis putus-putus menandai batas pola distribusi.'
            : 'Persentase pegawai per predikat.',
          // Where the bars are narrow their labels are codes: the key, for sighted readers (the table names them).
          h(
            'span',
            { class: 'chart__key', 'aria-hidden': 'true' },
            ' SB Sangat Baik, B Baik, BP Butuh Perbaikan, K/M Kurang/Misconduct, SK Sangat Kurang.',
          ),
        ),
      ),
      scrollable(table(unit, name), `Tabel sebaran predikat ${name}`),
    ),
    unit.violations.length > 0
      ? h(
          'ul',
          { class: 'hr-violations', 'aria-label': `Pelanggaran pola ${name}` },
          ...unit.violations.map((v) => h('li', {}, v.message)),
        )
      : null,
  );
  return { element, plot };
}

function render(): void {
  for (const old of host.querySelectorAll<HTMLElement>('.chart__plot')) clearChart(old);
  const cards = pager.slice(shown).map((unit) => ({ unit, ...card(unit) }));
  host.replaceChildren(...cards.map((c) => c.element));
  // Drawn once in the page, so each chart takes the width its card gives it.
  for (const { unit, plot } of cards) {
    const org = unit.predikatOrganisasi;
    barChart(plot, {
      labels: unit.rows.map((row) => row.label.replace('/', '/\n').replace(/^(Sangat|Butuh) /, '$1\n')),
      shortLabels: unit.rows.map((row) => shortLabels[row.predikat]),
      values: unit.rows.map((row) => row.percent),
      colors: unit.rows.map((row) => colors[row.predikat]),
      limits: unit.rows.map((row) => (org ? patternLimit(row.expectation) : null)),
    });
  }
}

const pager = clientPager('dist', PER_PAGE, render);

/** The units of the choice that have predikat (all of them for the ministry, in tree order), first page. */
export function showDistribution(units: DistributionUnit[], unitIndex: UnitIndex, windowName: string): void {
  index = unitIndex;
  shown = units.filter((u) => u.total > 0);
  pager.reset(shown.length);
  render();
  status.textContent =
    shown.length === 0
      ? `Belum ada predikat pada ${windowName} untuk pilihan ini.`
      : `${windowName}: ${formatNumber(shown.length)} unit dengan predikat.`;
}

export function hideDistribution(message: string): void {
  shown = [];
  pager.reset(0);
  render();
  status.textContent = message;
}
