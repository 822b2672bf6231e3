// One paged list on screen: loads a page, keeps the cursor stack, drives status, error box and pager buttons.

import { isAbort, type Page } from '../lib/api.ts';
import { CursorStack } from '../lib/cursor-stack.ts';
import { byId } from '../lib/dom.ts';
import { formatNumber } from '../lib/format.ts';
import { showError } from './show-error.ts';

export interface PagedListOptions<T> {
  /** Id prefix shared with the list-status and pager components. */
  id: string;
  /** The element marked aria-busy while a page loads (usually the table). */
  busy: HTMLElement;
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>;
  render: (items: T[]) => void;
  /** Status text when the first page is empty (e.g. "Belum ada pegawai di unit ini."). */
  emptyText: () => string;
  /** Noun for the count line, e.g. "pegawai". */
  noun: string;
  /** Shows a failure its own way (e.g. a refusal explained as a notice); false: the error box shows it. */
  handleError?: (error: unknown) => boolean;
}

export interface PagedList {
  /** Starts again at the first page (new search, sort or unit). */
  reload: () => Promise<void>;
}

export function pagedList<T>(options: PagedListOptions<T>): PagedList {
  const status = byId(`${options.id}-status`, HTMLElement);
  const errorBox = byId(`${options.id}-error`, HTMLElement);
  const prev = byId(`${options.id}-prev`, HTMLButtonElement);
  const next = byId(`${options.id}-next`, HTMLButtonElement);
  const pageInfo = byId(`${options.id}-page`, HTMLElement);
  const cursors = new CursorStack();
  let controller: AbortController | undefined;
  const setEnabled = (button: HTMLButtonElement, enabled: boolean) =>
    button.setAttribute('aria-disabled', String(!enabled));

  const load = async () => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    options.busy.setAttribute('aria-busy', 'true');
    setEnabled(prev, false);
    setEnabled(next, false);
    status.textContent = 'Memuat…';
    errorBox.replaceChildren();
    try {
      const page = await options.fetchPage(cursors.current, current.signal);
      cursors.received(page.nextCursor);
      options.render(page.items);
      status.textContent =
        page.items.length === 0 && cursors.page === 1
          ? options.emptyText()
          : `Menampilkan ${formatNumber(page.items.length)} ${options.noun} di halaman ${cursors.page}.`;
      pageInfo.textContent = `Halaman ${cursors.page}`;
    } catch (error) {
      if (isAbort(error)) return;
      options.render([]);
      status.textContent = '';
      pageInfo.textContent = '';
      if (!options.handleError?.(error)) showError(errorBox, error);
    } finally {
      if (controller === current) {
        options.busy.setAttribute('aria-busy', 'false');
        setEnabled(prev, cursors.hasPrevious);
        setEnabled(next, cursors.hasNext);
      }
    }
  };

  // Clicks while a page loads are ignored: the buttons stay aria-disabled until it arrives.
  prev.addEventListener('click', () => {
    if (prev.getAttribute('aria-disabled') !== 'true' && cursors.back()) void load();
  });
  next.addEventListener('click', () => {
    if (next.getAttribute('aria-disabled') !== 'true' && cursors.forward()) void load();
  });

  return {
    reload: () => {
      cursors.reset();
      return load();
    },
  };
}
