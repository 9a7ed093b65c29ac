import { describe, expect, it, vi } from 'vitest';
import type { AgendaSections, AppInfo } from '../api';
import {
  answered,
  askEarly,
  dropEarly,
  FIRST,
  firstCounts,
  takeEarly,
  takeEarlyInfo,
  type Asks,
  type TodayAnswer,
} from './today';

const sections: AgendaSections = { items: [], counts: { overdue: 3, due_soon: 0, info: 1 } };
const info = { database_path: 'office.sqlite' } as AppInfo;

/** Asks answered at once, counting how often each was asked. */
function asks(today: () => Promise<TodayAnswer> = async () => [sections, false]) {
  const asked = { today: 0, info: 0 };
  const ask: Asks = {
    today: () => {
      asked.today += 1;
      return today();
    },
    info: async () => {
      asked.info += 1;
      return info;
    },
  };
  return { ask, asked };
}

describe("The window's first answers, asked early", () => {
  it('are each taken once, by the first to need them', async () => {
    const { ask, asked } = asks();
    askEarly(ask);
    expect(await takeEarly()).toEqual([sections, false]);
    expect(await takeEarly()).toBeNull();
    expect(await takeEarlyInfo()).toEqual(info);
    expect(await takeEarlyInfo()).toBeNull();
    expect(asked).toEqual({ today: 1, info: 1 });
  });

  it('are not used when they failed (a locked database), nor once dropped', async () => {
    askEarly({ today: () => Promise.reject(new Error('locked')), info: () => Promise.reject(new Error('locked')) });
    expect(await takeEarly()).toBeNull();
    expect(await takeEarlyInfo()).toBeNull();
    askEarly(asks(async () => [sections, true]).ask);
    dropEarly();
    expect(await takeEarly()).toBeNull();
    // The database's name is still the window's to take.
    expect(await takeEarlyInfo()).toEqual(info);
  });

  it('let the first screen be drawn once they came, or after the limit from a slow engine', async () => {
    askEarly(asks().ask);
    let drawn = false;
    await answered(10_000).then(() => (drawn = true));
    expect(drawn).toBe(true);

    vi.useFakeTimers();
    try {
      // An engine that does not answer (still opening a large file).
      askEarly(asks(() => new Promise<TodayAnswer>(() => {})).ask);
      let late = false;
      void answered(250).then(() => (late = true));
      await vi.advanceTimersByTimeAsync(249);
      expect(late).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(late).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks for the first lines of each section', () => {
    expect(firstCounts()).toEqual({ overdue: FIRST, due_soon: FIRST, info: FIRST });
  });
});
