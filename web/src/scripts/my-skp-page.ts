// SKP Saya: picks the period, finds the plan being worked on (the newest revision still open) and the one in
// force, and shows the editor (draft, returned) or the plan read-only (submitted, approved) with the steps its
// status allows: ajukan (in the editor), tarik, revisi, and "Cetak PDF" of a submitted or approved plan
// (lib/export-job.ts: request, progress, download link). Every revision of the period is listed and opens
// read-only. Choices stay in the address (?periode=).

import { statusOn } from '../../../shared/domain/period/windows.ts';
import { wibDate } from '../../../shared/domain/time.ts';
import type { Me } from '../lib/api.ts';
import {
  type IntervensiTarget,
  type IntervensiTargets,
  kinerjaApi,
  type Period,
  type Skp,
  type SkpAction,
} from '../lib/api-kinerja.ts';
import { reportsApi } from '../lib/api-reports.ts';
import { byId, h } from '../lib/dom.ts';
import { printAction } from '../lib/export-job.ts';
import { formatWib } from '../lib/format.ts';
import { EMPTY } from '../lib/labels.ts';
import { formatTanggal, skpStatusHint, skpStatusLabel } from '../lib/labels-kinerja.ts';
import { currentPerson } from '../lib/session.ts';
import { my } from './my-skp-dom.ts';
import { renderEditor } from './my-skp-editor.ts';
import { busy, periodPicker, showSaveError } from './my-skp-fields.ts';
import { skpSummary, skpView, statusBadge } from './my-skp-view.ts';
import { showError } from './show-error.ts';

const status = byId('skp-status', HTMLElement);
const errorBox = byId('skp-error', HTMLElement);
const periodBar = byId('period-bar', HTMLElement);
const picker = byId('periode', HTMLSelectElement);
const draftingWindow = byId('drafting-window', HTMLElement);

let me: Me | null = null;
let period: Period | undefined;
let skps: Skp[] = [];
let targets: IntervensiTargets | null = null;
let targetMap = new Map<string, IntervensiTarget>();
let loading: AbortController | undefined;

/** The revision being worked on (newest still open) and the approved one in force meanwhile. */
function plansOf(all: readonly Skp[], periodId: string) {
  const revisions = all.filter((s) => s.periodId === periodId).sort((a, b) => b.revision - a.revision);
  const open = revisions.filter((s) => s.status !== 'DIGANTI' && !s.ditutup);
  return {
    revisions,
    working: open[0] ?? null,
    inForce: open.find((s) => s.status === 'DISETUJUI') ?? null,
  };
}

function showDraftingWindow(p: Period): void {
  const window = p.calendar.windows.find((w) => w.kind === 'PENYUSUNAN_SKP');
  if (!window) {
    draftingWindow.textContent = '';
    return;
  }
  const state = statusOn(window, wibDate(new Date()));
  const words =
    state === 'DIBUKA'
      ? `dibuka sampai ${formatTanggal(window.tutup)}`
      : state === 'TERJADWAL'
        ? `dibuka mulai ${formatTanggal(window.buka)}`
        : `sudah ditutup ${formatTanggal(window.tutup)}; pengajuan setelahnya melalui Biro SDM`;
  draftingWindow.replaceChildren(
    h('span', { class: 'period-bar__term' }, 'Masa penyusunan SKP: '),
    `${formatTanggal(window.buka)} – ${formatTanggal(window.tutup)} (${words}).`,
  );
}

function clearPanels(): void {
  my.empty.hidden = true;
  my.current.hidden = true;
  my.history.hidden = true;
  my.historyView.hidden = true;
  my.form.hidden = true;
  my.form.replaceChildren();
  my.readonly.hidden = true;
  my.actionError.replaceChildren();
  my.actionStatus.textContent = '';
}

function showEmpty(p: Period, closedBefore: boolean): void {
  my.emptyDetail.textContent = closedBefore
    ? `SKP Anda sebelumnya untuk ${p.nama} telah ditutup karena mutasi. Buat draf SKP untuk jabatan Anda sekarang.`
    : `Anda belum menyusun SKP untuk ${p.nama}. Buat draf, lalu isi rencana hasil kerja dan indikatornya.`;
  my.createError.replaceChildren();
  my.createStatus.textContent = '';
  my.empty.hidden = false;
}

