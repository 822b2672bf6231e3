// Cursor paging that can go back: the API only knows "next", so the cursors of visited pages are kept.

export class CursorStack {
  /** Cursor of each visited page; the first page has none. */
  #visited: (string | undefined)[] = [undefined];
  #next: string | null = null;

  get current(): string | undefined {
    return this.#visited.at(-1);
  }

  /** 1-based number of the current page. */
  get page(): number {
    return this.#visited.length;
  }

  get hasPrevious(): boolean {
    return this.#visited.length > 1;
  }

  get hasNext(): boolean {
    return this.#next !== null;
  }

  /** Records the `nextCursor` of the page just loaded. */
  received(nextCursor: string | null): void {
    this.#next = nextCursor;
  }

  forward(): boolean {
    if (this.#next === null) return false;
    this.#visited.push(this.#next);
    this.#next = null;
    return true;
  }

  back(): boolean {
    if (!this.hasPrevious) return false;
    this.#visited.pop();
    this.#next = null;
    return true;
  }

  reset(): void {
    this.#visited = [undefined];
    this.#next = null;
  }
}
