// Penilaian, one team member's evaluation in a window: their realisasi and evidence under each IKI, feedback
// per RHK and per BerAKHLAK value, Rating Hasil Kerja and Rating Perilaku Kerja with the predikat the matrix
// gives shown live (and on the 3×3 matrix) before saving, and the note. Read-only once the window is closed
// or a keberatan was filed.

import {
  matriksPredikat,
  predikatFromRatings,
  predikatPegawaiLabels,
  type Rating,
  ratingLabels,
  ratingLevels,
} from '../../../shared/domain/evaluation/predikat.ts';
import { berakhlak } from '../../../shared/domain/perilaku/berakhlak.ts';
import { type Evaluation, kinerjaApi, type Skp } from '../lib/api-kinerja.ts';
import { byId, h } from '../lib/dom.ts';
import { evaluationStatusLabel } from '../lib/labels-kinerja.ts';
import { realisasiReadOnly } from './my-evaluations-realisasi.ts';
import { hasilView, predikatBadge } from './my-evaluations-result.ts';
import {
  busy,
  clearFieldErrors,
  field,
  groupError,
  placeFieldErrors,
  showErrorSummary,
  showSaveError,
  textarea,
} from './my-skp-fields.ts';
import { perilakuView } from './my-skp-view.ts';
import { showError } from './show-error.ts';

const panel = byId('rating', HTMLElement);
const title = byId('rating-title', HTMLElement);
const close = byId('rating-close', HTMLButtonElement);
const status = byId('rating-status', HTMLElement);
const errorBox = byId('rating-error', HTMLElement);
const content = byId('rating-content', HTMLElement);

export interface RatingOptions {
  onSaved: (evaluation: Evaluation) => void;
  onClose: () => void;
}

/** Matrix columns in the order the regulation draws them (behaviour from below to above expectations). */
const perilakuColumns: Rating[] = ['DI_BAWAH', 'SESUAI', 'DI_ATAS'];
const short: Record<Rating, string> = { DI_ATAS: 'Di Atas', SESUAI: 'Sesuai', DI_BAWAH: 'Di Bawah' };

function ratingGroup(
  name: 'ratingHasil' | 'ratingPerilaku',
  legend: string,
  hint: string,
  value: Rating | null,
) {
  const radios = ratingLevels.map((level) =>
    h('input', {
      type: 'radio',
      name,
      value: level,
      id: `f-${name}-${level}`,
      checked: value === level,
      'aria-describedby': `f-${name}-hint f-${name}-error`,
    }),
  );
  const firstId = radios[0]?.id ?? '';
  const error = groupError(`f-${name}-error`, name, firstId);
  for (const radio of radios)
    radio.addEventListener('change', () => {
      error.textContent = '';
    });
  return {
    radios,
    element: h(
      'fieldset',
      { class: 'choice-group rating-group' },
      h('legend', {}, legend, h('span', { class: 'field__required' }, ' (wajib)')),
      h('p', { class: 'field__hint', id: `f-${name}-hint` }, hint),
      ...radios.map((radio) =>
        h(
          'div',
          { class: 'choice' },
          radio,
          h('label', { for: radio.id }, ratingLabels[radio.value as Rating]),
        ),
      ),
      error,
    ),
    value: (): Rating | null => (radios.find((r) => r.checked)?.value as Rating | undefined) ?? null,
  };
}

