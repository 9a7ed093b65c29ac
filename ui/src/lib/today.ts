// The window's first answers, asked for as soon as the page's script runs: Today's lines and
// the database's name (for the last view). The window's first calls and the mounting of the
// screens used to come first, and Today's lines were asked for only once its screen was
// mounted: one more round trip to the engine, and a screen drawn twice ("Loading…", then
// the lines) on every start. Now the page waits for both answers, a short while at most
// (`answered`), and draws its first screen once, with them. Each answer is taken once; Today's
// is dropped when the window opens on another screen, so that Today, opened later, reads
// afresh.
import { api, type AgendaSections, type AppInfo, type SectionCounts } from '../api';

/** The lines each section of Today draws first: about a window's height of the first. */
export const FIRST = 20;
/** How many more lines each "Show more" draws. */
export const STEP = 50;

export const firstCounts = (): SectionCounts => ({ overdue: FIRST, due_soon: FIRST, info: FIRST });

/** Today's lines, and whether the database holds no record at all (the first start). */
export type TodayAnswer = [AgendaSections, boolean];

/** What the start asks for; replaced in tests. */
export type Asks = { today: () => Promise<TodayAnswer>; info: () => Promise<AppInfo> };

/** Today's lines, `counts` of each section, and whether the database is empty. */
export const askToday = (counts: SectionCounts): Promise<TodayAnswer> =>
  Promise.all([api.todayAgenda(counts), api.isEmpty()]);

const askNow: Asks = {
  today: () => askToday(firstCounts()),
  info: () => api.appInfo(),
};

let early: Promise<TodayAnswer | null> | null = null;
let earlyInfo: Promise<AppInfo | null> | null = null;

/** Asks for the first answers now. A failure is not said here: whoever needs it asks again. */
export function askEarly(ask: Asks = askNow): void {
  early = ask.today().catch(() => null);
  earlyInfo = ask.info().catch(() => null);
}

/**
 * Settles when both first answers have come, or after `limitMs`: the first screen is then
 * drawn with them, or, from an engine slower than that (a locked database, a large file
 * still opening), without them, saying it is loading.
 */
export function answered(limitMs: number): Promise<void> {
  const both = Promise.all([early, earlyInfo]).then(() => undefined);
  return Promise.race([both, new Promise<void>((done) => setTimeout(done, limitMs))]);
}

/** Today's early answer, once; null when none was asked, it failed or it was dropped. */
export async function takeEarly(): Promise<TodayAnswer | null> {
  const mine = early;
  early = null;
  return mine ? await mine : null;
}

/** The database's name and the app's facts asked for at start, once; null as above. */
export async function takeEarlyInfo(): Promise<AppInfo | null> {
  const mine = earlyInfo;
  earlyInfo = null;
  return mine ? await mine : null;
}

/** Forgets Today's early answer: the window opened on another screen. */
export function dropEarly(): void {
  early = null;
}
