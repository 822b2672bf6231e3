// The export panel of /laporan/: dataset, format, window (Evaluasi needs one, e-Kinerja may take one) and unit
// → POST /api/exports for the period chosen above, then the job's progress and its download link
// (lib/export-job.ts). The API's field errors (problem+json `errors[].path`) show beside their fields.

import { type ExportInput, reportsApi } from '../lib/api-reports.ts';
import { byId, h } from '../lib/dom.ts';
import { followJob, jobView } from '../lib/export-job.ts';
import { datasetLabels } from '../lib/labels-reports.ts';
import { busy, clearFieldErrors, type Field, field, isBusy, setFieldError, showProblem } from './hr-form.ts';

type Dataset = ExportInput['dataset'];

const datasets: Dataset[] = ['PEGAWAI', 'SKP', 'EVALUASI', 'EKINERJA'];

const hints: Record<Dataset, string> = {
  PEGAWAI: 'Semua pegawai dengan status, golongan, unit dan jabatannya (tidak bergantung periode).',
  SKP: 'SKP setiap pegawai pada periode terpilih: revisi, status, masa berlaku dan pejabat penilainya.',
  EVALUASI: 'Evaluasi satu jendela: status, rating hasil dan perilaku kerja, serta predikat.',
  EKINERJA: 'Berkas unggahan e-Kinerja BKN; semua jendela yang sudah dibuka bila jendela tidak dipilih.',
};

const form = byId('export-form', HTMLFormElement);
const submit = byId('export-submit', HTMLButtonElement);
const datasetSelect = byId('export-dataset', HTMLSelectElement);
const datasetHint = byId('export-dataset-hint', HTMLElement);
const windowField = byId('export-window-field', HTMLElement);
const windowSelect = byId('export-window', HTMLSelectElement);
const unitSelect = byId('export-unit', HTMLSelectElement);
const errorBox = byId('export-error', HTMLElement);
const view = jobView('export-job');
byId('export-job-host', HTMLElement).replaceChildren(view.element);

const fields: Record<'dataset' | 'format' | 'windowKey' | 'unitId', Field> = {
  dataset: field('export-dataset'),
  format: {
    control: byId('export-format-xlsx', HTMLInputElement),
    error: byId('export-format-error', HTMLElement),
  },
  windowKey: field('export-window'),
  unitId: field('export-unit'),
};

let windows: { key: string; nama: string }[] = [];
let periodOf: () => string = () => '';

datasetSelect.replaceChildren(...datasets.map((d) => h('option', { value: d }, datasetLabels[d])));

const dataset = () => datasetSelect.value as Dataset;

function fillWindows(): void {
  const wanted = windowSelect.value;
  const all = dataset() === 'EKINERJA' ? [h('option', { value: '' }, 'Semua jendela')] : [];
  windowSelect.replaceChildren(...all, ...windows.map((w) => h('option', { value: w.key }, w.nama)));
  if ([...windowSelect.options].some((o) => o.value === wanted)) windowSelect.value = wanted;
}

function onDataset(): void {
  datasetHint.textContent = hints[dataset()];
  windowField.hidden = dataset() === 'PEGAWAI' || dataset() === 'SKP';
  fillWindows();
}

datasetSelect.addEventListener('change', onDataset);

/** The period's evaluation windows; `chosen` (the page's window) is preselected. */
export function setExportWindows(list: { key: string; nama: string }[], chosen: string): void {
  windows = list;
  windowSelect.value = '';
  fillWindows();
  if (list.some((w) => w.key === chosen) && dataset() !== 'EKINERJA') windowSelect.value = chosen;
}

/** The units one may export: `all` adds "Seluruh unit" (admins of the whole ministry). */
export function setExportUnits(options: HTMLOptionElement[], all: boolean, chosen: string): void {
  unitSelect.replaceChildren(...(all ? [h('option', { value: '' }, 'Seluruh unit')] : []), ...options);
  if ([...unitSelect.options].some((o) => o.value === chosen)) unitSelect.value = chosen;
}

function input(): ExportInput {
  const format = form.querySelector<HTMLInputElement>('input[name="format"]:checked')?.value;
  const chosen: ExportInput = { dataset: dataset(), format: format === 'CSV' ? 'CSV' : 'XLSX' };
  if (dataset() !== 'PEGAWAI') chosen.periodId = periodOf();
  if (!windowField.hidden && windowSelect.value) chosen.windowKey = windowSelect.value;
  if (unitSelect.value) chosen.unitId = unitSelect.value;
  return chosen;
}

const fieldOf = (path: string): Field | undefined =>
  path in fields ? fields[path as keyof typeof fields] : undefined;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (isBusy(submit)) return;
  clearFieldErrors(Object.values(fields), errorBox);
  const chosen = input();
  if (chosen.dataset === 'EVALUASI' && !chosen.windowKey) {
    setFieldError(
      fields.windowKey,
      'Pilih jendela evaluasi; periode ini belum memiliki jendela yang dapat dipilih.',
    );
    fields.windowKey.control.focus();
    return;
  }
  const done = busy(form, submit);
  view.clear();
  try {
    const job = await reportsApi.requestExport(chosen).catch((error: unknown) => {
      showProblem(error, fieldOf, errorBox);
      return null;
    });
    if (job) await followJob(job, view);
  } finally {
    done();
  }
});

/** Wires the panel to the page's period choice. */
export function setupExportForm(periodId: () => string): void {
  periodOf = periodId;
  onDataset();
}
