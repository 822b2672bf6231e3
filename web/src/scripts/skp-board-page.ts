// Papan SKP: the HR board of a period, one page of units at a time (the API's cursor), each row named after
// its unit with its total and approved share; the footer sums every unit of the period (all pages).

import type { SkpStatus } from '../../../shared/domain/skp/workflow.ts';
import { isAbort } from '../lib/api.ts';
import { type BoardUnit, hrApi, wholeBoard } from '../lib/api-hr.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';
import { explainForbidden, type Gate, requireAdmin } from './hr-admin-gate.ts';
import { boardTotals, skpBar, skpCount, skpLegend, skpStatuses, skpTotal } from './hr-charts.ts';
import { formatPersen } from './hr-format.ts';
import { fillPeriods, param, setParams } from './hr-period-select.ts';
import { loadUnits, type UnitIndex, unitHeader } from './hr-units.ts';
import { pagedList } from './paged-list.ts';
import { showError } from './show-error.ts';

const limits = ['10', '25', '50', '100'] as const;

const gate: Gate = {
  what: 'Papan SKP',
  content: byId('board-content', HTMLElement),
  notice: byId('board-gate', HTMLElement),
};
const periodSelect = byId('board-period', HTMLSelectElement);
const limitSelect = byId('board-limit', HTMLSelectElement);
const status = byId('board-status', HTMLElement);
const errorBox = byId('board-error', HTMLElement);
const chart = byId('board-chart', HTMLElement);
const caption = byId('board-caption', HTMLElement);
const body = byId('board-body', HTMLTableSectionElement);
const foot = byId('board-foot', HTMLTableSectionElement);

byId('board-legend', HTMLElement).replaceChildren(skpLegend());
byId('board-filter', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());

let units: UnitIndex | undefined;
let firstPage = true;
let totalsController: AbortController | undefined;

const num = (value: number) => h('td', { class: 'num' }, formatNumber(value));

function cells(counts: Record<string, number>): HTMLTableCellElement[] {
  const total = skpTotal(counts);
  return [
    ...skpStatuses.map((s: SkpStatus) => num(skpCount(counts, s))),
    num(total),
    h('td', { class: 'hr-chart__bar-col' }, skpBar(counts)),
    h('td', { class: 'num' }, total === 0 ? '—' : formatPersen(skpCount(counts, 'DISETUJUI'), total)),
  ];
}

const row = (unit: BoardUnit) =>
  h('tr', {}, unitHeader(units as UnitIndex, unit.unitId), ...cells(unit.counts));

const limit = () => Number(limits.find((option) => option === limitSelect.value) ?? '25');

const list = pagedList<BoardUnit>({
  id: 'board',
  busy: byId('board-table', HTMLTableElement),
  noun: 'unit',
  fetchPage: async (cursor, signal) => {
    firstPage = cursor === undefined;
    const page = await hrApi.board(periodSelect.value, { limit: limit(), cursor }, signal);
    return { items: page.units, nextCursor: page.nextCursor };
  },
  render: (items) => {
    body.replaceChildren(...items.map(row));
    chart.hidden = items.length === 0 && firstPage;
  },
  emptyText: () => 'Belum ada SKP pada periode ini.',
  handleError: (error) => explainForbidden(gate, error),
});

/** The footer: every unit of the period summed (all pages, fetched apart from the page on screen). */
async function showTotals(): Promise<void> {
  totalsController?.abort();
  const current = new AbortController();
  totalsController = current;
  foot.replaceChildren();
  try {
    const board = await wholeBoard(periodSelect.value, current.signal);
    if (board.length === 0) return;
    foot.replaceChildren(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, `Seluruh unit (${formatNumber(board.length)})`),
        ...cells(boardTotals(board)),
      ),
    );
  } catch (error) {
    if (isAbort(error)) return;
    if (!explainForbidden(gate, error)) showError(errorBox, error);
  }
}

function load(): void {
  const option = periodSelect.selectedOptions[0];
  caption.textContent = `SKP per unit dan status — ${option?.textContent ?? ''}`;
  setParams({ periode: periodSelect.value, limit: limitSelect.value === '25' ? null : limitSelect.value });
  void list.reload();
  void showTotals();
}

periodSelect.addEventListener('change', load);
limitSelect.addEventListener('change', () => {
  setParams({ limit: limitSelect.value === '25' ? null : limitSelect.value });
  void list.reload();
});

async function start(): Promise<void> {
  if (!(await requireAdmin(gate))) return;
  limitSelect.value = limits.find((option) => option === param('limit')) ?? '25';
  try {
    const [loaded, periods] = await Promise.all([loadUnits(), fillPeriods(periodSelect, param('periode'))]);
    units = loaded;
    if (periods.length === 0) {
      status.textContent = 'Belum ada periode kinerja. Buat periode di halaman Periode.';
      chart.hidden = true;
      return;
    }
    load();
  } catch (error) {
    status.textContent = '';
    if (!explainForbidden(gate, error)) showError(errorBox, error);
  }
}

void start();
