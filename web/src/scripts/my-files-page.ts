// Berkas saya: the person's exports and documents (GET /api/exports, newest first, paged by the API). A job
// still being made is followed once a second (lib/export-job.ts) and its card redrawn until it is done.

import type { ExportJob } from '../lib/api-reports.ts';
import { reportsApi } from '../lib/api-reports.ts';
import { byId, h } from '../lib/dom.ts';
import {
  downloadLink,
  followJob,
  isExpired,
  isFinished,
  type JobView,
  progressText,
  requestedAt,
  setProgress,
} from '../lib/export-job.ts';
import { formatWib } from '../lib/format.ts';
import { datasetLabels, jobStatusLabel } from '../lib/labels-reports.ts';
import { pagedList } from './paged-list.ts';

const PAGE_SIZE = 20;

const list = byId('files-items', HTMLUListElement);
const listBlock = byId('files-list', HTMLElement);
const empty = byId('files-empty', HTMLElement);
let following: AbortController | undefined;
let firstPage = true;
/** Whether the page just drawn came from the API (an empty draw after a failure is not "no files"). */
let answered = false;

const badge = (job: ExportJob) =>
  h('span', { class: `badge job-badge job-badge--${job.status.toLowerCase()}` }, jobStatusLabel[job.status]);

function progress(job: ExportJob): HTMLElement | null {
  if (isFinished(job)) return null;
  const meter = h('progress', { 'aria-label': `Kemajuan ${job.judul}` });
  setProgress(meter, job);
  return h('p', { class: 'file-card__progress' }, meter, h('span', {}, progressText(job)));
}

function download(job: ExportJob): HTMLElement {
  if (job.status === 'GAGAL')
    return h('p', { class: 'file-card__error' }, `Gagal: ${job.error ?? 'alasan tidak diketahui.'}`);
  if (job.status !== 'SELESAI') return h('p', { class: 'file-card__wait' }, 'Sedang dibuat…');
  if (isExpired(job)) return h('p', { class: 'file-card__wait' }, 'Sudah dihapus; buat lagi bila perlu.');
  return h('p', {}, downloadLink(job));
}

const meta = (term: string, value: string) => h('div', {}, h('dt', {}, term), h('dd', {}, value));

function card(job: ExportJob): HTMLLIElement {
  return h(
    'li',
    { class: 'file-card', 'data-job': job.id },
    h(
      'div',
      { class: 'file-card__what' },
      h('h3', { class: 'file-card__title' }, job.judul),
      h('p', { class: 'file-card__kind' }, `${datasetLabels[job.dataset]} · ${job.format} · `, badge(job)),
      progress(job),
    ),
    h(
      'dl',
      { class: 'file-card__meta' },
      meta('Diminta', formatWib(requestedAt(job))),
      meta(isExpired(job) ? 'Dihapus' : 'Tersedia sampai', formatWib(job.expiresAt)),
    ),
    h('div', { class: 'file-card__download' }, download(job)),
  );
}

/** Redraws a job's card as it changes; following stops when the card has left the page. */
function follow(job: ExportJob, signal: AbortSignal): void {
  let current = list.querySelector<HTMLLIElement>(`li[data-job="${job.id}"]`);
  if (!current) return;
  const view: JobView = {
    get element() {
      return current as HTMLElement;
    },
    show(next) {
      const drawn = card(next);
      current?.replaceWith(drawn);
      current = drawn;
    },
    fail() {},
    clear() {},
  };
  void followJob(job, view, signal);
}

const files = pagedList<ExportJob>({
  id: 'files',
  busy: list,
  noun: 'berkas',
  fetchPage: async (cursor, signal) => {
    firstPage = cursor === undefined;
    answered = false;
    const page = await reportsApi.myExports({ limit: PAGE_SIZE, cursor }, signal);
    answered = true;
    return page;
  },
  render: (items) => {
    following?.abort();
    following = new AbortController();
    list.replaceChildren(...items.map(card));
    const none = items.length === 0 && firstPage;
    listBlock.hidden = none;
    empty.hidden = !(none && answered);
    for (const job of items.filter((j) => !isFinished(j))) follow(job, following.signal);
  },
  emptyText: () => '',
});

byId('files-reload', HTMLButtonElement).addEventListener('click', () => void files.reload());

void files.reload();
