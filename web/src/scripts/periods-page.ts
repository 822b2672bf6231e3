// Periode kinerja: the periods (newest first), a new period, the calendar of the one in ?id= with the state
// of its windows, its settings and windows edited (a reason each time; `windows.N.field` errors beside their
// field), a closed window reopened for a unit or a person, and the scheduler run now with its summary.

import { type Cadence, type WindowKind, windowKinds } from '../../../shared/domain/period/calendar.ts';
import { windowKey } from '../../../shared/domain/period/windows.ts';
import { ApiError, api, isAbort } from '../lib/api.ts';
import {
  type CalendarUpdate,
  type CalendarWindowInput,
  hrApi,
  type Period,
  type TickSummary,
  type WindowState,
} from '../lib/api-hr.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber, formatWib } from '../lib/format.ts';
import { EMPTY } from '../lib/labels.ts';
import { cadenceLabel, kebijakanLabel, windowKindLabel, windowStatusLabel } from '../lib/labels-hr.ts';
import { explainForbidden, type Gate, requireAdmin } from './hr-admin-gate.ts';
import { busy, clearFieldErrors, type Field, field, isBusy, setFieldError, showProblem } from './hr-form.ts';
import { formatRentang, formatTanggal, formatTanggalPendek } from './hr-format.ts';
import { param, setParams } from './hr-period-select.ts';
import { loadUnits, type UnitIndex, unitOptions } from './hr-units.ts';
import { showError } from './show-error.ts';

const gate: Gate = {
  what: 'Pengaturan periode kinerja',
  content: byId('period-content', HTMLElement),
  notice: byId('period-gate', HTMLElement),
};

let periods: Period[] = [];
let current: Period | null = null;
let states: WindowState[] = [];
let units: UnitIndex | null = null;
let calendarController: AbortController | undefined;

/** A refusal that explains the whole page (403: not an admin of scope ALL), else the box shows it. */
function fail(box: HTMLElement, error: unknown): void {
  if (!explainForbidden(gate, error)) showError(box, error);
}

// The list of periods -------------------------------------------------------------------------------------

const periodsStatus = byId('periods-status', HTMLElement);
const periodsError = byId('periods-error', HTMLElement);
const periodsBody = byId('periods-body', HTMLTableSectionElement);

function periodRow(period: Period): HTMLTableRowElement {
  const selected = period.id === current?.id;
  return h(
    'tr',
    { class: selected ? 'period-row--current' : undefined },
    h(
      'th',
      { scope: 'row' },
      h(
        'a',
        {
          href: `?id=${encodeURIComponent(period.id)}`,
          'data-period': period.id,
          'aria-current': selected ? 'true' : undefined,
        },
        period.nama,
      ),
      h('span', { class: 'period-row__year' }, `Tahun ${period.tahun}`),
    ),
    h('td', {}, formatRentang(period.mulai, period.selesai)),
    h('td', {}, cadenceLabel[period.calendar.settings.cadence]),
  );
}

function renderPeriods(): void {
  periodsBody.replaceChildren(...periods.map(periodRow));
  byId('periods-wrap', HTMLElement).hidden = periods.length === 0;
  periodsStatus.textContent =
    periods.length === 0
      ? 'Belum ada periode kinerja. Buat yang pertama di bawah.'
      : `${formatNumber(periods.length)} periode.`;
}

async function loadPeriods(): Promise<void> {
  periodsStatus.textContent = 'Memuat…';
  periodsError.replaceChildren();
  try {
    periods = (await hrApi.periods()).items;
    renderPeriods();
  } catch (error) {
    periodsStatus.textContent = '';
    fail(periodsError, error);
  }
}

periodsBody.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-period]') : null;
  if (!(link instanceof HTMLAnchorElement)) return;
  event.preventDefault();
  void selectPeriod(link.dataset.period ?? '', true);
});

// The calendar of one period ------------------------------------------------------------------------------

