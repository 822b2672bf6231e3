// An SKP read-only, as /skp/ shows a submitted, approved or past revision and /penilaian/ shows a plan to
// decide on: summary, RHK with what they support and their IKI, perilaku kerja (BerAKHLAK with ekspektasi
// khusus), lampiran. Pages may add content under each RHK (realisasi, umpan balik).

import { berakhlak } from '../../../shared/domain/perilaku/berakhlak.ts';
import type { IntervensiTarget, Rhk, Skp } from '../lib/api-kinerja.ts';
import { h } from '../lib/dom.ts';
import { formatWib } from '../lib/format.ts';
import { aspekLabel, EMPTY, perspektifLabel, rhkJenisLabel } from '../lib/labels.ts';
import {
  formatLabel,
  formatRentang,
  formatTanggal,
  intervensiKindLabel,
  lampiranSections,
  pendekatanLabel,
  skpStatusLabel,
} from '../lib/labels-kinerja.ts';

type HeadingLevel = 'h2' | 'h3' | 'h4';

export const statusBadge = (status: Skp['status']) =>
  h('span', { class: `badge status-badge status-badge--${status.toLowerCase()}` }, skpStatusLabel[status]);

const row = (term: string, ...value: (Node | string)[]) => [h('dt', {}, term), h('dd', {}, ...value)];

const personText = (person: { nama: string; nip: string | null } | null) =>
  person ? `${person.nama}${person.nip ? ` (NIP ${person.nip})` : ''}` : EMPTY;

/** Who, which post, which part of the year, the approach, the state and its dates. */
export function skpSummary(skp: Skp, periodeNama: string | null, options: { pegawai?: boolean } = {}) {
  return h(
    'dl',
    { class: 'details-list' },
    ...(options.pegawai
      ? [
          ...row('Pegawai', skp.header.pegawai.nama),
          ...row(
            'NIP',
            skp.header.pegawai.nip ? h('span', { class: 'mono' }, skp.header.pegawai.nip) : EMPTY,
          ),
        ]
      : []),
    ...row('Status', statusBadge(skp.status)),
    ...row('Revisi', `Revisi ke-${skp.revision}`),
    ...(periodeNama ? row('Periode', periodeNama) : []),
    ...row('Berlaku', formatRentang(skp.berlaku.mulai, skp.berlaku.sampai)),
    ...(skp.ditutup ? row('Ditutup', `Karena mutasi, per ${formatTanggal(skp.ditutup.per)}`) : []),
    ...row('Jabatan', skp.header.jabatan || EMPTY),
    ...row('Unit kerja', skp.header.unitNama || EMPTY),
    ...row('Format', formatLabel[skp.format]),
    ...row('Pendekatan', pendekatanLabel[skp.pendekatan]),
    ...row('Pejabat penilai', personText(skp.header.penilai)),
    ...row('Atasan pejabat penilai', personText(skp.header.atasanPenilai)),
    ...(skp.submittedAt ? row('Diajukan', formatWib(skp.submittedAt)) : []),
    ...(skp.decidedAt ? row('Diputuskan', formatWib(skp.decidedAt)) : []),
  );
}

/** "Hasil kunci (KR): Laporan … (target 4 dokumen)" for an RHK's intervensi, if the target is known. */
export function intervensiText(rhk: Rhk, targets: ReadonlyMap<string, IntervensiTarget>): string {
  if (!rhk.intervensi) return rhk.jenis === 'UTAMA' ? 'Belum dipilih' : 'Tidak mengintervensi';
  const target = targets.get(rhk.intervensi.id);
  const kind = intervensiKindLabel[rhk.intervensi.kind];
  if (!target) return `${kind} pejabat penilai (rujukan tidak lagi tersedia dalam rencana penilai saat ini)`;
  return `${kind}: ${target.label}${target.target ? ` (target ${target.target})` : ''}`;
}

export interface RhkViewOptions {
  skp: Skp;
  targets: ReadonlyMap<string, IntervensiTarget>;
  heading: HeadingLevel;
  /** False on evaluation screens, where the plan is already approved and the link is not the subject. */
  showIntervensi?: boolean;
  /** Extra content under an RHK (e.g. its realisasi, its umpan balik). */
  below?: (rhk: Rhk, index: number) => Node | null;
  /** Extra content under an IKI (e.g. the realisasi against it). */
  belowIki?: (rhk: Rhk, ikiIndex: number) => Node | null;
}

const ikiKind = (skp: Skp, iki: Rhk['iki'][number]): [string, string] =>
  skp.format === 'JPT'
    ? ['Perspektif', iki.perspektif ? perspektifLabel[iki.perspektif] : EMPTY]
    : ['Aspek', iki.aspek ? aspekLabel[iki.aspek] : EMPTY];

