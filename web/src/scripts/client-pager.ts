// Paging of a list the page already holds (the late people of a unit, the units of a distribution): the pager
// component's buttons and page line, without the API. The pager hides itself when everything fits one page.

import { byId } from '../lib/dom.ts';

export interface ClientPager {
  /** A new list of `count` items: back to its first page. */
  reset(count: number): void;
  /** The items of the page shown. */
  slice<T>(items: readonly T[]): T[];
}

export function clientPager(id: string, pageSize: number, onChange: () => void): ClientPager {
  const prev = byId(`${id}-prev`, HTMLButtonElement);
  const next = byId(`${id}-next`, HTMLButtonElement);
  const pageLine = byId(`${id}-page`, HTMLElement);
  const nav = prev.closest('nav') ?? prev;
  let index = 0;
  let count = 0;
  const pages = () => Math.max(1, Math.ceil(count / pageSize));

  const update = () => {
    nav.hidden = pages() <= 1;
    prev.setAttribute('aria-disabled', String(index === 0));
    next.setAttribute('aria-disabled', String(index >= pages() - 1));
    pageLine.textContent = `Halaman ${index + 1} dari ${pages()}`;
  };

  const go = (to: number) => {
    if (to < 0 || to >= pages() || to === index) return;
    index = to;
    update();
    onChange();
  };
  prev.addEventListener('click', () => go(index - 1));
  next.addEventListener('click', () => go(index + 1));

  return {
    reset(total) {
      count = total;
      index = 0;
      update();
    },
    slice: (items) => items.slice(index * pageSize, (index + 1) * pageSize),
  };
}
