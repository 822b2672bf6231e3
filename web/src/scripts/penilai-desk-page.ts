// Penilaian: the approval queue (any period), then for the chosen period the team with their SKP status
// (check a submitted plan, write continuous feedback) and the team's evaluations of the chosen window (rate
// them, print a rated one as PDF). Choices stay in the address (?periode=&jendela=).

import type { Me } from '../lib/api.ts';
import {
  type Evaluation,
  kinerjaApi,
  type Period,
  type Skp,
  type TeamMember,
  type WindowState,
} from '../lib/api-kinerja.ts';
import { reportsApi } from '../lib/api-reports.ts';
import { byId, h } from '../lib/dom.ts';
import { printAction } from '../lib/export-job.ts';
import { formatNumber, formatWib } from '../lib/format.ts';
import { EMPTY } from '../lib/labels.ts';
import { evaluationStatusLabel, formatTanggal, windowStatusLabel } from '../lib/labels-kinerja.ts';
import { currentPerson } from '../lib/session.ts';
import { predikatBadge } from './my-evaluations-result.ts';
import { periodPicker } from './my-skp-fields.ts';
import { statusBadge } from './my-skp-view.ts';
import { setupFeedback } from './penilai-desk-feedback.ts';
import { loadKeberatan } from './penilai-desk-keberatan.ts';
import { setupRating } from './penilai-desk-rating.ts';
import { setupReview } from './penilai-desk-review.ts';
import { showError } from './show-error.ts';

const deskStatus = byId('desk-status', HTMLElement);
const deskError = byId('desk-error', HTMLElement);
const queueTitle = byId('queue-title', HTMLElement);
const decisionDone = byId('decision-done', HTMLElement);
const queueStatus = byId('queue-status', HTMLElement);
const queueError = byId('queue-error', HTMLElement);
const queueList = byId('queue-list', HTMLUListElement);
const periodBar = byId('period-bar', HTMLElement);
const picker = byId('periode', HTMLSelectElement);
const teamStatus = byId('team-status', HTMLElement);
const teamError = byId('team-error', HTMLElement);
const teamList = byId('team-list', HTMLUListElement);
const windowPicker = byId('jendela', HTMLSelectElement);
const evalStatus = byId('team-eval-status', HTMLElement);
const evalError = byId('team-eval-error', HTMLElement);
const evalList = byId('team-eval-list', HTMLUListElement);

let me: Me | null = null;
let periods: Period[] = [];
let period: Period | undefined;
let queue: Skp[] = [];
let team: TeamMember[] = [];
let windows: WindowState[] = [];
let evaluations: Evaluation[] = [];
let lastTrigger: HTMLElement | null = null;
let teamLoad: AbortController | undefined;
let evalLoad: AbortController | undefined;
/** Settles once the periods are known (the queue names each plan's period). */
let periodsKnown: Promise<unknown> = Promise.resolve();

const periodName = (periodId: string) => periods.find((p) => p.id === periodId)?.nama ?? null;

/** Back to the button that opened a panel (or the section's heading if it is gone). */
function refocus(fallback: HTMLElement): void {
  if (lastTrigger?.isConnected) lastTrigger.focus();
  else fallback.focus();
}

const review = setupReview({
  onDecided: (_skp, words) => {
    decisionDone.textContent = words;
    void loadQueue();
    void loadTeam();
    queueTitle.focus();
  },
  onClose: () => refocus(queueTitle),
});

const feedback = setupFeedback({ onClose: () => refocus(byId('team-title', HTMLElement)) });

const rating = setupRating({
  onSaved: (saved) => {
    evaluations = [...evaluations.filter((e) => e.employeeId !== saved.employeeId), saved];
    renderEvaluations();
  },
  onClose: () => refocus(byId('team-eval-title', HTMLElement)),
});

const nipText = (nip: string | null) => (nip ? `NIP ${nip}` : 'Tanpa NIP');

function card(titleText: string, sub: string, meta: (Node | null)[], actions: HTMLElement[]): HTMLLIElement {
  return h(
    'li',
    { class: 'desk-card' },
    h(
      'div',
      { class: 'desk-card__who' },
      h('h3', { class: 'desk-card__name' }, titleText),
      h('p', { class: 'desk-card__sub' }, sub),
    ),
    h('div', { class: 'desk-card__meta' }, ...meta),
    h('div', { class: 'desk-card__actions' }, ...actions),
  );
}

function actionButton(
  label: string,
  hidden: string,
  onClick: (button: HTMLButtonElement) => void,
  primary = false,
) {
  const button = h(
    'button',
    { type: 'button', class: `button button--small${primary ? '' : ' button--secondary'}` },
    label,
    h('span', { class: 'visually-hidden' }, ` ${hidden}`),
  );
  button.addEventListener('click', () => {
    lastTrigger = button;
    onClick(button);
  });
  return button;
}