/** The 3×3 matrix with the cell of the current choice marked (text too, not only colour). */
function matrixTable(): {
  element: HTMLElement;
  mark: (hasil: Rating | null, perilaku: Rating | null) => void;
} {
  const cells = new Map<string, HTMLTableCellElement>();
  const table = h(
    'table',
    { class: 'data-table matrix' },
    h('caption', {}, 'Matriks predikat (baris: rating hasil kerja; kolom: rating perilaku kerja)'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('td', {}),
        ...perilakuColumns.map((p) =>
          h(
            'th',
            { scope: 'col' },
            h('span', { 'aria-hidden': 'true' }, short[p]),
            h('span', { class: 'visually-hidden' }, `Perilaku ${ratingLabels[p]}`),
          ),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...ratingLevels.map((hasil) =>
        h(
          'tr',
          {},
          h(
            'th',
            { scope: 'row' },
            h('span', { 'aria-hidden': 'true' }, short[hasil]),
            h('span', { class: 'visually-hidden' }, `Hasil ${ratingLabels[hasil]}`),
          ),
          ...perilakuColumns.map((perilaku) => {
            // "Kurang/Misconduct" may break after the slash on a phone, never inside a word.
            const [first, ...more] = predikatPegawaiLabels[matriksPredikat[hasil][perilaku]].split('/');
            const cell = h('td', {}, first ?? '', ...more.flatMap((part) => ['/', h('wbr'), part]));
            cells.set(`${hasil}|${perilaku}`, cell);
            return cell;
          }),
        ),
      ),
    ),
  );
  const mark = (hasil: Rating | null, perilaku: Rating | null) => {
    for (const [key, cell] of cells) {
      const chosen = key === `${hasil}|${perilaku}`;
      cell.classList.toggle('matrix__chosen', chosen);
      cell.querySelector('.visually-hidden')?.remove();
      if (chosen) cell.append(h('span', { class: 'visually-hidden' }, ' (pilihan saat ini)'));
    }
  };
  // On a narrow phone the table may still scroll sideways: the region is then reachable by keyboard.
  return {
    element: h(
      'div',
      { class: 'table-wrap matrix-wrap', tabindex: '0', role: 'region', 'aria-label': 'Matriks predikat' },
      table,
    ),
    mark,
  };
}

function ratingForm(evaluation: Evaluation, skp: Skp, onSaved: (e: Evaluation) => void): HTMLFormElement {
  let current = evaluation;
  const rhkFeedback = new Map<string, HTMLTextAreaElement>();
  const perilakuFeedback = new Map<string, HTMLTextAreaElement>();
  const below = (rhk: Skp['rhk'][number], i: number) => {
    const control = textarea({ rows: '3', maxlength: '2000' }, evaluation.umpanBalik.rhk[rhk.id] ?? '');
    rhkFeedback.set(rhk.id, control);
    return h(
      'div',
      { class: 'rating-feedback' },
      field({
        id: `f-ub-rhk-${i}`,
        label: `Umpan balik untuk RHK ${i + 1}`,
        path: `umpanBalik.rhk.${rhk.id}`,
        hint: 'Berdasarkan realisasi dan bukti dukung di atas.',
        control,
      }),
    );
  };
  const belowValue = (kode: string) => {
    const control = textarea({ rows: '2', maxlength: '2000' }, evaluation.umpanBalik.perilaku[kode] ?? '');
    perilakuFeedback.set(kode, control);
    return field({
      id: `f-ub-perilaku-${kode}`,
      label: 'Umpan balik',
      context: ` — ${berakhlak.find((v) => v.kode === kode)?.nama ?? kode}`,
      path: `umpanBalik.perilaku.${kode}`,
      control,
    });
  };
  const hasil = ratingGroup(
    'ratingHasil',
    'Rating hasil kerja',
    'Di Atas: sebagian besar/seluruh hasil melampaui ekspektasi dan tidak ada hasil utama di bawahnya. Bagi kepala unit, rating ini mengikuti capaian kinerja organisasi unitnya bila sudah ditetapkan.',
    evaluation.ratingHasil,
  );
  const perilaku = ratingGroup(
    'ratingPerilaku',
    'Rating perilaku kerja',
    'Penilaian Anda atas ketujuh nilai BerAKHLAK dan ekspektasi khusus yang tercantum di SKP.',
    evaluation.ratingPerilaku,
  );
  const preview = h('div', { class: 'predikat-preview', 'aria-live': 'polite', id: 'predikat-preview' });
  const matrix = matrixTable();
  const showPreview = () => {
    const a = hasil.value();
    const b = perilaku.value();
    matrix.mark(a, b);
    preview.replaceChildren(
      ...(a && b
        ? [
            h('span', { class: 'predikat-preview__term' }, 'Predikat menurut matriks: '),
            predikatBadge(predikatFromRatings(a, b)),
          ]
        : [h('span', { class: 'predikat-preview__term' }, 'Pilih kedua rating untuk melihat predikatnya.')]),
    );
  };
  for (const radio of [...hasil.radios, ...perilaku.radios]) radio.addEventListener('change', showPreview);
  showPreview();
  const catatan = textarea({ rows: '3', maxlength: '2000' }, evaluation.catatan ?? '');
  const alert = h('div', { class: 'alert alert--error', role: 'alert' });
  const saveStatus = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', class: 'button' }, 'Simpan penilaian');
  const section = (id: string, heading: string, ...body: Node[]) =>
    h('section', { class: 'rating__section', 'aria-labelledby': id }, h('h3', { id }, heading), ...body);
  const form = h(
    'form',
    { class: 'rating-form', novalidate: true, 'aria-labelledby': 'rating-title' },
    section(
      'rating-hasil-title',
      'Hasil kerja: realisasi dan umpan balik',
      realisasiReadOnly(skp, evaluation, below),
    ),
    section(
      'rating-perilaku-title',
      'Perilaku kerja: umpan balik per nilai',
      perilakuView(skp, 'h4', belowValue),
    ),
    section(
      'rating-predikat-title',
      'Rating dan predikat',
      h('div', { class: 'rating-groups' }, hasil.element, perilaku.element),
      preview,
      matrix.element,
      field({
        id: 'f-catatan-penilaian',
        label: 'Catatan/rekomendasi',
        path: 'catatan',
        hint: 'Opsional, mis. rekomendasi pengembangan kompetensi.',
        control: catatan,
      }),
    ),
    alert,
    saveStatus,
    h('div', { class: 'button-row' }, save),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(save, async () => {
      clearFieldErrors(form);
      alert.replaceChildren();
      const a = hasil.value();
      const b = perilaku.value();
      const missing = [
        ...(a ? [] : [{ path: 'ratingHasil', message: 'Pilih rating hasil kerja.' }]),
        ...(b ? [] : [{ path: 'ratingPerilaku', message: 'Pilih rating perilaku kerja.' }]),
      ];
      if (!a || !b) {
        const { placed, rest } = placeFieldErrors(form, missing);
        showErrorSummary(
          alert,
          'Penilaian belum dapat disimpan: lengkapi isian yang ditandai.',
          placed,
          rest,
        );
        document.getElementById(placed[0]?.focusId ?? '')?.focus();
        return;
      }
      const texts = (map: Map<string, HTMLTextAreaElement>) =>
        Object.fromEntries(
          [...map].map(([key, control]) => [key, control.value.trim()]).filter(([, v]) => v),
        );
      saveStatus.textContent = 'Menyimpan penilaian…';
      try {
        const saved = await kinerjaApi.savePenilaian(current, {
          version: current.version,
          umpanBalik: { rhk: texts(rhkFeedback), perilaku: texts(perilakuFeedback) },
          ratingHasil: a,
          ratingPerilaku: b,
          catatan: catatan.value.trim() || null,
        });
        current = saved;
        const predikat = saved.predikat ? predikatPegawaiLabels[saved.predikat] : '—';
        saveStatus.textContent = saved.ratingHasilDariOrganisasi
          ? `Penilaian tersimpan. Rating hasil kerja mengikuti capaian kinerja organisasi unit (${saved.ratingHasil ? ratingLabels[saved.ratingHasil] : '—'}); predikat: ${predikat}.`
          : `Penilaian tersimpan. Predikat: ${predikat}.`;
        if (saved.ratingHasil && saved.ratingHasil !== a) {
          const radio = hasil.radios.find((r) => r.value === saved.ratingHasil);
          if (radio) radio.checked = true;
          showPreview();
        }
        onSaved(saved);
      } catch (error) {
        saveStatus.textContent = '';
        showSaveError(form, alert, error);
      }
    });
  });
  return form;
}

