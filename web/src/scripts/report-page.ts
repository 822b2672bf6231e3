// Laporan: for a period, a window and a unit (or the whole ministry), completion over time as a line chart,
// the predikat distribution per unit against its pattern, who is late in the unit, and the export panel.
// HR admins see every part (an admin of some units, only their units); a unit leader who is not an admin sees
// completion and lateness of the units they lead. Choices stay in the address (?periode=&jendela=&unit=).

import { isAbort } from '../lib/api.ts';
import type { WindowState } from '../lib/api-hr.ts';
import { type Completion, type Distribution, reportsApi } from '../lib/api-reports.ts';
import { byId, h } from '../lib/dom.ts';
import { currentPerson, isAdmin } from '../lib/session.ts';
import { explainForbidden, type Gate } from './hr-admin-gate.ts';
import { fillPeriods, fillWindows, param, setParams } from './hr-period-select.ts';
import { byTreeOrder, loadUnits, type UnitIndex, unitName } from './hr-units.ts';
import { hideCompletion, showCompletion } from './report-completion.ts';
import { hideDistribution, showDistribution } from './report-distribution.ts';
import { setExportUnits, setExportWindows, setupExportForm } from './report-export-form.ts';
import { hideLate, showLate } from './report-late.ts';
import { showError } from './show-error.ts';

const MINISTRY = 'Seluruh kementerian';

const gate: Gate = {
  what: 'Laporan kinerja',
  content: byId('rep-content', HTMLElement),
  notice: byId('rep-gate', HTMLElement),
};
const periodSelect = byId('rep-period', HTMLSelectElement);
const windowSelect = byId('rep-window', HTMLSelectElement);
const unitSelect = byId('rep-unit', HTMLSelectElement);
const status = byId('rep-status', HTMLElement);
const errorBox = byId('rep-error', HTMLElement);
const completionError = byId('completion-error', HTMLElement);
const lateError = byId('late-error', HTMLElement);
const distError = byId('dist-error', HTMLElement);
const distSection = byId('dist-section', HTMLElement);
const exportSection = byId('export-section', HTMLElement);
const scopeNote = byId('rep-scope-note', HTMLElement);

byId('rep-filter', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());

let units: UnitIndex | undefined;
let admin = false;
/** Units one may choose; null: every unit and the ministry as a whole. */
let allowed: Set<string> | null = null;
let windows: WindowState[] = [];
let completion: Completion | null = null;
let distribution: Distribution | null = null;
/** One request at a time per part of the page: a newer choice aborts the part's older request. */
const controllers = new Map<string, AbortController>();

function fresh(part: 'period' | 'completion' | 'late' | 'distribution'): AbortSignal {
  controllers.get(part)?.abort();
  const controller = new AbortController();
  controllers.set(part, controller);
  return controller.signal;
}

/** The units and every unit below them. */
function subtree(index: UnitIndex, roots: Iterable<string>): Set<string> {
  const wanted = new Set(roots);
  const inside = (unitId: string): boolean => {
    for (let at: string | null = unitId; at; at = index.byId.get(at)?.parentId ?? null)
      if (wanted.has(at)) return true;
    return false;
  };
  return new Set(index.list.filter((unit) => inside(unit.id)).map((unit) => unit.id));
}

/** The units one may choose, in tree order, indented by depth below the highest of them (a select cannot nest). */
function unitChoices(index: UnitIndex): HTMLOptionElement[] {
  const units = index.list.filter((unit) => allowed === null || allowed.has(unit.id));
  const depth = (unitId: string) => index.depth.get(unitId) ?? 0;
  const top = Math.min(...units.map((unit) => depth(unit.id)));
  return units.map((unit) =>
    h(
      'option',
      { value: unit.id },
      `${'\u00a0\u00a0'.repeat(depth(unit.id) - top)}${unit.nama} (${unit.kode})`,
    ),
  );
}

const chosenUnit = (): string | null => unitSelect.value || null;
const scopeName = () => {
  const unitId = chosenUnit();
  return unitId ? unitName(units as UnitIndex, unitId) : MINISTRY;
};
const chosenWindow = () => windows.find((w) => w.windowKey === windowSelect.value);

function drawCompletion(): void {
  if (!completion) return;
  const w = chosenWindow();
  const opened = w && completion.jendela.some((j) => j.key === w.windowKey) ? w : undefined;
  showCompletion(completion, opened?.windowKey ?? null, opened?.nama ?? '', scopeName());
  if (w && !opened)
    status.textContent = `${w.nama} belum dibuka; grafik hanya menampilkan SKP yang disetujui.`;
}

async function loadCompletion(): Promise<void> {
  const signal = fresh('completion');
  completionError.replaceChildren();
  completion = null;
  hideCompletion('Memuat kemajuan…');
  try {
    completion = await reportsApi.completion(periodSelect.value, chosenUnit(), signal);
    drawCompletion();
  } catch (error) {
    if (isAbort(error)) return;
    hideCompletion('');
    if (!explainForbidden(gate, error)) showError(completionError, error);
  }
}

