// HR-only pages: someone signed in without HR powers is told so (and where to go) instead of seeing controls
// that would all be refused; an HR admin whose scope does not cover a page gets the API's own refusal.

import { ApiError } from '../lib/api.ts';
import { h } from '../lib/dom.ts';
import { currentPerson, isAdmin } from '../lib/session.ts';

export interface Gate {
  /** What the page is, for the explanation ("Dasbor SDM"). */
  what: string;
  /** Everything the page shows to HR, hidden for others. */
  content: HTMLElement;
  /** Where the explanation goes. */
  notice: HTMLElement;
}

function explain(gate: Gate, first: string): void {
  gate.content.hidden = true;
  gate.notice.replaceChildren(
    h(
      'div',
      { class: 'notice', role: 'status' },
      h('p', {}, first),
      h(
        'p',
        {},
        `${gate.what} dikelola Biro SDM. Kembali ke `,
        h('a', { href: '/' }, 'Beranda/Organisasi'),
        ', atau buka “Profil saya” di bagian atas halaman.',
      ),
    ),
  );
}

/**
 * True for an HR admin (with `'ALL'`: of the whole ministry, as the API's adminAll routes need); for anyone
 * else the page explains itself and stays empty.
 */
export async function requireAdmin(gate: Gate, scope?: 'ALL'): Promise<boolean> {
  const person = await currentPerson().catch(() => null);
  if (!isAdmin(person)) {
    explain(gate, 'Halaman ini khusus admin SDM.');
    return false;
  }
  if (scope === 'ALL' && person?.adminScope !== 'ALL') {
    explain(gate, 'Halaman ini khusus admin SDM tingkat kementerian.');
    return false;
  }
  return true;
}

/**
 * A 403 (e.g. a route reserved for admins of scope ALL, opened by an admin of some units): the API's sentence,
 * once, in place of the page. Returns whether the error was such a refusal.
 */
export function explainForbidden(gate: Gate, error: unknown): boolean {
  if (!(error instanceof ApiError && error.status === 403)) return false;
  if (!gate.content.hidden) explain(gate, error.message);
  return true;
}
