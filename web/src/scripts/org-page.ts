// Beranda: loads the org tree, and lists the members of the selected unit (search by name, paged).

import { ApiError, api, type UnitTreeNode } from '../lib/api.ts';
import { byId, h } from '../lib/dom.ts';
import { currentPerson, isAdmin } from '../lib/session.ts';
import { indexUnits } from '../lib/unit-index.ts';
import { employeeRow } from './employee-rows.ts';
import { markSelected, renderOrgTree, setAllOpen } from './org-tree.ts';
import { pagedList } from './paged-list.ts';
import { showError } from './show-error.ts';

const MEMBERS_PER_PAGE = 25;

const treeHost = byId('org-tree', HTMLElement);
const treeStatus = byId('tree-status', HTMLElement);
const treeError = byId('tree-error', HTMLElement);
const treeActions = byId('tree-actions', HTMLElement);
const panel = byId('members-panel', HTMLElement);
const hint = byId('members-hint', HTMLElement);
const unitTitle = byId('members-unit', HTMLElement);
const searchForm = byId('members-search', HTMLFormElement);
const searchInput = byId('members-q', HTMLInputElement);
const table = byId('members-table', HTMLTableElement);
const tableBody = byId('members-body', HTMLTableSectionElement);
const caption = byId('members-caption', HTMLTableCaptionElement);
const notice = byId('members-notice', HTMLElement);
const content = byId('members-content', HTMLElement);

/** The API hides the members of units the caller does not lead (404 unit.not_found): say why instead. */
function showNotAllowed(error: unknown): boolean {
  if (!(error instanceof ApiError && error.code === 'unit.not_found')) return false;
  content.hidden = true;
  notice.replaceChildren(
    h('p', { class: 'notice' }, 'Anda hanya dapat melihat pegawai pada unit yang Anda pimpin.'),
  );
  return true;
}

let selected: UnitTreeNode | undefined;
let query = '';

const members = pagedList({
  id: 'members',
  busy: table,
  noun: 'pegawai',
  fetchPage: (cursor, signal) =>
    api.unitMembers(
      (selected as UnitTreeNode).id,
      { limit: MEMBERS_PER_PAGE, cursor, q: query || undefined },
      signal,
    ),
  render: (items) =>
    tableBody.replaceChildren(
      ...items.map((employee) => employeeRow(employee, { email: false, headId: selected?.kepalaId })),
    ),
  emptyText: () =>
    query ? `Tidak ada pegawai di unit ini dengan nama “${query}”.` : 'Belum ada pegawai di unit ini.',
  handleError: showNotAllowed,
});

function selectUnit(unit: UnitTreeNode): void {
  selected = unit;
  query = '';
  searchInput.value = '';
  markSelected(treeHost, unit.id);
  unitTitle.textContent = `${unit.nama} (${unit.kode})`;
  caption.textContent = `Pegawai ${unit.nama}`;
  panel.hidden = false;
  hint.hidden = true;
  content.hidden = false;
  notice.replaceChildren();
  // The address keeps the unit, so the view can be bookmarked and survives going back from a profile.
  history.replaceState(null, '', `?unit=${encodeURIComponent(unit.id)}`);
  void members.reload();
  // On narrow screens the list sits below the tree; bring it into view.
  if (window.matchMedia('(max-width: 60rem)').matches) panel.scrollIntoView({ block: 'start' });
}

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (!selected) return;
  query = searchInput.value.trim();
  void members.reload();
});

byId('tree-open-all', HTMLButtonElement).addEventListener('click', () => setAllOpen(treeHost, true));
byId('tree-close-all', HTMLButtonElement).addEventListener('click', () => setAllOpen(treeHost, false));

/** Everyone sees the structure; only HR admins see every unit's members, so tell the others up front. */
async function explainScope(): Promise<void> {
  const person = await currentPerson().catch(() => null);
  if (person && !isAdmin(person)) {
    hint.textContent =
      'Pilih salah satu unit untuk melihat daftar pegawainya. Anda dapat melihat pegawai pada unit yang Anda pimpin beserta unit di bawahnya.';
  }
}

async function start(): Promise<void> {
  void explainScope();
  try {
    const tree = await api.unitTree();
    treeHost.replaceChildren(renderOrgTree(tree.roots, { openDepth: 2, onSelect: selectUnit }));
    treeStatus.textContent =
      tree.total === 0 ? 'Belum ada unit organisasi.' : `${tree.total} unit organisasi.`;
    treeActions.hidden = tree.total === 0;
    const wanted = new URLSearchParams(location.search).get('unit');
    const unit = wanted ? indexUnits(tree.roots).get(wanted) : undefined;
    if (unit) selectUnit(unit);
  } catch (error) {
    treeStatus.textContent = '';
    showError(treeError, error);
  }
}

void start();
