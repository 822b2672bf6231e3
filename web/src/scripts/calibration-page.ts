// Kalibrasi: one card per unit of the window's calibration (GET …/calibration): its progress, its organisation
// predikat (PUT …/predikat, with the version it saw), its predikat curve against that pattern with every
// violation, and Finalkan (POST …/finalize). A justification is asked for where the curve breaks the pattern;
// the API's 422 (`justifikasi`, or evaluations not yet rated) shows beside the field or in the card.

import {
  type PredikatOrganisasi,
  predikatOrganisasi,
  predikatOrganisasiLabels,
} from '../../../shared/domain/evaluation/predikat.ts';
import { ApiError, isAbort } from '../lib/api.ts';
import { type Calibration, type CalibrationUnit, hrApi } from '../lib/api-hr.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';
import { evaluationStatusLabel, kebijakanLabel } from '../lib/labels-hr.ts';
import { explainForbidden, type Gate, requireAdmin } from './hr-admin-gate.ts';
import {
  distributionTable,
  evaluationStatuses,
  predikatCounts,
  progressBar,
  scrollable,
  statusCount,
} from './hr-charts.ts';
import { busy, type Field, isBusy, setFieldError, showProblem } from './hr-form.ts';
import { fillPeriods, fillWindows, param, setParams } from './hr-period-select.ts';
import { byTreeOrder, loadUnits, type UnitIndex, unitName } from './hr-units.ts';
import { showError } from './show-error.ts';

const gate: Gate = {
  what: 'Kalibrasi predikat',
  content: byId('calib-content', HTMLElement),
  notice: byId('calib-gate', HTMLElement),
};
const periodSelect = byId('calib-period', HTMLSelectElement);
const windowSelect = byId('calib-window', HTMLSelectElement);
const policy = byId('calib-policy', HTMLElement);
const status = byId('calib-status', HTMLElement);
const errorBox = byId('calib-error', HTMLElement);
const host = byId('calib-units', HTMLElement);

byId('calib-filter', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());

let units: UnitIndex | undefined;
let data: Calibration | undefined;
let controller: AbortController | undefined;

/** Element ids of a unit's card (unit ids are ULIDs, safe in ids). */
const idOf = (unitId: string, part: string) => `unit-${unitId}-${part}`;

const unitOf = (unitId: string): CalibrationUnit | undefined => data?.units.find((u) => u.unitId === unitId);

function progressLine(unit: CalibrationUnit): HTMLElement {
  const parts = evaluationStatuses.map(
    (s) => `${formatNumber(statusCount(unit, s))} ${evaluationStatusLabel[s].toLowerCase()}`,
  );
  return h(
    'div',
    { class: 'calib-progress' },
    h('p', {}, `${formatNumber(unit.total)} evaluasi: ${parts.join(', ')}.`),
    progressBar(unit),
  );
}

function predikatForm(unit: CalibrationUnit): HTMLFormElement {
  const id = idOf(unit.unitId, 'predikat');
  const current = unit.predikatOrganisasi;
  return h(
    'form',
    { class: 'calib-predikat', 'data-unit': unit.unitId, novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: id }, 'Predikat organisasi (capaian kinerja unit)'),
      h(
        'select',
        { id, name: 'predikat', 'aria-describedby': `${id}-error` },
        current ? null : h('option', { value: '' }, 'Belum ditetapkan — pilih…'),
        ...predikatOrganisasi.map((p) =>
          h('option', { value: p, selected: p === current }, predikatOrganisasiLabels[p]),
        ),
      ),
      h('p', { class: 'field__error', id: `${id}-error` }),
    ),
    h(
      'button',
      { type: 'submit', class: 'button button--secondary' },
      current ? 'Ubah predikat' : 'Tetapkan predikat',
    ),
  );
}

