// The Statistics screen's figures, shaped for a chart and for its table from the same
// numbers: every chart below is built once from `YearStats` into a `ChartModel`, and both the
// canvas and the table read that model, so they cannot disagree. Pure: no DOM, no IPC.
import type { DelegationLine, StatsBucket, StatsChange, StatsMetric, StatsRange, Tally, YearStats } from '../api';
import { countryName, formatCount, formatDateRange, formatMoney, monthShort } from './format';
import { translate, type Key, type Lang } from './i18n/index.svelte';

/** Which colour of the theme a series is drawn in (read from the CSS variables). */
export type Tone = 'outgoing' | 'incoming' | 'accent' | 'ok' | 'late' | 'danger' | 'muted';

/** One series of bars: a value and the delegations behind it per category. */
export interface Series {
  key: string;
  label: string;
  /** One colour for the series, or one per bar. */
  tone: Tone | Tone[];
  values: number[];
  ids: string[][];
}

/** A column of the table: what it shows and how to write its numbers. */
export interface Column {
  label: string;
  format: 'count' | 'money' | 'text';
}

export interface Row {
  label: string;
  cells: (number | string)[];
  /** Every delegation the row counts, in the order of the delegations (none in the screen's figures alone). */
  ids: string[];
  /** Whether the row counts any delegation: a click lists them. */
  pickable: boolean;
}

export type ChartId = 'month' | 'country' | 'organisation' | 'event' | 'funding' | 'person' | 'unit' | 'reports';

export interface ChartModel {
  id: ChartId;
  title: string;
  /** Vertical bars (months) or ranked horizontal bars (everything else). */
  horizontal: boolean;
  stacked: boolean;
  /** The values are VND (axis and tooltips write money). */
  money: boolean;
  /** What a value counts, for tooltips: "3 đoàn", "1 person-day" (money is written as VND). */
  unit: CountUnit;
  /** The chart's categories: at most `TOP` for a ranked chart. */
  categories: string[];
  series: Series[];
  /** The table: every category, the chart's values first, then the extra columns. */
  columns: Column[];
  rows: Row[];
  /** How many categories the table has that the chart leaves out. */
  hidden: number;
}

/** What a chart counts. */
export type CountUnit = 'delegations' | 'days' | 'reports';

/** "1 delegation", "3 delegations", "3 đoàn". */
export function countOf(unit: CountUnit, n: number, lang: Lang): string {
  return translate(lang, n === 1 ? `stats.unit.${unit}_one` : `stats.unit.${unit}`, { count: formatCount(n, lang) });
}

/** How many bars a ranked chart shows; its table lists them all. */
export const TOP = 10;

type Tr = (key: Key, params?: Record<string, string | number>) => string;

function tr(lang: Lang): Tr {
  return (key, params) => translate(lang, key, params);
}

/** Every line (counted, then cancelled) and each delegation's place among them, made once per figures. */
const indexes = new WeakMap<YearStats, { lines: DelegationLine[]; order: Map<string, number> }>();

function indexOf(stats: YearStats): { lines: DelegationLine[]; order: Map<string, number> } {
  let found = indexes.get(stats);
  if (!found) {
    const lines = [...stats.delegations, ...stats.cancelled];
    found = { lines, order: new Map(lines.map((l, i) => [l.id, i])) };
    indexes.set(stats, found);
  }
  return found;
}

/** The delegations of several tallies, each once, in the order of the delegations. */
export function idsOf(stats: YearStats, tallies: Tally[]): string[] {
  const { order } = indexOf(stats);
  const ids = [...new Set(tallies.flatMap((t) => t.delegation_ids))];
  // An id no line holds (none should) goes last rather than vanish.
  const at = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return ids.sort((a, b) => at(a) - at(b));
}

