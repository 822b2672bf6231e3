// Keselarasan: the period's IKU grouped by unit; the chosen one (?iku=) opens its alignment tree, with the
// branches leading to the signed-in person's own results opened.

import { api, type UnitTreeNode } from '../lib/api.ts';
import { type Iku, kinerjaApi, type Period } from '../lib/api-kinerja.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';
import { currentPerson } from '../lib/session.ts';
import { indexUnits } from '../lib/unit-index.ts';
import { countNodes, renderAlignmentTree, revealMine, setAllOpen } from './alignment-tree.ts';
import { periodPicker } from './my-skp-fields.ts';
import { showError } from './show-error.ts';

const status = byId('iku-status', HTMLElement);
const errorBox = byId('iku-error', HTMLElement);
const periodBar = byId('period-bar', HTMLElement);
const picker = byId('periode', HTMLSelectElement);
const ikuPanel = byId('iku-panel', HTMLElement);
const ikuGroups = byId('iku-groups', HTMLElement);
const treePanel = byId('tree-panel', HTMLElement);
const treeTitle = byId('tree-title', HTMLElement);
const treeActions = byId('tree-actions', HTMLElement);
const treeStatus = byId('tree-status', HTMLElement);
const treeError = byId('tree-error', HTMLElement);
const treeHost = byId('alignment-tree', HTMLElement);

let meId: string | null = null;
let period: Period | undefined;
let ikus: Iku[] = [];
let units = new Map<string, UnitTreeNode>();
let selected: string | null = new URLSearchParams(location.search).get('iku');
let treeLoad: AbortController | undefined;

function writeAddress(): void {
  const params = new URLSearchParams();
  if (period) params.set('periode', period.id);
  if (selected) params.set('iku', selected);
  history.replaceState(null, '', `?${params.toString()}`);
}

function renderIku(): void {
  const byUnit = new Map<string, Iku[]>();
  for (const iku of ikus) byUnit.set(iku.unitId, [...(byUnit.get(iku.unitId) ?? []), iku]);
  const groups = [...byUnit.entries()].sort(([a], [b]) =>
    (units.get(a)?.nama ?? a).localeCompare(units.get(b)?.nama ?? b, 'id'),
  );
  ikuGroups.replaceChildren(
    ...groups.map(([unitId, items], g) =>
      h(
        'section',
        { class: 'iku-group', 'aria-labelledby': `iku-unit-${g}` },
        h('h3', { id: `iku-unit-${g}`, class: 'iku-group__unit' }, units.get(unitId)?.nama ?? 'Unit'),
        h(
          'ul',
          { class: 'iku-list' },
          ...items.map((iku) =>
            h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: 'iku-item',
                  'data-iku': iku.id,
                  'aria-current': iku.id === selected ? 'true' : undefined,
                },
                h('span', { class: 'iku-item__label' }, iku.indikator),
                h(
                  'span',
                  { class: 'iku-item__target' },
                  `Target ${iku.target}${iku.satuan ? ` ${iku.satuan}` : ''}`,
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  ikuPanel.hidden = false;
}

async function showTree(ikuId: string, focus: boolean): Promise<void> {
  if (!period) return;
  const iku = ikus.find((i) => i.id === ikuId);
  if (!iku) return;
  selected = ikuId;
  writeAddress();
  for (const button of ikuGroups.querySelectorAll<HTMLButtonElement>('button[data-iku]')) {
    if (button.dataset.iku === ikuId) button.setAttribute('aria-current', 'true');
    else button.removeAttribute('aria-current');
  }
  treeLoad?.abort();
  const current = new AbortController();
  treeLoad = current;
  treeTitle.textContent = `Pohon keselarasan: ${iku.indikator}`;
  treeHost.replaceChildren();
  treeActions.hidden = true;
  treeError.replaceChildren();
  treeStatus.textContent = 'Memuat pohon keselarasan…';
  treePanel.hidden = false;
  if (focus) treeTitle.focus();
  try {
    const root = await kinerjaApi.alignmentTree(period.id, ikuId, current.signal);
    if (treeLoad !== current) return;
    treeHost.replaceChildren(renderAlignmentTree(root, meId));
    revealMine(treeHost);
    const below = countNodes(root) - 1;
    treeActions.hidden = below === 0;
    treeStatus.textContent =
      below === 0
        ? 'Belum ada RHK yang disetujui yang mendukung IKU ini. Pohon terisi setelah SKP pimpinan unit disetujui.'
        : `${formatNumber(below)} hasil kerja mendukung IKU ini.`;
    // On narrow screens the tree sits below the list; bring it into view.
    if (focus && window.matchMedia('(max-width: 60rem)').matches)
      treePanel.scrollIntoView({ block: 'start' });
  } catch (error) {
    if (treeLoad !== current) return;
    treeStatus.textContent = '';
    showError(treeError, error);
  }
}

ikuGroups.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('button[data-iku]') : null;
  if (button instanceof HTMLButtonElement && button.dataset.iku) void showTree(button.dataset.iku, true);
});
byId('tree-open-all', HTMLButtonElement).addEventListener('click', () => setAllOpen(treeHost, true));
byId('tree-close-all', HTMLButtonElement).addEventListener('click', () => setAllOpen(treeHost, false));

async function load(): Promise<void> {
  if (!period) return;
  const p = period;
  ikuPanel.hidden = true;
  treePanel.hidden = true;
  errorBox.replaceChildren();
  status.textContent = `Memuat IKU ${p.nama}…`;
  try {
    const found = await kinerjaApi.iku(p.id);
    if (period !== p) return;
    ikus = found.items;
    if (ikus.length === 0) {
      status.textContent = `Belum ada IKU untuk ${p.nama}. Biro SDM menetapkan IKU unit dari Renstra dan Perjanjian Kinerja; pohon keselarasan tampil setelahnya.`;
      return;
    }
    status.textContent = `${formatNumber(ikus.length)} IKU pada ${p.nama}.`;
    renderIku();
    if (selected && ikus.some((i) => i.id === selected)) await showTree(selected, false);
    else selected = null;
  } catch (error) {
    if (period !== p) return;
    status.textContent = '';
    showError(errorBox, error);
  }
}

async function start(): Promise<void> {
  try {
    const [person, tree] = await Promise.all([currentPerson(), api.unitTree()]);
    if (!person) return;
    meId = person.employee.id;
    units = indexUnits(tree.roots);
    const periods = await periodPicker(picker, (chosen) => {
      if (period && period.id !== chosen.id) selected = null;
      period = chosen;
      void load();
    });
    if (periods.length === 0) {
      status.textContent = 'Belum ada periode kinerja.';
      return;
    }
    periodBar.hidden = false;
  } catch (error) {
    status.textContent = '';
    showError(errorBox, error);
  }
}

void start();
