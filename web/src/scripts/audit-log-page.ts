// Audit: the month's timeline (GET /api/audit, newest first, by actor when chosen, paged by cursor), one
// entity's history (GET /api/audit/stream) with its field changes, and the check of that history's hash chain
// (GET /api/audit/verify), which names the first broken link. Filters live in the address bar.

import { wibDate } from '../../../shared/domain/time.ts';
import { ApiError, api, isAbort } from '../lib/api.ts';
import { type AuditEntry, hrApi } from '../lib/api-hr.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber, formatWib } from '../lib/format.ts';
import { EMPTY } from '../lib/labels.ts';
import { auditActionLabel, auditChannelLabel, chainReasonLabel, entityTypeLabel } from '../lib/labels-hr.ts';
import { explainForbidden, type Gate, requireAdmin } from './hr-admin-gate.ts';
import { clearFieldErrors, field, setFieldError, showProblem } from './hr-form.ts';
import { formatBulan } from './hr-format.ts';
import { param, setParams } from './hr-period-select.ts';
import { pagedList } from './paged-list.ts';
import { showError } from './show-error.ts';

const gate: Gate = {
  what: 'Catatan audit',
  content: byId('audit-content', HTMLElement),
  notice: byId('audit-gate', HTMLElement),
};

const limits = ['10', '25', '50', '100'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const filterForm = byId('audit-filter', HTMLFormElement);
const month = field('audit-month');
const actor = field('audit-actor');
const actorQuery = field('audit-actor-q');
const actorSelect = actor.control as HTMLSelectElement;
const actorStatus = byId('audit-actor-status', HTMLElement);
const limitSelect = byId('audit-limit', HTMLSelectElement);
const timelineTable = byId('timeline-table', HTMLTableElement);
const timelineWrap = byId('timeline-wrap', HTMLElement);
const timelineBody = byId('timeline-body', HTMLTableSectionElement);
const timelineCaption = byId('timeline-caption', HTMLElement);
const timelineError = byId('timeline-error', HTMLElement);

const streamForm = byId('stream-form', HTMLFormElement);
const stream = field('audit-stream');
const streamTitle = byId('stream-title', HTMLElement);
const streamStatus = byId('stream-status', HTMLElement);
const streamError = byId('stream-error', HTMLElement);
const streamList = byId('stream-list', HTMLOListElement);
const verifyResult = byId('verify-result', HTMLElement);
const verifyButton = byId('stream-verify', HTMLButtonElement);

interface Filters {
  month: string;
  actorId: string;
  limit: number;
}

let filters: Filters = { month: wibDate(new Date()).slice(0, 7), actorId: '', limit: 25 };
let firstPage = true;

const actorName = (entry: AuditEntry) => entry.actor.nama ?? entry.actor.id;

function actorCell(entry: AuditEntry): HTMLTableCellElement {
  return h(
    'td',
    {},
    actorName(entry),
    entry.actor.onBehalfOf ? h('span', { class: 'audit-meta' }, `atas nama ${entry.actor.onBehalfOf}`) : null,
  );
}

function timelineRow(entry: AuditEntry): HTMLTableRowElement {
  return h(
    'tr',
    {},
    h('td', { class: 'audit-when' }, formatWib(entry.at)),
    actorCell(entry),
    h(
      'th',
      { scope: 'row' },
      auditActionLabel(entry.action),
      h('span', { class: 'audit-meta mono' }, entry.action),
      entry.reason ? h('span', { class: 'audit-reason' }, `Alasan: ${entry.reason}`) : null,
    ),
    h(
      'td',
      {},
      entityTypeLabel(entry.entityType),
      h('span', { class: 'audit-meta' }, `versi ${entry.version}`),
      h('span', { class: 'audit-meta audit-stream-name mono' }, entry.stream),
    ),
    h('td', { class: 'nowrap' }, auditChannelLabel[entry.channel]),
    h(
      'td',
      {},
      h(
        'button',
        { type: 'button', class: 'button button--small button--secondary', 'data-stream': entry.stream },
        'Riwayat',
        h(
          'span',
          { class: 'visually-hidden' },
          ` ${entityTypeLabel(entry.entityType)}: ${auditActionLabel(entry.action)}`,
        ),
      ),
    ),
  );
}

const timeline = pagedList<AuditEntry>({
  id: 'timeline',
  busy: timelineTable,
  noun: 'entri',
  fetchPage: (cursor, signal) => {
    firstPage = cursor === undefined;
    return hrApi.auditTimeline(
      { month: filters.month, actorId: filters.actorId || undefined, limit: filters.limit, cursor },
      signal,
    );
  },
  render: (items) => {
    timelineBody.replaceChildren(...items.map(timelineRow));
    timelineWrap.hidden = items.length === 0 && firstPage;
  },
  emptyText: () =>
    filters.actorId
      ? `Tidak ada entri audit oleh ${actorSelect.selectedOptions[0]?.textContent ?? filters.actorId} pada ${formatBulan(filters.month)}.`
      : `Tidak ada entri audit pada ${formatBulan(filters.month)}.`,
  handleError: (error) => {
    if (explainForbidden(gate, error)) return true;
    // A month or actor the API refuses is a mistake in the form: say it beside the field.
    if (error instanceof ApiError && error.errors.some((e) => e.path === 'month' || e.path === 'actorId')) {
      showProblem(
        error,
        (path) => (path === 'month' ? month : path === 'actorId' ? actor : undefined),
        timelineError,
      );
      return true;
    }
    return false;
  },
});

function describeFilters(): void {
  const who = filters.actorId
    ? ` oleh ${actorSelect.selectedOptions[0]?.textContent ?? filters.actorId}`
    : '';
  timelineCaption.textContent = `Entri audit ${formatBulan(filters.month)}${who}, terbaru dahulu`;
}

/** An actor named in the address that is not among the options (an employee found earlier) gets one. */
function ensureActorOption(actorId: string, label?: string): void {
  if (!actorId || [...actorSelect.options].some((option) => option.value === actorId)) return;
  actorSelect.append(h('option', { value: actorId }, label ?? `Pegawai ${actorId}`));
}

function apply(): void {
  clearFieldErrors([month, actor], timelineError);
  const chosen = month.control.value;
  if (!MONTH.test(chosen)) {
    setFieldError(month, 'Pilih bulan (tahun dan bulan).');
    month.control.focus();
    return;
  }
  filters = {
    month: chosen,
    actorId: actorSelect.value,
    limit: Number(limits.find((l) => l === limitSelect.value) ?? '25'),
  };
  setParams({
    bulan: filters.month,
    pelaku: filters.actorId || null,
    limit: filters.limit === 25 ? null : String(filters.limit),
  });
  describeFilters();
  void timeline.reload();
}

filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  apply();
});

