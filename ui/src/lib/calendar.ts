// Which view the Calendar opens on, its rows of people away and the timeline's lines in
// order. Pure, so the unit tests check them without a window.
import type { CalendarEntry } from '../api';
import { groupBy } from './groups';
import type { Lang } from './i18n/index.svelte';

/** A year with more delegations than this opens on a month: a timeline of a busy office's
 * year (2,500 trips on twenty synthetic years) is thousands of rows nobody can read, and
 * reading it sent the window 4.2 MB at every visit. */
export const YEAR_VIEW_MAX = 120;

export interface CalendarView {
  mode: 'year' | 'month';
  year: number;
  month: number;
}

/**
 * The first view of `year` (the nearest to today that holds a delegation), which has
 * `trips` delegations starting in it: the whole year when it is readable, else the month
 * nearest to `today` in that year (this month, December of a past year, January of a
 * coming one).
 */
export function firstView(year: number, trips: number, today: Date): CalendarView {
  const thisYear = today.getFullYear();
  const month = year === thisYear ? today.getMonth() + 1 : year < thisYear ? 12 : 1;
  return { mode: trips > YEAR_VIEW_MAX ? 'month' : 'year', year, month };
}

/** One bar of a person away: a trip, on their own days. */
export interface AwayBar {
  first: string;
  last: string;
  title: string;
  /** The delegation's id. */
  id: string;
  /** Another bar of the same person shares a day with this one. */
  overlap: boolean;
}

/** One row of the people away: a person (by id: two people may share a name) and their bars. */
export interface AwayRow {
  id: string;
  name: string;
  bars: AwayBar[];
}

/**
 * The people away in `entries`, a row each, sorted by name in `lang`; bars of the same person
 * that overlap are marked. Away means travelling: the staff who host an incoming delegation
 * are at their desks.
 */
export function awayRows(entries: readonly CalendarEntry[], lang: Lang): AwayRow[] {
  const trips = entries
    .filter((x) => x.delegation.direction === 'outgoing')
    .flatMap((e) => e.people.map((p) => ({ e, p })));
  const rows = [...groupBy(trips, ({ p }) => p.person_id)].map(([id, own]) => {
    const spans = own.map(({ e, p }) => ({
      first: p.first_day,
      last: p.last_day,
      title: e.delegation.title,
      id: e.delegation.id,
    }));
    const bars = spans.map((a) => ({
      ...a,
      overlap: spans.some((b) => b !== a && a.first <= b.last && b.first <= a.last),
    }));
    return { id, name: own[0]?.p.name ?? '', bars };
  });
  return rows.sort((a, b) => a.name.localeCompare(b.name, lang) || a.id.localeCompare(b.id));
}

/** One line of the timeline under its head: a delegation, the line that begins the people
 * away, or a person away. `key` is unique among a timeline's lines. */
export type TimelineLine =
  | { kind: 'trip'; key: string; entry: CalendarEntry }
  | { kind: 'away'; key: string }
  | { kind: 'person'; key: string; row: AwayRow };

/**
 * The timeline's lines in the order they are shown: every delegation of `entries`, then, when
 * someone travels, a line that says so and a line per person away. The Calendar draws only
 * the lines in view: a busy month on twenty synthetic years is 727 lines (20,000 px), which
 * the window built whole at every visit; WebKit's web process kept some of each (a walk
 * through every screen for ten minutes ended it at 172 MiB instead of 180).
 */
export function timelineLines(entries: readonly CalendarEntry[], people: readonly AwayRow[]): TimelineLine[] {
  const trips: TimelineLine[] = entries.map((entry) => ({ kind: 'trip', key: `d:${entry.delegation.id}`, entry }));
  if (people.length === 0) return trips;
  const away: TimelineLine[] = people.map((row) => ({ kind: 'person', key: `p:${row.id}`, row }));
  return [...trips, { kind: 'away', key: 'away' }, ...away];
}
