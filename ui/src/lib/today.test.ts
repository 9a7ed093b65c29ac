import { describe, expect, it } from 'vitest';
import type { AgendaSections } from '../api';
import { askEarly, dropEarly, FIRST, firstCounts, takeEarly, type TodayAnswer } from './today';

const sections: AgendaSections = { items: [], counts: { overdue: 3, due_soon: 0, info: 1 } };

describe("Today's first answer, asked early", () => {
  it('is taken once, by the first load', async () => {
    let asked = 0;
    askEarly(async (): Promise<TodayAnswer> => {
      asked += 1;
      return [sections, false];
    });
    expect(await takeEarly()).toEqual([sections, false]);
    expect(await takeEarly()).toBeNull();
    expect(asked).toBe(1);
  });

  it('is not used when it failed (a locked database), nor once dropped', async () => {
    askEarly(() => Promise.reject(new Error('locked')));
    expect(await takeEarly()).toBeNull();
    askEarly(async () => [sections, true]);
    dropEarly();
    expect(await takeEarly()).toBeNull();
  });

  it('asks for the first lines of each section', () => {
    expect(firstCounts()).toEqual({ overdue: FIRST, due_soon: FIRST, info: FIRST });
  });
});
