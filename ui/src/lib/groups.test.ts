import { describe, expect, it } from 'vitest';
import { groupBy } from './groups';

describe('groupBy', () => {
  it('keeps the keys in the order they first appear and the items in list order', () => {
    const items = [
      { day: '2017-09-07', what: 'b' },
      { day: '2017-09-06', what: 'a' },
      { day: '2017-09-07', what: 'c' },
    ];
    expect([...groupBy(items, (i) => i.day)]).toEqual([
      ['2017-09-07', [items[0], items[2]]],
      ['2017-09-06', [items[1]]],
    ]);
  });

  it('has no groups for no items', () => {
    expect(groupBy([], (i: string) => i).size).toBe(0);
  });
});
