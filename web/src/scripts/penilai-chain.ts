// The assessor chain as two cards: Pejabat Penilai Kinerja and its Atasan, each with where it comes from.

import type { PenilaiChain, PenilaiRef, UnitTreeNode } from '../lib/api.ts';
import { h } from '../lib/dom.ts';
import { EMPTY, sumberLabel } from '../lib/labels.ts';

export interface ChainContext {
  units: Map<string, UnitTreeNode>;
  /** Names of definitive officials a Plt/Plh acts for, by employee id. */
  names: Map<string, string>;
  href: (employeeId: string) => string;
}

function personCard(heading: string, ref: PenilaiRef | null, context: ChainContext): HTMLElement {
  if (!ref) {
    return h(
      'article',
      { class: 'chain__card' },
      h('h3', {}, heading),
      h('p', { class: 'chain__none' }, 'Tidak ada — tidak ada pejabat di atasnya dalam struktur.'),
    );
  }
  const unit = ref.unitId ? context.units.get(ref.unitId) : undefined;
  const atasNama = ref.atasNama ? (context.names.get(ref.atasNama) ?? EMPTY) : null;
  return h(
    'article',
    { class: 'chain__card' },
    h('h3', {}, heading),
    h('p', { class: 'chain__name' }, h('a', { href: context.href(ref.id) }, ref.nama)),
    h(
      'dl',
      { class: 'details-list' },
      h('dt', {}, 'NIP'),
      h('dd', { class: ref.nip ? 'mono' : undefined }, ref.nip ?? EMPTY),
      h('dt', {}, 'Dasar'),
      h('dd', {}, h('span', { class: 'badge' }, sumberLabel[ref.sumber])),
      h('dt', {}, 'Unit'),
      h('dd', {}, unit?.nama ?? EMPTY),
      atasNama ? h('dt', {}, 'Atas nama') : null,
      atasNama ? h('dd', {}, h('a', { href: context.href(ref.atasNama ?? '') }, atasNama)) : null,
    ),
  );
}

export function renderChain(chain: PenilaiChain, context: ChainContext): HTMLElement[] {
  return [
    personCard('Pejabat Penilai Kinerja', chain.penilai, context),
    personCard('Atasan Pejabat Penilai Kinerja', chain.atasanPenilai, context),
  ];
}
