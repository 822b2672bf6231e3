// Export and document jobs as every page shows them: ask for one (POST), follow it once a second (GET) with a
// <progress> and a status line that announces only changes of state, then offer the file as a plain link
// (`download`: locally the API answers with the bytes, in AWS with a redirect to a short-lived S3 link).

import { EXPORT_KEEP_DAYS } from '../../../shared/domain/report/exports.ts';
import { ApiError, describeError, isAbort } from './api.ts';
import { type ExportJob, exportFileHref, reportsApi } from './api-reports.ts';
import { h } from './dom.ts';
import { formatNumber } from './format.ts';
import { formatSize, jobStatusLabel } from './labels-reports.ts';

const POLL_MS = 1000;
const RETRY_POLL_MS = 5000;
/** Failed polls in a row (network, 5xx) before the page gives up following the job. */
const MAX_POLL_FAILURES = 5;

export const isFinished = (job: ExportJob): boolean => job.status === 'SELESAI' || job.status === 'GAGAL';

export const isExpired = (job: ExportJob, now = new Date()): boolean => new Date(job.expiresAt) <= now;

/**
 * When the job was asked for. The API's job lacks `createdAt` today (its reader drops it as a storage
 * attribute), so it is taken back from `expiresAt`, which is set from the same instant plus the keeping days.
 */
export const requestedAt = (job: ExportJob): string =>
  job.createdAt || new Date(Date.parse(job.expiresAt) - EXPORT_KEEP_DAYS * 86_400_000).toISOString();

/** "Unduh <file> (11,4 KB)": the download of a finished job. */
export function downloadLink(job: ExportJob): HTMLAnchorElement {
  const name = job.fileName ?? 'berkas';
  return h(
    'a',
    { class: 'job__download', href: exportFileHref(job.id), download: name },
    'Unduh ',
    h('span', { class: 'job__file' }, name),
    job.size === null ? null : ` (${formatSize(job.size)})`,
  );
}

/** "12 dari 66 baris" while a table is written; documents have no count until they are done. */
export function progressText(job: ExportJob): string {
  const { selesai, total } = job.progress;
  if (total <= 0 || job.dataset === 'DOKUMEN') return '';
  return `${formatNumber(selesai)} dari ${formatNumber(total)} baris`;
}

/** Sets a <progress>: indeterminate (no value) until the job knows how much there is to do. */
export function setProgress(meter: HTMLProgressElement, job: ExportJob): void {
  const { selesai, total } = job.progress;
  if (job.status === 'SELESAI') {
    meter.max = 1;
    meter.value = 1;
  } else if (job.status === 'BERJALAN' && total > 0) {
    meter.max = total;
    meter.value = Math.min(selesai, total);
  } else {
    meter.removeAttribute('value');
  }
}

const stateText = (job: ExportJob): string => {
  switch (job.status) {
    case 'MENUNGGU':
      return job.error
        ? `${jobStatusLabel.MENUNGGU}: percobaan sebelumnya gagal, dicoba lagi otomatis.`
        : `${jobStatusLabel.MENUNGGU}…`;
    case 'BERJALAN':
      return `${jobStatusLabel.BERJALAN}…`;
    case 'SELESAI':
      return 'Berkas siap diunduh.';
    case 'GAGAL':
      return 'Berkas gagal dibuat.';
  }
};

export interface JobView {
  /** The block to place on the page; hidden until a job starts. */
  element: HTMLElement;
  show(job: ExportJob): void;
  /** A failure of the request or of following the job. */
  fail(error: unknown): void;
  clear(): void;
}

