// Pegawai: search, sort and page the employee list; the form's values live in the address bar.

import { ApiError, api, type EmployeeQuery } from '../lib/api.ts';
import { byId, h } from '../lib/dom.ts';
import { currentPerson, isAdmin } from '../lib/session.ts';
import { employeeRow } from './employee-rows.ts';
import { pagedList } from './paged-list.ts';
import { showError } from './show-error.ts';

const form = byId('employee-search', HTMLFormElement);
const input = byId('employee-q', HTMLInputElement);
const sort = byId('employee-sort', HTMLSelectElement);
const order = byId('employee-order', HTMLSelectElement);
const limit = byId('employee-limit', HTMLSelectElement);
const table = byId('employees-table', HTMLTableElement);
const body = byId('employees-body', HTMLTableSectionElement);
const errorBox = byId('employees-error', HTMLElement);

type Filters = Omit<EmployeeQuery, 'cursor'>;

const sorts = ['nama', 'nip'] as const;
const orders = ['asc', 'desc'] as const;
const limits = ['10', '25', '50', '100'] as const;

/** The value if it is one of the allowed options (the address bar can hold anything), else the fallback. */
const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: NoInfer<T>): T =>
  allowed.find((option) => option === value) ?? fallback;

function readForm(): Filters {
  return {
    q: input.value.trim() || undefined,
    sort: pick(sort.value, sorts, 'nama'),
    order: pick(order.value, orders, 'asc'),
    limit: Number(pick(limit.value, limits, '25')),
  };
}

/** Restores the form from the address, so going back from a profile shows the same list. */
function fillFormFromAddress(): void {
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  sort.value = pick(params.get('sort'), sorts, 'nama');
  order.value = pick(params.get('order'), orders, 'asc');
  limit.value = pick(params.get('limit'), limits, '25');
}

function writeAddress(filters: Filters): void {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.sort !== 'nama') params.set('sort', filters.sort ?? 'nama');
  if (filters.order !== 'asc') params.set('order', filters.order ?? 'asc');
  if (filters.limit !== 25) params.set('limit', String(filters.limit));
  const search = params.toString();
  history.replaceState(null, '', search ? `?${search}` : location.pathname);
}

let filters = readForm();

const list = pagedList({
  id: 'employees',
  busy: table,
  noun: 'pegawai',
  fetchPage: (cursor, signal) => api.employees({ ...filters, cursor }, signal),
  render: (items) => body.replaceChildren(...items.map((employee) => employeeRow(employee, { email: true }))),
  emptyText: () =>
    filters.q
      ? `Tidak ada pegawai dengan nama atau NIP berawalan “${filters.q}”.`
      : 'Belum ada data pegawai.',
  handleError: explainAdminOnly,
});

/**
 * The list is for HR admins (403 auth.forbidden for others): say so, and hide the controls that cannot work.
 * An admin limited to some units is refused for another reason, which the API's own message explains.
 */
function explainAdminOnly(error: unknown): boolean {
  if (!(error instanceof ApiError && error.code === 'auth.forbidden')) return false;
  void currentPerson()
    .catch(() => null)
    .then((person) => {
      if (isAdmin(person)) return showError(errorBox, error);
      for (const element of [
        form.closest('search'),
        table.parentElement,
        byId('employees-prev', HTMLElement).parentElement,
      ]) {
        if (element) element.hidden = true;
      }
      errorBox.replaceChildren(
        h(
          'p',
          {},
          'Daftar seluruh pegawai hanya dapat dibuka oleh admin SDM. Buka ',
          h('a', { href: '/' }, 'Beranda/Organisasi'),
          ' untuk melihat pegawai di unit yang Anda pimpin, atau “Profil saya” di bagian atas halaman.',
        ),
      );
    });
  return true;
}

/** Tells screen readers which column the rows are sorted by. */
function markSortedColumn(): void {
  for (const column of ['nama', 'nip'] as const) {
    const header = byId(`employees-col-${column}`, HTMLTableCellElement);
    if (filters.sort === column)
      header.setAttribute('aria-sort', filters.order === 'desc' ? 'descending' : 'ascending');
    else header.removeAttribute('aria-sort');
  }
}

function apply(): void {
  filters = readForm();
  writeAddress(filters);
  markSortedColumn();
  void list.reload();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  apply();
});
// Sorting and page size apply at once; the search text waits for "Cari" (or Enter).
for (const select of [sort, order, limit]) select.addEventListener('change', apply);
// The CSV import above the list (scripts/employee-import-page.ts) added people: show the list afresh.
document.addEventListener('piawai:employees-changed', () => void list.reload());

fillFormFromAddress();
filters = readForm();
markSortedColumn();
void list.reload();
