// Dasbor SDM: pick a period (newest by default) and an evaluation window; shows the HR board as a chart per
// unit (paged) with totals, and the window's calibration: progress per unit and each unit's predikat curve
// against the pattern of its organisation predikat.

import { predikatOrganisasiLabels, predikatPegawai } from '../../../shared/domain/evaluation/predikat.ts';
import { isAbort } from '../lib/api.ts';
import { type BoardUnit, type Calibration, type CalibrationUnit, hrApi, wholeBoard } from '../lib/api-hr.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';
import { skpStatusLabel, windowStatusLabel } from '../lib/labels-hr.ts';
import { explainForbidden, type Gate, requireAdmin } from './hr-admin-gate.ts';
import {
  boardTotals,
  distributionTable,
  predikatCounts,
  progressBar,
  progressLegend,
  scrollable,
  skpBar,
  skpCount,
  skpLegend,
  skpTotal,
  statusCount,
} from './hr-charts.ts';
import { formatPersen, formatRentang } from './hr-format.ts';
import { fillPeriods, fillWindows, param, setParams } from './hr-period-select.ts';
import { byTreeOrder, loadUnits, type UnitIndex, unitHeader, unitName } from './hr-units.ts';
import { pagedList } from './paged-list.ts';
import { showError } from './show-error.ts';

const UNITS_PER_PAGE = 10;

const gate: Gate = {
  what: 'Dasbor SDM',
  content: byId('dash-content', HTMLElement),
  notice: byId('dash-gate', HTMLElement),
};
const periodSelect = byId('dash-period', HTMLSelectElement);
const windowSelect = byId('dash-window', HTMLSelectElement);
const status = byId('dash-status', HTMLElement);
const errorBox = byId('dash-error', HTMLElement);
const skpFigures = byId('skp-figures', HTMLElement);
const skpChart = byId('skp-chart', HTMLElement);
const skpBody = byId('skp-body', HTMLTableSectionElement);
const evalWindow = byId('eval-window', HTMLElement);
const evalStatus = byId('eval-status', HTMLElement);
const evalError = byId('eval-error', HTMLElement);
const evalContent = byId('eval-content', HTMLElement);
const evalFigures = byId('eval-figures', HTMLElement);
const progressBody = byId('progress-body', HTMLTableSectionElement);
const curveAll = byId('curve-all', HTMLElement);
const curveUnits = byId('curve-units', HTMLElement);

byId('skp-legend', HTMLElement).replaceChildren(skpLegend());
byId('progress-legend', HTMLElement).replaceChildren(progressLegend());
byId('dash-filter', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());

let units: UnitIndex | undefined;
let periodId = '';
/** Whether the board is showing its first page (an empty later page keeps its pager, to go back). */
let skpFirstPage = true;
let windowsController: AbortController | undefined;

const figure = (term: string, value: string, note?: string) =>
  h(
    'div',
    { class: 'hr-figure' },
    h('dt', {}, term),
    h('dd', {}, value, note ? h('span', { class: 'hr-figure__note' }, note) : null),
  );

const num = (value: number) => h('td', { class: 'num' }, formatNumber(value));

function skpRow(unit: BoardUnit): HTMLTableRowElement {
  const index = units as UnitIndex;
  return h(
    'tr',
    {},
    unitHeader(index, unit.unitId),
    h('td', { class: 'hr-chart__bar-col' }, skpBar(unit.counts)),
    num(skpCount(unit.counts, 'DRAFT')),
    num(skpCount(unit.counts, 'DIAJUKAN')),
    num(skpCount(unit.counts, 'DISETUJUI')),
    num(skpCount(unit.counts, 'DIKEMBALIKAN')),
    num(skpTotal(unit.counts)),
  );
}

