// Penilaian, continuous feedback to one team member: about one RHK of their plan or in general, any time
// of the year; with what was written before, newest first.

import { type Feedback, kinerjaApi, type TeamMember } from '../lib/api-kinerja.ts';
import { byId, h } from '../lib/dom.ts';
import { formatWib } from '../lib/format.ts';
import { busy, clearFieldErrors, setFieldError, showSaveError } from './my-skp-fields.ts';
import { showError } from './show-error.ts';

const panel = byId('feedback-panel', HTMLElement);
const title = byId('feedback-title', HTMLElement);
const close = byId('feedback-close', HTMLButtonElement);
const form = byId('feedback-form', HTMLFormElement);
const about = byId('feedback-rhk', HTMLSelectElement);
const text = byId('feedback-text', HTMLTextAreaElement);
const errorBox = byId('feedback-error', HTMLElement);
const status = byId('feedback-status', HTMLElement);
const send = byId('feedback-send', HTMLButtonElement);
const historyStatus = byId('feedback-history-status', HTMLElement);
const historyError = byId('feedback-history-error', HTMLElement);
const list = byId('feedback-list', HTMLUListElement);

let member: TeamMember | null = null;
let items: Feedback[] = [];
let opened = 0;

function renderList(): void {
  const rhk = new Map((member?.skp?.rhk ?? []).map((r, i) => [r.id, `RHK ${i + 1}: ${r.deskripsi}`]));
  const sorted = [...items].sort((a, b) => b.at.localeCompare(a.at));
  list.replaceChildren(
    ...sorted.map((f) =>
      h(
        'li',
        { class: 'feedback-item' },
        h('p', { class: 'feedback-item__meta' }, formatWib(f.at)),
        h(
          'p',
          { class: 'feedback-item__about' },
          f.rhkId ? (rhk.get(f.rhkId) ?? 'RHK yang tidak lagi ada di SKP') : 'Umum',
        ),
        h('p', { class: 'pre-wrap' }, f.umpanBalik),
      ),
    ),
  );
  historyStatus.textContent = items.length === 0 ? 'Belum ada umpan balik untuk pegawai ini.' : '';
}

export function setupFeedback(options: { onClose: () => void }) {
  close.addEventListener('click', () => {
    panel.hidden = true;
    member = null;
    options.onClose();
  });
  text.addEventListener('input', () => {
    if (text.value.trim()) setFieldError(text, '');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = member;
    if (!target) return;
    void busy(send, async () => {
      clearFieldErrors(form);
      errorBox.replaceChildren();
      const body = text.value.trim();
      if (!body) {
        setFieldError(text, 'Tuliskan umpan baliknya.');
        text.focus();
        return;
      }
      status.textContent = 'Mengirim umpan balik…';
      try {
        const saved = await kinerjaApi.addFeedback(target.employee.id, about.value || null, body);
        items = [saved, ...items];
        renderList();
        text.value = '';
        status.textContent = `Umpan balik untuk ${target.employee.nama} tersimpan.`;
      } catch (error) {
        status.textContent = '';
        showSaveError(form, errorBox, error);
      }
    });
  });

  return {
    open: async (chosen: TeamMember) => {
      const ticket = ++opened;
      member = chosen;
      items = [];
      title.textContent = `Umpan balik berkelanjutan untuk ${chosen.employee.nama}`;
      about.replaceChildren(
        h('option', { value: '' }, 'Umum (tidak untuk satu RHK)'),
        ...(chosen.skp?.rhk ?? []).map((r, i) =>
          h('option', { value: r.id }, `RHK ${i + 1}: ${r.deskripsi}`),
        ),
      );
      text.value = '';
      clearFieldErrors(form);
      errorBox.replaceChildren();
      status.textContent = '';
      list.replaceChildren();
      historyError.replaceChildren();
      historyStatus.textContent = 'Memuat umpan balik sebelumnya…';
      panel.hidden = false;
      title.focus();
      try {
        const found = await kinerjaApi.feedback(chosen.employee.id);
        if (ticket !== opened) return;
        items = found.items;
        renderList();
      } catch (error) {
        if (ticket !== opened) return;
        historyStatus.textContent = '';
        showError(historyError, error);
      }
    },
  };
}
