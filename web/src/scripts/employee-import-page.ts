// Pegawai, CSV import (HR admins of scope ALL): a file is previewed first (POST /api/employees/import?dryRun=true:
// every row's problems, nothing written); only a clean preview offers "Terapkan impor" (dryRun=false: all
// rows or none). The list below reloads after an import (the `piawai:employees-changed` event).

import { ApiError } from '../lib/api.ts';
import { hrApi, ImportRejected, type ImportResult } from '../lib/api-hr.ts';
import { byId, h } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';
import { EMPTY } from '../lib/labels.ts';
import { importFieldLabel } from '../lib/labels-hr.ts';
import { currentPerson } from '../lib/session.ts';
import { field, setFieldError, showProblem } from './hr-form.ts';

/** MAX_IMPORT_BYTES of the API (2 MiB): a bigger file is refused before it is sent. */
const MAX_BYTES = 2 * 1024 * 1024;

/** Heard by scripts/employee-list-page.ts, which then reloads the list. */
const EMPLOYEES_CHANGED = 'piawai:employees-changed';

const panel = byId('import-panel', HTMLDetailsElement);
const form = byId('import-form', HTMLFormElement);
const file = field('import-file');
const input = file.control as HTMLInputElement;
const previewButton = byId('import-preview', HTMLButtonElement);
const applyButton = byId('import-apply', HTMLButtonElement);
const progress = byId('import-progress', HTMLElement);
const progressLabel = byId('import-progress-label', HTMLElement);
const status = byId('import-status', HTMLElement);
const errorBox = byId('import-error', HTMLElement);
const result = byId('import-result', HTMLElement);
const summary = byId('import-summary', HTMLElement);
const problemsWrap = byId('import-problems-wrap', HTMLElement);
const problemsBody = byId('import-problems-body', HTMLTableSectionElement);
// Nothing focusable inside, and it scrolls sideways on a phone: a keyboard must be able to reach it.
problemsWrap.tabIndex = 0;

/** The text of the file previewed, applied as it was seen (a file changed since is previewed again). */
let previewed: { name: string; text: string } | null = null;
let running = false;

function reset(): void {
  previewed = null;
  result.hidden = true;
  applyButton.hidden = true;
  problemsBody.replaceChildren();
  status.textContent = '';
  errorBox.replaceChildren();
  setFieldError(file, '');
}

function problemRows(outcome: ImportResult): HTMLTableRowElement[] {
  return outcome.rows.flatMap((row) =>
    row.errors.map((problem, i) =>
      h(
        'tr',
        {},
        h(
          'th',
          { scope: 'row', class: 'nowrap' },
          i === 0 ? `Baris ${row.row}` : h('span', { class: 'visually-hidden' }, `Baris ${row.row}`),
        ),
        h('td', { class: row.nip ? 'nowrap mono' : 'nowrap' }, row.nip ?? EMPTY),
        h('td', {}, row.nama ?? EMPTY),
        h('td', { class: 'nowrap' }, importFieldLabel(problem.field)),
        h('td', {}, problem.message),
      ),
    ),
  );
}

function showResult(outcome: ImportResult): void {
  const bad = outcome.total - outcome.valid;
  problemsBody.replaceChildren(...problemRows(outcome));
  problemsWrap.hidden = bad === 0;
  if (outcome.applied) {
    summary.textContent = `Impor selesai: ${formatNumber(outcome.valid)} pegawai ditambahkan.`;
    applyButton.hidden = true;
  } else if (bad === 0) {
    summary.textContent = `Pratinjau: ${formatNumber(outcome.total)} baris, semuanya valid. Tekan “Terapkan impor” untuk menyimpan.`;
    applyButton.hidden = false;
  } else {
    summary.textContent = `${outcome.dryRun ? 'Pratinjau' : 'Impor dibatalkan'}: ${formatNumber(outcome.total)} baris, ${formatNumber(bad)} bermasalah. Perbaiki berkasnya lalu pratinjau lagi; tidak ada yang disimpan.`;
    applyButton.hidden = true;
  }
  summary.classList.toggle('import__summary--bad', bad > 0);
  summary.classList.toggle('import__summary--done', outcome.applied);
  result.hidden = false;
  summary.focus();
}

async function run(dryRun: boolean, text: string): Promise<void> {
  running = true;
  form.setAttribute('aria-busy', 'true');
  previewButton.setAttribute('aria-disabled', 'true');
  applyButton.setAttribute('aria-disabled', 'true');
  progressLabel.textContent = dryRun ? 'Memeriksa berkas…' : 'Menyimpan pegawai…';
  progress.hidden = false;
  errorBox.replaceChildren();
  status.textContent = '';
  try {
    const outcome = await hrApi.importEmployees(text, dryRun);
    showResult(outcome);
    if (outcome.applied) {
      previewed = null;
      form.reset();
      document.dispatchEvent(new CustomEvent(EMPLOYEES_CHANGED));
    }
  } catch (error) {
    if (error instanceof ImportRejected) {
      // Rows went bad between the preview and the import (e.g. someone took a NIP): the API says which.
      showResult(error.result);
      errorBox.replaceChildren(h('p', {}, error.message));
    } else {
      result.hidden = true;
      // A wrong header or an unreadable file is about the file: beside the field, as the API words it.
      const aboutFile = error instanceof ApiError && (error.status === 400 || error.status === 413);
      showProblem(error, (path) => (aboutFile || path === 'header' ? file : undefined), errorBox);
      if (aboutFile) setFieldError(file, [error.message, ...error.errors.map((e) => e.message)].join(' '));
    }
  } finally {
    running = false;
    progress.hidden = true;
    form.setAttribute('aria-busy', 'false');
    previewButton.setAttribute('aria-disabled', 'false');
    applyButton.setAttribute('aria-disabled', 'false');
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (running) return;
  reset();
  const chosen = input.files?.[0];
  if (!chosen) {
    setFieldError(file, 'Pilih berkas CSV lebih dulu.');
    input.focus();
    return;
  }
  if (chosen.size > MAX_BYTES) {
    setFieldError(file, 'Berkas lebih dari 2 MB; bagi menjadi beberapa berkas.');
    input.focus();
    return;
  }
  const text = await chosen.text();
  if (!text.trim()) {
    setFieldError(file, 'Berkas ini kosong.');
    input.focus();
    return;
  }
  previewed = { name: chosen.name, text };
  await run(true, text);
});

applyButton.addEventListener('click', () => {
  if (running || !previewed || applyButton.getAttribute('aria-disabled') === 'true') return;
  void run(false, previewed.text);
});

// Choosing another file makes the preview on screen stale.
input.addEventListener('change', reset);

/** Only an HR admin of the whole ministry may import (the API's adminAll); others never see the panel. */
async function start(): Promise<void> {
  const person = await currentPerson().catch(() => null);
  panel.hidden = person?.adminScope !== 'ALL';
}

void start();
