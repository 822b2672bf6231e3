// Evaluasi Saya: the evaluation windows of the chosen period with their state, dates and the person's own
// evaluation; the chosen window (?jendela=) in detail — realisasi to fill while it is open against the
// approved SKP in force, read-only otherwise, the result once rated, the keberatan, "Cetak PDF" of the
// evaluation form and of the summary sheet (lib/export-job.ts) — and the penilai's continuous feedback.

import type { CalendarWindow } from '../../../shared/domain/period/calendar.ts';
import { windowKey } from '../../../shared/domain/period/windows.ts';
import { wibDate } from '../../../shared/domain/time.ts';
import type { Me } from '../lib/api.ts';
import {
  type Evaluation,
  type Feedback,
  kinerjaApi,
  type Period,
  type Skp,
  type WindowState,
} from '../lib/api-kinerja.ts';
import { reportsApi } from '../lib/api-reports.ts';
import { byId, h } from '../lib/dom.ts';
import { printAction } from '../lib/export-job.ts';
import { formatWib } from '../lib/format.ts';
import {
  evaluationStatusLabel,
  formatRentang,
  formatTanggal,
  windowKindLabel,
  windowStatusLabel,
} from '../lib/labels-kinerja.ts';
import { currentPerson } from '../lib/session.ts';
import { type RealisasiForm, realisasiForm, realisasiReadOnly } from './my-evaluations-realisasi.ts';
import { hasilView, keberatanPart, predikatBadge, rhkFeedback } from './my-evaluations-result.ts';
import {
  busy,
  clearFieldErrors,
  periodPicker,
  placeFieldErrors,
  showErrorSummary,
  showSaveError,
} from './my-skp-fields.ts';
import { showError } from './show-error.ts';

const status = byId('eval-status', HTMLElement);
const errorBox = byId('eval-error', HTMLElement);
const periodBar = byId('period-bar', HTMLElement);
const picker = byId('periode', HTMLSelectElement);
const windowsPanel = byId('windows', HTMLElement);
const windowList = byId('window-list', HTMLUListElement);
const detail = byId('window-detail', HTMLElement);
const detailTitle = byId('detail-title', HTMLElement);
const detailMeta = byId('detail-meta', HTMLElement);
const detailNotice = byId('detail-notice', HTMLElement);
const printBlock = byId('detail-print', HTMLElement);
const printActions = byId('detail-print-actions', HTMLElement);
const printJobs = byId('detail-print-jobs', HTMLElement);
const form = byId('realisasi-form', HTMLFormElement);
const formFields = byId('realisasi-fields', HTMLElement);
const formAlert = byId('realisasi-alert', HTMLElement);
const formStatus = byId('realisasi-status', HTMLElement);
const saveButton = byId('realisasi-save', HTMLButtonElement);
const readOnly = byId('realisasi-readonly', HTMLElement);
const readOnlyContent = byId('realisasi-ro', HTMLElement);
const hasil = byId('hasil', HTMLElement);
const hasilContent = byId('hasil-content', HTMLElement);
const keberatan = byId('keberatan', HTMLElement);
const keberatanContent = byId('keberatan-content', HTMLElement);
const feedbackPanel = byId('feedback', HTMLElement);
const feedbackStatus = byId('feedback-status', HTMLElement);
const feedbackError = byId('feedback-error', HTMLElement);
const feedbackList = byId('feedback-list', HTMLUListElement);

let me: Me | null = null;
let period: Period | undefined;
let windows: WindowState[] = [];
let evaluations: Evaluation[] = [];
let skps: Skp[] = [];
let selected: string | null = new URLSearchParams(location.search).get('jendela');
let loading: AbortController | undefined;
/** The open form: the window it saves to, its evaluation (version), its fields. */
let active: { windowKey: string; evaluation: Evaluation | null; fields: RealisasiForm } | null = null;

const evaluationOf = (key: string) =>
  evaluations.find((e) => e.periodId === period?.id && e.windowKey === key) ?? null;

const calendarWindow = (key: string): CalendarWindow | undefined =>
  period?.calendar.windows.find((w) => windowKey(w) === key);

/** The approved plan covering the months a window evaluates (the later one after a transfer). */
function planFor(key: string, evaluation: Evaluation | null): Skp | null {
  if (evaluation) return skps.find((s) => s.id === evaluation.skpId) ?? null;
  const w = calendarWindow(key);
  if (!w || !period) return null;
  const periodId = period.id;
  return (
    skps
      .filter(
        (s) =>
          s.periodId === periodId &&
          s.status === 'DISETUJUI' &&
          s.berlaku.mulai <= w.periodeSelesai &&
          s.berlaku.sampai >= w.periodeMulai,
      )
      .sort((a, b) => b.berlaku.mulai.localeCompare(a.berlaku.mulai))[0] ?? null
  );
}

