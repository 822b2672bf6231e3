// Penilaian, one submitted SKP: the plan read-only (what each RHK supports, named from the employee's own
// choices), then the decision — approve, or return with a note that is required beside its field.

import { ApiError } from '../lib/api.ts';
import { kinerjaApi, type Skp } from '../lib/api-kinerja.ts';
import { byId } from '../lib/dom.ts';
import { busy, clearFieldErrors, setFieldError, showSaveError } from './my-skp-fields.ts';
import { skpSummary, skpView } from './my-skp-view.ts';
import { showError } from './show-error.ts';

const panel = byId('review', HTMLElement);
const title = byId('review-title', HTMLElement);
const close = byId('review-close', HTMLButtonElement);
const status = byId('review-status', HTMLElement);
const errorBox = byId('review-error', HTMLElement);
const summary = byId('review-summary', HTMLElement);
const content = byId('review-content', HTMLElement);
const form = byId('decision-form', HTMLFormElement);
const catatan = byId('catatan', HTMLTextAreaElement);
const decisionError = byId('decision-error', HTMLElement);
const decisionStatus = byId('decision-status', HTMLElement);
const approve = byId('approve', HTMLButtonElement);
const giveBack = byId('return', HTMLButtonElement);

export interface ReviewOptions {
  /** After a decision went through (or the plan turned out to be decided already). */
  onDecided: (skp: Skp, words: string) => void;
  /** Where focus goes when the panel is closed. */
  onClose: () => void;
}

let shown: Skp | null = null;
let opened = 0;

export function setupReview(options: ReviewOptions): {
  open: (skp: Skp, periodeNama: string | null) => void;
} {
  close.addEventListener('click', () => {
    panel.hidden = true;
    shown = null;
    options.onClose();
  });
  catatan.addEventListener('input', () => {
    if (catatan.value.trim()) setFieldError(catatan, '');
  });

  const decide = (button: HTMLButtonElement, action: 'setujui' | 'kembalikan') =>
    void busy(button, async () => {
      const skp = shown;
      if (!skp) return;
      clearFieldErrors(form);
      decisionError.replaceChildren();
      const note = catatan.value.trim();
      if (action === 'kembalikan' && !note) {
        setFieldError(catatan, 'Catatan pengembalian wajib diisi: tuliskan apa yang perlu diperbaiki.');
        catatan.focus();
        return;
      }
      decisionStatus.textContent = action === 'setujui' ? 'Menyimpan persetujuan…' : 'Mengembalikan SKP…';
      try {
        const decided = await kinerjaApi.transition(skp, action, action === 'kembalikan' ? note : undefined);
        decisionStatus.textContent = '';
        panel.hidden = true;
        shown = null;
        const nama = skp.header.pegawai.nama;
        options.onDecided(
          decided,
          action === 'setujui'
            ? `SKP ${nama} disetujui dan kini berlaku. Pegawai menerima pemberitahuan lewat surel.`
            : `SKP ${nama} dikembalikan dengan catatan Anda. Pegawai menerima pemberitahuan lewat surel.`,
        );
      } catch (error) {
        decisionStatus.textContent = '';
        showSaveError(form, decisionError, error);
        if (error instanceof ApiError && error.code === 'skp.invalid_transition') {
          decisionError.append(
            document.createTextNode(
              'SKP ini mungkin sudah diputuskan atau ditarik pegawai; muat ulang daftar.',
            ),
          );
        }
      }
    });
  approve.addEventListener('click', () => decide(approve, 'setujui'));
  giveBack.addEventListener('click', () => decide(giveBack, 'kembalikan'));
  form.addEventListener('submit', (event) => event.preventDefault());

  const open = (skp: Skp, periodeNama: string | null) => {
    const ticket = ++opened;
    shown = skp;
    title.textContent = `SKP ${skp.header.pegawai.nama}`;
    catatan.value = '';
    clearFieldErrors(form);
    decisionError.replaceChildren();
    decisionStatus.textContent = '';
    errorBox.replaceChildren();
    summary.replaceChildren(skpSummary(skp, periodeNama, { pegawai: true }));
    content.replaceChildren();
    form.hidden = skp.status !== 'DIAJUKAN';
    panel.hidden = false;
    title.focus();
    status.textContent = 'Memuat rujukan intervensi…';
    // What each RHK supports is named from the employee's own choices (the penilai's RHK and KR).
    kinerjaApi
      .intervensiTargets(skp.employeeId, skp.periodId)
      .then((found) => new Map(found.targets.map((t) => [t.id, t])))
      .catch((error: unknown) => {
        if (ticket === opened) showError(errorBox, error);
        return new Map();
      })
      .then((targets) => {
        if (ticket !== opened) return;
        status.textContent = '';
        content.replaceChildren(...skpView(skp, { targets, heading: 'h3', idPrefix: 'review' }));
      });
  };
  return { open };
}
