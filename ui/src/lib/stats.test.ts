import { describe, expect, it } from 'vitest';
import type { StatsBucket, StatsChange, YearStats } from '../api';
// The demo data set counted by the real statistics: `desk demo`, then
// `desk --json stats --year 2017 --as-of 2026-11-01` and the same `--from 2016-01-01
// --to 2017-12-31` (the Singapore trip of 2016 and the Ha Noi session of 2017).
import demo2017 from './fixtures/stats-demo-2017.json';
import demoBoth from './fixtures/stats-demo-2016-2017.json';
import {
  buildCharts,
  countOf,
  defaultYear,
  deltaText,
  formatDecimal,
  HEADLINES,
  headlineCount,
  idsFor,
  idsOf,
  linesOf,
  monthLabel,
  rangeLabel,
  TOP,
  yearChoices,
  type ChartModel,
} from './stats';

const y2017 = demo2017 as unknown as YearStats;
const both = demoBoth as unknown as YearStats;

/**
 * What `get_stats` sends the screen (Rust's `YearStats::figures_only`): the same figures
 * without any delegation ids, and of the counted lines only those an unconverted expense names.
 */
function figuresOnly(full: YearStats): YearStats {
  const named = new Set(full.unconverted.map((u) => u.delegation_id));
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === 'delegation_ids' ? [] : strip(v)]));
  };
  const figures = strip(full) as YearStats;
  return { ...figures, delegations: full.delegations.filter((l) => named.has(l.id)) };
}

function chart(stats: YearStats, id: ChartModel['id'], lang: 'vi' | 'en' = 'en'): ChartModel {
  const found = buildCharts(stats, lang).find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
}

function change(stats: YearStats, metric: StatsChange['metric']): StatsChange {
  const found = stats.changes.find((c) => c.metric === metric);
  if (!found) throw new Error(`no change of ${metric}`);
  return found;
}