/** The progress block of one job; `id` prefixes its element ids (unique on the page). */
export function jobView(id: string): JobView {
  const title = h('p', { class: 'job__title', id: `${id}-title` });
  const meter = h('progress', { id: `${id}-progress`, 'aria-labelledby': `${id}-title` });
  const count = h('span', { class: 'job__count', id: `${id}-count` });
  const state = h('p', { class: 'job__state', id: `${id}-state`, role: 'status', 'aria-live': 'polite' });
  const alert = h('div', { class: 'alert alert--error', id: `${id}-error`, role: 'alert' });
  const result = h('p', { class: 'job__result', id: `${id}-result` });
  const meterRow = h('div', { class: 'job__meter' }, meter, count);
  const element = h('div', { class: 'job', id, hidden: true }, title, meterRow, state, alert, result);
  let lastStatus = '';
  const setState = (text: string) => {
    if (state.textContent !== text) state.textContent = text;
  };
  return {
    element,
    show(job) {
      element.hidden = false;
      title.textContent = job.judul;
      meterRow.hidden = false;
      setProgress(meter, job);
      count.textContent = progressText(job);
      // Announce a change of state, not every tick of the count.
      if (job.status !== lastStatus || job.status === 'MENUNGGU') setState(stateText(job));
      lastStatus = job.status;
      if (job.status === 'GAGAL') alert.replaceChildren(h('p', {}, job.error ?? 'Alasan tidak diketahui.'));
      else alert.replaceChildren();
      if (job.status === 'SELESAI') result.replaceChildren(downloadLink(job));
      else result.replaceChildren();
    },
    fail(error) {
      element.hidden = false;
      meterRow.hidden = true;
      setState('');
      lastStatus = '';
      alert.replaceChildren(h('p', {}, describeError(error).detail));
      result.replaceChildren();
    },
    clear() {
      element.hidden = true;
      lastStatus = '';
      title.textContent = '';
      setState('');
      alert.replaceChildren();
      result.replaceChildren();
    },
  };
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

const transient = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;

/**
 * Follows a job once a second until it is SELESAI or GAGAL; stops early when `signal` aborts or the view has
 * left the page. Resolves with the last state seen.
 */
export async function followJob(job: ExportJob, view: JobView, signal?: AbortSignal): Promise<ExportJob> {
  let current = job;
  let failures = 0;
  view.show(current);
  while (!isFinished(current)) {
    // A failed attempt waits minutes for its retry: no need to ask every second meanwhile.
    await wait(current.status === 'MENUNGGU' && current.error ? RETRY_POLL_MS : POLL_MS);
    if (signal?.aborted || !view.element.isConnected) return current;
    try {
      current = await reportsApi.exportJob(current.id, signal);
      failures = 0;
      view.show(current);
    } catch (error) {
      if (isAbort(error)) return current;
      failures += 1;
      if (!transient(error) || failures >= MAX_POLL_FAILURES) {
        view.fail(error);
        return current;
      }
    }
  }
  return current;
}

/** Asks for a job and follows it; null when the request itself was refused (the view says why). */
export async function runJob(
  view: JobView,
  start: () => Promise<ExportJob>,
  signal?: AbortSignal,
): Promise<ExportJob | null> {
  view.clear();
  let job: ExportJob;
  try {
    job = await start();
  } catch (error) {
    if (isAbort(error)) return null;
    view.fail(error);
    return null;
  }
  return followJob(job, view, signal);
}

export interface PrintAction {
  button: HTMLButtonElement;
  view: JobView;
}

/**
 * A "Cetak PDF" button with its progress block: one job at a time (the button is aria-disabled meanwhile,
 * so focus stays on it). `hiddenLabel` completes the button's name for screen readers where several appear.
 */
export function printAction(options: {
  id: string;
  label: string;
  hiddenLabel?: string;
  request: () => Promise<ExportJob>;
  /** The button's classes; a small secondary button by default. */
  className?: string;
}): PrintAction {
  const button = h(
    'button',
    {
      type: 'button',
      class: options.className ?? 'button button--secondary button--small',
      id: `${options.id}-button`,
    },
    options.label,
    options.hiddenLabel ? h('span', { class: 'visually-hidden' }, ` ${options.hiddenLabel}`) : null,
  );
  const view = jobView(options.id);
  button.addEventListener('click', async () => {
    if (button.getAttribute('aria-disabled') === 'true') return;
    button.setAttribute('aria-disabled', 'true');
    try {
      await runJob(view, options.request);
    } finally {
      button.setAttribute('aria-disabled', 'false');
    }
  });
  return { button, view };
}
