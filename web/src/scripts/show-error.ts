// Fills an alert box with what went wrong: the API's Indonesian detail and its field errors, as text.

import { describeError } from '../lib/api.ts';
import { h } from '../lib/dom.ts';

export function showError(box: HTMLElement, error: unknown): void {
  const { detail, errors } = describeError(error);
  const list = h('ul', {}, ...errors.map((e) => h('li', {}, e.message)));
  box.replaceChildren(h('p', {}, detail), ...(errors.length > 0 ? [list] : []));
}