function violationsBlock(unit: CalibrationUnit, name: string): HTMLElement {
  if (!unit.predikatOrganisasi) {
    return h(
      'p',
      { class: 'calib-verdict' },
      'Tetapkan predikat organisasi untuk membandingkan sebaran ini dengan polanya.',
    );
  }
  if (unit.violations.length === 0) {
    return h('p', { class: 'calib-verdict calib-verdict--ok' }, 'Sebaran predikat sesuai pola distribusi.');
  }
  return h(
    'div',
    { class: 'calib-verdict calib-verdict--warn' },
    h('h3', { id: idOf(unit.unitId, 'violations') }, 'Tidak sesuai pola distribusi'),
    h(
      'ul',
      { class: 'hr-violations', 'aria-labelledby': idOf(unit.unitId, 'violations'), 'data-name': name },
      ...unit.violations.map((v) => h('li', {}, v.message)),
    ),
  );
}

function finalizeForm(unit: CalibrationUnit): HTMLFormElement {
  const id = idOf(unit.unitId, 'justifikasi');
  const needed = unit.violations.length > 0;
  const blocked = needed && data?.kebijakan === 'BLOKIR';
  return h(
    'form',
    { class: 'calib-finalize', 'data-unit': unit.unitId, novalidate: true },
    h(
      'div',
      { class: 'field', id: `${id}-field`, hidden: !needed },
      h('label', { for: id }, 'Justifikasi penyimpangan dari pola'),
      h(
        'p',
        { class: 'field__hint', id: `${id}-hint` },
        blocked
          ? 'Kebijakan periode ini tidak mengizinkan finalisasi selama ada pelanggaran; perbaiki penilaiannya lebih dulu.'
          : 'Wajib bila sebaran tidak sesuai pola: jelaskan mengapa (paling sedikit 10 karakter). Dicatat dalam audit.',
      ),
      h('textarea', {
        id,
        name: 'justifikasi',
        rows: '4',
        maxlength: '2000',
        'aria-describedby': `${id}-hint ${id}-error`,
      }),
      h('p', { class: 'field__error', id: `${id}-error` }),
    ),
    h('button', { type: 'submit', class: 'button' }, 'Finalkan predikat unit'),
  );
}

function finalBlock(unit: CalibrationUnit): HTMLElement {
  return h(
    'div',
    { class: 'calib-final' },
    h(
      'p',
      {},
      h('strong', {}, 'Predikat unit ini sudah final.'),
      ' Perubahan hanya melalui keberatan pegawai.',
    ),
    unit.justifikasi
      ? h('p', {}, h('span', { class: 'calib-final__term' }, 'Justifikasi: '), unit.justifikasi)
      : null,
  );
}

/** The parts of a card that change with the data; its status line and alert box stay (live regions). */
function cardBody(unit: CalibrationUnit): HTMLElement {
  const name = unitName(units as UnitIndex, unit.unitId);
  return h(
    'div',
    { class: 'calib-unit__body', id: idOf(unit.unitId, 'body') },
    progressLine(unit),
    unit.final
      ? h(
          'p',
          { class: 'calib-org' },
          'Predikat organisasi: ',
          h('strong', {}, unit.predikatOrganisasi ? predikatOrganisasiLabels[unit.predikatOrganisasi] : '—'),
        )
      : predikatForm(unit),
    scrollable(
      distributionTable(predikatCounts(unit), `Sebaran predikat pegawai ${name}`, unit.predikatOrganisasi),
      `Sebaran predikat pegawai ${name}`,
    ),
    violationsBlock(unit, name),
    unit.final ? finalBlock(unit) : unit.predikatOrganisasi ? finalizeForm(unit) : null,
  );
}

function card(unit: CalibrationUnit): HTMLElement {
  const index = units as UnitIndex;
  const node = index.byId.get(unit.unitId);
  const titleId = idOf(unit.unitId, 'title');
  return h(
    'section',
    {
      class: `panel calib-unit${unit.final ? ' calib-unit--final' : ''}`,
      id: idOf(unit.unitId, 'card'),
      'aria-labelledby': titleId,
    },
    h(
      'h2',
      { id: titleId, tabindex: '-1' },
      unitName(index, unit.unitId),
      node ? h('span', { class: 'calib-unit__kode mono' }, node.kode) : null,
      unit.final ? h('span', { class: 'badge calib-badge' }, 'Final') : null,
    ),
    h('p', { class: 'status', id: idOf(unit.unitId, 'status'), role: 'status', 'aria-live': 'polite' }),
    h('div', { class: 'alert alert--error', id: idOf(unit.unitId, 'error'), role: 'alert' }),
    cardBody(unit),
  );
}