/** "2016" for a calendar year, else the two dates in the user's way. */
export function rangeLabel(range: StatsRange, lang: Lang): string {
  const year = range.from.slice(0, 4);
  if (range.from === `${year}-01-01` && range.to === `${year}-12-31`) return year;
  return formatDateRange(range.from, range.to, lang);
}

/** "2017-11" as "Nov" (or "Nov 2017" when the range spans years). */
export function monthLabel(month: string, lang: Lang, withYear: boolean): string {
  const [y, m] = month.split('-').map(Number);
  if (lang === 'vi') {
    return withYear ? `${String(m).padStart(2, '0')}/${y}` : `T${m}`;
  }
  return withYear ? `${monthShort(m ?? 1, 'en')} ${y}` : monthShort(m ?? 1, 'en');
}

function bucketLabel(bucket: StatsBucket, kind: 'country' | 'organisation' | 'event', lang: Lang): string {
  if (bucket.label.trim() === '' && bucket.key.trim() === '') return translate(lang, 'stats.none_given');
  if (kind === 'country') return countryName(bucket.key, lang);
  return bucket.label;
}

// The charts of delegations counted by direction (by country, organisation, event, month)
// stack the same two series, and their tables open with the same three columns.
function directionSeries(t: Tr, out: Tally[], inc: Tally[]): Series[] {
  return [
    {
      key: 'outgoing',
      label: t('direction.outgoing'),
      tone: 'outgoing',
      values: out.map((x) => x.count),
      ids: out.map((x) => x.delegation_ids),
    },
    {
      key: 'incoming',
      label: t('direction.incoming'),
      tone: 'incoming',
      values: inc.map((x) => x.count),
      ids: inc.map((x) => x.delegation_ids),
    },
  ];
}

function directionColumns(t: Tr): Column[] {
  return [
    { label: t('direction.outgoing'), format: 'count' },
    { label: t('direction.incoming'), format: 'count' },
    { label: t('stats.col.total'), format: 'count' },
  ];
}

function ranked(
  stats: YearStats,
  id: 'country' | 'organisation' | 'event',
  buckets: StatsBucket[],
  lang: Lang,
): ChartModel {
  const t = tr(lang);
  const top = buckets.slice(0, TOP);
  const out = top.map((b) => b.outgoing);
  const inc = top.map((b) => b.incoming);
  return {
    id,
    title: t(`stats.chart.${id}`),
    horizontal: true,
    stacked: true,
    money: false,
    unit: 'delegations',
    categories: top.map((b) => bucketLabel(b, id, lang)),
    series: directionSeries(t, out, inc),
    columns: [...directionColumns(t), { label: t('stats.col.trips'), format: 'count' }],
    rows: buckets.map((b) => ({
      label: bucketLabel(b, id, lang),
      cells: [b.outgoing.count, b.incoming.count, b.total, b.trips],
      ids: idsOf(stats, [b.outgoing, b.incoming]),
      pickable: b.total > 0,
    })),
    hidden: Math.max(buckets.length - TOP, 0),
  };
}

function byMonth(stats: YearStats, lang: Lang): ChartModel {
  const t = tr(lang);
  const years = new Set(stats.by_month.map((m) => m.month.slice(0, 4)));
  const label = (month: string) => monthLabel(month, lang, years.size > 1);
  const out = stats.by_month.map((m) => m.outgoing);
  const inc = stats.by_month.map((m) => m.incoming);
  return {
    id: 'month',
    title: t('stats.chart.month'),
    horizontal: false,
    stacked: true,
    money: false,
    unit: 'delegations',
    categories: stats.by_month.map((m) => label(m.month)),
    series: directionSeries(t, out, inc),
    columns: [...directionColumns(t)],
    rows: stats.by_month.map((m) => ({
      label: label(m.month),
      cells: [m.outgoing.count, m.incoming.count, m.outgoing.count + m.incoming.count],
      ids: idsOf(stats, [m.outgoing, m.incoming]),
      pickable: m.outgoing.count + m.incoming.count > 0,
    })),
    hidden: 0,
  };
}