/** The HR board one page of units at a time (the API's own paging), in the order the API keeps. */
const skpList = pagedList<BoardUnit>({
  id: 'skp',
  busy: byId('skp-table', HTMLTableElement),
  noun: 'unit',
  fetchPage: async (cursor, signal) => {
    skpFirstPage = cursor === undefined;
    const page = await hrApi.board(periodId, { limit: UNITS_PER_PAGE, cursor }, signal);
    return { items: page.units, nextCursor: page.nextCursor };
  },
  render: (items) => {
    skpBody.replaceChildren(...items.map(skpRow));
    skpChart.hidden = items.length === 0 && skpFirstPage;
  },
  emptyText: () => 'Belum ada SKP pada periode ini.',
  handleError: (error) => explainForbidden(gate, error),
});

async function showSkpFigures(signal: AbortSignal): Promise<void> {
  skpFigures.replaceChildren();
  const board = await wholeBoard(periodId, signal);
  const totals = boardTotals(board);
  const total = skpTotal(totals);
  if (total === 0) return;
  skpFigures.replaceChildren(
    figure('Jumlah SKP', formatNumber(total), `${formatNumber(board.length)} unit`),
    figure(skpStatusLabel.DISETUJUI, formatNumber(totals.DISETUJUI), formatPersen(totals.DISETUJUI, total)),
    figure(skpStatusLabel.DIAJUKAN, formatNumber(totals.DIAJUKAN), 'menunggu penilai'),
    figure(skpStatusLabel.DRAFT, formatNumber(totals.DRAFT)),
    figure(skpStatusLabel.DIKEMBALIKAN, formatNumber(totals.DIKEMBALIKAN)),
  );
}

function progressRow(unit: CalibrationUnit): HTMLTableRowElement {
  return h(
    'tr',
    {},
    unitHeader(units as UnitIndex, unit.unitId),
    h('td', { class: 'hr-chart__bar-col' }, progressBar(unit)),
    num(statusCount(unit, 'BELUM')),
    num(statusCount(unit, 'REALISASI')),
    num(statusCount(unit, 'DINILAI')),
    num(unit.total),
  );
}

function unitCurve(unit: CalibrationUnit): HTMLDetailsElement {
  const name = unitName(units as UnitIndex, unit.unitId);
  const org = unit.predikatOrganisasi;
  const verdict = !org
    ? 'predikat organisasi belum ditetapkan'
    : unit.violations.length === 0
      ? 'sesuai pola'
      : `${unit.violations.length} pelanggaran pola`;
  return h(
    'details',
    { class: `hr-curve${unit.violations.length > 0 ? ' hr-curve--warn' : ''}` },
    h(
      'summary',
      {},
      h('span', { class: 'hr-curve__name' }, name),
      h(
        'span',
        { class: 'hr-curve__meta' },
        `${org ? `Predikat organisasi ${predikatOrganisasiLabels[org]}` : 'Tanpa predikat organisasi'} · ${verdict}${unit.final ? ' · final' : ''}`,
      ),
    ),
    scrollable(
      distributionTable(predikatCounts(unit), `Sebaran predikat ${name}`, org),
      `Sebaran predikat ${name}`,
    ),
    unit.violations.length > 0
      ? h(
          'ul',
          { class: 'hr-violations', 'aria-label': `Pelanggaran pola ${name}` },
          ...unit.violations.map((v) => h('li', {}, v.message)),
        )
      : null,
  );
}

function showCalibration(data: Calibration): void {
  const rows = [...data.units].sort(byTreeOrder(units as UnitIndex));
  const total = rows.reduce((sum, unit) => sum + unit.total, 0);
  if (total === 0) {
    evalStatus.textContent = 'Belum ada evaluasi pada jendela ini.';
    evalContent.hidden = true;
    return;
  }
  const dinilai = rows.reduce((sum, unit) => sum + statusCount(unit, 'DINILAI'), 0);
  const final = rows.filter((unit) => unit.final).length;
  const violating = rows.filter((unit) => unit.violations.length > 0).length;
  evalFigures.replaceChildren(
    figure('Evaluasi', formatNumber(total), `${formatNumber(rows.length)} unit`),
    figure('Sudah dinilai', formatNumber(dinilai), formatPersen(dinilai, total)),
    figure('Unit final', formatNumber(final), `dari ${formatNumber(rows.length)}`),
    figure('Unit menyimpang dari pola', formatNumber(violating)),
  );
  progressBody.replaceChildren(...rows.map(progressRow));
  const all = Object.fromEntries(
    predikatPegawai.map((p) => [p, rows.reduce((sum, unit) => sum + predikatCounts(unit)[p], 0)]),
  ) as ReturnType<typeof predikatCounts>;
  curveAll.replaceChildren(
    scrollable(
      distributionTable(all, 'Sebaran predikat seluruh unit', null),
      'Sebaran predikat seluruh unit',
    ),
  );
  curveUnits.replaceChildren(...rows.filter((unit) => unit.total > 0).map(unitCurve));
  evalStatus.textContent = `${formatNumber(rows.length)} unit dengan evaluasi.`;
  evalContent.hidden = false;
}

