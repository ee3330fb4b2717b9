// Stage 3: indicator values + targets → comparisons. Pure: no files, no database, no clock.
import { from } from 'arquero';
import type { Comparison, IndicatorValue, Point, Status } from '../core/types.js';
import { statusOrder } from '../core/types.js';
import {
  basePoint,
  latestPoint,
  projectAverage,
  projectTrend,
  rateGrowthDirection,
  rateGrowthRatio,
  rateWeather,
  rateWeatherDirection,
  rateWeatherEveryYear,
  type Rating,
  type RatingInput,
} from './progress.js';
import { gapSeries, groupMoves, valueSeries, type SeriesPoint } from './gaps.js';
import { caveatOfGap, qualifyByUncertainty } from './qualify.js';
import type { Indicator, Method, Target } from '../core/schema.js';

/** The rating rule of each method (their names and explanations are in the message catalogue). */
const methods: Record<Method, (input: RatingInput) => Rating> = {
  'growth-ratio': rateGrowthRatio,
  weather: rateWeather,
};

export function compareIndicators(indicators: Indicator[], values: IndicatorValue[], method: Method): Comparison[] {
  const byIndicator = groupBy(values, (v) => v.indicator);
  return indicators.flatMap((ind) => compareIndicator(ind, byIndicator.get(ind.id) ?? [], method));
}

export function compareIndicator(ind: Indicator, values: IndicatorValue[], method: Method): Comparison[] {
  const chosen = currentTargets(ind.targets, latestYear(values));
  return chosen.map((target) => {
    const isGap = target.gap !== undefined;
    const series = isGap
      ? gapSeries(ind, values)
      : valueSeries(values, target.group && ind.groups ? { [ind.groups.column]: target.group } : {});
    const d: 1 | -1 = isGap || ind.direction === 'lower' ? -1 : 1;
    const points = series.map((s) => s.point);
    const base = basePoint(points, ind.baseline);
    const latest = latestPoint(points);
    const value = targetValue(target, ind.direction);
    if (value === null) return compareDirection(ind, target, series, base, latest, d, method);
    const goal = { year: target.year, value };
    const input = { series: points, baselineYear: ind.baseline, target: goal, d };
    // A target that must hold every year is judged by the weather method's own rule for such targets.
    const rate = method === 'weather' && target.every_year ? rateWeatherEveryYear : methods[method];
    const unqualified = rate(input);
    const rating = qualifyByUncertainty(unqualified, series, goal.value, d);
    const gap = latest ? d * (goal.value - latest.value) : null;
    // A target met rests on the latest year alone; the groups' moves are then told since the base year.
    const since = rating.basis && rating.basis.from < rating.basis.to ? rating.basis.from : base?.year;
    return {
      indicator: ind.id,
      series: isGap ? 'gap' : 'value',
      group: isGap ? null : (target.group ?? null),
      direction: d === 1 ? 'higher' : 'lower',
      target: goal,
      baseline: base,
      latest,
      gap,
      relativeGap: gap !== null && goal.value !== 0 ? gap / Math.abs(goal.value) : null,
      progress:
        base && latest && goal.value !== base.value ? (latest.value - base.value) / (goal.value - base.value) : null,
      // The weather method rests on its own line; the growth ratio's second figure is the recent trend.
      projection: method === 'weather' ? projectAverage(points, goal, d) : projectTrend(points, goal, d),
      ...rating,
      method,
      groups: isGap && since !== undefined && latest ? groupMoves(ind, values, since, latest.year) : null,
      caveat: isGap && since !== undefined ? caveatOfGap(ind, values, unqualified, rate, input, since) : null,
    } satisfies Comparison;
  });
}

/** A direction-only target: rated by how the series moves, with no number to reach. */
function compareDirection(
  ind: Indicator,
  target: Target,
  series: SeriesPoint[],
  base: Point | null,
  latest: Point | null,
  d: 1 | -1,
  method: Method,
): Comparison {
  const points = series.map((s) => s.point);
  const input = { series: points, baselineYear: ind.baseline, d };
  const rate = method === 'weather' ? rateWeatherDirection : rateGrowthDirection;
  const rating = qualifyByUncertainty(rate(input), series, null, d);
  const project = method === 'weather' ? projectAverage : projectTrend;
  const trend = latest ? project(points, { year: target.year, value: latest.value }, d) : null;
  return {
    indicator: ind.id,
    series: 'value',
    group: target.group ?? null,
    direction: d === 1 ? 'higher' : 'lower',
    target: { year: target.year, value: null },
    baseline: base,
    latest,
    gap: null,
    relativeGap: null,
    progress: null,
    projection: trend && { ...trend, reachYear: null },
    ...rating,
    method,
    groups: null,
    caveat: null,
  };
}

/** The number a target asks for: a range counts with its weaker end; a direction-only target has none. */
export function targetValue(target: Target, direction: 'higher' | 'lower'): number | null {
  if (target.gap !== undefined) return target.gap;
  if (target.range) return direction === 'higher' ? target.range[0] : target.range[1];
  return target.value ?? null;
}

/** Of several milestones for the same series, the next one still ahead counts (or the last, when all have passed). */
export function currentTargets(targets: Target[], latestYear: number | null): Target[] {
  const key = (t: Target) => (t.gap !== undefined ? 'gap' : `${t.trend ? 'trend' : 'value'}:${t.group ?? ''}`);
  return [...groupBy(targets, key).values()].map((group) => {
    const sorted = group.toSorted((a, b) => a.year - b.year);
    return sorted.find((t) => latestYear === null || t.year >= latestYear) ?? sorted[sorted.length - 1]!;
  });
}

export interface Rollup {
  indicators: { id: string; field: string; status: Status }[];
  fields: { id: string; counts: Record<Status, number> }[];
}

/** Indicator statuses (the worst of their targets) and their counts per field of action. */
export function rollUp(indicators: Indicator[], fieldIds: string[], comparisons: Comparison[]): Rollup {
  const byIndicator = groupBy(comparisons, (c) => c.indicator);
  const rows = indicators.map((ind) => ({
    id: ind.id,
    field: ind.field,
    status: worstStatus((byIndicator.get(ind.id) ?? []).map((c) => c.status)),
  }));
  const counted = from(rows, ['field', 'status']).groupby('field', 'status').count().objects() as {
    field: string;
    status: Status;
    count: number;
  }[];
  const none = Object.fromEntries(statusOrder.map((s) => [s, 0])) as Record<Status, number>;
  const fields = fieldIds.map((id) => ({
    id,
    counts: { ...none, ...Object.fromEntries(counted.filter((c) => c.field === id).map((c) => [c.status, c.count])) },
  }));
  return { indicators: rows, fields };
}

/** Several targets of one indicator: the worst status counts; not assessable only when nothing else is known. */
export function worstStatus(statuses: Status[]): Status {
  const known = statuses.filter((s) => s !== 'not_assessable');
  if (!known.length) return 'not_assessable';
  return known.reduce((worst, s) => (statusOrder.indexOf(s) < statusOrder.indexOf(worst) ? s : worst));
}

function latestYear(values: IndicatorValue[]): number | null {
  return values.reduce<number | null>((m, v) => (v.value !== null && (m === null || v.year > m) ? v.year : m), null);
}

/** Map.groupBy arrived after Node 20. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
