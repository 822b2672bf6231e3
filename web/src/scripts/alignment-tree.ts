// The alignment tree as nested lists: each node (IKU, RHK, KR) shows its kind, its text, whose it is, its
// target and its progress (as text; the bar only repeats it); a branch opens and closes with a disclosure
// button (aria-expanded, aria-controls), as the org tree on the home page does.

import type { AlignmentTreeNode } from '../lib/api-kinerja.ts';
import { h } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';

const kindLabel: Record<AlignmentTreeNode['kind'], string> = { IKU: 'IKU', RHK: 'RHK', KR: 'KR' };
const kindWords: Record<AlignmentTreeNode['kind'], string> = {
  IKU: 'Indikator kinerja utama',
  RHK: 'Rencana hasil kerja',
  KR: 'Hasil kunci',
};

function setOpen(toggle: HTMLButtonElement, open: boolean): void {
  toggle.setAttribute('aria-expanded', String(open));
  const list = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
  if (list) list.hidden = !open;
}

function progressPart(progress: number | null): HTMLElement {
  if (progress === null)
    return h('span', { class: 'node__progress node__progress--none' }, 'Belum ada capaian');
  const bar = h('progress', {
    max: '100',
    value: String(Math.min(100, Math.max(0, progress))),
    'aria-hidden': 'true',
  });
  return h('span', { class: 'node__progress' }, bar, h('span', {}, `Capaian ${formatNumber(progress)}%`));
}

/** How many nodes are below this one (shown on closed branches). */
const countBelow = (node: AlignmentTreeNode): number =>
  node.children.reduce((sum, child) => sum + 1 + countBelow(child), 0);

function nodeItem(node: AlignmentTreeNode, path: string, depth: number, meId: string | null): HTMLLIElement {
  const childrenId = `alignment-${path}`;
  const hasChildren = node.children.length > 0;
  const open = depth < 3;
  const toggle = hasChildren
    ? h(
        'button',
        { type: 'button', class: 'tree__toggle', 'aria-expanded': String(open), 'aria-controls': childrenId },
        h(
          'span',
          { class: 'visually-hidden' },
          `Di bawah ${kindLabel[node.kind]} “${node.label}” (${countBelow(node)})`,
        ),
      )
    : h('span', { class: 'tree__spacer', 'aria-hidden': 'true' });
  if (toggle instanceof HTMLButtonElement) {
    toggle.addEventListener('click', () => setOpen(toggle, toggle.getAttribute('aria-expanded') !== 'true'));
  }
  const mine = meId !== null && node.employeeId === meId;
  const body = h(
    'div',
    { class: `node node--${node.kind.toLowerCase()}${mine ? ' node--mine' : ''}` },
    h(
      'p',
      { class: 'node__head' },
      h(
        'span',
        { class: `badge kind kind--${node.kind.toLowerCase()}` },
        h('abbr', { title: kindWords[node.kind] }, kindLabel[node.kind]),
      ),
      h('span', { class: 'node__label' }, node.label),
    ),
    h(
      'p',
      { class: 'node__meta' },
      node.nama ? h('span', { class: 'node__owner' }, node.nama, mine ? ' (Anda)' : '') : null,
      node.target ? h('span', {}, `Target ${node.target}`) : null,
      progressPart(node.progress),
    ),
  );
  const children = hasChildren
    ? h(
        'ul',
        { id: childrenId, class: 'tree__children', hidden: !open, 'aria-label': `Di bawah: ${node.label}` },
        ...node.children.map((child, i) => nodeItem(child, `${path}-${i}`, depth + 1, meId)),
      )
    : null;
  return h('li', { class: 'tree__item' }, h('div', { class: 'tree__row' }, toggle, body), children);
}

export function renderAlignmentTree(root: AlignmentTreeNode, meId: string | null): HTMLUListElement {
  return h(
    'ul',
    { class: 'tree alignment-tree', 'aria-label': `Pohon keselarasan ${root.label}` },
    nodeItem(root, '0', 0, meId),
  );
}

export function setAllOpen(tree: HTMLElement, open: boolean): void {
  for (const toggle of tree.querySelectorAll<HTMLButtonElement>('.tree__toggle')) setOpen(toggle, open);
}

/** Opens the branches above every node of this person, so they find themselves in the tree. */
export function revealMine(tree: HTMLElement): void {
  for (const mine of tree.querySelectorAll('.node--mine')) {
    for (
      let list = mine.closest('.tree__children');
      list;
      list = list.parentElement?.closest('.tree__children') ?? null
    ) {
      const toggle = tree.querySelector<HTMLButtonElement>(`[aria-controls="${list.id}"]`);
      if (toggle) setOpen(toggle, true);
    }
  }
}

export const countNodes = (root: AlignmentTreeNode): number => 1 + countBelow(root);