async function loadLate(): Promise<void> {
  const signal = fresh('late');
  lateError.replaceChildren();
  const unitId = chosenUnit();
  if (!unitId) {
    hideLate('Pilih satu unit kerja untuk melihat siapa yang terlambat.');
    return;
  }
  hideLate('Memuat daftar terlambat…');
  try {
    showLate(await reportsApi.late(periodSelect.value, unitId, signal), scopeName());
  } catch (error) {
    if (isAbort(error)) return;
    hideLate('');
    showError(lateError, error);
  }
}

function drawDistribution(): void {
  if (!distribution || !units) return;
  const index = units;
  const unitId = chosenUnit();
  const inChoice = unitId ? subtree(index, [unitId]) : allowed;
  const list = distribution.units
    .filter((u) => inChoice === null || inChoice.has(u.unitId))
    .sort(byTreeOrder(index));
  showDistribution(list, index, chosenWindow()?.nama ?? windowSelect.value);
}

async function loadDistribution(): Promise<void> {
  if (!admin) return;
  const signal = fresh('distribution');
  distError.replaceChildren();
  distribution = null;
  const w = chosenWindow();
  if (!w) {
    hideDistribution('Periode ini belum memiliki jendela evaluasi.');
    return;
  }
  hideDistribution('Memuat sebaran predikat…');
  try {
    distribution = await reportsApi.distribution(periodSelect.value, w.windowKey, signal);
    drawDistribution();
  } catch (error) {
    if (isAbort(error)) return;
    hideDistribution('');
    if (!explainForbidden(gate, error)) showError(distError, error);
  }
}

async function loadPeriod(): Promise<void> {
  const signal = fresh('period');
  errorBox.replaceChildren();
  status.textContent = 'Memuat periode…';
  try {
    const found = await fillWindows(windowSelect, periodSelect.value, param('jendela'), signal);
    windows = found.windows;
    windowSelect.disabled = windows.length === 0;
    setParams({ periode: periodSelect.value, jendela: found.chosen?.windowKey ?? null });
    setExportWindows(
      windows.map((w) => ({ key: w.windowKey, nama: w.nama })),
      found.chosen?.windowKey ?? '',
    );
    status.textContent = '';
    await Promise.all([loadCompletion(), loadLate(), loadDistribution()]);
  } catch (error) {
    if (isAbort(error)) return;
    status.textContent = '';
    if (!explainForbidden(gate, error)) showError(errorBox, error);
  }
}

periodSelect.addEventListener('change', () => {
  setParams({ periode: periodSelect.value, jendela: null });
  void loadPeriod();
});

windowSelect.addEventListener('change', () => {
  setParams({ jendela: windowSelect.value });
  status.textContent = '';
  drawCompletion();
  void loadDistribution();
});

unitSelect.addEventListener('change', () => {
  setParams({ unit: unitSelect.value || null });
  status.textContent = '';
  drawDistribution();
  const exportUnit = byId('export-unit', HTMLSelectElement);
  if ([...exportUnit.options].some((o) => o.value === unitSelect.value)) exportUnit.value = unitSelect.value;
  void Promise.all([loadCompletion(), loadLate()]);
});

function refuse(): void {
  gate.content.hidden = true;
  gate.notice.replaceChildren(
    h(
      'div',
      { class: 'notice', role: 'status' },
      h('p', {}, 'Halaman ini untuk admin SDM dan pimpinan unit kerja.'),
      h(
        'p',
        {},
        'Laporan kemajuan dan keterlambatan tampil bagi pimpinan unit untuk unit yang dipimpinnya. Kembali ke ',
        h('a', { href: '/' }, 'Beranda/Organisasi'),
        '.',
      ),
    ),
  );
}

async function start(): Promise<void> {
  try {
    const me = await currentPerson();
    if (!me) return;
    units = await loadUnits();
    admin = isAdmin(me);
    const scope = me.adminScope;
    if (scope === 'ALL') allowed = null;
    else if (scope) allowed = subtree(units, scope);
    else
      allowed = subtree(
        units,
        units.list.filter((u) => u.kepalaId === me.employee.id).map((u) => u.id),
      );
    if (allowed !== null && allowed.size === 0) {
      refuse();
      return;
    }
    const ministry = allowed === null;
    const options = unitChoices(units);
    unitSelect.replaceChildren(...(ministry ? [h('option', { value: '' }, MINISTRY)] : []), ...options);
    const wanted = param('unit');
    if (wanted && [...unitSelect.options].some((o) => o.value === wanted)) unitSelect.value = wanted;
    distSection.hidden = !admin;
    exportSection.hidden = !admin;
    scopeNote.hidden = admin;
    if (admin) {
      setExportUnits(unitChoices(units), ministry, unitSelect.value);
      setupExportForm(() => periodSelect.value);
    }
    const periods = await fillPeriods(periodSelect, param('periode'));
    if (periods.length === 0) {
      status.textContent = 'Belum ada periode kinerja.';
      return;
    }
    await loadPeriod();
  } catch (error) {
    status.textContent = '';
    if (!explainForbidden(gate, error)) showError(errorBox, error);
  }
}

void start();
