// Evaluasi Saya, after the penilai rated: the two ratings and the predikat, the feedback per BerAKHLAK
// value and the note; the keberatan form (reasons, to the atasan pejabat penilai) and, once filed, its state
// and the atasan's decision with both predikat kept.

import { predikatPegawaiLabels, ratingLabels } from '../../../shared/domain/evaluation/predikat.ts';
import { berakhlak } from '../../../shared/domain/perilaku/berakhlak.ts';
import { type Evaluation, kinerjaApi, type Period, type PredikatPegawai } from '../lib/api-kinerja.ts';
import { h } from '../lib/dom.ts';
import { formatWib } from '../lib/format.ts';
import { EMPTY } from '../lib/labels.ts';
import { formatTanggal, keberatanStatusLabel } from '../lib/labels-kinerja.ts';
import { busy, clearFieldErrors, field, setFieldError, showSaveError, textarea } from './my-skp-fields.ts';

const row = (term: string, ...value: (Node | string)[]) => [h('dt', {}, term), h('dd', {}, ...value)];

export const predikatBadge = (predikat: PredikatPegawai) =>
  h('span', { class: `predikat predikat--${predikat.toLowerCase()}` }, predikatPegawaiLabels[predikat]);

/** Ratings, predikat, who rated and when, the note, and the feedback per BerAKHLAK value. */
export function hasilView(evaluation: Evaluation): HTMLElement[] {
  const perilaku = berakhlak.filter((v) => evaluation.umpanBalik.perilaku[v.kode]?.trim());
  return [
    h(
      'dl',
      { class: 'details-list' },
      ...row(
        'Rating hasil kerja',
        evaluation.ratingHasil ? ratingLabels[evaluation.ratingHasil] : EMPTY,
        evaluation.ratingHasilDariOrganisasi
          ? h(
              'span',
              { class: 'hasil__note' },
              ' — mengikuti capaian kinerja organisasi unit yang Anda pimpin',
            )
          : '',
      ),
      ...row(
        'Rating perilaku kerja',
        evaluation.ratingPerilaku ? ratingLabels[evaluation.ratingPerilaku] : EMPTY,
      ),
      ...row('Predikat kinerja', evaluation.predikat ? predikatBadge(evaluation.predikat) : EMPTY),
      ...row(
        'Dinilai oleh',
        `${evaluation.header.penilai?.nama ?? EMPTY}${evaluation.dinilaiPada ? `, ${formatWib(evaluation.dinilaiPada)}` : ''}`,
      ),
      ...(evaluation.catatan
        ? row('Catatan/rekomendasi', h('span', { class: 'pre-wrap' }, evaluation.catatan))
        : []),
    ),
    h('h4', { class: 'hasil__subtitle' }, 'Umpan balik perilaku kerja'),
    perilaku.length === 0
      ? h('p', { class: 'empty-note' }, 'Pejabat penilai tidak menulis umpan balik per nilai BerAKHLAK.')
      : h(
          'dl',
          { class: 'feedback-values' },
          ...perilaku.flatMap((v) => [
            h('dt', {}, v.nama),
            h('dd', { class: 'pre-wrap' }, evaluation.umpanBalik.perilaku[v.kode] ?? ''),
          ]),
        ),
  ];
}

/** The penilai's feedback on one RHK, shown under it. */
export function rhkFeedback(evaluation: Evaluation | null, rhkId: string): HTMLElement | null {
  const text = evaluation?.umpanBalik.rhk[rhkId]?.trim();
  if (!text || evaluation?.status !== 'DINILAI') return null;
  return h(
    'div',
    { class: 'rhk-feedback' },
    h('p', { class: 'rhk-view__term' }, 'Umpan balik pejabat penilai:'),
    h('p', { class: 'pre-wrap' }, text),
  );
}

