// Field errors of HR's forms: each problem beside its field (aria-invalid, aria-describedby), the rest in the
// form's alert box; problem+json `errors[].path` is matched to a field by the form's own lookup.

import { describeError } from '../lib/api.ts';
import { byId, h } from '../lib/dom.ts';

export type FieldControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface Field {
  control: FieldControl;
  error: HTMLElement;
}

/** `<control id="x" aria-describedby="… x-error">` with `<p class="field__error" id="x-error">` beside it. */
export const field = (id: string): Field => ({
  control: byId(id, HTMLElement) as FieldControl,
  error: byId(`${id}-error`, HTMLElement),
});

export function setFieldError(target: Field, message: string): void {
  target.error.textContent = message;
  if (message) target.control.setAttribute('aria-invalid', 'true');
  else target.control.removeAttribute('aria-invalid');
}

export function clearFieldErrors(fields: Iterable<Field>, box?: HTMLElement): void {
  for (const target of fields) setFieldError(target, '');
  box?.replaceChildren();
}

/**
 * Shows a failure: every error whose path names a field goes beside it, the API's sentence and the errors that
 * name no field go to `box`. The first field with an error gets focus; without any, the box is scrolled to.
 */
export function showProblem(
  error: unknown,
  lookup: (path: string) => Field | undefined,
  box: HTMLElement,
): void {
  const { detail, errors } = describeError(error);
  const byField = new Map<Field, string[]>();
  const rest: string[] = [];
  for (const problem of errors) {
    const target = lookup(problem.path);
    if (target) byField.set(target, [...(byField.get(target) ?? []), problem.message]);
    else rest.push(problem.message);
  }
  for (const [target, messages] of byField) setFieldError(target, messages.join(' '));
  box.replaceChildren(
    h('p', {}, detail),
    ...(rest.length > 0 ? [h('ul', {}, ...rest.map((message) => h('li', {}, message)))] : []),
  );
  const first = [...byField.keys()][0];
  if (first) first.control.focus();
  else box.scrollIntoView({ block: 'nearest' });
}

/** Marks a form busy (its submit button aria-disabled, not disabled, so focus stays); returns the undo. */
export function busy(form: HTMLElement, button: HTMLButtonElement): () => void {
  form.setAttribute('aria-busy', 'true');
  button.setAttribute('aria-disabled', 'true');
  return () => {
    form.setAttribute('aria-busy', 'false');
    button.setAttribute('aria-disabled', 'false');
  };
}

export const isBusy = (button: HTMLButtonElement): boolean => button.getAttribute('aria-disabled') === 'true';
