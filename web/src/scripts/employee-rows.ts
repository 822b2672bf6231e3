// Table rows for employees, shared by the unit member list and the employee list.

import type { Employee } from '../lib/api.ts';
import { h } from '../lib/dom.ts';
import { EMPTY, statusLabel } from '../lib/labels.ts';

export const detailHref = (id: string) => `/pegawai/detail/?id=${encodeURIComponent(id)}`;

export interface RowOptions {
  email: boolean;
  /** Marks the unit's head with a badge (member list). */
  headId?: string | null;
}

export function employeeRow(employee: Employee, options: RowOptions): HTMLTableRowElement {
  const isHead = options.headId != null && options.headId === employee.id;
  return h(
    'tr',
    {},
    h(
      'th',
      { scope: 'row' },
      h('a', { href: detailHref(employee.id) }, employee.nama),
      isHead ? ' ' : null,
      isHead ? h('span', { class: 'badge badge--head' }, 'Kepala unit') : null,
    ),
    h('td', { class: employee.nip ? 'nowrap mono' : 'nowrap' }, employee.nip ?? EMPTY),
    h('td', { class: 'nowrap' }, statusLabel[employee.status]),
    h('td', {}, employee.pangkatGolongan ?? EMPTY),
    options.email ? h('td', {}, employee.email) : null,
  );
}