const calendar = byId('calendar', HTMLElement);
const calendarTitle = byId('calendar-title', HTMLElement);
const calendarStatus = byId('calendar-status', HTMLElement);
const calendarError = byId('calendar-error', HTMLElement);
const calendarBody = byId('calendar-body', HTMLElement);
const settingsList = byId('calendar-settings', HTMLElement);
const windowsBody = byId('windows-body', HTMLTableSectionElement);
// The windows table has nothing focusable and scrolls sideways on a phone: a keyboard must reach it.
byId('windows-wrap', HTMLElement).tabIndex = 0;

const row = (term: string, value: string) => [h('dt', {}, term), h('dd', {}, value)];
const days = (n: number) => `${formatNumber(n)} hari`;
const stages = (list: readonly number[]) => (list.length ? list.map((n) => `H-${n}`).join(', ') : EMPTY);

function renderSettings(period: Period): void {
  const s = period.calendar.settings;
  settingsList.replaceChildren(
    ...row('Tahun', String(period.tahun)),
    ...row('Rentang', `${formatTanggal(period.mulai)} – ${formatTanggal(period.selesai)}`),
    ...row('Irama evaluasi periodik', cadenceLabel[s.cadence]),
    ...row('Hari pengisian', `${days(s.hariPengisian)} setelah periode yang dinilai berakhir`),
    ...row('Hari untuk keberatan', days(s.hariKeberatan)),
    ...row('Pengingat', stages(s.hariPengingat ?? [7, 3, 1])),
    ...row('Pelanggaran pola distribusi', kebijakanLabel[s.kebijakanDistribusi ?? 'JUSTIFIKASI']),
    ...row('Versi kalender', String(period.version)),
  );
}

function statusBadge(state: WindowState | undefined): HTMLElement {
  const value = state?.status ?? 'TERJADWAL';
  return h('span', { class: `badge window-badge window-badge--${value}` }, windowStatusLabel[value]);
}

function renderWindows(period: Period): void {
  const byKey = new Map(states.map((s) => [s.windowKey, s]));
  windowsBody.replaceChildren(
    ...period.calendar.windows.map((w) => {
      const state = byKey.get(windowKey(w));
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, w.nama, h('span', { class: 'window-kind' }, windowKindLabel[w.kind])),
        h('td', {}, formatRentang(w.periodeMulai, w.periodeSelesai)),
        h('td', { class: 'nowrap' }, formatTanggalPendek(w.buka)),
        h('td', { class: 'nowrap' }, formatTanggalPendek(w.batasPengisian)),
        h('td', { class: 'nowrap' }, formatTanggalPendek(w.tutup)),
        h('td', {}, statusBadge(state)),
        h(
          'td',
          {},
          w.kind === 'PENYUSUNAN_SKP' ? EMPTY : stages(state?.pengingatTerkirim ?? []),
          state?.eskalasiTerkirim ? h('span', { class: 'window-kind' }, 'Eskalasi terkirim') : null,
        ),
      );
    }),
  );
}

function renderCalendar(period: Period): void {
  calendarTitle.textContent = `Kalender ${period.nama}`;
  renderSettings(period);
  renderWindows(period);
  fillSettingsForm(period);
  renderWindowEditor(period.calendar.windows);
  fillReopenWindows();
  calendarBody.hidden = false;
}

async function loadCalendar(periodId: string): Promise<void> {
  calendarController?.abort();
  const controller = new AbortController();
  calendarController = controller;
  calendar.hidden = false;
  calendar.setAttribute('aria-busy', 'true');
  calendarStatus.textContent = 'Memuat kalender…';
  calendarError.replaceChildren();
  try {
    const [period, windows] = await Promise.all([
      hrApi.period(periodId, controller.signal),
      hrApi.windows(periodId, controller.signal),
    ]);
    current = period;
    states = windows.items;
    renderCalendar(period);
    calendarStatus.textContent = '';
  } catch (error) {
    if (isAbort(error)) return;
    calendarStatus.textContent = '';
    calendarBody.hidden = true;
    calendarTitle.textContent = 'Kalender';
    fail(calendarError, error);
  } finally {
    if (calendarController === controller) calendar.setAttribute('aria-busy', 'false');
  }
}

