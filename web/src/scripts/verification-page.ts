// Verifikasi dokumen: the document id from the address's fragment (/verifikasi/#<id>, as the QR code prints it)
// or from the form, the API's record of it (public) with the verdict — still valid, or changed since printed —
// and the check of a chosen PDF: its SHA-256, computed here with Web Crypto, against the registered one.

import { ApiError, describeError } from '../lib/api.ts';
import { reportsApi, type Verification } from '../lib/api-reports.ts';
import { byId, h } from '../lib/dom.ts';
import { formatWib } from '../lib/format.ts';
import { officialDocumentLabels, subjectStatusText } from '../lib/labels-reports.ts';

/** Documents are ids of export jobs: ULIDs. */
const ULID_AT_END = /([0-9A-HJKMNP-TV-Z]{26})\/?$/i;
/** A PDF of an evaluation is a few hundred KB; anything this big is not one of ours. */
const MAX_PDF_BYTES = 50 * 1024 * 1024;

const status = byId('verify-status', HTMLElement);
const errorBox = byId('verify-error', HTMLElement);
const verdict = byId('verdict', HTMLElement);
const verdictTitle = byId('verdict-title', HTMLElement);
const verdictDetail = byId('verdict-detail', HTMLElement);
const details = byId('verify-details', HTMLElement);
const detailsList = byId('details-list', HTMLElement);
const fileSection = byId('verify-file', HTMLElement);
const fileInput = byId('verify-pdf', HTMLInputElement);
const fileResult = byId('verify-file-result', HTMLElement);
const lookup = byId('verify-lookup', HTMLFormElement);
const code = byId('verify-code', HTMLInputElement);
const codeError = byId('verify-code-error', HTMLElement);

let current: Verification | null = null;
let controller: AbortController | undefined;

