// SKP Saya, the editor of a draft (or returned) SKP: pendekatan, RHK (utama/tambahan) with the penilai's
// result each supports and their IKI (aspek for JA/JF, perspektif for JPT), ekspektasi khusus per BerAKHLAK
// value, and the three lampiran lists. Every control carries the API's path of its value, so a problem the
// API names (`rhk.0.intervensi`, `rhk.1.iki.0.aspek`) is shown beside it. "Ajukan" saves first if needed.

import type { SkpContent } from '../../../shared/contract/skp.ts';
import { berakhlak } from '../../../shared/domain/perilaku/berakhlak.ts';
import { aspekIki, perspektifJpt } from '../../../shared/domain/skp/types.ts';
import { type IntervensiTargets, kinerjaApi, type Skp } from '../lib/api-kinerja.ts';
import { h } from '../lib/dom.ts';
import { formatWib } from '../lib/format.ts';
import { aspekLabel, perspektifLabel, rhkJenisLabel } from '../lib/labels.ts';
import {
  intervensiKindLabel,
  type LampiranKey,
  lampiranSections,
  pendekatanHint,
  pendekatanLabel,
  skpStatusLabel,
} from '../lib/labels-kinerja.ts';
import {
  busy,
  clearFieldErrors,
  field,
  groupError,
  input,
  placeFieldErrors,
  select,
  showErrorSummary,
  showSaveError,
  textarea,
} from './my-skp-fields.ts';

interface IkiDraft {
  id?: string | undefined;
  deskripsi: string;
  /** Aspek (JA/JF) or perspektif (JPT) code; '' when not chosen yet. */
  kind: string;
  target: string;
  satuan: string;
}

interface RhkDraft {
  id?: string | undefined;
  jenis: 'UTAMA' | 'TAMBAHAN';
  deskripsi: string;
  /** `<KIND>:<id>` of the chosen target; '' for none. */
  intervensi: string;
  iki: IkiDraft[];
}

interface Draft {
  pendekatan: Skp['pendekatan'];
  rhk: RhkDraft[];
  perilaku: Record<string, string>;
  lampiran: Record<LampiranKey, string[]>;
}

export interface EditorOptions {
  skp: Skp;
  targets: IntervensiTargets | null;
  /** After a save: the SKP as stored (new version, ids of new RHK/IKI). */
  onSaved: (skp: Skp) => void;
  /** After "Ajukan" went through: the page shows the submitted plan. */
  onSubmitted: (skp: Skp) => void;
}

const toDraft = (skp: Skp): Draft => ({
  pendekatan: skp.pendekatan,
  rhk: skp.rhk.map((r) => ({
    id: r.id,
    jenis: r.jenis,
    deskripsi: r.deskripsi,
    intervensi: r.intervensi ? `${r.intervensi.kind}:${r.intervensi.id}` : '',
    iki: r.iki.map((k) => ({
      id: k.id,
      deskripsi: k.deskripsi,
      kind: (skp.format === 'JPT' ? k.perspektif : k.aspek) ?? '',
      target: k.target,
      satuan: k.satuan ?? '',
    })),
  })),
  perilaku: Object.fromEntries(
    berakhlak.map((v) => [v.kode, skp.perilaku[v.kode as keyof Skp['perilaku']] ?? '']),
  ),
  lampiran: {
    dukunganSumberDaya: [...skp.lampiran.dukunganSumberDaya],
    skemaPertanggungjawaban: [...skp.lampiran.skemaPertanggungjawaban],
    konsekuensi: [...skp.lampiran.konsekuensi],
  },
});

const blankIki = (): IkiDraft => ({ deskripsi: '', kind: '', target: '', satuan: '' });

function parseIntervensi(value: string): { kind: 'IKU' | 'RHK' | 'KR'; id: string } | null {
  const at = value.indexOf(':');
  if (at < 0) return null;
  const kind = value.slice(0, at);
  if (kind !== 'IKU' && kind !== 'RHK' && kind !== 'KR') return null;
  return { kind, id: value.slice(at + 1) };
}