function byFunding(stats: YearStats, lang: Lang): ChartModel {
  const t = tr(lang);
  const rows = stats.by_funding;
  return {
    id: 'funding',
    title: t('stats.chart.funding'),
    horizontal: true,
    stacked: false,
    money: true,
    unit: 'delegations',
    categories: rows.map((f) => t(`funding.${f.funding}`)),
    series: [
      {
        key: 'cost',
        label: t('stats.col.cost'),
        tone: 'accent',
        values: rows.map((f) => f.money.cost_vnd),
        ids: rows.map((f) => idsOf(stats, [f.outgoing, f.incoming])),
      },
    ],
    columns: [
      { label: t('stats.col.cost'), format: 'money' },
      { label: t('direction.outgoing'), format: 'count' },
      { label: t('direction.incoming'), format: 'count' },
      { label: t('stats.col.actual'), format: 'money' },
      { label: t('stats.col.estimate'), format: 'money' },
      { label: t('stats.col.advance'), format: 'money' },
    ],
    rows: rows.map((f) => ({
      label: t(`funding.${f.funding}`),
      cells: [
        f.money.cost_vnd,
        f.outgoing.count,
        f.incoming.count,
        f.money.actual_vnd,
        f.money.estimate_vnd,
        f.money.advance_vnd,
      ],
      ids: idsOf(stats, [f.outgoing, f.incoming]),
      pickable: f.total > 0,
    })),
    hidden: 0,
  };
}

function byPerson(stats: YearStats, lang: Lang): ChartModel {
  const t = tr(lang);
  const people = stats.person_days_by_person;
  const top = people.slice(0, TOP);
  const unitName = (unit: string) => (unit.trim() === '' ? t('stats.no_unit') : unit);
  return {
    id: 'person',
    title: t('stats.chart.person'),
    horizontal: true,
    stacked: false,
    money: false,
    unit: 'days',
    categories: top.map((p) => p.full_name),
    series: [
      {
        key: 'days',
        label: t('stats.col.days'),
        tone: 'outgoing',
        values: top.map((p) => p.days),
        ids: top.map((p) => p.delegation_ids),
      },
    ],
    columns: [
      { label: t('stats.col.days'), format: 'count' },
      { label: t('stats.col.trips'), format: 'count' },
      { label: t('stats.col.unit'), format: 'text' },
    ],
    rows: people.map((p) => ({
      label: p.full_name,
      cells: [p.days, p.trips, unitName(p.unit)],
      ids: p.delegation_ids,
      pickable: p.trips > 0,
    })),
    hidden: Math.max(people.length - TOP, 0),
  };
}

function byUnit(stats: YearStats, lang: Lang): ChartModel {
  const t = tr(lang);
  const units = stats.person_days_by_unit;
  const top = units.slice(0, TOP);
  const unitName = (unit: string) => (unit.trim() === '' ? t('stats.no_unit') : unit);
  return {
    id: 'unit',
    title: t('stats.chart.unit'),
    horizontal: true,
    stacked: false,
    money: false,
    unit: 'days',
    categories: top.map((u) => unitName(u.unit)),
    series: [
      {
        key: 'days',
        label: t('stats.col.days'),
        tone: 'outgoing',
        values: top.map((u) => u.days),
        ids: top.map((u) => u.delegation_ids),
      },
    ],
    columns: [
      { label: t('stats.col.days'), format: 'count' },
      { label: t('stats.col.people'), format: 'count' },
      { label: t('stats.col.trips'), format: 'count' },
    ],
    rows: units.map((u) => ({
      label: unitName(u.unit),
      cells: [u.days, u.people, u.trips],
      ids: u.delegation_ids,
      pickable: u.trips > 0,
    })),
    hidden: Math.max(units.length - TOP, 0),
  };
}

const REPORT_STATES = [
  ['on_time', 'ok'],
  ['late', 'late'],
  ['late_unfiled', 'danger'],
  ['pending', 'muted'],
] as const;