const statusBadge = (state: WindowState['status']) =>
  h('span', { class: `badge window-badge window-badge--${state.toLowerCase()}` }, windowStatusLabel[state]);

function myState(evaluation: Evaluation | null): (Node | string)[] {
  if (!evaluation) return ['Belum diisi'];
  const predikat = evaluation.keberatan?.predikatBaru ?? evaluation.predikat;
  return [evaluationStatusLabel[evaluation.status], ...(predikat ? [' · ', predikatBadge(predikat)] : [])];
}

function windowCard(w: WindowState): HTMLLIElement {
  const evaluation = evaluationOf(w.windowKey);
  const open = h(
    'button',
    {
      type: 'button',
      class: `button button--small${w.status === 'DIBUKA' ? '' : ' button--secondary'}`,
      'data-window': w.windowKey,
      'aria-current': w.windowKey === selected ? 'true' : undefined,
    },
    w.status === 'DIBUKA' ? 'Isi realisasi' : 'Lihat',
    h('span', { class: 'visually-hidden' }, ` — ${w.nama}`),
  );
  return h(
    'li',
    { class: `window-card${w.windowKey === selected ? ' window-card--selected' : ''}` },
    h(
      'div',
      { class: 'window-card__head' },
      h('h3', { class: 'window-card__title' }, w.nama),
      statusBadge(w.status),
    ),
    h(
      'dl',
      { class: 'window-card__meta' },
      h('div', {}, h('dt', {}, 'Jenis'), h('dd', {}, windowKindLabel[w.kind] ?? w.kind)),
      h('div', {}, h('dt', {}, 'Dibuka'), h('dd', {}, formatRentang(w.buka, w.tutup))),
      h('div', {}, h('dt', {}, 'Batas pengisian'), h('dd', {}, formatTanggal(w.batasPengisian))),
      h('div', {}, h('dt', {}, 'Evaluasi Anda'), h('dd', {}, ...myState(evaluation))),
    ),
    h('div', { class: 'window-card__actions' }, open),
  );
}

function renderWindows(): void {
  const shown = windows.filter((w) => w.kind !== 'PENYUSUNAN_SKP');
  windowList.replaceChildren(...shown.map(windowCard));
  windowsPanel.hidden = false;
  if (shown.length === 0) {
    windowList.replaceChildren(
      h(
        'li',
        { class: 'empty-note' },
        'Periode ini belum memiliki jendela evaluasi. Biro SDM menyusunnya di kalender periode.',
      ),
    );
  }
}

const metaRow = (term: string, ...value: (Node | string)[]) => [h('dt', {}, term), h('dd', {}, ...value)];

function renderMeta(w: WindowState, cal: CalendarWindow): void {
  detailMeta.replaceChildren(
    ...metaRow('Status', statusBadge(w.status)),
    ...metaRow('Masa yang dinilai', formatRentang(cal.periodeMulai, cal.periodeSelesai)),
    ...metaRow('Dibuka', formatRentang(w.buka, w.tutup)),
    ...metaRow('Batas pengisian', h('strong', {}, formatTanggal(w.batasPengisian))),
    ...metaRow('Evaluasi Anda', ...myState(evaluationOf(w.windowKey))),
  );
}

function notice(...content: (Node | string)[]): HTMLElement {
  return h('div', { class: 'notice' }, h('p', {}, ...content));
}

