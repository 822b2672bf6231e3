// Form pieces shared by the planning and evaluation pages: a labelled field with its hint and its error
// line, problem+json field errors (`errors[].path`, e.g. `rhk.1.iki.0.aspek`) placed beside the field
// they name, an error summary whose entries move focus to their field, and the period picker.

import { ApiError, describeError } from '../lib/api.ts';
import { isVersionConflict, kinerjaApi, type Period } from '../lib/api-kinerja.ts';
import { h } from '../lib/dom.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldOptions {
  /** The control's id; its hint is `<id>-hint`, its error line `<id>-error`. */
  id: string;
  label: string;
  /** Read with the label but not shown (e.g. " — RHK 2, IKI 1"), so repeated labels stay distinct. */
  context?: string;
  /** The API's field path, so a problem naming it lands here. */
  path?: string;
  hint?: string;
  required?: boolean;
  control: Control;
  className?: string;
}

/** A `.field`: label (with any hidden context), hint, control, and the error line below the control. */
export function field(options: FieldOptions): HTMLDivElement {
  const { control } = options;
  const hintId = options.hint ? `${options.id}-hint` : null;
  const errorId = `${options.id}-error`;
  control.id = options.id;
  if (options.path) control.dataset.path = options.path;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (options.required) control.setAttribute('aria-required', 'true');
  return h(
    'div',
    { class: `field${options.className ? ` ${options.className}` : ''}` },
    h(
      'label',
      { for: options.id },
      options.label,
      options.context ? h('span', { class: 'visually-hidden' }, options.context) : null,
      options.required ? h('span', { class: 'field__required' }, ' (wajib)') : null,
    ),
    hintId ? h('p', { class: 'field__hint', id: hintId }, options.hint) : null,
    control,
    h('p', { class: 'field__error', id: errorId }),
  );
}

export const input = (attrs: Record<string, string | boolean | undefined>, value = '') => {
  const element = h('input', { type: 'text', ...attrs });
  element.value = value;
  return element;
};

export const textarea = (attrs: Record<string, string | boolean | undefined>, value = '') => {
  const element = h('textarea', attrs);
  element.value = value;
  return element;
};

export function select(
  options: { value: string; label: string }[],
  value: string,
  attrs: Record<string, string | boolean | undefined> = {},
): HTMLSelectElement {
  const element = h('select', attrs, ...options.map((o) => h('option', { value: o.value }, o.label)));
  element.value = value;
  return element;
}

/**
 * An error line for a group rather than one control (e.g. `rhk` "at least one RHK", `rhk.0.iki`): placed
 * where the group is, with the control that focus should move to when the summary links to it.
 */
export const groupError = (id: string, path: string, focusId: string) =>
  h('p', { class: 'field__error', id, 'data-error-for': path, 'data-focus': focusId });

/** Removes every field error below `root`. */
export function clearFieldErrors(root: ParentNode): void {
  for (const line of root.querySelectorAll<HTMLElement>('.field__error')) line.textContent = '';
  for (const control of root.querySelectorAll('[aria-invalid="true"]'))
    control.removeAttribute('aria-invalid');
}

/** Shows one message beside a control (and marks it invalid); an empty message clears it. */
export function setFieldError(control: Control, message: string): void {
  const line = document.getElementById(`${control.id}-error`);
  if (line) line.textContent = message;
  if (message) control.setAttribute('aria-invalid', 'true');
  else control.removeAttribute('aria-invalid');
}

interface Placed {
  message: string;
  /** The control to focus (the field, or a group's button). */
  focusId: string;
}

const cssEscape = (value: string) => (typeof CSS !== 'undefined' ? CSS.escape(value) : value);

/**
 * Puts each problem beside the field its path names — or, if that field is not on screen, beside the
 * nearest group its path is inside (`rhk.0.iki.3` → `rhk.0.iki`). Returns what was placed and the rest.
 */