let opened = 0;

export function setupRating(options: RatingOptions) {
  close.addEventListener('click', () => {
    panel.hidden = true;
    options.onClose();
  });
  return {
    open: async (evaluation: Evaluation, editable: boolean, why: string | null) => {
      const ticket = ++opened;
      title.textContent = `Penilaian ${evaluation.header.pegawai.nama} — ${evaluation.windowNama}`;
      content.replaceChildren();
      errorBox.replaceChildren();
      status.textContent = 'Memuat SKP dan realisasi…';
      panel.hidden = false;
      title.focus();
      try {
        const skp = await kinerjaApi.skp(evaluation.employeeId, evaluation.skpId);
        if (ticket !== opened) return;
        status.textContent = '';
        const head = h(
          'p',
          { class: 'rating__state' },
          `Status: ${evaluationStatusLabel[evaluation.status]}.`,
          evaluation.predikat ? ' Predikat tersimpan: ' : '',
          evaluation.predikat ? predikatBadge(evaluation.predikat) : '',
        );
        if (editable) {
          content.replaceChildren(head, ratingForm(evaluation, skp, options.onSaved));
        } else {
          content.replaceChildren(
            head,
            ...(why ? [h('p', { class: 'notice' }, why)] : []),
            realisasiReadOnly(skp, evaluation),
            ...(evaluation.status === 'DINILAI' ? hasilView(evaluation) : []),
          );
        }
      } catch (error) {
        if (ticket !== opened) return;
        status.textContent = '';
        showError(errorBox, error);
      }
    },
  };
}