async function loadWindow(signal: AbortSignal): Promise<void> {
  evalError.replaceChildren();
  evalContent.hidden = true;
  evalWindow.textContent = '';
  evalStatus.textContent = 'Memuat evaluasi…';
  const key = windowSelect.value;
  if (!key) {
    evalStatus.textContent = 'Periode ini belum memiliki jendela evaluasi.';
    return;
  }
  const chosen = windowSelect.selectedOptions[0]?.textContent ?? key;
  try {
    const data = await hrApi.calibration(periodId, key, signal);
    evalWindow.textContent = chosen;
    showCalibration(data);
  } catch (error) {
    if (isAbort(error)) return;
    evalStatus.textContent = '';
    if (!explainForbidden(gate, error)) showError(evalError, error);
  }
}

async function loadPeriod(): Promise<void> {
  windowsController?.abort();
  const current = new AbortController();
  windowsController = current;
  periodId = periodSelect.value;
  errorBox.replaceChildren();
  status.textContent = 'Memuat periode…';
  byId('dash-board-link', HTMLAnchorElement).href = `/papan-skp/?periode=${encodeURIComponent(periodId)}`;
  void skpList.reload();
  try {
    const [{ chosen, windows }] = await Promise.all([
      fillWindows(windowSelect, periodId, param('jendela'), current.signal),
      showSkpFigures(current.signal),
    ]);
    windowSelect.disabled = windows.length === 0;
    setParams({ periode: periodId, jendela: chosen?.windowKey ?? null });
    status.textContent = chosen
      ? `Jendela ${chosen.nama}: ${windowStatusLabel[chosen.status]}, ${formatRentang(chosen.buka, chosen.tutup)}.`
      : '';
    updateCalibrationLink();
    await loadWindow(current.signal);
  } catch (error) {
    if (isAbort(error)) return;
    status.textContent = '';
    if (!explainForbidden(gate, error)) showError(errorBox, error);
  }
}

function updateCalibrationLink(): void {
  const query = new URLSearchParams({ periode: periodId });
  if (windowSelect.value) query.set('jendela', windowSelect.value);
  byId('dash-calibration-link', HTMLAnchorElement).href = `/kalibrasi/?${query}`;
}

periodSelect.addEventListener('change', () => {
  setParams({ periode: periodSelect.value, jendela: null });
  void loadPeriod();
});

windowSelect.addEventListener('change', () => {
  windowsController?.abort();
  const current = new AbortController();
  windowsController = current;
  setParams({ jendela: windowSelect.value });
  updateCalibrationLink();
  void loadWindow(current.signal);
});

async function start(): Promise<void> {
  if (!(await requireAdmin(gate))) return;
  try {
    const [loaded, periods] = await Promise.all([loadUnits(), fillPeriods(periodSelect, param('periode'))]);
    units = loaded;
    if (periods.length === 0) {
      status.textContent = 'Belum ada periode kinerja. Buat periode di halaman Periode.';
      for (const id of ['skp-section', 'eval-section', 'dash-filter']) byId(id, HTMLElement).hidden = true;
      return;
    }
    await loadPeriod();
  } catch (error) {
    status.textContent = '';
    if (!explainForbidden(gate, error)) showError(errorBox, error);
  }
}

void start();