/** The body of PATCH …/skp/:id from the draft (the API's own shape; ids keep existing RHK/IKI). */
function toContent(draft: Draft, skp: Skp): SkpContent {
  const jpt = skp.format === 'JPT';
  return {
    version: skp.version,
    pendekatan: draft.pendekatan,
    rhk: draft.rhk.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      jenis: r.jenis,
      deskripsi: r.deskripsi.trim(),
      intervensi: parseIntervensi(r.intervensi),
      iki: r.iki.map((k) => ({
        ...(k.id ? { id: k.id } : {}),
        deskripsi: k.deskripsi.trim(),
        aspek: !jpt && k.kind ? (k.kind as (typeof aspekIki)[number]) : null,
        perspektif: jpt && k.kind ? (k.kind as (typeof perspektifJpt)[number]) : null,
        target: k.target.trim(),
        satuan: k.satuan.trim() || null,
      })),
    })),
    perilaku: Object.fromEntries(Object.entries(draft.perilaku).map(([k, v]) => [k, v.trim() || null])),
    lampiran: {
      dukunganSumberDaya: draft.lampiran.dukunganSumberDaya.map((t) => t.trim()),
      skemaPertanggungjawaban: draft.lampiran.skemaPertanggungjawaban.map((t) => t.trim()),
      konsekuensi: draft.lampiran.konsekuensi.map((t) => t.trim()),
    },
  };
}

/** What must be filled before the API accepts a save (it would refuse the same, in more technical words). */
function missingText(draft: Draft): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  draft.rhk.forEach((r, i) => {
    if (!r.deskripsi.trim())
      problems.push({ path: `rhk.${i}.deskripsi`, message: 'Uraikan rencana hasil kerja ini.' });
    r.iki.forEach((k, j) => {
      if (!k.deskripsi.trim())
        problems.push({ path: `rhk.${i}.iki.${j}.deskripsi`, message: 'Tuliskan indikatornya.' });
      if (!k.target.trim())
        problems.push({ path: `rhk.${i}.iki.${j}.target`, message: 'Tuliskan targetnya.' });
    });
  });
  for (const section of lampiranSections) {
    draft.lampiran[section.key].forEach((text, k) => {
      if (!text.trim())
        problems.push({ path: `lampiran.${section.key}.${k}`, message: 'Isi baris ini atau hapus.' });
    });
  }
  return problems;
}

/** The intervensi choices: the unit's IKU, then each RHK of the penilai with its KR. */
function intervensiOptions(targets: IntervensiTargets | null, jenis: RhkDraft['jenis'], current: string) {
  const none = h(
    'option',
    { value: '' },
    jenis === 'UTAMA'
      ? '— Pilih hasil kerja yang diintervensi —'
      : 'Tidak mengintervensi (boleh untuk RHK tambahan)',
  );
  const list = targets?.targets ?? [];
  const value = (t: { kind: string; id: string }) => `${t.kind}:${t.id}`;
  const groups: HTMLElement[] = [];
  const ikus = list.filter((t) => t.kind === 'IKU');
  if (ikus.length > 0) {
    groups.push(
      h(
        'optgroup',
        { label: 'IKU unit yang Anda pimpin' },
        ...ikus.map((t) =>
          h('option', { value: value(t) }, `IKU: ${t.label}${t.target ? ` (target ${t.target})` : ''}`),
        ),
      ),
    );
  }
  const owner = targets?.penilai?.nama ?? 'pejabat penilai';
  list
    .filter((t) => t.kind === 'RHK')
    .forEach((rhk, n) => {
      const krs = list.filter((t) => t.kind === 'KR' && t.parentId === rhk.id);
      groups.push(
        h(
          'optgroup',
          { label: `RHK ${n + 1} ${owner}: ${rhk.label}` },
          h('option', { value: value(rhk) }, `${intervensiKindLabel.RHK} ${n + 1} seluruhnya: ${rhk.label}`),
          ...krs.map((kr) =>
            h(
              'option',
              { value: value(kr) },
              `${intervensiKindLabel.KR}: ${kr.label}${kr.target ? ` (target ${kr.target})` : ''}`,
            ),
          ),
        ),
      );
    });
  const known = list.some((t) => value(t) === current);
  const stale =
    current && !known
      ? [h('option', { value: current }, 'Rujukan lama — tidak ada lagi dalam rencana pejabat penilai')]
      : [];
  return [none, ...stale, ...groups];
}

