// Surel (HR): three paged lists — failed mail ("Kirim ulang"), mail waiting to be sent, undeliverable
// addresses ("Sudah diperbaiki") — each action carrying the version it saw, then the lists it touches reload.

import { ApiError, api, type OutboxItem, type Undeliverable } from '../lib/api.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber, formatWib } from '../lib/format.ts';
import { EMPTY, mailStatusLabel, mailTemplateLabel, undeliverableLabel } from '../lib/labels.ts';
import { pagedList } from './paged-list.ts';
import { showError } from './show-error.ts';

const PER_PAGE = 25;

const sections = byId('mail-sections', HTMLElement);
const forbidden = byId('mail-forbidden', HTMLElement);
const refresh = byId('mail-refresh', HTMLButtonElement);
const failedBody = byId('failed-body', HTMLTableSectionElement);
const dueBody = byId('due-body', HTMLTableSectionElement);
const undeliverableBody = byId('undeliverable-body', HTMLTableSectionElement);
const failedActionStatus = byId('failed-action-status', HTMLElement);
const failedActionError = byId('failed-action-error', HTMLElement);
const undeliverableActionStatus = byId('undeliverable-action-status', HTMLElement);
const undeliverableActionError = byId('undeliverable-action-error', HTMLElement);

/** The rows on screen, by message id / address: what an action needs (the version it saw, who it is for). */
const failedShown = new Map<string, OutboxItem>();
const undeliverableShown = new Map<string, Undeliverable>();

/**
 * The console answers 403 to anyone but an HR admin of scope ALL: say so once, and hide the lists.
 * Returns true so the list does not also show the error in its own box.
 */
function explainForbidden(error: unknown): boolean {
  if (!(error instanceof ApiError && error.code === 'auth.forbidden')) return false;
  if (!sections.hidden) {
    sections.hidden = true;
    refresh.hidden = true;
    forbidden.replaceChildren(
      h(
        'div',
        { class: 'notice', role: 'status' },
        h('p', {}, error.message),
        h(
          'p',
          {},
          'Halaman surel dikelola admin SDM tingkat kementerian. Kembali ke ',
          h('a', { href: '/' }, 'Beranda/Organisasi'),
          '.',
        ),
      ),
    );
  }
  return true;
}

const recipientCell = (to: OutboxItem['to']) =>
  h(
    'th',
    { scope: 'row' },
    h('span', { class: 'mail-console__name' }, to.nama || EMPTY),
    h('span', { class: 'mail-console__email' }, to.email),
  );

const errorCell = (lastError: string | null) => h('td', { class: 'mail-console__error' }, lastError ?? EMPTY);

type ListId = 'failed' | 'due' | 'undeliverable';

/** Whether each list is loading its first page (an empty later page keeps its pager, to go back). */
const onFirstPage: Record<ListId, boolean> = { failed: true, due: true, undeliverable: true };

function loadPage<T>(id: ListId, cursor: string | undefined, fetch: () => Promise<T>): Promise<T> {
  onFirstPage[id] = cursor === undefined;
  return fetch();
}

/** Hides an empty list's table, and its pager when there is nothing at all: the status line says so. */
const showTable = (id: ListId, rows: number) => {
  byId(`${id}-wrap`, HTMLElement).hidden = rows === 0;
  const pager = byId(`${id}-prev`, HTMLButtonElement).closest('nav');
  if (pager) pager.hidden = rows === 0 && onFirstPage[id];
};

function failedRow(item: OutboxItem): HTMLTableRowElement {
  return h(
    'tr',
    {},
    recipientCell(item.to),
    h('td', {}, mailTemplateLabel(item.template)),
    h('td', {}, formatWib(item.dueAt)),
    h('td', { class: 'nowrap' }, formatNumber(item.attempts)),
    errorCell(item.lastError),
    h(
      'td',
      {},
      h(
        'button',
        { type: 'button', class: 'button button--small', 'data-retry': item.id },
        'Kirim ulang',
        h('span', { class: 'visually-hidden' }, ` surel untuk ${item.to.email}`),
      ),
    ),
  );
}

function dueRow(item: OutboxItem): HTMLTableRowElement {
  return h(
    'tr',
    {},
    recipientCell(item.to),
    h('td', {}, mailTemplateLabel(item.template)),
    h('td', { class: 'nowrap' }, mailStatusLabel[item.status]),
    h('td', {}, formatWib(item.dueAt)),
    h('td', { class: 'nowrap' }, formatNumber(item.attempts)),
    errorCell(item.lastError),
  );
}