/** Shows a period's calendar, keeps it in the address, and (when asked) moves focus to it. */
async function selectPeriod(periodId: string, focus: boolean): Promise<void> {
  setParams({ id: periodId });
  current = periods.find((p) => p.id === periodId) ?? null;
  renderPeriods();
  await loadCalendar(periodId);
  if (focus) calendarTitle.focus();
}

/** Only the state of the windows (after the scheduler ran), leaving open forms as they are. */
async function refreshStates(): Promise<void> {
  if (!current) return;
  try {
    states = (await hrApi.windows(current.id)).items;
    renderWindows(current);
    fillReopenWindows();
  } catch (error) {
    fail(calendarError, error);
  }
}

// Changing settings ---------------------------------------------------------------------------------------

const settingsForm = byId('settings-form', HTMLFormElement);
const settingsSubmit = byId('settings-submit', HTMLButtonElement);
const settingsError = byId('settings-error', HTMLElement);
const settingsStatus = byId('settings-status', HTMLElement);
const settingsFields = {
  cadence: field('settings-cadence'),
  hariPengisian: field('settings-pengisian'),
  hariKeberatan: field('settings-keberatan'),
  hariPengingat: field('settings-pengingat'),
  kebijakanDistribusi: field('settings-kebijakan'),
  alasan: field('settings-alasan'),
};

function fillSettingsForm(period: Period): void {
  const s = period.calendar.settings;
  settingsFields.cadence.control.value = s.cadence;
  settingsFields.hariPengisian.control.value = String(s.hariPengisian);
  settingsFields.hariKeberatan.control.value = String(s.hariKeberatan);
  settingsFields.hariPengingat.control.value = (s.hariPengingat ?? [7, 3, 1]).join(', ');
  settingsFields.kebijakanDistribusi.control.value = s.kebijakanDistribusi ?? 'JUSTIFIKASI';
}

/** "7, 3, 1" as numbers; null when something else was typed. */
function parseStages(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^\d{1,2}$/.test(p))) return null;
  return parts.map(Number);
}

/** The first path segment names the field: `hariPengingat.0` is the reminders field. */
const lookupIn =
  (fields: Record<string, Field>) =>
  (path: string): Field | undefined =>
    fields[path.split('.')[0] ?? ''];

/** A 409 means someone saved first: reload what is shown (not the form) so the next save carries the new version. */
async function afterConflict(error: unknown): Promise<void> {
  if (!(error instanceof ApiError && error.status === 409) || !current) return;
  const period = await hrApi.period(current.id).catch(() => null);
  if (!period) return;
  current = period;
  renderSettings(period);
  renderWindows(period);
}

function checkAlasan(target: Field): boolean {
  const text = target.control.value.trim();
  if (text.length >= 5) return true;
  setFieldError(target, 'Tuliskan alasan perubahan (paling sedikit 5 karakter).');
  return false;
}

async function saved(period: Period, statusLine: HTMLElement, text: string, details: string): Promise<void> {
  current = period;
  periods = periods.map((p) => (p.id === period.id ? period : p));
  renderPeriods();
  states = (await hrApi.windows(period.id).catch(() => ({ items: states }))).items;
  renderCalendar(period);
  byId(details, HTMLDetailsElement).open = false;
  calendarStatus.textContent = text;
  statusLine.textContent = '';
  calendarTitle.focus();
}

settingsForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!current || isBusy(settingsSubmit)) return;
  clearFieldErrors(Object.values(settingsFields), settingsError);
  settingsStatus.textContent = '';
  const s = current.calendar.settings;
  const input: CalendarUpdate = {
    version: current.version,
    alasan: settingsFields.alasan.control.value.trim(),
  };
  const cadence = settingsFields.cadence.control.value as Cadence;
  if (cadence !== s.cadence) input.cadence = cadence;
  const pengisian = Number(settingsFields.hariPengisian.control.value);
  if (pengisian !== s.hariPengisian) input.hariPengisian = pengisian;
  const keberatan = Number(settingsFields.hariKeberatan.control.value);
  if (keberatan !== s.hariKeberatan) input.hariKeberatan = keberatan;
  const kebijakan = settingsFields.kebijakanDistribusi.control.value as 'JUSTIFIKASI' | 'BLOKIR';
  if (kebijakan !== (s.kebijakanDistribusi ?? 'JUSTIFIKASI')) input.kebijakanDistribusi = kebijakan;
  const pengingat = parseStages(settingsFields.hariPengingat.control.value);
  let ok = checkAlasan(settingsFields.alasan);
  if (!pengingat) {
    setFieldError(settingsFields.hariPengingat, 'Tulis angka hari dipisah koma, mis. 7, 3, 1.');
    ok = false;
  } else if (pengingat.join(',') !== (s.hariPengingat ?? [7, 3, 1]).join(',')) {
    input.hariPengingat = pengingat;
  }
  if (!ok) {
    settingsForm.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return;
  }
  if (Object.keys(input).length === 2) {
    settingsError.replaceChildren(h('p', {}, 'Tidak ada pengaturan yang berubah.'));
    return;
  }
  const done = busy(settingsForm, settingsSubmit);
  settingsStatus.textContent = 'Menyimpan pengaturan…';
  try {
    const period = await hrApi.updateCalendar(current.id, input);
    settingsFields.alasan.control.value = '';
    await saved(
      period,
      settingsStatus,
      `Pengaturan kalender disimpan (versi ${period.version}).`,
      'settings-details',
    );
  } catch (error) {
    settingsStatus.textContent = '';
    if (!explainForbidden(gate, error)) showProblem(error, lookupIn(settingsFields), settingsError);
    await afterConflict(error);
  } finally {
    done();
  }
});

// Editing windows -----------------------------------------------------------------------------------------

const windowsForm = byId('windows-form', HTMLFormElement);
const windowsEditor = byId('windows-editor', HTMLElement);
const windowsSubmit = byId('windows-submit', HTMLButtonElement);
const windowsError = byId('windows-error', HTMLElement);
const windowsStatus = byId('windows-status', HTMLElement);
const windowsAlasan = field('windows-alasan');

const dateFields = ['periodeMulai', 'periodeSelesai', 'buka', 'batasPengisian', 'tutup'] as const;
const dateLabels: Record<(typeof dateFields)[number], string> = {
  periodeMulai: 'Periode dinilai: mulai',
  periodeSelesai: 'Periode dinilai: selesai',
  buka: 'Dibuka',
  batasPengisian: 'Batas pengisian',
  tutup: 'Ditutup',
};
type WindowField = 'kind' | 'nama' | (typeof dateFields)[number];

const windowFieldId = (index: number, name: WindowField) => `win-${index}-${name}`;

function windowInput(index: number, name: WindowField, label: string, control: HTMLElement): HTMLElement {
  const id = windowFieldId(index, name);
  control.id = id;
  control.setAttribute('aria-describedby', `${id}-error`);
  return h(
    'div',
    { class: `field${name === 'nama' ? ' period-grid__wide' : ''}` },
    h('label', { for: id }, label),
    control,
    h('p', { class: 'field__error', id: `${id}-error` }),
  );
}

