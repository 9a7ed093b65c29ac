// A list read a page at a time, as the screens with long lists (delegations, people,
// organisations, the trash) show it: the first page at once, the next one when the
// person scrolls near the end. Rows are kept raw (not deeply reactive) so that thousands
// of them cost what their data costs, and `clear` lets go of them when the screen closes.
import type { Page, PageRequest } from '../api';

export type FetchPage<T> = (page: PageRequest) => Promise<Page<T>>;

/** Rows a screen asks for at a time. */
export const PAGE_SIZE = 100;

export class Pager<T> {
  items = $state.raw<T[]>([]);
  /** How many rows the whole list has, counted by the store. */
  total = $state(0);
  loading = $state(false);
  /** The first page has arrived (so an empty list is really empty). */
  loaded = $state(false);
  error = $state<unknown>(null);
  next = $state<string | null>(null);
  #fetch: FetchPage<T> | null = null;
  // Answers to a request made before the latest `reset` are dropped.
  #generation = 0;
  readonly size: number;

  constructor(size = PAGE_SIZE) {
    this.size = size;
  }

  /** Reads the first page with `fetch` (a new filter or order starts the list again). */
  async reset(fetch: FetchPage<T>): Promise<void> {
    this.#fetch = fetch;
    const mine = ++this.#generation;
    this.loading = true;
    try {
      const page = await fetch({ limit: this.size, after: null });
      if (mine !== this.#generation) return;
      this.items = page.items;
      this.total = page.total;
      this.next = page.next;
      this.error = null;
      this.loaded = true;
    } catch (e) {
      if (mine === this.#generation) this.error = e;
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }

  /** Reads the page after the rows shown, if there is one and none is on its way. */
  async more(): Promise<void> {
    const fetch = this.#fetch;
    if (!fetch || this.next === null || this.loading) return;
    const mine = this.#generation;
    this.loading = true;
    try {
      const page = await fetch({ limit: this.size, after: this.next });
      if (mine !== this.#generation) return;
      this.items = [...this.items, ...page.items];
      this.total = page.total;
      this.next = page.next;
    } catch (e) {
      if (mine === this.#generation) this.error = e;
    } finally {
      if (mine === this.#generation) this.loading = false;
    }
  }

  /** Lets go of every row (the screen closed); answers still on their way are dropped. */
  clear(): void {
    this.#generation++;
    this.#fetch = null;
    this.items = [];
    this.next = null;
    this.total = 0;
    this.loaded = false;
    this.loading = false;
  }
}