describe('charts and their tables', () => {
  it('show the same numbers: each series is a column of the table, row by row', () => {
    for (const model of buildCharts(both, 'en')) {
      for (const [k, series] of model.series.entries()) {
        for (const [i, value] of series.values.entries()) {
          expect(model.rows[i]?.cells[k], `${model.id}: "${model.categories[i]}" in series ${series.key}`).toBe(value);
          expect(model.rows[i]?.label, `${model.id}: the bar and the row name the same thing`).toBe(
            model.categories[i],
          );
        }
      }
    }
  });

  it('list behind a row every delegation its bars list', () => {
    for (const model of buildCharts(both, 'en')) {
      for (const [i, row] of model.rows.slice(0, model.categories.length).entries()) {
        const fromBars = model.series.flatMap((s) => s.ids[i] ?? []);
        expect([...row.ids].sort(), `${model.id}: "${row.label}"`).toEqual([...new Set(fromBars)].sort());
      }
    }
  });

  it('count the two demo years: Singapore out in September 2016, Viet Nam in in November 2017', () => {
    const months = chart(both, 'month', 'vi');
    expect(months.categories, 'a range over two years names each month with its year').toHaveLength(24);
    expect(months.categories[8]).toBe('09/2016');
    const out = months.series.find((s) => s.key === 'outgoing');
    const inc = months.series.find((s) => s.key === 'incoming');
    expect(out?.values[8], 'September 2016: the Singapore trip').toBe(1);
    expect(inc?.values[12 + 10], 'November 2017: the Ha Noi session').toBe(1);
    expect(out?.values.reduce((a, b) => a + b, 0)).toBe(1);

    const countries = chart(both, 'country', 'en');
    expect(countries.categories.sort()).toEqual(['Singapore', 'Vietnam']);
  });

  it('name countries in the language of the screen', () => {
    expect(chart(y2017, 'country', 'vi').categories).toEqual(['Việt Nam']);
    expect(chart(y2017, 'country', 'en').categories).toEqual(['Vietnam']);
  });

  it('total the money of each funding source in VND, as the statistics summed it', () => {
    const funding = chart(both, 'funding', 'en');
    expect(funding.money).toBe(true);
    const mixed = funding.rows.find((r) => r.label === 'Mixed');
    const sponsored = funding.rows.find((r) => r.label === 'Sponsored');
    // Singapore: actual 41 338 840, estimate 35 996 000, advance 33 911 200 (tests/it/stats.rs).
    expect(mixed?.cells).toEqual([41_338_840, 1, 0, 41_338_840, 35_996_000, 33_911_200]);
    // Ha Noi: actual 494 406 000, no estimate.
    expect(sponsored?.cells).toEqual([494_406_000, 0, 1, 494_406_000, 0, 0]);
    expect(
      funding.rows.map((r) => r.label),
      'always the three sources',
    ).toEqual(['State budget', 'Sponsored', 'Mixed']);
  });

  it('count person-days per person and per unit, a provincial official under their library', () => {
    const people = chart(both, 'person', 'en');
    expect(people.rows).toHaveLength(6);
    expect(
      people.rows.every((r) => r.cells[0] === 5),
      'six people, five days each',
    ).toBe(true);
    const units = chart(both, 'unit', 'vi');
    expect(units.categories).toContain('Thư viện tỉnh Khánh Hòa');
    expect(units.series[0]?.values.reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('sort mission reports into on time, late, overdue and not yet due, each in its colour', () => {
    const reports = chart(both, 'reports', 'en');
    expect(reports.categories).toEqual(['On time', 'Filed late', 'Overdue, not filed', 'Not yet due']);
    expect(reports.series[0]?.values).toEqual([1, 0, 0, 0]);
    expect(reports.series[0]?.tone).toEqual(['ok', 'late', 'danger', 'muted']);
    expect(reports.title).toContain('15 days');
  });

  it(`draw at most ${TOP} bars and leave the rest to the table`, () => {
    const base = both.by_country[0] as StatsBucket;
    const many: StatsBucket[] = Array.from({ length: 13 }, (_, i) => ({ ...base, key: `X${i}`, label: `X${i}` }));
    const model = chart({ ...both, by_country: many }, 'country');
    expect(model.categories).toHaveLength(TOP);
    expect(model.rows).toHaveLength(13);
    expect(model.hidden).toBe(3);
  });

  it('say when an organisation or event was not given rather than show an empty bar', () => {
    const base = both.by_event[0] as StatsBucket;
    const model = chart({ ...both, by_event: [{ ...base, key: '', label: '' }] }, 'event', 'en');
    expect(model.categories).toEqual(['(not given)']);
  });
});

describe('comparison with the previous period', () => {
  it('writes up, down and the same with the delta and the percentage', () => {
    expect(deltaText(change(y2017, 'trips'), 'en')).toBe('↑ 61 (+1,016.7%)');
    expect(deltaText(change(y2017, 'trips'), 'vi')).toBe('↑ 61 (+1.016,7%)');
    expect(deltaText(change(y2017, 'outgoing'), 'en')).toBe('↓ 1 (−100%)');
    expect(deltaText(change(y2017, 'delegations'), 'en')).toBe('= 0 (0%)');
  });

  it('gives no percentage of nothing', () => {
    expect(deltaText(change(y2017, 'incoming'), 'en')).toBe('↑ 1');
    expect(deltaText(change(y2017, 'reports_late'), 'en')).toBe('= 0');
  });

  it('writes money changes in VND', () => {
    // 494 406 000 − 41 338 840 = 453 067 160, +1 096 %.
    expect(deltaText(change(y2017, 'cost_vnd'), 'vi')).toBe('↑ 453.067.160 ₫ (+1.096%)');
    expect(deltaText(change(y2017, 'cost_vnd'), 'en')).toBe('↑ 453,067,160 ₫ (+1,096%)');
  });

  it('halves and quarters: ↑ 3 (+50%), ↓ 1 (−25%)', () => {
    const up: StatsChange = { metric: 'outgoing', current: 9, previous: 6, delta: 3, trend: 'up', percent: '50' };
    const down: StatsChange = { metric: 'incoming', current: 3, previous: 4, delta: -1, trend: 'down', percent: '-25' };
    expect(deltaText(up, 'en')).toBe('↑ 3 (+50%)');
    expect(deltaText(down, 'en')).toBe('↓ 1 (−25%)');
  });

  it('writes decimals exactly in each language', () => {
    expect(formatDecimal('16.7', 'vi')).toBe('16,7');
    expect(formatDecimal('16.7', 'en')).toBe('16.7');
    expect(formatDecimal('-12.5', 'en')).toBe('−12.5');
  });
});

describe('periods and lists', () => {
  it('names a calendar year by its number and any other range by its dates', () => {
    expect(rangeLabel({ from: '2017-01-01', to: '2017-12-31' }, 'vi')).toBe('2017');
    expect(rangeLabel({ from: '2017-03-01', to: '2017-08-31' }, 'vi')).toBe('01/03/2017 – 31/08/2017');
  });

  it('names months shortly, with the year when a range spans years', () => {
    expect(monthLabel('2017-11', 'vi', false)).toBe('T11');
    expect(monthLabel('2017-11', 'en', false)).toBe('Nov');
    expect(monthLabel('2017-11', 'en', true)).toBe('Nov 2017');
  });

  it('opens on the latest year with delegations, never a future one', () => {
    expect(defaultYear([2017, 2016], 2026)).toBe(2017);
    expect(defaultYear([2031, 2017], 2026), 'a planned trip does not make an empty future year the default').toBe(2017);
    expect(defaultYear([], 2026), 'an empty database opens on this year').toBe(2026);
    expect(yearChoices([2017, 2016], 2026, 2015)).toEqual([2026, 2017, 2016, 2015]);
  });

  it('lists the delegations behind a figure, each once, in the order of the delegations', () => {
    const ids = idsOf(both, [both.totals.incoming, both.totals.outgoing, both.totals.outgoing]);
    expect(linesOf(both, ids).map((l) => l.starts_on)).toEqual(['2016-09-05', '2017-11-27']);
  });

  it('counts in English with the singular for one', () => {
    expect(countOf('delegations', 1, 'en')).toBe('1 delegation');
    expect(countOf('delegations', 2, 'en')).toBe('2 delegations');
    expect(countOf('days', 30, 'vi')).toBe('30 ngày-người');
  });
});

describe('the figures alone, and the whole answer at a click', () => {
  const figures = figuresOnly(both);

  it('draw the same charts and tables from the figures alone as from the whole answer', () => {
    const whole = buildCharts(both, 'vi');
    const drawn = buildCharts(figures, 'vi');
    expect(drawn.map((m) => m.id)).toEqual(whole.map((m) => m.id));
    for (const [i, model] of drawn.entries()) {
      const same = whole[i] as ChartModel;
      expect(model.categories, model.id).toEqual(same.categories);
      expect(
        model.series.map((s) => s.values),
        model.id,
      ).toEqual(same.series.map((s) => s.values));
      expect(
        model.rows.map((r) => [r.label, r.cells, r.pickable]),
        model.id,
      ).toEqual(same.rows.map((r) => [r.label, r.cells, r.pickable]));
      expect(
        model.rows.flatMap((r) => r.ids),
        `${model.id}: the figures name no delegation`,
      ).toEqual([]);
    }
  });

  it('list behind a bar, a row or a headline what the whole answer lists there', () => {
    let bars = 0;
    for (const model of buildCharts(figures, 'en')) {
      const full = buildCharts(both, 'en').find((m) => m.id === model.id) as ChartModel;
      for (const [s, series] of model.series.entries()) {
        for (const [index, value] of series.values.entries()) {
          const ids = idsFor(both, { kind: 'bar', chart: model.id, series: s, index }, 'en');
          expect(ids, `${model.id} bar ${index}`).toEqual(full.series[s]?.ids[index]);
          if (value !== 0) {
            bars += 1;
            expect(ids.length, `${model.id} bar ${index} counts delegations`).toBeGreaterThan(0);
          }
        }
      }
      for (const [row, r] of model.rows.entries()) {
        const ids = idsFor(both, { kind: 'row', chart: model.id, row }, 'en');
        expect(ids, `${model.id}: "${r.label}"`).toEqual(full.rows[row]?.ids);
        expect(ids.length > 0, `${model.id}: "${r.label}" can be clicked when it lists some`).toBe(r.pickable);
      }
    }
    expect(bars, 'the demo years draw bars').toBeGreaterThan(5);
    for (const h of HEADLINES) {
      const ids = idsFor(both, { kind: 'headline', metric: h.metric }, 'en');
      expect(ids.length, h.metric).toBe(headlineCount(figures, h.metric));
    }
    expect(linesOf(both, idsFor(both, { kind: 'headline', metric: 'incoming' }, 'en')).map((l) => l.title)).toEqual(
      linesOf(both, idsOf(both, [both.totals.incoming])).map((l) => l.title),
    );
  });
});

describe('a busy office', () => {
  it('shapes a year of 20,000 delegations and 2,000 partners at once', () => {
    const line = both.delegations[0];
    if (!line) throw new Error('the demo has delegations');
    const delegations = Array.from({ length: 20_000 }, (_, i) => ({ ...line, id: `d${i}` }));
    const base = both.by_organisation[0] as StatsBucket;
    const partners: StatsBucket[] = Array.from({ length: 2_000 }, (_, p) => ({
      ...base,
      key: `o${p}`,
      label: `Partner ${p}`,
      outgoing: { count: 10, delegation_ids: Array.from({ length: 10 }, (_, k) => `d${(k * 2_000 + p) % 20_000}`) },
      incoming: { count: 0, delegation_ids: [] },
      total: 10,
    }));
    const busy: YearStats = { ...both, delegations, by_organisation: partners };
    const started = performance.now();
    const model = buildCharts(busy, 'en').find((c) => c.id === 'organisation');
    const took = performance.now() - started;
    expect(model?.rows).toHaveLength(2_000);
    expect(model?.rows[1]?.ids.slice(0, 2), 'in the order of the delegations').toEqual(['d1', 'd2001']);
    expect(took, `took ${Math.round(took)} ms`).toBeLessThan(500);
  });
});