/** The line above the cards: how many units, how many final (kept current after each action). */
function summarize(): void {
  const list = data?.units ?? [];
  const final = list.filter((u) => u.final).length;
  status.textContent =
    list.length === 0
      ? 'Belum ada evaluasi pada jendela ini. Unit muncul di sini setelah pegawainya mengisi realisasi.'
      : `${formatNumber(list.length)} unit, ${formatNumber(final)} sudah final.`;
}

function render(): void {
  const list = [...(data?.units ?? [])].sort(byTreeOrder(units as UnitIndex));
  host.replaceChildren(...list.map(card));
  summarize();
  if (data) {
    policy.textContent = `Kebijakan periode ini untuk pelanggaran pola: ${kebijakanLabel[data.kebijakan].toLowerCase()}.`;
    policy.hidden = list.length === 0;
  }
}

/** After an action: the calibration again, and this unit's card redrawn (its status and alert kept). */
async function refreshUnit(unitId: string): Promise<CalibrationUnit | undefined> {
  data = await hrApi.calibration(periodSelect.value, windowSelect.value);
  const unit = unitOf(unitId);
  const body = document.getElementById(idOf(unitId, 'body'));
  if (unit && body) {
    body.replaceWith(cardBody(unit));
    const cardEl = document.getElementById(idOf(unitId, 'card'));
    cardEl?.classList.toggle('calib-unit--final', unit.final);
    const title = document.getElementById(idOf(unitId, 'title'));
    if (unit.final && title && !title.querySelector('.calib-badge'))
      title.append(h('span', { class: 'badge calib-badge' }, 'Final'));
  }
  summarize();
  return unit;
}

const cardLines = (unitId: string) => ({
  status: byId(idOf(unitId, 'status'), HTMLElement),
  error: byId(idOf(unitId, 'error'), HTMLElement),
});

async function setPredikat(form: HTMLFormElement, unitId: string): Promise<void> {
  const button = form.querySelector('button') as HTMLButtonElement;
  if (isBusy(button)) return;
  const lines = cardLines(unitId);
  const select: Field = {
    control: byId(idOf(unitId, 'predikat'), HTMLSelectElement),
    error: byId(`${idOf(unitId, 'predikat')}-error`, HTMLElement),
  };
  setFieldError(select, '');
  lines.error.replaceChildren();
  const predikat = select.control.value as PredikatOrganisasi | '';
  if (!predikat) {
    setFieldError(select, 'Pilih predikat organisasi unit ini.');
    select.control.focus();
    return;
  }
  const unit = unitOf(unitId);
  const done = busy(form, button);
  lines.status.textContent = 'Menyimpan predikat organisasi…';
  try {
    await hrApi.setOrgPredikat(periodSelect.value, windowSelect.value, unitId, {
      ...(unit?.version ? { version: unit.version } : {}),
      predikat,
    });
    const updated = await refreshUnit(unitId);
    const verdict = !updated?.violations.length
      ? 'sebaran sesuai pola'
      : `${updated.violations.length} pelanggaran pola`;
    lines.status.textContent = `Predikat organisasi ${predikatOrganisasiLabels[predikat]} ditetapkan; ${verdict}.`;
    document.getElementById(idOf(unitId, 'predikat'))?.focus();
  } catch (error) {
    lines.status.textContent = '';
    // A refusal of this action (e.g. by an admin of other units) is said in the card; the page stays.
    showProblem(error, (path) => (path === 'predikat' ? select : undefined), lines.error);
    if (error instanceof ApiError && error.status === 409) await refreshUnit(unitId).catch(() => undefined);
  } finally {
    done();
  }
}