function keberatanState(evaluation: Evaluation): HTMLElement[] {
  const k = evaluation.keberatan;
  if (!k) return [];
  const decided = k.status !== 'DIAJUKAN';
  const parts: (HTMLElement | null)[] = [
    h(
      'p',
      { class: `keberatan__status keberatan__status--${k.status.toLowerCase()}` },
      keberatanStatusLabel[k.status],
    ),
    h(
      'dl',
      { class: 'details-list' },
      ...row('Diajukan', formatWib(k.diajukanPada)),
      ...row('Alasan', h('span', { class: 'pre-wrap' }, k.alasan)),
      ...row('Kepada', evaluation.header.atasanPenilai?.nama ?? 'Atasan pejabat penilai'),
      ...(decided
        ? [
            ...row(
              'Klarifikasi pejabat penilai',
              h('span', { class: 'pre-wrap' }, k.klarifikasiPenilai ?? EMPTY),
            ),
            ...row('Klarifikasi pegawai', h('span', { class: 'pre-wrap' }, k.klarifikasiPegawai ?? EMPTY)),
            ...row('Keputusan', h('span', { class: 'pre-wrap' }, k.keputusanCatatan ?? EMPTY)),
            ...row('Predikat semula', evaluation.predikat ? predikatBadge(evaluation.predikat) : EMPTY),
            ...row(
              'Predikat setelah keberatan',
              predikatBadge(k.predikatBaru ?? evaluation.predikat ?? 'BAIK'),
              k.predikatBaru ? '' : ' (tetap)',
            ),
            ...(k.diputuskanPada ? row('Diputuskan', formatWib(k.diputuskanPada)) : []),
          ]
        : []),
    ),
    decided ? h('p', { class: 'field__hint' }, 'Keputusan atasan pejabat penilai bersifat final.') : null,
  ];
  return parts.filter((e): e is HTMLElement => e !== null);
}

/**
 * The keberatan part: the form while none was filed (the API decides whether it is allowed yet and still in
 * time), else its state. `onFiled` gets the evaluation as stored.
 */
/** When the unit's predikat was finalised and the last day to object, as the API reports them. */
const finalOf = (evaluation: Evaluation) =>
  (evaluation as Evaluation & { final?: { pada: string; batasKeberatan: string } | null }).final ?? null;

export function keberatanPart(
  evaluation: Evaluation,
  period: Period,
  onFiled: (evaluation: Evaluation) => void,
): HTMLElement[] {
  if (evaluation.keberatan) return keberatanState(evaluation);
  const days = period.calendar.settings.hariKeberatan;
  const atasan = evaluation.header.atasanPenilai?.nama ?? 'atasan pejabat penilai';
  const alasan = textarea({ rows: '5', maxlength: '4000' });
  const submit = h('button', { type: 'submit', class: 'button' }, 'Ajukan keberatan');
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const alert = h('div', { class: 'alert alert--error', role: 'alert' });
  const form = h(
    'form',
    { class: 'keberatan-form', novalidate: true, 'aria-label': 'Ajukan keberatan' },
    h(
      'p',
      {},
      `Bila tidak sependapat dengan predikat ini, Anda dapat mengajukan keberatan beserta alasannya kepada ${atasan}. `,
      finalOf(evaluation)
        ? h(
            'strong',
            {},
            `Predikat unit Anda difinalkan ${formatTanggal(finalOf(evaluation)?.pada ?? '')}; batas pengajuan keberatan ${formatTanggal(finalOf(evaluation)?.batasKeberatan ?? '')} (WIB).`,
          )
        : h('strong', {}, `Batas waktunya ${days} hari (WIB) sejak predikat unit Anda difinalkan Biro SDM.`),
      finalOf(evaluation)
        ? ' Keputusan atasan bersifat final dan kedua predikat tetap tercatat.'
        : ' Keberatan baru dapat diajukan setelah finalisasi; keputusan atasan bersifat final dan kedua predikat tetap tercatat.',
    ),
    field({
      id: 'f-keberatan-alasan',
      label: 'Alasan keberatan',
      path: 'alasan',
      required: true,
      hint: 'Minimal 10 karakter. Jelaskan bagian penilaian yang tidak Anda setujui dan alasannya.',
      control: alasan,
    }),
    alert,
    status,
    h('div', { class: 'button-row' }, submit),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(submit, async () => {
      clearFieldErrors(form);
      alert.replaceChildren();
      const text = alasan.value.trim();
      if (text.length < 10) {
        setFieldError(alasan, 'Tuliskan alasan keberatan, minimal 10 karakter.');
        alasan.focus();
        return;
      }
      status.textContent = 'Mengajukan keberatan…';
      try {
        const saved = await kinerjaApi.fileKeberatan(evaluation, text);
        status.textContent = '';
        onFiled(saved);
      } catch (error) {
        status.textContent = '';
        showSaveError(form, alert, error);
      }
    });
  });
  return [form];
}
