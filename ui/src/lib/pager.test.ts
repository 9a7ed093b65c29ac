import { describe, expect, it } from 'vitest';
import type { Page, PageRequest } from '../api';
import { Pager } from './pager.svelte';

/** A list of `n` numbered rows served a page at a time, as the shell does. */
function serve(n: number) {
  const asked: PageRequest[] = [];
  const fetch = async (page: PageRequest): Promise<Page<number>> => {
    asked.push(page);
    const start = page.after === null ? 0 : Number(page.after) + 1;
    const items = Array.from({ length: Math.min(page.limit ?? n, n - start) }, (_, i) => start + i);
    const last = items[items.length - 1];
    return { items, next: last !== undefined && last < n - 1 ? String(last) : null, total: n };
  };
  return { fetch, asked };
}

describe('a paged list', () => {
  it('shows the first page and the whole count, then the next page after the last row', async () => {
    const pager = new Pager<number>(100);
    const { fetch, asked } = serve(250);
    await pager.reset(fetch);
    expect(pager.items.length).toBe(100);
    expect(pager.total).toBe(250);
    await pager.more();
    await pager.more();
    expect(pager.items).toEqual(Array.from({ length: 250 }, (_, i) => i));
    await pager.more();
    expect(asked.length).toBe(3);
    expect(asked.map((a) => a.limit)).toEqual([100, 100, 100]);
  });

  it('drops a page that answers after the list was started again', async () => {
    const pager = new Pager<number>(10);
    let release: () => void = () => {};
    const slow = (page: PageRequest) =>
      new Promise<Page<number>>((resolve) => {
        release = () => resolve({ items: [999], next: null, total: 1 });
        void page;
      });
    const first = pager.reset(slow);
    await pager.reset(serve(5).fetch);
    release();
    await first;
    expect(pager.items).toEqual([0, 1, 2, 3, 4]);
  });

  it('lets go of its rows when the screen closes', async () => {
    const pager = new Pager<number>(10);
    await pager.reset(serve(30).fetch);
    pager.clear();
    expect(pager.items).toEqual([]);
    await pager.more();
    expect(pager.items).toEqual([]);
  });
});