function windowFieldset(index: number, w: Partial<CalendarWindowInput>): HTMLFieldSetElement {
  const kind = h(
    'select',
    { name: 'kind' },
    ...windowKinds.map((k) => h('option', { value: k, selected: k === w.kind }, windowKindLabel[k])),
  );
  const nama = h('input', { type: 'text', name: 'nama', maxlength: '120', value: w.nama ?? '' });
  const dates = dateFields.map((name) =>
    windowInput(index, name, dateLabels[name], h('input', { type: 'date', name, value: w[name] ?? '' })),
  );
  return h(
    'fieldset',
    { class: 'window-fieldset', 'data-index': String(index) },
    h('legend', {}, `Jendela ${index + 1}${w.nama ? `: ${w.nama}` : ''}`),
    h(
      'div',
      { class: 'period-grid' },
      windowInput(index, 'kind', 'Jenis', kind),
      windowInput(index, 'nama', 'Nama jendela', nama),
      ...dates,
    ),
    h(
      'button',
      { type: 'button', class: 'button button--secondary button--small', 'data-remove': String(index) },
      `Hapus jendela ${index + 1}`,
    ),
  );
}

function readWindows(): CalendarWindowInput[] {
  return [...windowsEditor.querySelectorAll<HTMLFieldSetElement>('fieldset.window-fieldset')].map((set) => {
    const value = (name: string) =>
      (set.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement | null)?.value.trim() ??
      '';
    return {
      kind: value('kind') as WindowKind,
      nama: value('nama'),
      periodeMulai: value('periodeMulai'),
      periodeSelesai: value('periodeSelesai'),
      buka: value('buka'),
      tutup: value('tutup'),
      batasPengisian: value('batasPengisian'),
    };
  });
}

function renderWindowEditor(windows: readonly Partial<CalendarWindowInput>[]): void {
  windowsEditor.replaceChildren(...windows.map((w, i) => windowFieldset(i, w)));
}

function windowField(index: number, name: string): Field | undefined {
  const control = document.getElementById(`win-${index}-${name}`);
  const error = document.getElementById(`win-${index}-${name}-error`);
  if (!control || !error) return undefined;
  return { control: control as Field['control'], error };
}

const windowFields = (): Field[] =>
  [...windowsEditor.querySelectorAll<HTMLElement>('[id^="win-"][aria-describedby]')].flatMap((control) => {
    const error = document.getElementById(`${control.id}-error`);
    return error ? [{ control: control as Field['control'], error }] : [];
  });

windowsEditor.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-remove]') : null;
  if (!(button instanceof HTMLButtonElement)) return;
  const index = Number(button.dataset.remove);
  const windows = readWindows();
  const [removed] = windows.splice(index, 1);
  renderWindowEditor(windows);
  windowsStatus.textContent = `Jendela ${index + 1}${removed?.nama ? ` (${removed.nama})` : ''} dihapus dari susunan; simpan untuk menerapkannya.`;
  const next = windowsEditor.querySelectorAll<HTMLButtonElement>('button[data-remove]');
  (next[Math.min(index, next.length - 1)] ?? byId('windows-add', HTMLButtonElement)).focus();
});

byId('windows-add', HTMLButtonElement).addEventListener('click', () => {
  const windows: Partial<CalendarWindowInput>[] = readWindows();
  windows.push({ kind: 'EVALUASI_PERIODIK', nama: '' });
  renderWindowEditor(windows);
  windowsStatus.textContent = `Jendela ${windows.length} ditambahkan.`;
  windowField(windows.length - 1, 'nama')?.control.focus();
});

windowsForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!current || isBusy(windowsSubmit)) return;
  clearFieldErrors([...windowFields(), windowsAlasan], windowsError);
  windowsStatus.textContent = '';
  const windows = readWindows();
  let ok = checkAlasan(windowsAlasan);
  windows.forEach((w, index) => {
    if (w.nama.length < 3) {
      const target = windowField(index, 'nama');
      if (target) setFieldError(target, 'Isi nama jendela (paling sedikit 3 karakter).');
      ok = false;
    }
    for (const name of dateFields) {
      const target = windowField(index, name);
      if (!w[name] && target) {
        setFieldError(target, 'Isi tanggalnya.');
        ok = false;
      }
    }
  });
  if (windows.length === 0) {
    windowsError.replaceChildren(h('p', {}, 'Kalender memerlukan paling sedikit satu jendela.'));
    ok = false;
  }
  if (!ok) {
    windowsForm.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return;
  }
  const done = busy(windowsForm, windowsSubmit);
  windowsStatus.textContent = 'Menyimpan jendela…';
  try {
    const period = await hrApi.updateCalendar(current.id, {
      version: current.version,
      alasan: windowsAlasan.control.value.trim(),
      windows,
    });
    windowsAlasan.control.value = '';
    await saved(
      period,
      windowsStatus,
      `Jendela kalender disimpan (versi ${period.version}).`,
      'windows-details',
    );
  } catch (error) {
    windowsStatus.textContent = '';
    if (!explainForbidden(gate, error)) {
      showProblem(
        error,
        (path) => {
          const match = /^windows\.(\d+)\.(\w+)/.exec(path);
          if (match) return windowField(Number(match[1]), match[2] ?? '');
          return path === 'alasan' ? windowsAlasan : undefined;
        },
        windowsError,
      );
    }
    await afterConflict(error);
  } finally {
    done();
  }
});

// Creating a period ---------------------------------------------------------------------------------------

const createForm = byId('create-form', HTMLFormElement);
const createSubmit = byId('create-submit', HTMLButtonElement);
const createError = byId('create-error', HTMLElement);
const createStatus = byId('create-status', HTMLElement);
const createFields = {
  tahun: field('create-tahun'),
  nama: field('create-nama'),
  mulai: field('create-mulai'),
  selesai: field('create-selesai'),
  cadence: field('create-cadence'),
};

createForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (isBusy(createSubmit)) return;
  clearFieldErrors(Object.values(createFields), createError);
  createStatus.textContent = '';
  const value = (target: Field) => target.control.value.trim();
  const required: [Field, string][] = [
    [createFields.tahun, 'Isi tahun periode, mis. 2027.'],
    [createFields.nama, 'Isi nama periode.'],
    [createFields.mulai, 'Isi tanggal mulai.'],
    [createFields.selesai, 'Isi tanggal selesai.'],
  ];
  const missing = required.filter(([target]) => !value(target));
  for (const [target, message] of missing) setFieldError(target, message);
  if (missing.length > 0) {
    missing[0]?.[0].control.focus();
    return;
  }
  const done = busy(createForm, createSubmit);
  createStatus.textContent = 'Membuat periode…';
  try {
    const period = await hrApi.createPeriod({
      tahun: Number(value(createFields.tahun)),
      nama: value(createFields.nama),
      mulai: value(createFields.mulai),
      selesai: value(createFields.selesai),
      cadence: value(createFields.cadence) as Cadence,
    });
    createForm.reset();
    createStatus.textContent = `${period.nama} dibuat dengan kalender bawaan.`;
    await loadPeriods();
    await selectPeriod(period.id, true);
    calendarStatus.textContent = `${period.nama} dibuat dengan kalender bawaan; ubah jendelanya di bawah bila perlu.`;
  } catch (error) {
    createStatus.textContent = '';
    if (!explainForbidden(gate, error)) showProblem(error, lookupIn(createFields), createError);
  } finally {
    done();
  }
});

// Running the scheduler now -------------------------------------------------------------------------------

const tickButton = byId('tick-run', HTMLButtonElement);
const tickProgress = byId('tick-progress', HTMLElement);
const tickStatus = byId('tick-status', HTMLElement);
const tickError = byId('tick-error', HTMLElement);
const tickSummary = byId('tick-summary', HTMLElement);

function renderTick(summary: TickSummary): void {
  const count = (value: number | undefined) => formatNumber(value ?? 0);
  const mail = summary.mail ?? {};
  tickSummary.replaceChildren(
    ...row('Dijalankan', formatWib(summary.at)),
    ...row('Jendela dibuka', count(summary.windowsOpened)),
    ...row('Jendela ditutup', count(summary.windowsClosed)),
    ...row('Pemberitahuan dibuat', count(summary.notifications)),
    ...row('Surel terkirim', count(mail.sent)),
    ...row('Surel dicoba lagi nanti', count(mail.retrying)),
    ...row('Surel gagal', count(mail.failed)),
  );
  tickSummary.hidden = false;
}

