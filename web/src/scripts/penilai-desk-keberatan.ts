// Penilaian, as atasan pejabat penilai: the objections waiting for my decision in the chosen period. I hear
// the penilai and the employee (their clarifications are recorded), then keep or change the predikat; final.

import { predikatPegawai, predikatPegawaiLabels } from '../../../shared/domain/evaluation/predikat.ts';
import { type Evaluation, kinerjaApi } from '../lib/api-kinerja.ts';
import { byId, h } from '../lib/dom.ts';
import { formatWib } from '../lib/format.ts';
import {
  busy,
  clearFieldErrors,
  field,
  select,
  setFieldError,
  showSaveError,
  textarea,
} from './my-skp-fields.ts';
import { showError } from './show-error.ts';

const list = byId('keberatan-list', HTMLUListElement);
const listStatus = byId('keberatan-status', HTMLElement);
const listError = byId('keberatan-error', HTMLElement);

let loading: AbortController | null = null;

function decisionForm(e: Evaluation, onDone: () => void): HTMLFormElement {
  const key = `${e.employeeId}-${e.windowKey}`.replace(/[^A-Za-z0-9-]/g, '');
  const penilai = textarea({ name: 'klarifikasiPenilai', rows: '3', maxlength: '4000' });
  const pegawai = textarea({ name: 'klarifikasiPegawai', rows: '3', maxlength: '4000' });
  const keputusan = select(
    [
      { value: 'TETAP', label: 'Tetap: predikat tidak diubah' },
      { value: 'UBAH', label: 'Ubah predikat' },
    ],
    'TETAP',
    { name: 'keputusan' },
  );
  const baru = select(
    [
      { value: '', label: 'Pilih predikat baru' },
      ...predikatPegawai.map((p) => ({ value: p, label: predikatPegawaiLabels[p] })),
    ],
    '',
    { name: 'predikatBaru' },
  );
  const catatan = textarea({ name: 'catatan', rows: '3', maxlength: '4000' });
  const box = h('div', { class: 'alert alert--error', role: 'alert' });
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button' }, 'Simpan keputusan (final)');
  const baruField = field({
    id: `kb-baru-${key}`,
    label: 'Predikat baru',
    path: 'predikatBaru',
    control: baru,
  });
  baruField.hidden = true;
  keputusan.addEventListener('change', () => {
    baruField.hidden = keputusan.value !== 'UBAH';
  });
  const form = h(
    'form',
    { class: 'decision-form', novalidate: true },
    field({
      id: `kb-penilai-${key}`,
      label: 'Klarifikasi pejabat penilai',
      path: 'klarifikasiPenilai',
      required: true,
      control: penilai,
    }),
    field({
      id: `kb-pegawai-${key}`,
      label: 'Klarifikasi pegawai',
      path: 'klarifikasiPegawai',
      required: true,
      control: pegawai,
    }),
    field({ id: `kb-keputusan-${key}`, label: 'Keputusan', path: 'keputusan', control: keputusan }),
    baruField,
    field({
      id: `kb-catatan-${key}`,
      label: 'Alasan keputusan',
      path: 'catatan',
      required: true,
      control: catatan,
    }),
    box,
    status,
    h('p', {}, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(submit, async () => {
      clearFieldErrors(form);
      box.replaceChildren();
      const missing: HTMLElement[] = [penilai, pegawai, catatan].filter((c) => !c.value.trim());
      for (const control of [penilai, pegawai, catatan])
        if (!control.value.trim()) setFieldError(control, 'Wajib diisi.');
      if (keputusan.value === 'UBAH' && !baru.value) {
        setFieldError(baru, 'Pilih predikat baru.');
        missing.push(baru);
      }
      if (missing.length > 0) {
        missing[0]?.focus();
        return;
      }
      status.textContent = 'Menyimpan keputusan…';
      try {
        const decided = await kinerjaApi.decideKeberatan(e, {
          version: e.version,
          klarifikasiPenilai: penilai.value.trim(),
          klarifikasiPegawai: pegawai.value.trim(),
          keputusan: keputusan.value === 'UBAH' ? 'UBAH' : 'TETAP',
          predikatBaru: keputusan.value === 'UBAH' ? (baru.value as Evaluation['predikat']) : null,
          catatan: catatan.value.trim(),
        });
        const shown = decided.keberatan?.predikatBaru ?? decided.predikat;
        listStatus.textContent = `Keputusan atas keberatan ${e.header.pegawai.nama} tersimpan: ${shown ? predikatPegawaiLabels[shown] : '-'}.`;
        onDone();
      } catch (error) {
        status.textContent = '';
        showSaveError(form, box, error);
      }
    });
  });
  return form;
}

function render(items: Evaluation[], reload: () => void): void {
  list.replaceChildren(
    ...items.map((e) =>
      h(
        'li',
        { class: 'card' },
        h('h3', { class: 'card__title' }, `${e.header.pegawai.nama} — ${e.windowNama}`),
        h(
          'p',
          {},
          `Predikat: ${e.predikat ? predikatPegawaiLabels[e.predikat] : '-'} · diajukan ${formatWib(e.keberatan?.diajukanPada ?? '')}`,
        ),
        h('p', { class: 'pre-wrap' }, `Alasan: ${e.keberatan?.alasan ?? ''}`),
        decisionForm(e, reload),
      ),
    ),
  );
}

/** Loads the objections waiting for the signed-in atasan in a period (none: an empty-state line). */
export async function loadKeberatan(periodId: string): Promise<void> {
  loading?.abort();
  const current = new AbortController();
  loading = current;
  listError.replaceChildren();
  listStatus.textContent = 'Memuat keberatan…';
  try {
    const found = await kinerjaApi.keberatanQueue(periodId, current.signal);
    if (current.signal.aborted) return;
    render(found.items, () => void loadKeberatan(periodId));
    listStatus.textContent =
      found.items.length === 0 ? 'Tidak ada keberatan yang menunggu keputusan Anda.' : '';
  } catch (error) {
    if (current.signal.aborted) return;
    listStatus.textContent = '';
    showError(listError, error);
  }
}
