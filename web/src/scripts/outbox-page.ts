// Kotak keluar (local only): lists the local outbox (newest first); the selected mail (?surel=<file> in the
// address) shows its headers, its links as links and its plain-text part. Its HTML part is never rendered.

import { ApiError, api, isAbort, type OutboxMail, type OutboxMailSummary } from '../lib/api.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber, formatWib } from '../lib/format.ts';
import { EMPTY } from '../lib/labels.ts';
import { showError } from './show-error.ts';

const status = byId('outbox-status', HTMLElement);
const errorBox = byId('outbox-error', HTMLElement);
const content = byId('outbox-content', HTMLElement);
const list = byId('outbox-list', HTMLUListElement);
const refresh = byId('outbox-refresh', HTMLButtonElement);
const panel = byId('mail-panel', HTMLElement);
const hint = byId('mail-hint', HTMLElement);
const mailTitle = byId('mail-title', HTMLElement);
const mailStatus = byId('mail-status', HTMLElement);
const mailError = byId('mail-error', HTMLElement);
const mailContent = byId('mail-content', HTMLElement);
const headers = byId('mail-headers', HTMLElement);
const links = byId('mail-links', HTMLUListElement);
const text = byId('mail-text', HTMLElement);

/** The API lists at most this many (the newest). */
const API_LIMIT = 100;

let selected = new URLSearchParams(location.search).get('surel');
let mailController: AbortController | undefined;

const when = (iso: string | null) => (iso ? formatWib(iso) : EMPTY);

function item(mail: OutboxMailSummary): HTMLLIElement {
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        class: 'outbox-item',
        'data-name': mail.name,
        'aria-current': mail.name === selected ? 'true' : undefined,
      },
      h('span', { class: 'outbox-item__subject' }, mail.subject || '(tanpa subjek)'),
      h('span', { class: 'outbox-item__meta' }, `Kepada: ${mail.to || EMPTY}`),
      h('span', { class: 'outbox-item__meta' }, when(mail.date)),
    ),
  );
}

function markSelected(): void {
  for (const button of list.querySelectorAll<HTMLButtonElement>('button[data-name]')) {
    if (button.dataset.name === selected) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
}

/**
 * What the text part calls a link: "Setujui: <url>" gives "Setujui". A link the text does not name (the
 * portal link in the footer of the HTML) is shown as its address.
 */
function labelOf(url: string, plain: string): string {
  for (const line of plain.split('\n')) {
    const at = line.lastIndexOf(url);
    if (at <= 0 || line.slice(at + url.length).trim() !== '') continue;
    const label = line.slice(0, at).trim().replace(/:$/, '').trim();
    if (label) return label;
  }
  return url;
}

function linkItem(url: string, plain: string): HTMLLIElement {
  let safe = false;
  try {
    safe = ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    safe = false;
  }
  // Only web addresses become links; anything else (which our templates never write) stays text.
  if (!safe) return h('li', {}, h('span', { class: 'mono' }, url));
  const label = labelOf(url, plain);
  return h(
    'li',
    {},
    h('a', { href: url }, label),
    label === url ? null : h('span', { class: 'mail-links__url mono' }, url),
  );
}

function renderMail(mail: OutboxMail): void {
  mailTitle.textContent = mail.subject || '(tanpa subjek)';
  headers.replaceChildren(
    h('dt', {}, 'Dari'),
    h('dd', {}, mail.from || EMPTY),
    h('dt', {}, 'Kepada'),
    h('dd', {}, mail.to || EMPTY),
    h('dt', {}, 'Tanggal'),
    h('dd', {}, when(mail.date)),
    h('dt', {}, 'Berkas'),
    h('dd', { class: 'mono' }, mail.name),
  );
  links.replaceChildren(
    ...(mail.links.length > 0
      ? mail.links.map((url) => linkItem(url, mail.text))
      : [h('li', { class: 'mail-links__none' }, 'Surel ini tidak memuat tautan.')]),
  );
  text.textContent = mail.text || 'Surel ini tidak memiliki bagian teks.';
  mailContent.hidden = false;
}

async function showMail(name: string, scroll: boolean): Promise<void> {
  mailController?.abort();
  const current = new AbortController();
  mailController = current;
  selected = name;
  markSelected();
  history.replaceState(null, '', `?surel=${encodeURIComponent(name)}`);
  panel.hidden = false;
  hint.hidden = true;
  mailContent.hidden = true;
  mailError.replaceChildren();
  mailTitle.textContent = 'Surel';
  mailStatus.textContent = 'Memuat surel…';
  panel.setAttribute('aria-busy', 'true');
  // On narrow screens the mail sits below the list; bring it into view.
  if (scroll && window.matchMedia('(max-width: 60rem)').matches) panel.scrollIntoView({ block: 'start' });
  try {
    const mail = await api.devOutboxMail(name, current.signal);
    renderMail(mail);
    mailStatus.textContent = '';
  } catch (error) {
    if (isAbort(error)) return;
    mailStatus.textContent = '';
    showError(mailError, error);
  } finally {
    if (mailController === current) panel.setAttribute('aria-busy', 'false');
  }
}

function clearSelection(): void {
  selected = null;
  history.replaceState(null, '', location.pathname);
  panel.hidden = true;
  hint.hidden = false;
}

/** In AWS the outbox routes do not exist (404, or the gateway's 401 for a signed-out caller). */
function explainNotLocal(): void {
  content.hidden = true;
  byId('outbox-dev', HTMLElement).hidden = true;
  status.textContent = '';
  errorBox.replaceChildren(
    h(
      'p',
      {},
      'Kotak keluar hanya ada saat PIAWAI berjalan di komputer pengembang; di sini surel dikirim lewat Amazon SES. ',
      h('a', { href: '/' }, 'Kembali ke beranda'),
      '.',
    ),
  );
}

async function loadList(): Promise<void> {
  refresh.setAttribute('aria-disabled', 'true');
  list.setAttribute('aria-busy', 'true');
  status.textContent = 'Memuat kotak keluar…';
  errorBox.replaceChildren();
  try {
    const { items } = await api.devOutbox();
    list.replaceChildren(...items.map(item));
    status.textContent =
      items.length === 0
        ? 'Kotak keluar kosong. Surel muncul di sini setelah, misalnya, seorang pegawai mengajukan SKP.'
        : items.length >= API_LIMIT
          ? `Menampilkan ${formatNumber(items.length)} surel terbaru.`
          : `Menampilkan ${formatNumber(items.length)} surel.`;
    if (selected && items.some((mail) => mail.name === selected)) void showMail(selected, false);
    else if (selected) clearSelection();
    hint.hidden = !panel.hidden || items.length === 0;
  } catch (error) {
    status.textContent = '';
    list.replaceChildren();
    if (error instanceof ApiError && (error.status === 404 || error.status === 401)) explainNotLocal();
    else showError(errorBox, error);
  } finally {
    refresh.setAttribute('aria-disabled', 'false');
    list.setAttribute('aria-busy', 'false');
  }
}

list.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-name]') : null;
  if (button instanceof HTMLButtonElement && button.dataset.name) void showMail(button.dataset.name, true);
});

refresh.addEventListener('click', () => {
  if (refresh.getAttribute('aria-disabled') !== 'true') void loadList();
});

void loadList();
