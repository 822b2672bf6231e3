// Evaluasi Saya, realisasi: the fields under each IKI of the plan in force (realisasi, capaian %, bukti
// dukung links one per line), the body of PUT …/realisasi, and the read-only realisasi once the window is
// closed. Rows are sent in plan order, skipping indicators left empty; each sent row's controls take the
// path of their place in the body (`realisasi.2.buktiDukung`), so the API's problems land beside them.

import type { Evaluation, Realisasi, Rhk, Skp } from '../lib/api-kinerja.ts';
import { h } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';
import { field, input, textarea } from './my-skp-fields.ts';
import { rhkView } from './my-skp-view.ts';

interface RowControls {
  rhkId: string;
  ikiId: string;
  realisasi: HTMLTextAreaElement;
  capaian: HTMLInputElement;
  bukti: HTMLTextAreaElement;
}

export interface RealisasiForm {
  /** The RHK list with the fields under each IKI. */
  element: HTMLElement;
  /** The body rows, or the problems that keep it from being sent (paths of the controls). */
  collect: () => { rows: Realisasi[]; problems: { path: string; message: string }[] };
}

const found = (evaluation: Evaluation | null, rhkId: string, ikiId: string) =>
  evaluation?.realisasi.find((r) => r.rhkId === rhkId && r.ikiId === ikiId);

/** "85,5" or "85.5" → 85.5; '' → null; anything else → NaN. */
function parseCapaian(text: string): number | null {
  const value = text.trim().replace('%', '').replace(',', '.').trim();
  if (!value) return null;
  return /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
}