function renderQueue(): void {
  queueList.replaceChildren(
    ...queue.map((skp) =>
      card(
        skp.header.pegawai.nama,
        `${nipText(skp.header.pegawai.nip)} · ${skp.header.jabatan}`,
        [
          h(
            'p',
            {},
            `${periodName(skp.periodId) ?? 'Periode'}${skp.revision > 1 ? ` · revisi ke-${skp.revision}` : ''}`,
          ),
          h('p', {}, `Diajukan ${skp.submittedAt ? formatWib(skp.submittedAt) : EMPTY}`),
        ],
        [
          actionButton(
            'Periksa SKP',
            skp.header.pegawai.nama,
            () => review.open(skp, periodName(skp.periodId)),
            true,
          ),
        ],
      ),
    ),
  );
  queueStatus.textContent =
    queue.length === 0
      ? 'Tidak ada SKP yang menunggu persetujuan Anda.'
      : `${formatNumber(queue.length)} SKP menunggu persetujuan Anda.`;
}

async function loadQueue(): Promise<void> {
  queueError.replaceChildren();
  queueStatus.textContent = 'Memuat antrean…';
  queueList.setAttribute('aria-busy', 'true');
  try {
    const [found] = await Promise.all([kinerjaApi.approvals(), periodsKnown.catch(() => undefined)]);
    queue = found.items.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
    renderQueue();
  } catch (error) {
    queueStatus.textContent = '';
    showError(queueError, error);
  } finally {
    queueList.setAttribute('aria-busy', 'false');
  }
}

function renderTeam(): void {
  teamList.replaceChildren(
    ...team.map((member) => {
      const skp = member.skp;
      const actions: HTMLElement[] = [];
      if (skp?.status === 'DIAJUKAN') {
        actions.push(
          actionButton(
            'Periksa SKP',
            member.employee.nama,
            () => review.open(skp, period?.nama ?? null),
            true,
          ),
        );
      }
      actions.push(
        actionButton('Umpan balik', `untuk ${member.employee.nama}`, () => void feedback.open(member)),
      );
      return card(
        member.employee.nama,
        nipText(member.employee.nip),
        [
          h(
            'p',
            {},
            h('span', { class: 'desk-card__term' }, 'SKP: '),
            skp ? statusBadge(skp.status) : 'Belum ada SKP',
            skp && skp.revision > 1 ? ` revisi ke-${skp.revision}` : '',
          ),
          skp ? h('p', {}, `${formatNumber(skp.rhk.length)} RHK`) : null,
        ],
        actions,
      );
    }),
  );
  teamStatus.textContent =
    team.length === 0
      ? 'Tidak ada pegawai yang Anda nilai pada periode ini.'
      : `${formatNumber(team.length)} pegawai Anda nilai.`;
}

async function loadTeam(): Promise<void> {
  if (!period) return;
  teamLoad?.abort();
  const current = new AbortController();
  teamLoad = current;
  teamError.replaceChildren();
  teamStatus.textContent = 'Memuat tim…';
  try {
    const found = await kinerjaApi.team(period.id, current.signal);
    if (teamLoad !== current) return;
    team = found.items;
    renderTeam();
    renderEvaluations();
  } catch (error) {
    if (teamLoad !== current) return;
    teamStatus.textContent = '';
    showError(teamError, error);
  }
}

const chosenWindow = () => windows.find((w) => w.windowKey === windowPicker.value);