tickButton.addEventListener('click', async () => {
  if (isBusy(tickButton)) return;
  tickButton.setAttribute('aria-disabled', 'true');
  tickError.replaceChildren();
  tickSummary.hidden = true;
  tickStatus.textContent = '';
  tickProgress.hidden = false;
  try {
    const summary = await hrApi.tick();
    renderTick(summary);
    tickStatus.textContent = 'Penjadwal selesai berjalan.';
    await refreshStates();
  } catch (error) {
    fail(tickError, error);
  } finally {
    tickProgress.hidden = true;
    tickButton.setAttribute('aria-disabled', 'false');
  }
});

// Reopening a closed window -------------------------------------------------------------------------------

const reopenForm = byId('reopen-form', HTMLFormElement);
const reopenSubmit = byId('reopen-submit', HTMLButtonElement);
const reopenError = byId('reopen-error', HTMLElement);
const reopenStatus = byId('reopen-status', HTMLElement);
const reopenWindow = field('reopen-window');
const reopenUnit = field('reopen-unit');
const reopenPerson = field('reopen-q');
const reopenDate = field('reopen-date');
const reopenTime = field('reopen-time');
const reopenAlasan = field('reopen-alasan');
const reopenFields = [reopenWindow, reopenUnit, reopenPerson, reopenDate, reopenTime, reopenAlasan];
const targetUnit = byId('reopen-target-unit', HTMLInputElement);
const unitField = byId('reopen-unit-field', HTMLElement);
const employeeField = byId('reopen-employee-field', HTMLElement);
const people = byId('reopen-people', HTMLFieldSetElement);
const peopleList = byId('reopen-people-list', HTMLElement);
const peopleStatus = byId('reopen-people-status', HTMLElement);

/** Evaluation windows only (drafting has no evaluations to fill); closed ones first, as they are the point. */
function fillReopenWindows(): void {
  const select = reopenWindow.control as HTMLSelectElement;
  const previous = select.value;
  const evaluating = states.filter((s) => s.kind !== 'PENYUSUNAN_SKP');
  const ordered = [
    ...evaluating.filter((s) => s.status === 'DITUTUP'),
    ...evaluating.filter((s) => s.status !== 'DITUTUP'),
  ];
  select.replaceChildren(
    ...ordered.map((s) => h('option', { value: s.windowKey }, `${s.nama} — ${windowStatusLabel[s.status]}`)),
  );
  if (ordered.some((s) => s.windowKey === previous)) select.value = previous;
  byId('reopen-details', HTMLElement).hidden = ordered.length === 0;
}

function showTarget(): void {
  const unit = targetUnit.checked;
  unitField.hidden = !unit;
  employeeField.hidden = unit;
}

for (const radio of reopenForm.querySelectorAll<HTMLInputElement>('input[name="target"]')) {
  radio.addEventListener('change', showTarget);
}

byId('reopen-details', HTMLDetailsElement).addEventListener('toggle', async () => {
  if (units || !byId('reopen-details', HTMLDetailsElement).open) return;
  try {
    units = await loadUnits();
    (reopenUnit.control as HTMLSelectElement).replaceChildren(
      h('option', { value: '' }, 'Pilih unit…'),
      ...unitOptions(units),
    );
  } catch (error) {
    fail(reopenError, error);
  }
});