const isWebLink = (text: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

export function realisasiForm(
  skp: Skp,
  evaluation: Evaluation | null,
  below?: (rhk: Rhk, index: number) => Node | null,
): RealisasiForm {
  const rows: RowControls[] = [];
  const fieldsFor = (rhk: Rhk, j: number): Node | null => {
    const iki = rhk.iki[j];
    if (!iki) return null;
    const i = skp.rhk.indexOf(rhk);
    const saved = found(evaluation, rhk.id, iki.id);
    const base = `f-real-${i}-${j}`;
    const context = ` — RHK ${i + 1}, IKI ${j + 1}`;
    const controls: RowControls = {
      rhkId: rhk.id,
      ikiId: iki.id,
      realisasi: textarea({ rows: '3', maxlength: '2000' }, saved?.realisasi ?? ''),
      capaian: input(
        { inputmode: 'decimal', autocomplete: 'off', maxlength: '7' },
        saved?.capaian == null ? '' : String(saved.capaian).replace('.', ','),
      ),
      bukti: textarea(
        { rows: '2', maxlength: '4000', spellcheck: 'false' },
        (saved?.buktiDukung ?? []).join('\n'),
      ),
    };
    rows.push(controls);
    return h(
      'div',
      { class: 'realisasi-fields' },
      field({
        id: `${base}-realisasi`,
        label: 'Realisasi',
        context,
        control: controls.realisasi,
        className: 'realisasi-fields__text',
      }),
      field({
        id: `${base}-capaian`,
        label: 'Capaian (%)',
        context,
        hint: 'Persentase terhadap target, mis. 85 atau 85,5.',
        control: controls.capaian,
      }),
      field({
        id: `${base}-bukti`,
        label: 'Bukti dukung (tautan)',
        context,
        hint: 'Satu tautan per baris, diawali https://',
        control: controls.bukti,
        className: 'realisasi-fields__bukti',
      }),
    );
  };

  const element = rhkView({
    skp,
    targets: new Map(),
    heading: 'h4',
    showIntervensi: false,
    belowIki: fieldsFor,
    ...(below ? { below } : {}),
  });

  const collect = () => {
    const body: Realisasi[] = [];
    const problems: { path: string; message: string }[] = [];
    for (const row of rows) {
      for (const control of [row.realisasi, row.capaian, row.bukti]) delete control.dataset.path;
      const text = row.realisasi.value.trim();
      const links = row.bukti.value
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      const capaian = parseCapaian(row.capaian.value);
      if (!text && links.length === 0 && capaian === null) continue;
      const n = body.length;
      row.realisasi.dataset.path = `realisasi.${n}.realisasi`;
      row.capaian.dataset.path = `realisasi.${n}.capaian`;
      row.bukti.dataset.path = `realisasi.${n}.buktiDukung`;
      if (!text) problems.push({ path: `realisasi.${n}.realisasi`, message: 'Tuliskan realisasinya.' });
      if (Number.isNaN(capaian) || (capaian !== null && capaian > 1000)) {
        problems.push({
          path: `realisasi.${n}.capaian`,
          message: 'Tulis angka 0 sampai 1000, mis. 85 atau 85,5.',
        });
      }
      const bad = links.filter((link) => !isWebLink(link));
      if (bad.length > 0) {
        problems.push({
          path: `realisasi.${n}.buktiDukung`,
          message: `Bukan tautan web yang lengkap: ${bad.join(', ')}. Salin alamatnya utuh, diawali https://`,
        });
      }
      if (links.length > 10) {
        problems.push({
          path: `realisasi.${n}.buktiDukung`,
          message: 'Paling banyak 10 tautan per indikator.',
        });
      }
      body.push({
        rhkId: row.rhkId,
        ikiId: row.ikiId,
        realisasi: text,
        buktiDukung: links,
        capaian: capaian === null || Number.isNaN(capaian) ? null : capaian,
      });
    }
    if (body.length === 0) {
      problems.push({ path: 'realisasi', message: 'Isi realisasi untuk minimal satu indikator.' });
    }
    return { rows: body, problems };
  };

  return { element, collect };
}

/** One stated realisasi: text, capaian and the evidence as links. */
export function realisasiEntry(entry: Realisasi | undefined): HTMLElement {
  if (!entry) return h('p', { class: 'realisasi-entry realisasi-entry--none' }, 'Realisasi tidak diisi.');
  return h(
    'div',
    { class: 'realisasi-entry' },
    h(
      'p',
      { class: 'realisasi-entry__text' },
      h('span', { class: 'rhk-view__term' }, 'Realisasi: '),
      entry.realisasi,
    ),
    h(
      'p',
      {},
      h('span', { class: 'rhk-view__term' }, 'Capaian: '),
      entry.capaian === null ? 'tidak dinyatakan' : `${formatNumber(entry.capaian)}%`,
    ),
    entry.buktiDukung.length === 0
      ? h('p', {}, h('span', { class: 'rhk-view__term' }, 'Bukti dukung: '), 'tidak ada')
      : h(
          'div',
          {},
          h('p', { class: 'rhk-view__term realisasi-entry__bukti-title' }, 'Bukti dukung:'),
          h(
            'ul',
            { class: 'realisasi-entry__bukti' },
            ...entry.buktiDukung.map((link, k) =>
              h(
                'li',
                {},
                h(
                  'a',
                  { href: link, rel: 'noopener noreferrer', target: '_blank' },
                  `Bukti ${k + 1}`,
                  h('span', { class: 'visually-hidden' }, ' (membuka tab baru)'),
                ),
                h('span', { class: 'realisasi-entry__url' }, link),
              ),
            ),
          ),
        ),
  );
}

/** The plan's RHK with what was stated against each IKI, and optional content under each RHK. */
export function realisasiReadOnly(
  skp: Skp,
  evaluation: Evaluation | null,
  below?: (rhk: Rhk, index: number) => Node | null,
): HTMLElement {
  return rhkView({
    skp,
    targets: new Map(),
    heading: 'h4',
    showIntervensi: false,
    belowIki: (rhk, j) => realisasiEntry(found(evaluation, rhk.id, rhk.iki[j]?.id ?? '')),
    ...(below ? { below } : {}),
  });
}