function intervensiHint(targets: IntervensiTargets | null): string {
  if (!targets?.penilai) {
    return 'Anda tidak memiliki pejabat penilai dalam struktur organisasi; hubungi Biro SDM.';
  }
  const nama = targets.penilai.nama;
  if (targets.targets.length === 0) {
    return `Pejabat penilai Anda, ${nama}, belum menyusun SKP periode ini: belum ada hasil kerja yang dapat diintervensi. RHK utama dapat diajukan setelah itu.`;
  }
  const status = targets.rencanaPenilai?.status;
  const pending =
    status && status !== 'DISETUJUI'
      ? ` SKP beliau masih berstatus ${skpStatusLabel[status].toLowerCase()}, sehingga pilihannya masih dapat berubah.`
      : '';
  return `Pilihan dari SKP pejabat penilai Anda, ${nama}: RHK beliau atau salah satu hasil kuncinya (KR).${pending}`;
}

export function renderEditor(form: HTMLFormElement, options: EditorOptions): void {
  let skp = options.skp;
  const draft = toDraft(skp);
  const jpt = skp.format === 'JPT';
  let dirty = false;

  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const errorBox = h('div', { class: 'alert alert--error', role: 'alert' });
  const rhkHost = h('ol', { class: 'rhk-edit-list' });
  const lampiranHosts = new Map<LampiranKey, HTMLOListElement>();
  const changed = () => {
    dirty = true;
  };

  const bind = <T extends HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    control: T,
    set: (value: string) => void,
  ): T => {
    control.addEventListener(control instanceof HTMLSelectElement ? 'change' : 'input', () => {
      set(control.value);
      changed();
    });
    return control;
  };

  // ——— Pendekatan ———
  const pendekatan = h(
    'fieldset',
    { class: 'choice-group' },
    h('legend', {}, 'Pendekatan hasil kerja'),
    ...(['KUANTITATIF', 'KUALITATIF'] as const).map((value) => {
      const radio = h('input', {
        type: 'radio',
        name: 'pendekatan',
        value,
        id: `f-pendekatan-${value}`,
        'aria-describedby': `f-pendekatan-${value}-hint`,
        checked: draft.pendekatan === value,
      });
      radio.addEventListener('change', () => {
        if (radio.checked) draft.pendekatan = value;
        changed();
      });
      return h(
        'div',
        { class: 'choice' },
        radio,
        h('label', { for: radio.id }, pendekatanLabel[value]),
        h('p', { class: 'field__hint', id: `f-pendekatan-${value}-hint` }, pendekatanHint[value]),
      );
    }),
  );

  // ——— RHK and IKI ———
  const kindOptions = jpt
    ? [
        { value: '', label: '— Pilih perspektif —' },
        ...perspektifJpt.map((p) => ({ value: p, label: perspektifLabel[p] })),
      ]
    : [{ value: '', label: '— Pilih aspek —' }, ...aspekIki.map((a) => ({ value: a, label: aspekLabel[a] }))];

  function ikiItem(rhk: RhkDraft, i: number, iki: IkiDraft, j: number): HTMLLIElement {
    const base = `f-rhk-${i}-iki-${j}`;
    const context = ` — RHK ${i + 1}, IKI ${j + 1}`;
    const remove = h(
      'button',
      { type: 'button', class: 'button button--secondary button--small' },
      'Hapus IKI',
      h('span', { class: 'visually-hidden' }, ` ${j + 1} dari RHK ${i + 1}`),
    );
    remove.addEventListener('click', () => {
      rhk.iki.splice(j, 1);
      changed();
      renderRhk(`f-rhk-${i}-iki-add`);
    });
    return h(
      'li',
      { class: 'iki-edit' },
      h(
        'fieldset',
        { class: 'iki-edit__fields' },
        h('legend', {}, `IKI ${j + 1}`, h('span', { class: 'visually-hidden' }, ` dari RHK ${i + 1}`)),
        field({
          id: `${base}-deskripsi`,
          label: 'Indikator kinerja individu',
          context,
          path: `rhk.${i}.iki.${j}.deskripsi`,
          required: true,
          className: 'iki-edit__deskripsi',
          control: bind(textarea({ rows: '2', maxlength: '500' }, iki.deskripsi), (v) => {
            iki.deskripsi = v;
          }),
        }),
        field({
          id: `${base}-${jpt ? 'perspektif' : 'aspek'}`,
          label: jpt ? 'Perspektif' : 'Aspek',
          context,
          path: `rhk.${i}.iki.${j}.${jpt ? 'perspektif' : 'aspek'}`,
          control: bind(select(kindOptions, iki.kind), (v) => {
            iki.kind = v;
          }),
        }),
        field({
          id: `${base}-target`,
          label: 'Target',
          context,
          path: `rhk.${i}.iki.${j}.target`,
          required: true,
          control: bind(input({ maxlength: '100', autocomplete: 'off' }, iki.target), (v) => {
            iki.target = v;
          }),
        }),
        field({
          id: `${base}-satuan`,
          label: 'Satuan',
          context,
          path: `rhk.${i}.iki.${j}.satuan`,
          control: bind(input({ maxlength: '60', autocomplete: 'off' }, iki.satuan), (v) => {
            iki.satuan = v;
          }),
        }),
        h('div', { class: 'iki-edit__actions' }, remove),
      ),
    );
  }

  function rhkItem(rhk: RhkDraft, i: number): HTMLLIElement {
    const base = `f-rhk-${i}`;
    const context = ` — RHK ${i + 1}`;
    const jenis = select(
      [
        { value: 'UTAMA', label: rhkJenisLabel.UTAMA },
        { value: 'TAMBAHAN', label: rhkJenisLabel.TAMBAHAN },
      ],
      rhk.jenis,
    );
    jenis.addEventListener('change', () => {
      rhk.jenis = jenis.value === 'TAMBAHAN' ? 'TAMBAHAN' : 'UTAMA';
      changed();
      // The first choice's wording depends on the kind (required vs optional).
      const first = intervensi.options[0];
      if (first) {
        first.textContent =
          rhk.jenis === 'UTAMA'
            ? '— Pilih hasil kerja yang diintervensi —'
            : 'Tidak mengintervensi (boleh untuk RHK tambahan)';
      }
      if (rhk.jenis === 'UTAMA') intervensi.setAttribute('aria-required', 'true');
      else intervensi.removeAttribute('aria-required');
      intervensiLabelRequired.hidden = rhk.jenis !== 'UTAMA';
    });
    const intervensi = h('select', {}, ...intervensiOptions(options.targets, rhk.jenis, rhk.intervensi));
    intervensi.value = rhk.intervensi;
    bind(intervensi, (v) => {
      rhk.intervensi = v;
    });
    const intervensiField = field({
      id: `${base}-intervensi`,
      label: 'Hasil kerja pimpinan yang diintervensi',
      context,
      path: `rhk.${i}.intervensi`,
      hint: intervensiHint(options.targets),
      control: intervensi,
    });
    // "(wajib)" only for an RHK utama; kept in the label so it follows a change of kind.
    const intervensiLabelRequired = h('span', { class: 'field__required' }, ' (wajib untuk RHK utama)');
    intervensiField.querySelector('label')?.append(intervensiLabelRequired);
    intervensiLabelRequired.hidden = rhk.jenis !== 'UTAMA';
    if (rhk.jenis === 'UTAMA') intervensi.setAttribute('aria-required', 'true');

    const addIki = h(
      'button',
      { type: 'button', class: 'button button--secondary button--small', id: `${base}-iki-add` },
      'Tambah IKI',
      h('span', { class: 'visually-hidden' }, ` untuk RHK ${i + 1}`),
    );
    addIki.addEventListener('click', () => {
      rhk.iki.push(blankIki());
      changed();
      renderRhk(`${base}-iki-${rhk.iki.length - 1}-deskripsi`);
    });
    const remove = h(
      'button',
      { type: 'button', class: 'button button--secondary button--small button--danger' },
      `Hapus RHK ${i + 1}`,
    );
    remove.addEventListener('click', () => {
      draft.rhk.splice(i, 1);
      changed();
      renderRhk(draft.rhk.length > 0 ? `f-rhk-${Math.max(0, i - 1)}-jenis` : 'f-rhk-add');
    });
    return h(
      'li',
      { class: 'rhk-edit' },
      h(
        'fieldset',
        { class: 'rhk-edit__fields' },
        h('legend', { class: 'rhk-edit__legend' }, `RHK ${i + 1}`),
        h(
          'div',
          { class: 'rhk-edit__row' },
          field({ id: `${base}-jenis`, label: 'Jenis RHK', context, path: `rhk.${i}.jenis`, control: jenis }),
        ),
        field({
          id: `${base}-deskripsi`,
          label: 'Uraian rencana hasil kerja',
          context,
          path: `rhk.${i}.deskripsi`,
          required: true,
          control: bind(textarea({ rows: '3', maxlength: '500' }, rhk.deskripsi), (v) => {
            rhk.deskripsi = v;
          }),
        }),
        intervensiField,
        h(
          'div',
          { class: 'iki-edit-group' },
          h('h3', { class: 'iki-edit-group__title' }, `Indikator kinerja RHK ${i + 1}`),
          groupError(`${base}-iki-error`, `rhk.${i}.iki`, addIki.id),
          rhk.iki.length === 0
            ? h('p', { class: 'empty-note' }, 'Belum ada indikator. Setiap RHK memerlukan minimal satu IKI.')
            : h('ol', { class: 'iki-edit-list' }, ...rhk.iki.map((iki, j) => ikiItem(rhk, i, iki, j))),
          h('div', { class: 'iki-edit-group__actions' }, addIki),
        ),
        h('div', { class: 'rhk-edit__actions' }, remove),
      ),
    );
  }

  function renderRhk(focusId?: string): void {
    rhkHost.replaceChildren(...draft.rhk.map((rhk, i) => rhkItem(rhk, i)));
    rhkHost.hidden = draft.rhk.length === 0;
    rhkEmpty.hidden = draft.rhk.length > 0;
    if (focusId) document.getElementById(focusId)?.focus();
  }

  const addRhk = h(
    'button',
    { type: 'button', class: 'button button--secondary', id: 'f-rhk-add' },
    'Tambah RHK',
  );
  addRhk.addEventListener('click', () => {
    draft.rhk.push({
      jenis: draft.rhk.some((r) => r.jenis === 'UTAMA') ? 'TAMBAHAN' : 'UTAMA',
      deskripsi: '',
      intervensi: '',
      iki: [blankIki()],
    });
    changed();
    renderRhk(`f-rhk-${draft.rhk.length - 1}-jenis`);
  });
  const rhkEmpty = h(
    'p',
    { class: 'empty-note' },
    'Belum ada rencana hasil kerja. Mulai dengan “Tambah RHK”.',
  );

  // ——— Perilaku kerja ———
  const perilaku = h(
    'ul',
    { class: 'perilaku-edit' },
    ...berakhlak.map((value) =>
      h(
        'li',
        { class: 'perilaku-edit__item' },
        h('h3', { class: 'perilaku-edit__nama' }, value.nama),
        h('ul', { class: 'perilaku-view__indikator' }, ...value.indikator.map((text) => h('li', {}, text))),
        field({
          id: `f-perilaku-${value.kode}`,
          label: 'Ekspektasi khusus pimpinan',
          context: ` — ${value.nama}`,
          path: `perilaku.${value.kode}`,
          control: bind(textarea({ rows: '2', maxlength: '500' }, draft.perilaku[value.kode] ?? ''), (v) => {
            draft.perilaku[value.kode] = v;
          }),
        }),
      ),
    ),
  );

  // ——— Lampiran ———
  function renderLampiran(key: LampiranKey, focusId?: string): void {
    const section = lampiranSections.find((s) => s.key === key);
    const host = lampiranHosts.get(key);
    if (!section || !host) return;
    const items = draft.lampiran[key];
    host.replaceChildren(
      ...items.map((text, k) => {
        const remove = h(
          'button',
          { type: 'button', class: 'button button--secondary button--small' },
          'Hapus',
          h('span', { class: 'visually-hidden' }, ` ${section.item.toLowerCase()} ${k + 1}`),
        );
        remove.addEventListener('click', () => {
          items.splice(k, 1);
          changed();
          renderLampiran(key, `f-lampiran-${key}-add`);
        });
        return h(
          'li',
          { class: 'lampiran-edit__item' },
          field({
            id: `f-lampiran-${key}-${k}`,
            label: `${section.item} ${k + 1}`,
            path: `lampiran.${key}.${k}`,
            className: 'field--grow',
            control: bind(input({ maxlength: '500', autocomplete: 'off' }, text), (v) => {
              items[k] = v;
            }),
          }),
          remove,
        );
      }),
    );
    host.hidden = items.length === 0;
    if (focusId) document.getElementById(focusId)?.focus();
  }

  const lampiran = lampiranSections.map((section) => {
    const host = h('ol', { class: 'lampiran-edit__list' });
    lampiranHosts.set(section.key, host);
    const add = h(
      'button',
      {
        type: 'button',
        class: 'button button--secondary button--small',
        id: `f-lampiran-${section.key}-add`,
      },
      `Tambah ${section.item.toLowerCase()}`,
    );
    add.addEventListener('click', () => {
      draft.lampiran[section.key].push('');
      changed();
      renderLampiran(section.key, `f-lampiran-${section.key}-${draft.lampiran[section.key].length - 1}`);
    });
    return h(
      'fieldset',
      { class: 'lampiran-edit' },
      h('legend', {}, section.title),
      h('p', { class: 'field__hint' }, section.hint),
      groupError(`f-lampiran-${section.key}-error`, `lampiran.${section.key}`, add.id),
      host,
      h('div', {}, add),
    );
  });

  // ——— Save and submit ———
  const save = h('button', { type: 'submit', class: 'button' }, 'Simpan draf');
  const submit = h(
    'button',
    { type: 'button', class: 'button button--secondary' },
    'Ajukan ke pejabat penilai',
  );

  /** Saves if anything changed; false if the page showed why it could not. */
  async function saveDraft(): Promise<boolean> {
    clearFieldErrors(form);
    errorBox.replaceChildren();
    const missing = missingText(draft);
    if (missing.length > 0) {
      const { placed, rest } = placeFieldErrors(form, missing);
      showErrorSummary(errorBox, 'Draf belum dapat disimpan: lengkapi isian yang ditandai.', placed, rest);
      const first = placed[0]?.focusId;
      if (first) document.getElementById(first)?.focus();
      status.textContent = '';
      return false;
    }
    if (!dirty) return true;
    status.textContent = 'Menyimpan draf…';
    try {
      const saved = await kinerjaApi.updateSkp(skp, toContent(draft, skp));
      skp = saved;
      // New RHK/IKI got their ids: keep them, so the next save updates rather than adds.
      draft.rhk.forEach((r, i) => {
        const stored = saved.rhk[i];
        r.id = stored?.id;
        r.iki.forEach((k, j) => {
          k.id = stored?.iki[j]?.id;
        });
      });
      dirty = false;
      status.textContent = `Draf tersimpan (${formatWib(new Date().toISOString())}).`;
      options.onSaved(saved);
      return true;
    } catch (error) {
      status.textContent = '';
      showSaveError(form, errorBox, error);
      return false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(save, saveDraft);
  });

  submit.addEventListener('click', () => {
    void busy(submit, async () => {
      if (!(await saveDraft())) return;
      status.textContent = 'Mengajukan SKP kepada pejabat penilai…';
      try {
        const submitted = await kinerjaApi.transition(skp, 'ajukan');
        status.textContent = '';
        options.onSubmitted(submitted);
      } catch (error) {
        status.textContent = '';
        showSaveError(form, errorBox, error);
      }
    });
  });

  const section = (id: string, title: string, ...body: (Node | null)[]) =>
    h(
      'section',
      { class: 'panel skp-edit__section', 'aria-labelledby': id },
      h('h2', { id }, title),
      ...body,
    );

  form.replaceChildren(
    section('ed-pendekatan', 'Pendekatan', pendekatan),
    section(
      'ed-hasil',
      'Hasil kerja',
      h(
        'p',
        { class: 'section-intro' },
        options.targets?.penilai
          ? `Pejabat penilai Anda: ${options.targets.penilai.nama}. Setiap RHK utama mendukung (mengintervensi) RHK atau hasil kunci beliau; RHK tambahan boleh tidak.`
          : 'Setiap RHK utama mendukung (mengintervensi) hasil kerja pejabat penilai; RHK tambahan boleh tidak.',
      ),
      groupError('f-rhk-error', 'rhk', 'f-rhk-add'),
      rhkEmpty,
      rhkHost,
      h('div', { class: 'skp-edit__add' }, addRhk),
    ),
    section(
      'ed-perilaku',
      'Perilaku kerja (BerAKHLAK)',
      h(
        'p',
        { class: 'section-intro' },
        'Tujuh nilai dasar beserta pedoman perilakunya berlaku sama bagi setiap pegawai. Ekspektasi khusus pimpinan boleh dikosongkan.',
      ),
      perilaku,
    ),
    section('ed-lampiran', 'Lampiran', ...lampiran),
    h(
      'div',
      { class: 'panel skp-edit__actions' },
      errorBox,
      status,
      h('div', { class: 'button-row' }, save, submit),
      h(
        'p',
        { class: 'field__hint' },
        '“Ajukan” menyimpan perubahan lebih dahulu, lalu mengirim SKP kepada pejabat penilai untuk disetujui.',
      ),
    ),
  );
  renderRhk();
  for (const s of lampiranSections) renderLampiran(s.key);
}