export function placeFieldErrors(
  root: ParentNode,
  errors: readonly { path: string; message: string }[],
): { placed: Placed[]; rest: { path: string; message: string }[] } {
  const placed: Placed[] = [];
  const rest: { path: string; message: string }[] = [];
  for (const error of errors) {
    let path = error.path;
    let target: Element | null = null;
    while (path && !target) {
      target =
        root.querySelector(`[data-path="${cssEscape(path)}"]`) ??
        root.querySelector(`[data-error-for="${cssEscape(path)}"]`);
      if (!target) path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
    }
    if (
      target instanceof HTMLInputElement ||
      target instanceof HTMLSelectElement ||
      target instanceof HTMLTextAreaElement
    ) {
      const line = document.getElementById(`${target.id}-error`);
      const before = line?.textContent ?? '';
      setFieldError(target, before ? `${before} ${error.message}` : error.message);
      placed.push({ message: error.message, focusId: target.id });
    } else if (target instanceof HTMLElement) {
      target.textContent = target.textContent ? `${target.textContent} ${error.message}` : error.message;
      placed.push({ message: error.message, focusId: target.dataset.focus ?? '' });
    } else {
      rest.push(error);
    }
  }
  // In the order of the form, whatever order the API listed them in: the summary reads top to bottom and
  // focus goes to the first problem on the page.
  const at = (p: Placed) => (p.focusId ? document.getElementById(p.focusId) : null);
  placed.sort((a, b) => {
    const x = at(a);
    const y = at(b);
    if (!x || !y || x === y) return 0;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return { placed, rest };
}

/** The label of a control as read (visible text plus hidden context), for the error summary. */
function labelOf(id: string): string {
  const control = document.getElementById(id);
  // A radio stands for its group: the group's legend names it.
  const label =
    control instanceof HTMLInputElement && control.type === 'radio'
      ? control.closest('fieldset')?.querySelector('legend')
      : document.querySelector(`label[for="${cssEscape(id)}"]`);
  return (label?.textContent ?? '').replace(/ \(wajib[^)]*\)/, '').trim();
}

/**
 * Fills an alert box: the API's detail, then each field problem as a link that moves focus to its field
 * (the field also shows it beside itself), then problems no field on screen names.
 */
export function showErrorSummary(
  box: HTMLElement,
  detail: string,
  placed: Placed[],
  rest: { message: string }[] = [],
): void {
  const items = [
    ...placed.map((p) => {
      const label = p.focusId ? labelOf(p.focusId) : '';
      if (!p.focusId) return h('li', {}, p.message);
      const link = h('a', { href: `#${p.focusId}` }, label ? `${label}: ${p.message}` : p.message);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        document.getElementById(p.focusId)?.focus();
      });
      return h('li', {}, link);
    }),
    ...rest.map((r) => h('li', {}, r.message)),
  ];
  box.replaceChildren(h('p', {}, detail), ...(items.length > 0 ? [h('ul', {}, ...items)] : []));
}

/**
 * Shows a failed save: field problems beside their fields with a summary, a version conflict as the
 * instruction to reload, anything else as the API's message. Focus moves to the first problem's field.
 */
export function showSaveError(root: ParentNode, box: HTMLElement, error: unknown): void {
  clearFieldErrors(root);
  if (isVersionConflict(error)) {
    const reload = h(
      'button',
      { type: 'button', class: 'button button--secondary button--small' },
      'Muat ulang',
    );
    reload.addEventListener('click', () => location.reload());
    box.replaceChildren(
      h(
        'p',
        {},
        'Data ini baru saja diubah di tempat lain (mungkin di tab atau perangkat lain). Muat ulang halaman untuk melihat versi terbaru; isian yang belum tersimpan di sini akan hilang.',
      ),
      h('p', {}, reload),
    );
    return;
  }
  const { detail, errors } = describeError(error);
  const { placed, rest } = placeFieldErrors(root, errors);
  showErrorSummary(box, detail, placed, rest);
  const first = placed.find((p) => p.focusId)?.focusId;
  if (first) document.getElementById(first)?.focus();
}

export const isCode = (error: unknown, code: string): boolean =>
  error instanceof ApiError && error.code === code;

/** The period to show first: the one in the address, else this year's (WIB), else the newest. */
export function choosePeriod(periods: readonly Period[], wanted: string | null): Period | undefined {
  const year = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date()),
  );
  return (
    periods.find((p) => p.id === wanted) ?? periods.find((p) => p.tahun === year) ?? periods[0] ?? undefined
  );
}

/**
 * Fills the period picker (newest first) and keeps the choice in the address (`?periode=`); calls `onChange`
 * with the chosen period now and on every change. Resolves with the periods (empty: nothing to pick).
 */
export async function periodPicker(
  picker: HTMLSelectElement,
  onChange: (period: Period) => void,
): Promise<Period[]> {
  const { items } = await kinerjaApi.periods();
  picker.replaceChildren(...items.map((p) => h('option', { value: p.id }, p.nama)));
  const params = new URLSearchParams(location.search);
  const first = choosePeriod(items, params.get('periode'));
  if (!first) return items;
  picker.value = first.id;
  picker.addEventListener('change', () => {
    const period = items.find((p) => p.id === picker.value);
    if (!period) return;
    const next = new URLSearchParams();
    next.set('periode', period.id);
    history.replaceState(null, '', `?${next.toString()}`);
    onChange(period);
  });
  onChange(first);
  return items;
}

/** Marks a button busy (aria-disabled keeps it focusable) while `run` works; ignores clicks meanwhile. */
export async function busy<T>(button: HTMLButtonElement, run: () => Promise<T>): Promise<T | undefined> {
  if (button.getAttribute('aria-disabled') === 'true') return undefined;
  button.setAttribute('aria-disabled', 'true');
  try {
    return await run();
  } finally {
    button.setAttribute('aria-disabled', 'false');
  }
}