function actionButton(label: string, action: SkpAction, skp: Skp, busyText: string, doneText: string) {
  const button = h('button', { type: 'button', class: 'button button--secondary' }, label);
  button.addEventListener('click', () => {
    void busy(button, async () => {
      my.actionError.replaceChildren();
      my.actionStatus.textContent = busyText;
      try {
        await kinerjaApi.transition(skp, action);
        await load({ announce: doneText });
      } catch (error) {
        my.actionStatus.textContent = '';
        showSaveError(my.current, my.actionError, error);
      }
    });
  });
  return button;
}

function showHead(skp: Skp, inForce: Skp | null): void {
  const p = period as Period;
  my.currentTitle.textContent = `SKP ${p.nama}${skp.revision > 1 ? ` — revisi ke-${skp.revision}` : ''}`;
  my.currentBadge.replaceChildren(statusBadge(skp.status));
  my.currentHint.textContent = skpStatusHint[skp.status];
  const note = skp.catatanPengembalian;
  my.returnedNote.hidden = !(note && (skp.status === 'DIKEMBALIKAN' || skp.status === 'DRAFT'));
  my.returnedText.textContent = note ?? '';
  if (inForce && inForce.id !== skp.id) {
    const open = h('button', { type: 'button', class: 'link-button' }, `Lihat revisi ke-${inForce.revision}`);
    open.addEventListener('click', () => openHistory(inForce));
    my.inForceNote.replaceChildren(
      h(
        'p',
        {},
        `Revisi ke-${inForce.revision} yang telah disetujui tetap berlaku sampai revisi ini disetujui. `,
        open,
      ),
    );
    my.inForceNote.hidden = false;
  } else {
    my.inForceNote.hidden = true;
  }
  my.currentSummary.replaceChildren(skpSummary(skp, p.nama));
  const actions: HTMLElement[] = [];
  if (skp.status === 'DIAJUKAN') {
    actions.push(
      actionButton(
        'Tarik kembali',
        'tarik',
        skp,
        'Menarik kembali pengajuan…',
        'Pengajuan ditarik kembali; SKP dapat diubah lagi.',
      ),
    );
  }
  if (skp.status === 'DISETUJUI') {
    actions.push(
      actionButton(
        'Ajukan revisi',
        'revisi',
        skp,
        'Membuka revisi…',
        'Revisi dibuka sebagai draf. SKP yang disetujui tetap berlaku sampai revisi ini disetujui.',
      ),
    );
  }
  // The plan as submitted or approved can be printed (with its verification QR); a draft is still changing.
  if (skp.status === 'DIAJUKAN' || skp.status === 'DISETUJUI') {
    const print = printAction({
      id: 'skp-print',
      label: 'Cetak PDF',
      hiddenLabel: `SKP revisi ke-${skp.revision}`,
      className: 'button button--secondary',
      request: () => reportsApi.requestDocument(skp.employeeId, { dokumen: 'SKP', skpId: skp.id }),
    });
    actions.push(print.button);
    my.currentPrint.replaceChildren(print.view.element);
  } else {
    my.currentPrint.replaceChildren();
  }
  my.currentActions.replaceChildren(...actions);
  my.currentActions.hidden = actions.length === 0;
}

function showWorking(skp: Skp, inForce: Skp | null): void {
  showHead(skp, inForce);
  const editable = skp.status === 'DRAFT' || skp.status === 'DIKEMBALIKAN';
  if (editable) {
    renderEditor(my.form, {
      skp,
      targets,
      onSaved: (saved) => {
        skps = skps.map((s) => (s.id === saved.id ? saved : s));
        // Editing a returned plan makes it a draft again.
        my.currentBadge.replaceChildren(statusBadge(saved.status));
        my.currentHint.textContent = skpStatusHint[saved.status];
        renderHistory();
      },
      onSubmitted: () => void load({ announce: 'SKP diajukan kepada pejabat penilai.' }),
    });
    my.form.hidden = false;
  } else {
    my.readonly.replaceChildren(...skpView(skp, { targets: targetMap, heading: 'h2', idPrefix: 'current' }));
    my.readonly.hidden = false;
  }
  my.current.hidden = false;
}