function undeliverableRow(item: Undeliverable): HTMLTableRowElement {
  return h(
    'tr',
    {},
    h('th', { scope: 'row', class: 'mail-console__email-cell' }, item.email),
    h('td', {}, undeliverableLabel[item.alasan]),
    h('td', { class: 'mail-console__error' }, item.detail ?? EMPTY),
    h('td', {}, formatWib(item.at)),
    h(
      'td',
      {},
      h(
        'button',
        { type: 'button', class: 'button button--small button--secondary', 'data-clear': item.email },
        'Sudah diperbaiki',
        h('span', { class: 'visually-hidden' }, ` (${item.email})`),
      ),
    ),
  );
}

const failed = pagedList<OutboxItem>({
  id: 'failed',
  busy: byId('failed-table', HTMLTableElement),
  noun: 'surel',
  fetchPage: (cursor, signal) =>
    loadPage('failed', cursor, () => api.mailMessages({ status: 'FAILED', limit: PER_PAGE, cursor }, signal)),
  render: (items) => {
    failedShown.clear();
    for (const item of items) failedShown.set(item.id, item);
    failedBody.replaceChildren(...items.map(failedRow));
    showTable('failed', items.length);
  },
  emptyText: () => 'Tidak ada surel yang gagal terkirim.',
  handleError: explainForbidden,
});

// The waiting list has nothing focusable in its rows; it scrolls sideways on a phone, so a keyboard must be
// able to reach it (as scripts/swagger-a11y.ts does for code blocks).
byId('due-wrap', HTMLElement).tabIndex = 0;

const due = pagedList<OutboxItem>({
  id: 'due',
  busy: byId('due-table', HTMLTableElement),
  noun: 'surel',
  fetchPage: (cursor, signal) =>
    loadPage('due', cursor, () => api.mailMessages({ status: 'DUE', limit: PER_PAGE, cursor }, signal)),
  render: (items) => {
    dueBody.replaceChildren(...items.map(dueRow));
    showTable('due', items.length);
  },
  emptyText: () => 'Tidak ada surel yang menunggu dikirim.',
  handleError: explainForbidden,
});

const undeliverable = pagedList<Undeliverable>({
  id: 'undeliverable',
  busy: byId('undeliverable-table', HTMLTableElement),
  noun: 'alamat',
  fetchPage: (cursor, signal) =>
    loadPage('undeliverable', cursor, () => api.undeliverable({ limit: PER_PAGE, cursor }, signal)),
  render: (items) => {
    undeliverableShown.clear();
    for (const item of items) undeliverableShown.set(item.email, item);
    undeliverableBody.replaceChildren(...items.map(undeliverableRow));
    showTable('undeliverable', items.length);
  },
  emptyText: () => 'Tidak ada alamat yang diblokir.',
  handleError: explainForbidden,
});

/** Runs one row action: the button stays aria-disabled meanwhile, the outcome goes to the section's lines. */
async function act(
  button: HTMLButtonElement,
  lines: { status: HTMLElement; error: HTMLElement },
  texts: { busy: string; done: string },
  call: () => Promise<unknown>,
  after: () => void,
): Promise<void> {
  if (button.getAttribute('aria-disabled') === 'true') return;
  button.setAttribute('aria-disabled', 'true');
  lines.error.replaceChildren();
  lines.status.textContent = texts.busy;
  try {
    await call();
    lines.status.textContent = texts.done;
  } catch (error) {
    lines.status.textContent = '';
    showError(lines.error, error);
  } finally {
    // Reloaded either way: a refusal (409) usually means the list on screen is out of date.
    after();
  }
}

failedBody.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-retry]') : null;
  if (!(button instanceof HTMLButtonElement)) return;
  const item = failedShown.get(button.dataset.retry ?? '');
  if (!item) return;
  void act(
    button,
    { status: failedActionStatus, error: failedActionError },
    {
      busy: `Menjadwalkan ulang surel untuk ${item.to.email}…`,
      done: `Surel untuk ${item.to.nama} (${item.to.email}) dijadwalkan ulang dan segera dikirim.`,
    },
    () => api.retryMail(item.id, item.version),
    () => {
      void failed.reload();
      void due.reload();
    },
  );
});

undeliverableBody.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-clear]') : null;
  if (!(button instanceof HTMLButtonElement)) return;
  const item = undeliverableShown.get(button.dataset.clear ?? '');
  if (!item) return;
  void act(
    button,
    { status: undeliverableActionStatus, error: undeliverableActionError },
    {
      busy: `Menandai ${item.email} sudah diperbaiki…`,
      done: `${item.email} dapat menerima surel lagi. Kirim ulang surel yang gagal untuk alamat ini bila perlu.`,
    },
    () => api.clearUndeliverable(item.email, item.version),
    () => void undeliverable.reload(),
  );
});

function reloadAll(): void {
  void failed.reload();
  void due.reload();
  void undeliverable.reload();
}

refresh.addEventListener('click', () => {
  failedActionStatus.textContent = '';
  failedActionError.replaceChildren();
  undeliverableActionStatus.textContent = '';
  undeliverableActionError.replaceChildren();
  reloadAll();
});

reloadAll();
