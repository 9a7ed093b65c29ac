import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../api';
import { YEAR_VIEW_MAX, awayRows, firstView, timelineLines } from './calendar';

describe('the first view of the Calendar', () => {
  const today = new Date(2026, 11, 4);

  it('is the whole year when the year is readable', () => {
    expect(firstView(2017, 14, today)).toMatchObject({ mode: 'year', year: 2017 });
    expect(firstView(2026, YEAR_VIEW_MAX, today).mode).toBe('year');
  });

  it('is the month nearest to today when the year is busy', () => {
    expect(firstView(2026, 2_500, today)).toEqual({ mode: 'month', year: 2026, month: 12 });
    expect(firstView(2026, YEAR_VIEW_MAX + 1, new Date(2026, 2, 15))).toEqual({ mode: 'month', year: 2026, month: 3 });
    expect(firstView(2019, 2_500, today)).toEqual({ mode: 'month', year: 2019, month: 12 });
    expect(firstView(2027, 2_500, today)).toEqual({ mode: 'month', year: 2027, month: 1 });
  });
});

describe('the people away in the Calendar', () => {
  const trip = (id: string, direction: 'outgoing' | 'incoming', people: [string, string, string, string][]) =>
    ({
      delegation: { id, title: `Trip ${id}`, direction },
      people: people.map(([person_id, name, first_day, last_day]) => ({ person_id, name, first_day, last_day })),
    }) as unknown as CalendarEntry;

  it('gives two people of the same name a row each', () => {
    const rows = awayRows(
      [
        trip('a', 'outgoing', [['p1', 'Nguyễn Văn An', '2026-12-01', '2026-12-05']]),
        trip('b', 'outgoing', [['p2', 'Nguyễn Văn An', '2026-12-03', '2026-12-08']]),
      ],
      'vi',
    );
    expect(rows.map((r) => r.id)).toEqual(['p1', 'p2']);
    expect(rows.every((r) => r.bars.length === 1 && !r.bars[0]?.overlap)).toBe(true);
  });

  it("marks one person's overlapping trips and leaves hosts of incoming delegations out", () => {
    const rows = awayRows(
      [
        trip('a', 'outgoing', [['p1', 'Trần Thị Bình', '2026-12-01', '2026-12-05']]),
        trip('b', 'outgoing', [['p1', 'Trần Thị Bình', '2026-12-05', '2026-12-09']]),
        trip('c', 'incoming', [['p3', 'Lê Văn Cường', '2026-12-02', '2026-12-04']]),
      ],
      'vi',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.bars.map((b) => b.overlap)).toEqual([true, true]);
  });
});

describe("the Calendar's lines", () => {
  const trip = (id: string, direction: 'outgoing' | 'incoming', people: [string, string][]) =>
    ({
      delegation: { id, title: `Trip ${id}`, direction },
      people: people.map(([person_id, name]) => ({ person_id, name, first_day: '2026-12-01', last_day: '2026-12-03' })),
    }) as unknown as CalendarEntry;

  it('lists every delegation, then the people away under a line of their own, each once', () => {
    const entries = [
      trip('a', 'outgoing', [
        ['p1', 'Bình'],
        ['p2', 'An'],
      ]),
      trip('b', 'incoming', [['p3', 'Cường']]),
      trip('c', 'outgoing', [['p1', 'Bình']]),
    ];
    const lines = timelineLines(entries, awayRows(entries, 'vi'));
    expect(lines.map((l) => l.kind)).toEqual(['trip', 'trip', 'trip', 'away', 'person', 'person']);
    expect(lines.flatMap((l) => (l.kind === 'person' ? [l.row.name] : []))).toEqual(['An', 'Bình']);
    // The window draws the lines in view by key: two lines never share one.
    expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
  });

  it('has no line for the people away when nobody travels', () => {
    const entries = [trip('b', 'incoming', [['p3', 'Cường']])];
    expect(timelineLines(entries, awayRows(entries, 'vi')).map((l) => l.kind)).toEqual(['trip']);
  });
});