function historyRow(skp: Skp): HTMLTableRowElement {
  const open = h(
    'button',
    { type: 'button', class: 'button button--secondary button--small' },
    'Buka',
    h('span', { class: 'visually-hidden' }, ` revisi ke-${skp.revision}`),
  );
  open.addEventListener('click', () => openHistory(skp));
  return h(
    'tr',
    {},
    h('th', { scope: 'row', class: 'nowrap' }, `Revisi ke-${skp.revision}`),
    h(
      'td',
      {},
      statusBadge(skp.status),
      skp.ditutup ? h('span', { class: 'history__note' }, ' (ditutup: mutasi)') : null,
    ),
    h('td', {}, skp.submittedAt ? formatWib(skp.submittedAt) : EMPTY),
    h('td', {}, skp.decidedAt ? formatWib(skp.decidedAt) : EMPTY),
    h('td', {}, open),
  );
}

function renderHistory(): void {
  if (!period) return;
  const { revisions } = plansOf(skps, period.id);
  my.historyBody.replaceChildren(...revisions.map(historyRow));
  my.history.hidden = revisions.length === 0;
}

function openHistory(skp: Skp): void {
  my.historyTitle.textContent = `Revisi ke-${skp.revision} — ${skpStatusLabel[skp.status]}`;
  my.historyContent.replaceChildren(
    skpSummary(skp, period?.nama ?? null),
    ...skpView(skp, { targets: targetMap, heading: 'h3', idPrefix: `rev-${skp.revision}` }),
  );
  my.historyView.hidden = false;
  my.historyTitle.focus();
}

my.historyClose.addEventListener('click', () => {
  my.historyView.hidden = true;
  my.historyTitle.blur();
  my.history.querySelector<HTMLButtonElement>('tbody button')?.focus();
});

async function load(options: { announce?: string } = {}): Promise<void> {
  if (!me || !period) return;
  loading?.abort();
  const current = new AbortController();
  loading = current;
  const p = period;
  clearPanels();
  errorBox.replaceChildren();
  status.textContent = `Memuat SKP ${p.nama}…`;
  try {
    const [list, found] = await Promise.all([
      kinerjaApi.skpList(me.employee.id, current.signal),
      kinerjaApi.intervensiTargets(me.employee.id, p.id, current.signal),
    ]);
    if (loading !== current) return;
    skps = list.items;
    targets = found;
    targetMap = new Map(found.targets.map((t) => [t.id, t]));
    const { revisions, working, inForce } = plansOf(skps, p.id);
    status.textContent = options.announce ?? '';
    if (!working)
      showEmpty(
        p,
        revisions.some((s) => s.ditutup),
      );
    else showWorking(working, inForce);
    renderHistory();
    if (options.announce && working) my.currentTitle.focus();
  } catch (error) {
    if (loading !== current) return;
    status.textContent = '';
    showError(errorBox, error);
  }
}

my.create.addEventListener('click', () => {
  if (!me || !period) return;
  const p = period;
  const employeeId = me.employee.id;
  void busy(my.create, async () => {
    my.createError.replaceChildren();
    my.createStatus.textContent = 'Membuat draf SKP…';
    try {
      await kinerjaApi.createSkp(employeeId, p.id);
      await load({ announce: 'Draf SKP dibuat. Tambahkan rencana hasil kerja Anda.' });
    } catch (error) {
      my.createStatus.textContent = '';
      showError(my.createError, error);
    }
  });
});

async function start(): Promise<void> {
  try {
    me = await currentPerson();
    if (!me) return;
    const periods = await periodPicker(picker, (chosen) => {
      period = chosen;
      showDraftingWindow(chosen);
      void load();
    });
    if (periods.length === 0) {
      status.textContent =
        'Belum ada periode kinerja. Biro SDM membuka periode beserta masa penyusunan SKP-nya; setelah itu SKP dapat disusun di sini.';
      return;
    }
    periodBar.hidden = false;
  } catch (error) {
    status.textContent = '';
    showError(errorBox, error);
  }
}

void start();
