// Persetujuan SKP: reads the link's token from the fragment (#t=…), removes it from the address bar and keeps it
// in memory, shows the SKP (GET, changes nothing), and records the decision only when the confirm button is
// pressed (POST). Nothing here submits on its own: mail scanners that open the link and run it decide nothing.

import { ApiError, type ApprovalAction, type ApprovalPreview, api, describeError } from '../lib/api.ts';
import { byId, h } from '../lib/dom.ts';
import { formatWib } from '../lib/format.ts';
import { aspekLabel, EMPTY, perspektifLabel, rhkJenisLabel } from '../lib/labels.ts';

type Rhk = ApprovalPreview['skp']['rhk'][number];
type Iki = Rhk['iki'][number];

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const status = byId('approval-status', HTMLElement);
const refusal = byId('approval-refusal', HTMLElement);
const refusalTitle = byId('refusal-title', HTMLElement);
const refusalDetail = byId('refusal-detail', HTMLElement);
const refusalRetry = byId('refusal-retry', HTMLButtonElement);
const done = byId('approval-done', HTMLElement);
const doneDetail = byId('done-detail', HTMLElement);
const preview = byId('approval-preview', HTMLElement);
const ask = byId('preview-ask', HTMLElement);
const summaryList = byId('summary-list', HTMLElement);
const rhkList = byId('rhk-list', HTMLOListElement);
const form = byId('decision-form', HTMLFormElement);
const decisionTitle = byId('decision-title', HTMLElement);
const decisionExplain = byId('decision-explain', HTMLElement);
const catatanField = byId('catatan-field', HTMLElement);
const catatan = byId('catatan', HTMLTextAreaElement);
const catatanError = byId('catatan-error', HTMLElement);
const decisionError = byId('decision-error', HTMLElement);
const decisionStatus = byId('decision-status', HTMLElement);
const submit = byId('decision-submit', HTMLButtonElement);
const other = byId('decision-other', HTMLElement);

/** What each refusal is called; the sentence under it is the API's own `detail`. */
const refusalTitles: Record<string, string> = {
  'approval_link.unknown': 'Tautan tidak dikenal',
  'approval_link.expired': 'Tautan sudah kedaluwarsa',
  'approval_link.used': 'Tautan sudah digunakan',
  'approval_link.stale': 'SKP sudah berubah',
  'approval_link.foreign': 'Tautan ini bukan untuk akun Anda',
  'request.invalid': 'Tautan tidak lengkap',
  'auth.rate_limited': 'Terlalu banyak percobaan',
};

const wording: Record<
  ApprovalAction,
  { ask: string; title: string; explain: string; button: string; busy: string; other: string }
> = {
  setujui: {
    ask: 'Anda diminta menyetujui SKP berikut sebagai pejabat penilai kinerja.',
    title: 'Setujui SKP ini?',
    explain:
      'Periksa ringkasan di atas. Keputusan baru tercatat setelah Anda menekan tombol di bawah, dan tautan ini hanya dapat dipakai sekali.',
    button: 'Setujui SKP',
    busy: 'Menyimpan persetujuan…',
    other: 'Perlu perbaikan? Gunakan tautan “Kembalikan” di surel yang sama, atau buka portal PIAWAI.',
  },
  kembalikan: {
    ask: 'Anda akan mengembalikan SKP berikut kepada pegawai untuk diperbaiki.',
    title: 'Kembalikan SKP ini?',
    explain:
      'Tulis catatan pengembalian, lalu tekan tombol di bawah. Keputusan baru tercatat setelah tombol ditekan, dan tautan ini hanya dapat dipakai sekali.',
    button: 'Kembalikan SKP',
    busy: 'Menyimpan pengembalian…',
    other: 'SKP sudah sesuai? Gunakan tautan “Setujui” di surel yang sama, atau buka portal PIAWAI.',
  },
};

