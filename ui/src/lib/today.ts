// Today's first answer, asked for as soon as the page's script runs. The window's first calls
// (the database's state, its name for the last view) and the mounting of the screens used to
// come first, and Today's lines were asked for only once its screen was mounted: one more
// round trip to the engine and the mounting on every start. The answer is taken once, by
// Today's first load; a window that opens on another screen drops it, so that Today, opened
// later, reads afresh.
import { api, type AgendaSections, type SectionCounts } from '../api';

/** The lines each section of Today draws first: about a window's height of the first. */
export const FIRST = 20;
/** How many more lines each "Show more" draws. */
export const STEP = 50;

export const firstCounts = (): SectionCounts => ({ overdue: FIRST, due_soon: FIRST, info: FIRST });

/** Today's lines, and whether the database holds no record at all (the first start). */
export type TodayAnswer = [AgendaSections, boolean];

const askNow = (): Promise<TodayAnswer> => Promise.all([api.todayAgenda(firstCounts()), api.isEmpty()]);

let early: Promise<TodayAnswer | null> | null = null;

/** Asks for Today's first lines now. A failure is not said here: Today asks again. */
export function askEarly(ask: () => Promise<TodayAnswer> = askNow): void {
  early = ask().catch(() => null);
}

/** The early answer, once; null when none was asked, it failed or it was dropped. */
export async function takeEarly(): Promise<TodayAnswer | null> {
  const mine = early;
  early = null;
  return mine ? await mine : null;
}

/** Forgets the early answer: the window opened on another screen. */
export function dropEarly(): void {
  early = null;
}
