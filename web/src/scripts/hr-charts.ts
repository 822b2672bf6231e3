// Charts of HR's console as CSS bars drawn beside the numbers of a semantic table: the table is what screen
// readers and keyboards use; the bars (aria-hidden) only draw the same numbers. Widths are set through the
// CSSOM, which the site's CSP (style-src 'self', no inline style attributes) allows.

import {
  type DistributionSummary,
  distributionSummary,
} from '../../../shared/domain/evaluation/distribution.ts';
import {
  type PredikatOrganisasi,
  type PredikatPegawai,
  predikatOrganisasiLabels,
  predikatPegawai,
  predikatPegawaiLabels,
} from '../../../shared/domain/evaluation/predikat.ts';
import type { EvaluationStatus } from '../../../shared/domain/evaluation/types.ts';
import type { SkpStatus } from '../../../shared/domain/skp/workflow.ts';
import type { BoardUnit, CalibrationUnit } from '../lib/api-hr.ts';
import { h } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';
import { evaluationStatusLabel, skpStatusLabel } from '../lib/labels-hr.ts';
import { formatPersen } from './hr-format.ts';

export interface Segment {
  /** Colour class suffix, e.g. `skp-DISETUJUI`. */
  tone: string;
  value: number;
}

/** One horizontal bar split into segments, each as wide as its share of `total`. */
export function stackedBar(segments: Segment[], total: number): HTMLSpanElement {
  const bar = h('span', { class: 'hr-bar', 'aria-hidden': 'true' });
  for (const segment of segments) {
    if (segment.value <= 0 || total <= 0) continue;
    const part = h('span', { class: `hr-bar__part hr-tone--${segment.tone}` });
    part.style.width = `${(segment.value * 100) / total}%`;
    bar.append(part);
  }
  return bar;
}

/** The colour key of a chart (decorative: the table headers say the same). */
export function legend(items: { tone: string; label: string }[]): HTMLUListElement {
  return h(
    'ul',
    { class: 'hr-legend', 'aria-hidden': 'true' },
    ...items.map((item) =>
      h('li', {}, h('span', { class: `hr-legend__swatch hr-tone--${item.tone}` }), item.label),
    ),
  );
}

/**
 * A table that may scroll sideways on a phone, in a focusable, named region: a keyboard can scroll it even
 * when nothing inside it is focusable (as the mail console does for its waiting list).
 */
export const scrollable = (table: HTMLTableElement, label: string): HTMLDivElement =>
  h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': label }, table);

// SKP board ----------------------------------------------------------------------------------------------

export const skpStatuses: readonly SkpStatus[] = [
  'DRAFT',
  'DIAJUKAN',
  'DISETUJUI',
  'DIKEMBALIKAN',
  'DIGANTI',
];

const countOf = (counts: Record<string, number>, name: string) => Math.max(0, Number(counts[name] ?? 0));

/** SKP in force or on their way: a plan replaced by its approved revision (DIGANTI) is history, not a plan. */
export const skpTotal = (counts: Record<string, number>): number =>
  skpStatuses.filter((s) => s !== 'DIGANTI').reduce((sum, s) => sum + countOf(counts, s), 0);

export const skpCount = countOf;

/** The sum of every unit's counters, per status. */
export function boardTotals(units: BoardUnit[]): Record<SkpStatus, number> {
  const totals = { DRAFT: 0, DIAJUKAN: 0, DISETUJUI: 0, DIKEMBALIKAN: 0, DIGANTI: 0 };
  for (const unit of units) for (const s of skpStatuses) totals[s] += countOf(unit.counts, s);
  return totals;
}

export const skpBar = (counts: Record<string, number>): HTMLSpanElement =>
  stackedBar(
    skpStatuses.filter((s) => s !== 'DIGANTI').map((s) => ({ tone: `skp-${s}`, value: countOf(counts, s) })),
    skpTotal(counts),
  );

export const skpLegend = (): HTMLUListElement =>
  legend(
    skpStatuses.filter((s) => s !== 'DIGANTI').map((s) => ({ tone: `skp-${s}`, label: skpStatusLabel[s] })),
  );

// Evaluation progress ------------------------------------------------------------------------------------

export const evaluationStatuses: readonly EvaluationStatus[] = ['BELUM', 'REALISASI', 'DINILAI'];

export const statusCount = (unit: Pick<CalibrationUnit, 'counts'>, status: EvaluationStatus): number =>
  countOf(unit.counts, `status_${status}`);

export const progressBar = (unit: Pick<CalibrationUnit, 'counts' | 'total'>): HTMLSpanElement =>
  stackedBar(
    evaluationStatuses.map((s) => ({ tone: `eval-${s}`, value: statusCount(unit, s) })),
    unit.total,
  );

export const progressLegend = (): HTMLUListElement =>
  legend(evaluationStatuses.map((s) => ({ tone: `eval-${s}`, label: evaluationStatusLabel[s] })));

// Predikat distribution ----------------------------------------------------------------------------------

export const predikatCounts = (unit: Pick<CalibrationUnit, 'counts'>): Record<PredikatPegawai, number> =>
  Object.fromEntries(predikatPegawai.map((p) => [p, countOf(unit.counts, `predikat_${p}`)])) as Record<
    PredikatPegawai,
    number
  >;

/**
 * A unit's predikat curve as a table: per predikat its count, its share (with a bar) and, when the unit has
 * an organisation predikat, what that pattern expects (shared/domain/evaluation/distribution.ts).
 */
export function distributionTable(
  counts: Record<PredikatPegawai, number>,
  caption: string,
  orgPredikat: PredikatOrganisasi | null,
): HTMLTableElement {
  const summary: DistributionSummary | null = orgPredikat ? distributionSummary(orgPredikat, counts) : null;
  const total = predikatPegawai.reduce((sum, p) => sum + counts[p], 0);
  const rows = predikatPegawai.map((p) => {
    const expectation = summary?.rows.find((row) => row.predikat === p)?.expectation;
    const share = h(
      'span',
      { class: 'hr-share' },
      stackedBar([{ tone: `pred-${p}`, value: counts[p] }], total),
    );
    share.append(h('span', { class: 'hr-share__text' }, formatPersen(counts[p], total)));
    // On a phone the pattern's column is dropped and its text follows the predikat's name instead (CSS shows
    // one or the other, so it is read once), so the curve fits the width without scrolling.
    return h(
      'tr',
      {},
      h(
        'th',
        { scope: 'row' },
        // "Kurang/Misconduct" may break after its slash on a phone (a zero-width space, silent when read).
        predikatPegawaiLabels[p].replace('/', '/\u200b'),
        summary ? h('span', { class: 'hr-expect' }, `Pola: ${expectation ?? ''}`) : null,
      ),
      h('td', { class: 'num' }, formatNumber(counts[p])),
      h('td', { class: 'hr-share-cell' }, share),
      summary ? h('td', { class: 'hr-expect-col' }, expectation ?? '') : null,
    );
  });
  return h(
    'table',
    { class: 'data-table hr-distribution' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Predikat pegawai'),
        h('th', { scope: 'col', class: 'num' }, 'Jumlah'),
        h('th', { scope: 'col' }, 'Persentase'),
        orgPredikat
          ? h(
              'th',
              { scope: 'col', class: 'hr-expect-col' },
              `Pola unit ${predikatOrganisasiLabels[orgPredikat]}`,
            )
          : null,
      ),
    ),
    h('tbody', {}, ...rows),
  );
}