function renderEvaluations(): void {
  const w = chosenWindow();
  if (!w) return;
  const rows = new Map<string, { nama: string; nip: string | null; evaluation: Evaluation | null }>();
  for (const member of team)
    rows.set(member.employee.id, { nama: member.employee.nama, nip: member.employee.nip, evaluation: null });
  for (const e of evaluations) {
    rows.set(e.employeeId, { nama: e.header.pegawai.nama, nip: e.header.pegawai.nip, evaluation: e });
  }
  const sorted = [...rows.values()].sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
  evalList.replaceChildren(
    ...sorted.map((row) => {
      const e = row.evaluation;
      const editable = e !== null && w.status === 'DIBUKA' && !e.keberatan;
      const why = e?.keberatan
        ? 'Evaluasi ini sudah final: pegawai mengajukan keberatan kepada atasan pejabat penilai.'
        : w.status !== 'DIBUKA'
          ? `Jendela ini ${windowStatusLabel[w.status].toLowerCase()}; penilaian hanya dapat diubah selama jendela dibuka.`
          : null;
      const actions = e
        ? [
            actionButton(
              editable ? (e.status === 'DINILAI' ? 'Ubah penilaian' : 'Nilai') : 'Lihat',
              row.nama,
              () => void rating.open(e, editable, why),
              editable && e.status !== 'DINILAI',
            ),
          ]
        : [];
      const predikat = e?.keberatan?.predikatBaru ?? e?.predikat ?? null;
      // A rated evaluation can be printed as the Dokumen Evaluasi for signing (with its verification QR).
      const print =
        e?.status === 'DINILAI'
          ? printAction({
              id: `print-${e.employeeId}`,
              label: 'Cetak PDF',
              hiddenLabel: `dokumen evaluasi ${row.nama}`,
              request: () =>
                reportsApi.requestDocument(e.employeeId, {
                  dokumen: 'DOKUMEN_EVALUASI',
                  periodId: e.periodId,
                  windowKey: e.windowKey,
                }),
            })
          : null;
      const item = card(
        row.nama,
        nipText(row.nip),
        [
          h(
            'p',
            {},
            h('span', { class: 'desk-card__term' }, 'Evaluasi: '),
            e ? evaluationStatusLabel[e.status] : 'Belum mengisi realisasi',
          ),
          ...(predikat
            ? [h('p', {}, h('span', { class: 'desk-card__term' }, 'Predikat: '), predikatBadge(predikat))]
            : []),
        ],
        print ? [...actions, print.button] : actions,
      );
      if (print) item.append(print.view.element);
      return item;
    }),
  );
  evalStatus.textContent =
    sorted.length === 0
      ? 'Tidak ada pegawai yang Anda nilai pada jendela ini.'
      : `${w.nama}: ${windowStatusLabel[w.status].toLowerCase()}, batas pengisian ${formatTanggal(w.batasPengisian)}. ${formatNumber(
          evaluations.filter((e) => e.status === 'DINILAI').length,
        )} dari ${formatNumber(sorted.length)} sudah dinilai.`;
}

async function loadEvaluations(): Promise<void> {
  const w = chosenWindow();
  if (!period || !w) return;
  evalLoad?.abort();
  const current = new AbortController();
  evalLoad = current;
  evalError.replaceChildren();
  evalStatus.textContent = `Memuat evaluasi ${w.nama}…`;
  evalList.setAttribute('aria-busy', 'true');
  try {
    const found = await kinerjaApi.teamEvaluations(period.id, w.windowKey, current.signal);
    if (evalLoad !== current) return;
    evaluations = found.items;
    renderEvaluations();
  } catch (error) {
    if (evalLoad !== current) return;
    evalStatus.textContent = '';
    showError(evalError, error);
  } finally {
    if (evalLoad === current) evalList.setAttribute('aria-busy', 'false');
  }
}

function writeAddress(): void {
  const params = new URLSearchParams();
  if (period) params.set('periode', period.id);
  if (windowPicker.value) params.set('jendela', windowPicker.value);
  history.replaceState(null, '', `?${params.toString()}`);
}

async function loadWindows(): Promise<void> {
  if (!period) return;
  const wanted = new URLSearchParams(location.search).get('jendela');
  windowPicker.replaceChildren();
  evalList.replaceChildren();
  evaluations = [];
  try {
    windows = (await kinerjaApi.windows(period.id)).items.filter((w) => w.kind !== 'PENYUSUNAN_SKP');
  } catch (error) {
    showError(evalError, error);
    return;
  }
  if (windows.length === 0) {
    windowPicker.disabled = true;
    evalStatus.textContent = 'Periode ini belum memiliki jendela evaluasi.';
    return;
  }
  windowPicker.disabled = false;
  windowPicker.replaceChildren(
    ...windows.map((w) =>
      h('option', { value: w.windowKey }, `${w.nama} (${windowStatusLabel[w.status].toLowerCase()})`),
    ),
  );
  const first =
    windows.find((w) => w.windowKey === wanted) ?? windows.find((w) => w.status === 'DIBUKA') ?? windows[0];
  if (first) windowPicker.value = first.windowKey;
  writeAddress();
  await loadEvaluations();
}

windowPicker.addEventListener('change', () => {
  writeAddress();
  byId('rating', HTMLElement).hidden = true;
  void loadEvaluations();
});

async function start(): Promise<void> {
  try {
    me = await currentPerson();
    if (!me) return;
    const picking = periodPicker(picker, (chosen) => {
      period = chosen;
      byId('rating', HTMLElement).hidden = true;
      byId('feedback-panel', HTMLElement).hidden = true;
      void loadTeam();
      void loadWindows();
      void loadKeberatan(chosen.id);
    }).then((items) => {
      periods = items;
      return items;
    });
    periodsKnown = picking;
    void loadQueue();
    await picking;
    if (periods.length === 0) {
      teamStatus.textContent = 'Belum ada periode kinerja.';
      evalStatus.textContent = 'Belum ada periode kinerja.';
      return;
    }
    periodBar.hidden = false;
  } catch (error) {
    deskStatus.textContent = '';
    showError(deskError, error);
  }
}

void start();