async function searchActors(): Promise<void> {
  setFieldError(actorQuery, '');
  const q = actorQuery.control.value.trim();
  if (!q) {
    setFieldError(actorQuery, 'Tulis awal nama atau NIP pegawai.');
    actorQuery.control.focus();
    return;
  }
  actorStatus.textContent = 'Mencari…';
  try {
    const { items } = await api.employees({ q, limit: 10 });
    for (const person of items) {
      ensureActorOption(person.id, `${person.nama}${person.nip ? ` (${person.nip})` : ''}`);
    }
    const first = items[0];
    if (first) actorSelect.value = first.id;
    actorStatus.textContent =
      items.length === 0
        ? `Tidak ada pegawai dengan nama atau NIP berawalan “${q}”.`
        : `${formatNumber(items.length)} pegawai ditambahkan ke pilihan Pelaku; ${first?.nama} dipilih. Tekan “Tampilkan”.`;
  } catch (error) {
    actorStatus.textContent = '';
    if (!explainForbidden(gate, error)) showError(timelineError, error);
  }
}

byId('audit-actor-search', HTMLButtonElement).addEventListener('click', () => void searchActors());
actorQuery.control.addEventListener('keydown', (event) => {
  if ((event as KeyboardEvent).key !== 'Enter') return;
  event.preventDefault();
  void searchActors();
});

// One entity's history ------------------------------------------------------------------------------------

/** A stored value as a person reads it: empty, yes/no, text, or compact JSON (cut short when long). */
function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  const json = JSON.stringify(value);
  return json.length > 240 ? `${json.slice(0, 240)}…` : json;
}

/** A value in its own element: lists and objects as code (JSON), the rest as text. */
const valueNode = (value: unknown, tone: string): HTMLElement =>
  h(typeof value === 'object' && value !== null ? 'code' : 'span', { class: tone }, valueText(value));

function historyItem(entry: AuditEntry): HTMLLIElement {
  return h(
    'li',
    { class: 'audit-entry' },
    h(
      'div',
      { class: 'audit-entry__head' },
      h('span', { class: 'badge' }, `Versi ${entry.version}`),
      h('strong', {}, auditActionLabel(entry.action)),
      h(
        'span',
        { class: 'audit-meta' },
        `${formatWib(entry.at)} · ${actorName(entry)} · ${auditChannelLabel[entry.channel]}`,
      ),
    ),
    entry.reason ? h('p', { class: 'audit-reason' }, `Alasan: ${entry.reason}`) : null,
    entry.changes.length > 0
      ? h(
          'dl',
          { class: 'audit-changes' },
          ...entry.changes.flatMap((change) => [
            h('dt', {}, change.field),
            h(
              'dd',
              {},
              valueNode(change.before, 'audit-before'),
              h('span', { 'aria-hidden': 'true' }, ' → '),
              h('span', { class: 'visually-hidden' }, ' menjadi '),
              valueNode(change.after, 'audit-after'),
            ),
          ]),
        )
      : h('p', { class: 'audit-meta' }, 'Tanpa perubahan kolom.'),
    h(
      'p',
      { class: 'audit-hash mono' },
      `hash ${entry.hash.slice(0, 16)}… · sebelumnya ${entry.prevHash.slice(0, 16)}…`,
    ),
  );
}

