// The org tree as nested lists of disclosure buttons: each unit can be opened (sub-units) and selected.

import type { UnitTreeNode } from '../lib/api.ts';
import { h } from '../lib/dom.ts';
import { unitLevelLabel } from '../lib/labels.ts';

export interface OrgTreeOptions {
  /** Levels opened at first: the ministry and its Eselon I units show their children. */
  openDepth: number;
  onSelect: (unit: UnitTreeNode) => void;
}

function setOpen(toggle: HTMLButtonElement, open: boolean): void {
  toggle.setAttribute('aria-expanded', String(open));
  const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
  if (list) list.hidden = !open;
}

function unitItem(unit: UnitTreeNode, depth: number, options: OrgTreeOptions): HTMLLIElement {
  const childrenId = `subunit-${unit.id}`;
  const open = depth < options.openDepth;
  const hasChildren = unit.children.length > 0;
  const toggle = hasChildren
    ? h(
        'button',
        { type: 'button', class: 'tree__toggle', 'aria-expanded': String(open), 'aria-controls': childrenId },
        h('span', { class: 'visually-hidden' }, `Sub-unit ${unit.nama}`),
      )
    : h('span', { class: 'tree__spacer', 'aria-hidden': 'true' });
  const select = h(
    'button',
    { type: 'button', class: 'tree__unit', 'data-unit-id': unit.id },
    h('span', { class: 'tree__name' }, unit.nama),
    h(
      'span',
      { class: 'tree__meta' },
      h('span', { class: 'badge' }, unitLevelLabel[unit.level]),
      ' ',
      h('code', { class: 'tree__kode' }, unit.kode),
    ),
  );
  select.addEventListener('click', () => options.onSelect(unit));
  if (toggle instanceof HTMLButtonElement) {
    toggle.addEventListener('click', () => setOpen(toggle, toggle.getAttribute('aria-expanded') !== 'true'));
  }
  const children = hasChildren
    ? h(
        'ul',
        { id: childrenId, class: 'tree__children', hidden: !open },
        ...unit.children.map((child) => unitItem(child, depth + 1, options)),
      )
    : null;
  return h('li', { class: 'tree__item' }, h('div', { class: 'tree__row' }, toggle, select), children);
}

export function renderOrgTree(roots: UnitTreeNode[], options: OrgTreeOptions): HTMLUListElement {
  return h('ul', { class: 'tree' }, ...roots.map((root) => unitItem(root, 0, options)));
}

/** Opens or closes every branch (the "Buka semua" / "Tutup semua" buttons). */
export function setAllOpen(tree: HTMLElement, open: boolean): void {
  for (const toggle of tree.querySelectorAll<HTMLButtonElement>('.tree__toggle')) setOpen(toggle, open);
}

/** Marks the selected unit and opens the branches above it, so it is visible. */
export function markSelected(tree: HTMLElement, unitId: string): HTMLButtonElement | null {
  let selected: HTMLButtonElement | null = null;
  for (const button of tree.querySelectorAll<HTMLButtonElement>('.tree__unit')) {
    const isSelected = button.dataset.unitId === unitId;
    if (isSelected) {
      button.setAttribute('aria-current', 'true');
      selected = button;
    } else {
      button.removeAttribute('aria-current');
    }
  }
  for (
    let list = selected?.closest('.tree__children');
    list;
    list = list.parentElement?.closest('.tree__children')
  ) {
    const toggle = tree.querySelector<HTMLButtonElement>(`[aria-controls="${list.id}"]`);
    if (toggle) setOpen(toggle, true);
  }
  return selected;
}