function reports(stats: YearStats, lang: Lang): ChartModel {
  const t = tr(lang);
  const r = stats.totals.reports;
  const tallies = REPORT_STATES.map(([state]) => r[state]);
  return {
    id: 'reports',
    title: t('stats.chart.reports', { days: r.due_days }),
    horizontal: true,
    stacked: false,
    money: false,
    unit: 'reports',
    categories: REPORT_STATES.map(([state]) => t(`stats.report.${state}`)),
    // One series, each bar in the colour of its state.
    series: [
      {
        key: 'reports',
        label: t('stats.col.reports'),
        tone: REPORT_STATES.map(([, tone]) => tone),
        values: tallies.map((x) => x.count),
        ids: tallies.map((x) => x.delegation_ids),
      },
    ],
    columns: [{ label: t('stats.col.reports'), format: 'count' }],
    rows: REPORT_STATES.map(([state], i) => ({
      label: t(`stats.report.${state}`),
      cells: [tallies[i]?.count ?? 0],
      ids: tallies[i]?.delegation_ids ?? [],
      pickable: (tallies[i]?.count ?? 0) > 0,
    })),
    hidden: 0,
  };
}

/** Every chart of the screen, in the order it shows them. */
export function buildCharts(stats: YearStats, lang: Lang): ChartModel[] {
  return CHART_ORDER.map((id) => buildChart(stats, id, lang));
}

const CHART_ORDER: readonly ChartId[] = [
  'month',
  'country',
  'organisation',
  'event',
  'reports',
  'funding',
  'person',
  'unit',
];

/** One chart of the screen: a click on a figure lists from its own chart only. */
function buildChart(stats: YearStats, id: ChartId, lang: Lang): ChartModel {
  switch (id) {
    case 'month':
      return byMonth(stats, lang);
    case 'country':
      return ranked(stats, id, stats.by_country, lang);
    case 'organisation':
      return ranked(stats, id, stats.by_organisation, lang);
    case 'event':
      return ranked(stats, id, stats.by_event, lang);
    case 'reports':
      return reports(stats, lang);
    case 'funding':
      return byFunding(stats, lang);
    case 'person':
      return byPerson(stats, lang);
    case 'unit':
      return byUnit(stats, lang);
  }
}

/** The value a series shows for a category, summed over the series (a stacked bar's total). */
export function stackTotal(model: ChartModel, index: number): number {
  return model.series.reduce((sum, s) => sum + (s.values[index] ?? 0), 0);
}

/** A table cell as text in the user's language. */
export function cellText(value: number | string, format: Column['format'], lang: Lang): string {
  if (typeof value === 'string') return value;
  if (format === 'money') return formatMoney(value, 'VND', lang);
  return formatCount(value, lang);
}

/** A money amount on an axis, short: "40 tr ₫" / "₫40M". */
export function compactMoney(vnd: number, lang: Lang): string {
  const text = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(vnd);
  return lang === 'vi' ? `${text} ₫` : `₫${text}`;
}