function showDetail(key: string, focus: boolean): void {
  const w = windows.find((x) => x.windowKey === key);
  const cal = calendarWindow(key);
  if (!w || !cal || !period) {
    detail.hidden = true;
    return;
  }
  selected = key;
  const params = new URLSearchParams(location.search);
  params.set('periode', period.id);
  params.set('jendela', key);
  history.replaceState(null, '', `?${params.toString()}`);
  for (const button of windowList.querySelectorAll<HTMLButtonElement>('button[data-window]')) {
    const isSelected = button.dataset.window === key;
    if (isSelected) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
    button.closest('li')?.classList.toggle('window-card--selected', isSelected);
  }
  const evaluation = evaluationOf(key);
  const skp = planFor(key, evaluation);
  const today = wibDate(new Date());
  detailTitle.textContent = w.nama;
  renderMeta(w, cal);
  const notices: HTMLElement[] = [];
  if (w.status === 'TERJADWAL') {
    notices.push(
      notice(`Jendela ini dibuka ${formatTanggal(w.buka)}. Realisasi dapat diisi mulai tanggal itu.`),
    );
  } else if (w.status === 'DITUTUP') {
    notices.push(
      notice(
        `Jendela ini sudah ditutup ${formatTanggal(w.tutup)}. Isian hanya dapat diubah bila Biro SDM membukanya kembali untuk Anda.`,
      ),
    );
  } else if (today > w.batasPengisian) {
    notices.push(
      notice(
        `Batas pengisian ${formatTanggal(w.batasPengisian)} sudah lewat; jendela ditutup ${formatTanggal(w.tutup)}. Segera lengkapi realisasi Anda.`,
      ),
    );
  }
  if (!skp && w.status !== 'TERJADWAL') {
    notices.push(
      notice(
        'Belum ada SKP yang disetujui untuk masa yang dievaluasi, sehingga realisasi belum dapat diisi. Susun dan ajukan SKP di ',
        h('a', { href: `/skp/?periode=${encodeURIComponent(period.id)}` }, 'SKP Saya'),
        '.',
      ),
    );
  }
  if (evaluation?.keberatan) {
    notices.push(notice('Evaluasi ini sudah final; keberatan atas predikatnya telah diajukan.'));
  }
  detailNotice.replaceChildren(...notices);
  showPrint(evaluation);

  const feedbackBelow = (rhk: Skp['rhk'][number]) => rhkFeedback(evaluation, rhk.id);
  const editable = w.status === 'DIBUKA' && skp !== null && !evaluation?.keberatan;
  form.hidden = !editable;
  readOnly.hidden = true;
  active = null;
  formAlert.replaceChildren();
  formStatus.textContent = '';
  clearFieldErrors(form);
  if (editable && skp) {
    const fields = realisasiForm(skp, evaluation, feedbackBelow);
    formFields.replaceChildren(fields.element);
    active = { windowKey: key, evaluation, fields };
  } else if (skp && evaluation) {
    readOnlyContent.replaceChildren(realisasiReadOnly(skp, evaluation, feedbackBelow));
    readOnly.hidden = false;
  } else if (skp && w.status === 'DITUTUP') {
    readOnlyContent.replaceChildren(
      h('p', { class: 'empty-note' }, 'Anda tidak mengisi realisasi pada jendela ini.'),
    );
    readOnly.hidden = false;
  }

  hasil.hidden = evaluation?.status !== 'DINILAI';
  hasilContent.replaceChildren(...(evaluation?.status === 'DINILAI' ? hasilView(evaluation) : []));
  const canObject = evaluation?.predikat != null;
  keberatan.hidden = !canObject;
  keberatanContent.replaceChildren(
    ...(evaluation && canObject
      ? keberatanPart(evaluation, period, (saved) => {
          replaceEvaluation(saved);
          showDetail(key, false);
          status.textContent = 'Keberatan diajukan kepada atasan pejabat penilai.';
          byId('keberatan-title', HTMLElement).focus();
        })
      : []),
  );
  detail.hidden = false;
  if (focus) detailTitle.focus();
}

/** "Cetak PDF" of the window's evaluation: the periodic form and the summary sheet, each with its progress. */
function showPrint(evaluation: Evaluation | null): void {
  printBlock.hidden = evaluation === null;
  if (!evaluation) {
    printActions.replaceChildren();
    printJobs.replaceChildren();
    return;
  }
  const { employeeId, periodId, windowKey: key } = evaluation;
  const actions = (
    [
      ['EVALUASI_PERIODIK', 'Cetak formulir evaluasi (PDF)'],
      ['DOKUMEN_EVALUASI', 'Cetak dokumen evaluasi (PDF)'],
    ] as const
  ).map(([dokumen, label]) =>
    printAction({
      id: `print-${dokumen.toLowerCase()}`,
      label,
      className: 'button button--secondary',
      request: () => reportsApi.requestDocument(employeeId, { dokumen, periodId, windowKey: key }),
    }),
  );
  printActions.replaceChildren(...actions.map((a) => a.button));
  printJobs.replaceChildren(...actions.map((a) => a.view.element));
}

function replaceEvaluation(saved: Evaluation): void {
  evaluations = [
    ...evaluations.filter((e) => !(e.periodId === saved.periodId && e.windowKey === saved.windowKey)),
    saved,
  ];
}