/** The token of `#t=<token>`, after removing the fragment from the address bar (and so from history). */
function takeToken(): string | null {
  if (!location.hash) return null;
  const token = new URLSearchParams(location.hash.slice(1)).get('t');
  history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

const transient = (error: unknown) =>
  !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;

function showRefusal(title: string, detail: string, options: { retry?: () => void; focus?: boolean } = {}) {
  status.textContent = '';
  preview.hidden = true;
  done.hidden = true;
  refusalTitle.textContent = title;
  refusalDetail.textContent = detail;
  refusalRetry.hidden = !options.retry;
  refusalRetry.onclick = options.retry ?? null;
  refusal.hidden = false;
  if (options.focus) refusal.focus();
}

function refuse(error: unknown, options: { retry?: () => void; focus?: boolean } = {}) {
  const { detail } = describeError(error);
  const code = error instanceof ApiError ? error.code : '';
  const title =
    refusalTitles[code] ?? (transient(error) ? 'Pratinjau tidak dapat dimuat' : 'Tautan tidak dapat dipakai');
  showRefusal(title, detail, transient(error) ? options : { focus: options.focus ?? false });
}

const row = (term: string, ...value: (Node | string)[]) => [h('dt', {}, term), h('dd', {}, ...value)];

const personText = (person: { nama: string; nip: string | null } | null) =>
  person ? `${person.nama}${person.nip ? ` (NIP ${person.nip})` : ''}` : EMPTY;

function renderSummary(data: ApprovalPreview): void {
  const { header } = data.skp;
  summaryList.replaceChildren(
    ...row('Pegawai', header.pegawai?.nama ?? EMPTY),
    ...row('NIP', header.pegawai?.nip ? h('span', { class: 'mono' }, header.pegawai.nip) : EMPTY),
    ...row('Jabatan', header.jabatan),
    ...row('Unit kerja', header.unitNama),
    ...row('Periode', data.periode),
    ...(data.skp.revision > 1 ? row('Revisi', `Revisi ke-${data.skp.revision}`) : []),
    ...row('Diajukan', data.skp.submittedAt ? formatWib(data.skp.submittedAt) : EMPTY),
    ...row('Pejabat penilai', personText(header.penilai)),
    ...row('Tautan berlaku sampai', h('strong', {}, formatWib(data.expiresAt))),
  );
}

function ikiItem(iki: Iki, format: ApprovalPreview['skp']['format']): HTMLLIElement {
  const target = `${iki.target}${iki.satuan ? ` ${iki.satuan}` : ''}`;
  const kind =
    format === 'JPT'
      ? ['Perspektif', iki.perspektif ? perspektifLabel[iki.perspektif] : EMPTY]
      : ['Aspek', iki.aspek ? aspekLabel[iki.aspek] : EMPTY];
  return h(
    'li',
    { class: 'iki' },
    h('p', { class: 'iki__deskripsi' }, iki.deskripsi),
    h(
      'dl',
      { class: 'iki__meta' },
      h('div', {}, h('dt', {}, 'Target'), h('dd', {}, target)),
      h('div', {}, h('dt', {}, kind[0]), h('dd', {}, kind[1])),
    ),
  );
}

function renderRhk(data: ApprovalPreview): void {
  const { rhk, format } = data.skp;
  if (rhk.length === 0) {
    rhkList.replaceChildren(
      h('li', { class: 'rhk rhk--empty' }, 'SKP ini belum memuat rencana hasil kerja.'),
    );
    return;
  }
  rhkList.replaceChildren(
    ...rhk.map((item, n) =>
      h(
        'li',
        { class: 'rhk' },
        h(
          'h3',
          { class: 'rhk__title' },
          `RHK ${n + 1} `,
          h(
            'span',
            { class: `badge${item.jenis === 'UTAMA' ? ' badge--utama' : ''}` },
            rhkJenisLabel[item.jenis],
          ),
        ),
        h('p', { class: 'rhk__deskripsi' }, item.deskripsi),
        item.iki.length === 0
          ? h('p', { class: 'rhk__none' }, 'Belum ada indikator kinerja.')
          : h(
              'ul',
              { class: 'iki-list', 'aria-label': `Indikator kinerja RHK ${n + 1}` },
              ...item.iki.map((iki) => ikiItem(iki, format)),
            ),
      ),
    ),
  );
}

function renderPreview(data: ApprovalPreview): void {
  const words = wording[data.action];
  ask.textContent = words.ask;
  renderSummary(data);
  renderRhk(data);
  decisionTitle.textContent = words.title;
  decisionExplain.textContent = words.explain;
  submit.textContent = words.button;
  other.textContent = words.other;
  catatanField.hidden = data.action !== 'kembalikan';
  catatan.required = data.action === 'kembalikan';
  status.textContent = '';
  refusal.hidden = true;
  preview.hidden = false;
}

function setFieldError(message: string): void {
  catatanError.textContent = message;
  if (message) catatan.setAttribute('aria-invalid', 'true');
  else catatan.removeAttribute('aria-invalid');
}

function showDone(data: ApprovalPreview): void {
  const pegawai = data.skp.header.pegawai?.nama ?? 'pegawai';
  doneDetail.textContent =
    data.action === 'setujui'
      ? `SKP ${pegawai} untuk ${data.periode} telah Anda setujui. Pegawai menerima pemberitahuan lewat surel.`
      : `SKP ${pegawai} untuk ${data.periode} dikembalikan dengan catatan Anda. Pegawai menerima pemberitahuan lewat surel.`;
  status.textContent = '';
  form.hidden = true;
  ask.hidden = true;
  refusal.hidden = true;
  done.hidden = false;
  done.focus();
}

let submitting = false;

function wireDecision(token: string, data: ApprovalPreview): void {
  catatan.addEventListener('input', () => {
    if (catatan.value.trim()) setFieldError('');
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (submitting) return;
    decisionError.replaceChildren();
    const note = catatan.value.trim();
    if (data.action === 'kembalikan' && !note) {
      setFieldError('Catatan pengembalian wajib diisi: tuliskan apa yang perlu diperbaiki.');
      catatan.focus();
      return;
    }
    setFieldError('');
    submitting = true;
    form.setAttribute('aria-busy', 'true');
    submit.setAttribute('aria-disabled', 'true');
    decisionStatus.textContent = wording[data.action].busy;
    try {
      await api.approvalDecision(token, data.action === 'kembalikan' ? note : null);
      showDone(data);
    } catch (error) {
      decisionStatus.textContent = '';
      const code = error instanceof ApiError ? error.code : '';
      if (code.startsWith('approval_link.')) {
        refuse(error, { focus: true });
        return;
      }
      const { detail, errors } = describeError(error);
      const noteErrors = errors.filter((e) => e.path === 'catatan');
      if (noteErrors.length > 0) {
        setFieldError(noteErrors.map((e) => e.message).join(' '));
        catatan.focus();
      } else {
        const rest = errors.filter((e) => e.path !== 'catatan');
        decisionError.replaceChildren(
          h('p', {}, detail),
          ...(rest.length > 0 ? [h('ul', {}, ...rest.map((e) => h('li', {}, e.message)))] : []),
        );
      }
    } finally {
      submitting = false;
      form.setAttribute('aria-busy', 'false');
      submit.setAttribute('aria-disabled', 'false');
    }
  });
}

async function load(token: string): Promise<void> {
  status.textContent = 'Memuat pratinjau SKP…';
  refusal.hidden = true;
  try {
    const data = await api.approvalPreview(token);
    renderPreview(data);
    wireDecision(token, data);
  } catch (error) {
    refuse(error, { retry: () => void load(token), focus: false });
  }
}

function start(): void {
  const token = takeToken();
  if (!token) {
    showRefusal(
      'Tautan persetujuan tidak ada',
      'Halaman ini dibuka dari tombol “Setujui” atau “Kembalikan” di surel PIAWAI. Buka lagi tautan itu langsung dari surel Anda (alamatnya memuat kode tautan), atau putuskan SKP melalui portal.',
    );
    return;
  }
  if (!TOKEN.test(token)) {
    showRefusal(
      'Tautan tidak lengkap',
      'Tautan persetujuan tidak lengkap atau rusak. Salin seluruh alamat dari surel, atau tekan tombolnya langsung di surel.',
    );
    return;
  }
  void load(token);
}

// Another approval link opened in this tab changes only the fragment: start over with the new one.
window.addEventListener('hashchange', () => {
  if (new URLSearchParams(location.hash.slice(1)).has('t')) location.reload();
});

start();