async function searchPeople(): Promise<void> {
  const q = reopenPerson.control.value.trim();
  setFieldError(reopenPerson, '');
  if (!q) {
    setFieldError(reopenPerson, 'Tulis awal nama atau NIP pegawai.');
    reopenPerson.control.focus();
    return;
  }
  peopleStatus.textContent = 'Mencari…';
  people.hidden = true;
  try {
    const { items } = await api.employees({ q, limit: 10 });
    peopleList.replaceChildren(
      ...items.map((person, i) =>
        h(
          'label',
          { class: 'period-person' },
          h('input', {
            type: 'radio',
            name: 'employee',
            value: person.id,
            checked: i === 0,
            'data-nama': person.nama,
          }),
          ` ${person.nama}`,
          h('span', { class: 'period-person__nip mono' }, person.nip ?? 'Tanpa NIP'),
        ),
      ),
    );
    people.hidden = items.length === 0;
    peopleStatus.textContent =
      items.length === 0
        ? `Tidak ada pegawai dengan nama atau NIP berawalan “${q}”.`
        : `${formatNumber(items.length)} pegawai ditemukan; pilih salah satu.`;
  } catch (error) {
    peopleStatus.textContent = '';
    fail(reopenError, error);
  }
}

byId('reopen-search', HTMLButtonElement).addEventListener('click', () => void searchPeople());
reopenPerson.control.addEventListener('keydown', (event) => {
  if ((event as KeyboardEvent).key !== 'Enter') return;
  event.preventDefault();
  void searchPeople();
});

reopenForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!current || isBusy(reopenSubmit)) return;
  clearFieldErrors(reopenFields, reopenError);
  reopenStatus.textContent = '';
  const key = reopenWindow.control.value;
  const byUnit = targetUnit.checked;
  const unitId = reopenUnit.control.value;
  const chosen = peopleList.querySelector<HTMLInputElement>('input[name="employee"]:checked');
  const date = reopenDate.control.value;
  const time = reopenTime.control.value;
  let ok = checkAlasan(reopenAlasan);
  if (!key) {
    setFieldError(reopenWindow, 'Pilih jendelanya.');
    ok = false;
  }
  if (byUnit && !unitId) {
    setFieldError(reopenUnit, 'Pilih unitnya.');
    ok = false;
  }
  if (!byUnit && !chosen) {
    setFieldError(reopenPerson, 'Cari lalu pilih pegawainya.');
    ok = false;
  }
  if (!date) {
    setFieldError(reopenDate, 'Isi tanggal berakhirnya.');
    ok = false;
  }
  if (!/^\d{2}:\d{2}$/.test(time)) {
    setFieldError(reopenTime, 'Isi pukulnya, mis. 23:59.');
    ok = false;
  }
  if (!ok) {
    reopenForm.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    return;
  }
  const who = byUnit
    ? (units?.byId.get(unitId)?.nama ?? 'unit ini')
    : (chosen?.dataset.nama ?? 'pegawai ini');
  const done = busy(reopenForm, reopenSubmit);
  reopenStatus.textContent = 'Membuka kembali…';
  try {
    const result = await hrApi.reopen(current.id, key, {
      ...(byUnit ? { unitId } : { employeeId: chosen?.value ?? '' }),
      sampai: `${date}T${time}:00+07:00`,
      alasan: reopenAlasan.control.value.trim(),
    });
    const nama = states.find((s) => s.windowKey === key)?.nama ?? key;
    reopenStatus.textContent = `${nama} dibuka kembali untuk ${who} sampai ${formatWib(result.sampai)}.`;
    reopenAlasan.control.value = '';
  } catch (error) {
    reopenStatus.textContent = '';
    if (!explainForbidden(gate, error)) {
      const lookup: Record<string, Field> = {
        employeeId: reopenPerson,
        unitId: reopenUnit,
        sampai: reopenDate,
        alasan: reopenAlasan,
      };
      showProblem(error, (path) => lookup[path.split('.')[0] ?? ''], reopenError);
    }
  } finally {
    done();
  }
});

// Start ---------------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  if (!(await requireAdmin(gate, 'ALL'))) return;
  showTarget();
  await loadPeriods();
  const wanted = param('id');
  const chosen = periods.find((p) => p.id === wanted) ?? periods[0];
  if (chosen) await selectPeriod(chosen.id, false);
}

void start();