/** A decimal written with a dot ("16.7", "-100") in the user's way, exactly: "16,7" in Vietnamese. */
export function formatDecimal(text: string, lang: Lang): string {
  const negative = text.startsWith('-');
  const [whole = '0', fraction] = text.replace(/^[-+]/, '').split('.');
  const grouped = formatCount(Number(whole), lang);
  const decimal = lang === 'vi' ? ',' : '.';
  return `${negative ? '−' : ''}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

/** Headline figures written as money rather than counts. */
const MONEY_METRICS: readonly StatsMetric[] = ['actual_vnd', 'estimate_vnd', 'cost_vnd'];

/** A figure as text: a count, or VND for the money figures. */
export function metricValue(metric: StatsMetric, value: number, lang: Lang): string {
  return MONEY_METRICS.includes(metric) ? formatMoney(value, 'VND', lang) : formatCount(value, lang);
}

/**
 * The change against the previous range: "↑ 3 (+50%)", "↓ 1 (−25%)", "= 0 (0%)"; without a
 * percentage when there was nothing before ("↑ 3").
 */
export function deltaText(change: StatsChange, lang: Lang): string {
  const arrow = change.trend === 'up' ? '↑' : change.trend === 'down' ? '↓' : '=';
  const amount = metricValue(change.metric, Math.abs(change.delta), lang);
  if (change.percent === null) return `${arrow} ${amount}`;
  const percent = formatDecimal(change.percent, lang);
  const sign = change.trend === 'up' ? '+' : '';
  return `${arrow} ${amount} (${sign}${percent}%)`;
}

/** The headline figures the screen shows, in order, with the tally a click lists. */
export const HEADLINES: readonly { metric: StatsMetric; tally?: (s: YearStats) => Tally[] }[] = [
  { metric: 'outgoing', tally: (s) => [s.totals.outgoing] },
  { metric: 'incoming', tally: (s) => [s.totals.incoming] },
  { metric: 'trips' },
  { metric: 'people' },
  { metric: 'person_days_abroad' },
  { metric: 'cost_vnd' },
  { metric: 'reports_on_time', tally: (s) => [s.totals.reports.on_time] },
  { metric: 'reports_late', tally: (s) => [s.totals.reports.late, s.totals.reports.late_unfiled] },
];

/**
 * What a click on a figure asks to list. The screen draws the figures alone (`get_stats`);
 * the delegations behind a figure are read from the whole answer (`get_stats_in_full`),
 * asked for at the first click, by finding the same figure in it.
 */
export type Pick =
  | { kind: 'headline'; metric: StatsMetric }
  | { kind: 'bar'; chart: ChartId; series: number; index: number }
  | { kind: 'row'; chart: ChartId; row: number }
  | { kind: 'estimated' };

/** How many delegations a headline figure lists on a click (0: nothing to list). */
export function headlineCount(stats: YearStats, metric: StatsMetric): number {
  const tally = HEADLINES.find((h) => h.metric === metric)?.tally;
  return tally ? tally(stats).reduce((sum, t) => sum + t.count, 0) : 0;
}

/** The delegations a pick lists, read from the whole answer of the range shown. */
export function idsFor(full: YearStats, pick: Pick, lang: Lang): string[] {
  switch (pick.kind) {
    case 'headline': {
      const tally = HEADLINES.find((h) => h.metric === pick.metric)?.tally;
      return tally ? idsOf(full, tally(full)) : [];
    }
    case 'estimated':
      return full.totals.money.estimated_ids;
    case 'bar':
      return buildChart(full, pick.chart, lang).series[pick.series]?.ids[pick.index] ?? [];
    case 'row':
      return buildChart(full, pick.chart, lang).rows[pick.row]?.ids ?? [];
  }
}

/** The lines of some delegations (counted or cancelled), in the order of the ids. */
export function linesOf(stats: YearStats, ids: string[]): DelegationLine[] {
  const { lines, order } = indexOf(stats);
  return ids.flatMap((id) => {
    const line = lines[order.get(id) ?? -1];
    return line ? [line] : [];
  });
}

/** The default year: the latest with delegations that is not in the future, else this year. */
export function defaultYear(years: number[], thisYear: number): number {
  return years.filter((y) => y <= thisYear).sort((a, b) => b - a)[0] ?? thisYear;
}

/** The years to offer: those with delegations, this year and the one shown, latest first. */
export function yearChoices(years: number[], thisYear: number, shown: number): number[] {
  return [...new Set([...years, thisYear, shown])].sort((a, b) => b - a);
}

/** Whether a range has nothing to show: no delegation counted and none cancelled. */
export function isEmpty(stats: YearStats): boolean {
  return stats.totals.delegations === 0 && stats.cancelled.length === 0;
}