windowList.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-window]') : null;
  if (button instanceof HTMLButtonElement && button.dataset.window) showDetail(button.dataset.window, true);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const current = active;
  if (!current || !me || !period) return;
  const employeeId = me.employee.id;
  const periodId = period.id;
  void busy(saveButton, async () => {
    clearFieldErrors(form);
    formAlert.replaceChildren();
    const { rows, problems } = current.fields.collect();
    if (problems.length > 0) {
      const { placed, rest } = placeFieldErrors(form, problems);
      showErrorSummary(
        formAlert,
        'Realisasi belum dapat disimpan: periksa isian yang ditandai.',
        placed,
        rest,
      );
      const first = placed.find((p) => p.focusId)?.focusId;
      if (first) document.getElementById(first)?.focus();
      return;
    }
    formStatus.textContent = 'Menyimpan realisasi…';
    try {
      const saved = await kinerjaApi.saveRealisasi(employeeId, periodId, current.windowKey, {
        ...(current.evaluation ? { version: current.evaluation.version } : {}),
        realisasi: rows,
      });
      current.evaluation = saved;
      replaceEvaluation(saved);
      renderWindows();
      const w = windows.find((x) => x.windowKey === current.windowKey);
      const cal = calendarWindow(current.windowKey);
      if (w && cal) renderMeta(w, cal);
      formStatus.textContent = `Realisasi tersimpan (${formatWib(new Date().toISOString())}).`;
    } catch (error) {
      formStatus.textContent = '';
      showSaveError(form, formAlert, error);
    }
  });
});

function renderFeedback(items: Feedback[]): void {
  const rhk = new Map(skps.flatMap((s) => s.rhk.map((r) => [r.id, r.deskripsi] as const)));
  const names = new Map(
    skps.flatMap((s) =>
      [s.header.penilai, s.header.atasanPenilai].flatMap((p) => (p ? [[p.id, p.nama] as const] : [])),
    ),
  );
  const sorted = [...items].sort((a, b) => b.at.localeCompare(a.at));
  feedbackList.replaceChildren(
    ...sorted.map((f) =>
      h(
        'li',
        { class: 'feedback-item' },
        h(
          'p',
          { class: 'feedback-item__meta' },
          h('span', { class: 'feedback-item__from' }, names.get(f.dariId) ?? 'Pejabat penilai'),
          ` · ${formatWib(f.at)}`,
        ),
        h(
          'p',
          { class: 'feedback-item__about' },
          f.rhkId
            ? `Tentang RHK: ${rhk.get(f.rhkId) ?? 'RHK yang tidak lagi ada di SKP'}`
            : 'Umpan balik umum',
        ),
        h('p', { class: 'pre-wrap' }, f.umpanBalik),
      ),
    ),
  );
  feedbackStatus.textContent =
    items.length === 0 ? 'Belum ada umpan balik berkelanjutan dari pejabat penilai.' : '';
  feedbackPanel.hidden = false;
}

async function load(): Promise<void> {
  if (!me || !period) return;
  loading?.abort();
  const current = new AbortController();
  loading = current;
  const p = period;
  const employeeId = me.employee.id;
  detail.hidden = true;
  windowsPanel.hidden = true;
  errorBox.replaceChildren();
  status.textContent = `Memuat evaluasi ${p.nama}…`;
  try {
    const [w, e, s] = await Promise.all([
      kinerjaApi.windows(p.id, current.signal),
      kinerjaApi.evaluations(employeeId, current.signal),
      kinerjaApi.skpList(employeeId, current.signal),
    ]);
    if (loading !== current) return;
    windows = w.items;
    evaluations = e.items;
    skps = s.items;
    status.textContent = '';
    renderWindows();
    if (selected && windows.some((x) => x.windowKey === selected)) showDetail(selected, false);
    else selected = null;
  } catch (error) {
    if (loading !== current) return;
    status.textContent = '';
    showError(errorBox, error);
    return;
  }
  try {
    renderFeedback((await kinerjaApi.feedback(employeeId, current.signal)).items);
  } catch (error) {
    if (loading !== current) return;
    feedbackPanel.hidden = false;
    showError(feedbackError, error);
  }
}

async function start(): Promise<void> {
  try {
    me = await currentPerson();
    if (!me) return;
    const periods = await periodPicker(picker, (chosen) => {
      if (period && chosen.id !== period.id) selected = null;
      period = chosen;
      void load();
    });
    if (periods.length === 0) {
      status.textContent =
        'Belum ada periode kinerja. Jendela evaluasi tampil di sini setelah Biro SDM membuka periode.';
      return;
    }
    periodBar.hidden = false;
  } catch (error) {
    status.textContent = '';
    showError(errorBox, error);
  }
}

void start();