/** The document id at the end of a code or a pasted address (upper case, as ULIDs are written). */
function idFrom(text: string): string | null {
  let plain = text.trim();
  try {
    plain = decodeURIComponent(plain);
  } catch {
    // A stray "%" is no escape: read the text as typed.
  }
  return ULID_AT_END.exec(plain.replace(/^#/, ''))?.[1]?.toUpperCase() ?? null;
}

function clear(): void {
  current = null;
  errorBox.replaceChildren();
  verdict.hidden = true;
  verdict.className = 'panel verdict';
  details.hidden = true;
  fileSection.hidden = true;
  fileInput.value = '';
  fileResult.replaceChildren();
}

function showVerdict(
  kind: 'ok' | 'changed' | 'unknown',
  title: string,
  detail: string,
  focus: boolean,
): void {
  verdict.className = `panel verdict verdict--${kind}`;
  verdictTitle.textContent = title;
  verdictDetail.textContent = detail;
  verdict.hidden = false;
  if (focus) verdict.focus();
}

function judge(v: Verification): { kind: 'ok' | 'changed'; title: string; detail: string } {
  const label = officialDocumentLabels[v.dokumen];
  if (v.berlaku) {
    return {
      kind: 'ok',
      title: 'Dokumen asli dan masih berlaku',
      detail: `${label} ini diterbitkan PIAWAI pada ${formatWib(v.diterbitkan)}, dan datanya belum berubah sejak dicetak.`,
    };
  }
  if (v.versiKini === null) {
    return {
      kind: 'changed',
      title: 'Dokumen asli, tetapi datanya sudah tidak ada di PIAWAI',
      detail: `${label} ini diterbitkan PIAWAI pada ${formatWib(v.diterbitkan)}, tetapi data yang dicetaknya sudah dihapus.`,
    };
  }
  const then = subjectStatusText(v.statusSaatTerbit);
  const now = subjectStatusText(v.statusKini);
  const statusWords = then === now ? `status ${now}` : `status ${then} → ${now}`;
  return {
    kind: 'changed',
    title: `Dokumen asli, tetapi datanya telah berubah sejak dicetak (versi ${v.versi} → ${v.versiKini}, ${statusWords})`,
    detail: `${label} ini diterbitkan PIAWAI pada ${formatWib(v.diterbitkan)}. Isinya mungkin tidak lagi sesuai dengan data terkini; mintalah dokumen yang dicetak ulang.`,
  };
}

const row = (term: string, ...value: (Node | string)[]) => [h('dt', {}, term), h('dd', {}, ...value)];

function showDetails(v: Verification): void {
  const now =
    v.versiKini === null
      ? 'data sudah dihapus'
      : `kini versi ${v.versiKini}, ${subjectStatusText(v.statusKini)}`;
  detailsList.replaceChildren(
    ...row('Jenis dokumen', officialDocumentLabels[v.dokumen]),
    ...row('Judul', v.judul),
    ...row('Pegawai', v.pegawai.nama),
    ...row('NIP', v.pegawai.nip ? h('span', { class: 'mono' }, v.pegawai.nip) : 'Tanpa NIP'),
    ...row('Periode', v.periode),
    ...row('Diterbitkan', formatWib(v.diterbitkan)),
    ...row('Versi data', `Versi ${v.versi}, ${subjectStatusText(v.statusSaatTerbit)} saat dicetak; ${now}`),
    ...row('SHA-256', h('span', { class: 'mono verify-hash', id: 'verify-sha' }, v.sha256)),
    ...row('Kode dokumen', h('span', { class: 'mono' }, v.id)),
  );
  details.hidden = false;
}

async function verify(id: string | null, focus: boolean): Promise<void> {
  controller?.abort();
  const mine = new AbortController();
  controller = mine;
  clear();
  if (!id) {
    status.textContent = '';
    showVerdict(
      'unknown',
      'Dokumen tidak ditemukan',
      'Kode dokumen ini tidak valid. Pindai kembali kode QR pada dokumen, atau ketik alamat di bawah kode QR.',
      focus,
    );
    return;
  }
  status.textContent = 'Memeriksa dokumen…';
  try {
    const found = await reportsApi.verification(id, mine.signal);
    if (controller !== mine) return;
    current = found;
    status.textContent = '';
    const { kind, title, detail } = judge(found);
    showVerdict(kind, title, detail, focus);
    showDetails(found);
    fileSection.hidden = false;
  } catch (error) {
    if (controller !== mine || mine.signal.aborted) return;
    status.textContent = '';
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      showVerdict('unknown', 'Dokumen tidak ditemukan', describeError(error).detail, focus);
    } else {
      errorBox.replaceChildren(h('p', {}, describeError(error).detail));
    }
  }
}

const hex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  const expected = current?.sha256.toLowerCase();
  fileResult.replaceChildren();
  fileResult.className = 'verify-match';
  if (!file || !expected) return;
  if (file.size > MAX_PDF_BYTES) {
    fileResult.className = 'verify-match verify-match--bad';
    fileResult.replaceChildren(h('p', {}, 'Berkas ini terlalu besar untuk sebuah dokumen PIAWAI.'));
    return;
  }
  fileResult.replaceChildren(h('p', {}, `Menghitung sidik ${file.name}…`));
  const actual = hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  if (fileInput.files?.[0] !== file) return;
  const same = actual === expected;
  fileResult.className = `verify-match verify-match--${same ? 'ok' : 'bad'}`;
  fileResult.replaceChildren(
    h(
      'p',
      { class: 'verify-match__title' },
      same
        ? 'Cocok: berkas ini sama persis dengan dokumen yang diterbitkan.'
        : 'Tidak cocok: berkas ini berbeda dari dokumen yang diterbitkan.',
    ),
    h(
      'p',
      {},
      same
        ? `SHA-256 ${file.name} sama dengan yang tercatat.`
        : `Berkas mungkin telah diubah, atau bukan dokumen ini. SHA-256 ${file.name}: `,
      same ? '' : h('span', { class: 'mono verify-hash' }, actual),
    ),
  );
});

lookup.addEventListener('submit', (event) => {
  event.preventDefault();
  codeError.textContent = '';
  code.removeAttribute('aria-invalid');
  const id = idFrom(code.value);
  if (!id) {
    codeError.textContent = 'Masukkan 26 huruf dan angka kode dokumen, atau alamat lengkap di bawah kode QR.';
    code.setAttribute('aria-invalid', 'true');
    code.focus();
    return;
  }
  // The address says which document is shown, so it can be shared and reloaded.
  if (location.hash !== `#${id}`) history.pushState(null, '', `#${id}`);
  void verify(id, true);
});

window.addEventListener('hashchange', () => void verify(idFrom(location.hash), true));

if (location.hash.length > 1) void verify(idFrom(location.hash), false);
else {
  status.textContent =
    'Pindai kode QR pada dokumen untuk membuka halaman ini, atau masukkan kode dokumen di bawah.';
}