export const targetText = (iki: Rhk['iki'][number]) => `${iki.target}${iki.satuan ? ` ${iki.satuan}` : ''}`;

/** The RHK as an ordered list; each with its kind, what it supports and its IKI. */
export function rhkView(options: RhkViewOptions): HTMLElement {
  const { skp } = options;
  if (skp.rhk.length === 0)
    return h('p', { class: 'empty-note' }, 'SKP ini belum memuat rencana hasil kerja.');
  return h(
    'ol',
    { class: 'rhk-view' },
    ...skp.rhk.map((rhk, n) =>
      h(
        'li',
        { class: `rhk-view__item${rhk.jenis === 'UTAMA' ? ' rhk-view__item--utama' : ''}` },
        h(
          options.heading,
          { class: 'rhk-view__title' },
          `RHK ${n + 1} `,
          h(
            'span',
            { class: `badge${rhk.jenis === 'UTAMA' ? ' badge--utama' : ''}` },
            rhkJenisLabel[rhk.jenis],
          ),
        ),
        h('p', { class: 'rhk-view__deskripsi' }, rhk.deskripsi),
        options.showIntervensi === false
          ? null
          : h(
              'p',
              { class: 'rhk-view__intervensi' },
              h('span', { class: 'rhk-view__term' }, 'Mengintervensi: '),
              intervensiText(rhk, options.targets),
            ),
        rhk.iki.length === 0
          ? h('p', { class: 'empty-note' }, 'Belum ada indikator kinerja individu.')
          : h(
              'ul',
              { class: 'iki-view', 'aria-label': `Indikator kinerja RHK ${n + 1}` },
              ...rhk.iki.map((iki, j) => {
                const [kindTerm, kindValue] = ikiKind(skp, iki);
                return h(
                  'li',
                  { class: 'iki-view__item' },
                  h('p', { class: 'iki-view__deskripsi' }, iki.deskripsi),
                  h(
                    'dl',
                    { class: 'iki-view__meta' },
                    h('div', {}, h('dt', {}, 'Target'), h('dd', {}, targetText(iki))),
                    h('div', {}, h('dt', {}, kindTerm), h('dd', {}, kindValue)),
                  ),
                  options.belowIki?.(rhk, j) ?? null,
                );
              }),
            ),
        options.below?.(rhk, n) ?? null,
      ),
    ),
  );
}

/** The 7 BerAKHLAK values with their behaviour guides and the ekspektasi khusus of this SKP. */
export function perilakuView(
  skp: Skp,
  heading: HeadingLevel,
  below?: (kode: string) => Node | null,
): HTMLElement {
  return h(
    'ul',
    { class: 'perilaku-view' },
    ...berakhlak.map((value) =>
      h(
        'li',
        { class: 'perilaku-view__item' },
        h(heading, { class: 'perilaku-view__nama' }, value.nama),
        h('ul', { class: 'perilaku-view__indikator' }, ...value.indikator.map((text) => h('li', {}, text))),
        h(
          'p',
          { class: 'perilaku-view__ekspektasi' },
          h('span', { class: 'rhk-view__term' }, 'Ekspektasi khusus pimpinan: '),
          skp.perilaku[value.kode as keyof Skp['perilaku']] || EMPTY,
        ),
        below?.(value.kode) ?? null,
      ),
    ),
  );
}

export function lampiranView(skp: Skp, heading: HeadingLevel): HTMLElement {
  return h(
    'div',
    { class: 'lampiran-view' },
    ...lampiranSections.map((section) => {
      const items = skp.lampiran[section.key];
      return h(
        'section',
        { class: 'lampiran-view__section' },
        h(heading, {}, section.title),
        items.length === 0
          ? h('p', { class: 'empty-note' }, 'Tidak ada.')
          : h('ul', {}, ...items.map((text) => h('li', {}, text))),
      );
    }),
  );
}

/** Every part of an SKP read-only, under headings one level below `heading`'s parent. */
export function skpView(
  skp: Skp,
  options: { targets: ReadonlyMap<string, IntervensiTarget>; heading: 'h2' | 'h3'; idPrefix: string },
): HTMLElement[] {
  const sub: HeadingLevel = options.heading === 'h2' ? 'h3' : 'h4';
  const section = (key: string, title: string, body: HTMLElement) =>
    h(
      'section',
      { class: 'skp-view__section', 'aria-labelledby': `${options.idPrefix}-${key}` },
      h(options.heading, { id: `${options.idPrefix}-${key}` }, title),
      body,
    );
  return [
    section('hasil', 'Hasil kerja', rhkView({ skp, targets: options.targets, heading: sub })),
    section('perilaku', 'Perilaku kerja (BerAKHLAK)', perilakuView(skp, sub)),
    section('lampiran', 'Lampiran', lampiranView(skp, sub)),
  ];
}
