// Who is late in the chosen unit (GET /api/reports/units/{id}/late): name, NIP, penilai and what is late with
// its deadline as a WIB date in words and how long ago it passed; sortable by column, paged on the page.

import type { LateReport, LateRow } from '../lib/api-reports.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';
import { EMPTY } from '../lib/labels.ts';
import { lateKindLabels } from '../lib/labels-reports.ts';
import { clientPager } from './client-pager.ts';
import { formatTanggal } from './hr-format.ts';

type SortKey = 'nama' | 'nip' | 'penilai' | 'batas';
const PAGE_SIZE = 20;

const content = byId('late-content', HTMLElement);
const table = byId('late-table', HTMLTableElement);
const body = byId('late-body', HTMLTableSectionElement);
const caption = byId('late-caption', HTMLElement);
const status = byId('late-status', HTMLElement);
const sortButtons = [...table.querySelectorAll<HTMLButtonElement>('button[data-sort]')];

let report: LateReport | null = null;
let rows: LateRow[] = [];
let sort: { key: SortKey; ascending: boolean } = { key: 'nama', ascending: true };

const earliest = (row: LateRow) => row.terlambat.map((t) => t.batas).sort()[0] ?? '';
const text = (value: string | null) => value ?? '';

const compare: Record<SortKey, (a: LateRow, b: LateRow) => number> = {
  nama: (a, b) => a.nama.localeCompare(b.nama, 'id'),
  nip: (a, b) => text(a.nip).localeCompare(text(b.nip)),
  penilai: (a, b) => text(a.penilai).localeCompare(text(b.penilai), 'id'),
  batas: (a, b) => earliest(a).localeCompare(earliest(b)),
};

/** Whole days from a WIB date to the report's date. */
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function lateItems(row: LateRow, today: string): HTMLUListElement {
  return h(
    'ul',
    { class: 'late-list' },
    ...row.terlambat.map((t) => {
      const days = daysBetween(t.batas, today);
      return h(
        'li',
        {},
        h('strong', {}, lateKindLabels[t.jenis]),
        t.jendela ? ` — ${t.jendela}` : '',
        h(
          'span',
          { class: 'late-list__batas' },
          `batas ${formatTanggal(t.batas)}${days > 0 ? ` (lewat ${formatNumber(days)} hari)` : ''}`,
        ),
      );
    }),
  );
}

function render(): void {
  const today = report?.tanggal ?? '';
  body.replaceChildren(
    ...pager
      .slice(rows)
      .map((row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, row.nama),
          h('td', { class: 'mono nowrap' }, row.nip ?? EMPTY),
          h('td', {}, row.penilai ?? EMPTY),
          h('td', {}, lateItems(row, today)),
        ),
      ),
  );
}

const pager = clientPager('late', PAGE_SIZE, render);

function sortRows(): void {
  const order = sort.ascending ? 1 : -1;
  rows.sort((a, b) => order * (compare[sort.key](a, b) || compare.nama(a, b)));
  for (const button of sortButtons) {
    const th = button.closest('th');
    if (button.dataset.sort === sort.key)
      th?.setAttribute('aria-sort', sort.ascending ? 'ascending' : 'descending');
    else th?.removeAttribute('aria-sort');
  }
}

for (const button of sortButtons) {
  button.addEventListener('click', () => {
    const key = button.dataset.sort as SortKey;
    sort = { key, ascending: sort.key === key ? !sort.ascending : true };
    sortRows();
    pager.reset(rows.length);
    render();
  });
}

/** Shows a unit's late people (or the empty state), first page, in the chosen order. */
export function showLate(data: LateReport, unitName: string): void {
  report = data;
  rows = [...data.items];
  caption.textContent = `Pegawai ${unitName} yang terlambat per ${formatTanggal(data.tanggal)}`;
  if (rows.length === 0) {
    content.hidden = true;
    status.textContent = `Tidak ada yang terlambat di ${unitName} per ${formatTanggal(data.tanggal)}.`;
    return;
  }
  sortRows();
  pager.reset(rows.length);
  render();
  status.textContent = `${formatNumber(rows.length)} pegawai terlambat per ${formatTanggal(data.tanggal)}.`;
  content.hidden = false;
}

/** No table: a line saying why (loading, no unit chosen). */
export function hideLate(message: string): void {
  report = null;
  rows = [];
  content.hidden = true;
  status.textContent = message;
}