/** The violations are listed in the card already: only the API's sentence and the field errors are shown. */
const withoutViolations = (error: unknown): unknown =>
  error instanceof ApiError
    ? new ApiError(
        error.status,
        error.code,
        error.message,
        error.errors.filter((e) => !e.path.startsWith('violations.')),
      )
    : error;

async function finalize(form: HTMLFormElement, unitId: string): Promise<void> {
  const button = form.querySelector('button[type="submit"]') as HTMLButtonElement;
  if (isBusy(button)) return;
  const lines = cardLines(unitId);
  const id = idOf(unitId, 'justifikasi');
  const justifikasi: Field = {
    control: byId(id, HTMLTextAreaElement),
    error: byId(`${id}-error`, HTMLElement),
  };
  setFieldError(justifikasi, '');
  lines.error.replaceChildren();
  const unit = unitOf(unitId);
  if (!unit?.version) return;
  const text = justifikasi.control.value.trim();
  const done = busy(form, button);
  lines.status.textContent = 'Memfinalkan…';
  try {
    await hrApi.finalizeUnit(periodSelect.value, windowSelect.value, unitId, {
      version: unit.version,
      justifikasi: text || null,
    });
    await refreshUnit(unitId);
    lines.status.textContent = `Predikat ${unitName(units as UnitIndex, unitId)} difinalkan.`;
    document.getElementById(idOf(unitId, 'title'))?.focus();
  } catch (error) {
    lines.status.textContent = '';
    // Finalizing is for admins of the whole ministry: another admin's 403 is said in the card too.
    // The API asks for a justification: show the field (even where the page thought the curve was fine).
    if (error instanceof ApiError && error.errors.some((e) => e.path === 'justifikasi')) {
      byId(`${id}-field`, HTMLElement).hidden = false;
    }
    showProblem(
      withoutViolations(error),
      (path) => (path === 'justifikasi' ? justifikasi : undefined),
      lines.error,
    );
    if (error instanceof ApiError && error.status === 409) await refreshUnit(unitId).catch(() => undefined);
  } finally {
    done();
  }
}

host.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  event.preventDefault();
  const unitId = form.dataset.unit ?? '';
  if (form.classList.contains('calib-predikat')) void setPredikat(form, unitId);
  else if (form.classList.contains('calib-finalize')) void finalize(form, unitId);
});

async function loadCalibration(): Promise<void> {
  controller?.abort();
  const current = new AbortController();
  controller = current;
  errorBox.replaceChildren();
  host.replaceChildren();
  policy.hidden = true;
  status.textContent = 'Memuat kalibrasi…';
  try {
    const { chosen } = await fillWindows(windowSelect, periodSelect.value, param('jendela'), current.signal);
    setParams({ periode: periodSelect.value, jendela: chosen?.windowKey ?? null });
    if (!chosen) {
      windowSelect.disabled = true;
      status.textContent = 'Periode ini belum memiliki jendela evaluasi.';
      return;
    }
    windowSelect.disabled = false;
    data = await hrApi.calibration(periodSelect.value, chosen.windowKey, current.signal);
    render();
  } catch (error) {
    if (isAbort(error)) return;
    status.textContent = '';
    if (!explainForbidden(gate, error)) showError(errorBox, error);
  }
}

periodSelect.addEventListener('change', () => {
  setParams({ periode: periodSelect.value, jendela: null });
  void loadCalibration();
});

windowSelect.addEventListener('change', () => {
  setParams({ jendela: windowSelect.value });
  void loadCalibration();
});

async function start(): Promise<void> {
  if (!(await requireAdmin(gate))) return;
  try {
    const [loaded, periods] = await Promise.all([loadUnits(), fillPeriods(periodSelect, param('periode'))]);
    units = loaded;
    if (periods.length === 0) {
      status.textContent = 'Belum ada periode kinerja. Buat periode di halaman Periode.';
      return;
    }
    await loadCalibration();
  } catch (error) {
    status.textContent = '';
    if (!explainForbidden(gate, error)) showError(errorBox, error);
  }
}

void start();
