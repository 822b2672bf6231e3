// Masuk: asks GET /api/dev/people which sign-in this deployment has. 404 (or, in AWS, the gateway's 401):
// the Kemensetneg button. 200: the development sign-in — the demo accounts (GET /api/dev/accounts) and a
// searchable, paged people list, each a button that starts a session (POST /api/dev/session) and returns
// to ?next=.

import { ApiError, api, type DemoAccount, type DevPerson } from '../lib/api.ts';
import { byId, h } from '../lib/dom.ts';
import { safeNextPath } from '../lib/sign-in.ts';
import { pagedList } from './paged-list.ts';
import { showError } from './show-error.ts';

const PEOPLE_PER_PAGE = 12;

const status = byId('sign-in-status', HTMLElement);
const errorBox = byId('sign-in-error', HTMLElement);
const retry = byId('sign-in-retry', HTMLButtonElement);
const hosted = byId('sign-in-hosted', HTMLElement);
const dev = byId('sign-in-dev', HTMLElement);
const sessionStatus = byId('session-status', HTMLElement);
const sessionError = byId('session-error', HTMLElement);
const searchForm = byId('people-search', HTMLFormElement);
const searchInput = byId('people-q', HTMLInputElement);
const peopleList = byId('people-list', HTMLUListElement);
const demoSection = byId('demo-section', HTMLElement);
const demoStatus = byId('demo-status', HTMLElement);
const demoList = byId('demo-accounts', HTMLUListElement);

const next = safeNextPath(new URLSearchParams(location.search).get('next'));
byId('next-hint', HTMLElement).hidden = next === '/';

let query = '';

function accountItem(account: DemoAccount): HTMLLIElement {
  return h(
    'li',
    {},
    h(
      'button',
      { type: 'button', class: 'demo-account', 'data-email': account.email, 'data-nama': account.nama },
      h('span', { class: 'demo-account__role' }, account.peran),
      h('span', { class: 'demo-account__name' }, account.nama),
      h('span', { class: 'demo-account__email mono' }, account.email),
    ),
  );
}

/** The demo accounts first; without them (an older local server) the people list below still works. */
async function showDemoAccounts(): Promise<void> {
  try {
    const { items } = await api.devAccounts();
    demoList.replaceChildren(...items.map(accountItem));
    demoStatus.textContent = '';
    demoSection.hidden = items.length === 0;
  } catch {
    demoSection.hidden = true;
  }
}

function personItem(person: DevPerson): HTMLLIElement {
  return h(
    'li',
    {},
    h(
      'button',
      { type: 'button', class: 'person', 'data-email': person.email, 'data-nama': person.nama },
      h(
        'span',
        { class: 'person__name' },
        person.nama,
        person.admin ? ' ' : null,
        person.admin ? h('span', { class: 'badge badge--admin' }, 'Admin SDM') : null,
      ),
      h('span', { class: 'person__meta' }, person.nip ? `NIP ${person.nip}` : 'Tanpa NIP'),
      h('span', { class: 'person__meta' }, person.email),
    ),
  );
}

const people = pagedList({
  id: 'people',
  busy: peopleList,
  noun: 'pegawai',
  fetchPage: (cursor, signal) =>
    api.devPeople({ limit: PEOPLE_PER_PAGE, cursor, q: query || undefined }, signal),
  render: (items) => peopleList.replaceChildren(...items.map(personItem)),
  emptyText: () =>
    query
      ? `Tidak ada pegawai dengan nama atau NIP berawalan “${query}”.`
      : 'Belum ada data pegawai. Isi data demo dulu (npm run seed).',
});

let signingIn = false;

/** Starts a session for this person, then opens the page that sent them here (same origin only). */
async function signInAs(email: string, nama: string): Promise<void> {
  if (signingIn) return;
  signingIn = true;
  dev.setAttribute('aria-busy', 'true');
  sessionError.replaceChildren();
  sessionStatus.textContent = `Masuk sebagai ${nama}…`;
  try {
    await api.devSession(email);
    // replace: going back should not return to the sign-in page.
    location.replace(next);
  } catch (error) {
    signingIn = false;
    dev.setAttribute('aria-busy', 'false');
    sessionStatus.textContent = '';
    showError(sessionError, error);
    sessionError.scrollIntoView({ block: 'nearest' });
  }
}

dev.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-email]') : null;
  if (!(button instanceof HTMLButtonElement)) return;
  void signInAs(button.dataset.email ?? '', button.dataset.nama ?? button.dataset.email ?? '');
});

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  query = searchInput.value.trim();
  void people.reload();
});

/** Which sign-in exists here: one small request, then the matching section. */
async function start(): Promise<void> {
  status.textContent = 'Memeriksa cara masuk…';
  errorBox.replaceChildren();
  retry.hidden = true;
  try {
    await api.devPeople({ limit: 1 });
    status.textContent = '';
    dev.hidden = false;
    void showDemoAccounts();
    void people.reload();
  } catch (error) {
    status.textContent = '';
    if (error instanceof ApiError && (error.status === 404 || error.status === 401)) {
      hosted.hidden = false;
      return;
    }
    showError(errorBox, error);
    retry.hidden = false;
  }
}

retry.addEventListener('click', () => void start());

void start();