let streamController: AbortController | undefined;

function readStream(): string | null {
  clearFieldErrors([stream], streamError);
  const value = stream.control.value.trim();
  if (value.length < 3) {
    setFieldError(
      stream,
      'Isi nama aliran audit (paling sedikit 3 karakter), atau pilih “Riwayat” pada linimasa.',
    );
    stream.control.focus();
    return null;
  }
  return value;
}

/** 404 (no such history) and 400 (a bad name) are about the field; anything else goes to the box. */
function showStreamProblem(error: unknown): void {
  if (explainForbidden(gate, error)) return;
  if (error instanceof ApiError && (error.status === 404 || error.errors.some((e) => e.path === 'stream'))) {
    const fieldErrors = error.errors.filter((e) => e.path === 'stream');
    setFieldError(stream, fieldErrors.length ? fieldErrors.map((e) => e.message).join(' ') : error.message);
    stream.control.focus();
    return;
  }
  showProblem(error, () => undefined, streamError);
}

async function showHistory(name: string, focus: boolean): Promise<void> {
  streamController?.abort();
  const current = new AbortController();
  streamController = current;
  verifyResult.replaceChildren();
  streamList.replaceChildren();
  streamStatus.textContent = 'Memuat riwayat…';
  setParams({ aliran: name });
  if (focus) streamTitle.focus();
  try {
    const { items } = await hrApi.auditStream(name, current.signal);
    streamList.replaceChildren(...items.map(historyItem));
    const first = items[0];
    streamStatus.textContent = first
      ? `${entityTypeLabel(first.entityType)}: ${formatNumber(items.length)} perubahan, urut versi.`
      : 'Riwayat ini kosong.';
  } catch (error) {
    if (isAbort(error)) return;
    streamStatus.textContent = '';
    showStreamProblem(error);
  }
}

streamForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const name = readStream();
  if (name) void showHistory(name, false);
});

verifyButton.addEventListener('click', async () => {
  if (verifyButton.getAttribute('aria-disabled') === 'true') return;
  const name = readStream();
  if (!name) return;
  verifyButton.setAttribute('aria-disabled', 'true');
  verifyResult.replaceChildren(h('p', { class: 'status' }, 'Memeriksa rantai hash…'));
  try {
    const check = await hrApi.auditVerify(name);
    verifyResult.replaceChildren(
      check.ok
        ? h(
            'p',
            { class: 'audit-verify audit-verify--ok' },
            h('strong', {}, 'Rantai utuh. '),
            `${formatNumber(check.entries)} entri diperiksa; setiap entri cocok dengan hash-nya dan dengan entri sebelumnya.`,
          )
        : h(
            'p',
            { class: 'audit-verify audit-verify--broken' },
            h('strong', {}, `Rantai rusak pada versi ${check.brokenAtVersion ?? '?'}. `),
            `${check.reason ? `Sebabnya: ${chainReasonLabel[check.reason]}. ` : ''}${formatNumber(check.entries)} entri diperiksa; entri sebelum versi ini utuh.`,
          ),
    );
  } catch (error) {
    verifyResult.replaceChildren();
    showStreamProblem(error);
  } finally {
    verifyButton.setAttribute('aria-disabled', 'false');
  }
});

timelineBody.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-stream]') : null;
  if (!(button instanceof HTMLButtonElement)) return;
  const name = button.dataset.stream ?? '';
  stream.control.value = name;
  clearFieldErrors([stream], streamError);
  void showHistory(name, true);
});

// Start ---------------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  if (!(await requireAdmin(gate, 'ALL'))) return;
  const wantedMonth = param('bulan');
  month.control.value = wantedMonth && MONTH.test(wantedMonth) ? wantedMonth : filters.month;
  const wantedActor = param('pelaku') ?? '';
  ensureActorOption(wantedActor);
  actorSelect.value = wantedActor;
  limitSelect.value = limits.find((l) => l === param('limit')) ?? '25';
  apply();
  const wantedStream = param('aliran');
  if (wantedStream) {
    stream.control.value = wantedStream;
    void showHistory(wantedStream, false);
  }
}

void start();
