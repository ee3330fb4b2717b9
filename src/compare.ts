// Stage 3: indicator values + targets → comparisons. Pure: no files, no database, no clock.
import type { Cell, Comparison, IndicatorValue, Point, Status } from './model.js';
import { statusOrder } from './model.js';
import { basePoint, isMet, latestPoint, projectTrend, rateGrowthRatio, rateWeather, type Rating, type RatingInput } from './progress.js';
import type { Indicator, Method, Target } from './schema.js';

export const methods: Record<Method, { name: string; rate: (input: RatingInput) => Rating }> = {
  'growth-ratio': { name: 'ratio of actual to required growth', rate: rateGrowthRatio },
  weather: { name: 'weather symbols (German sustainability strategy)', rate: rateWeather },
};

export function compareIndicators(indicators: Indicator[], values: IndicatorValue[], method: Method): Comparison[] {
  const byIndicator = groupBy(values, (v) => v.indicator);
  return indicators.flatMap((ind) => compareIndicator(ind, byIndicator.get(ind.id) ?? [], method));
}

export function compareIndicator(ind: Indicator, values: IndicatorValue[], method: Method): Comparison[] {
  const chosen = currentTargets(ind.targets, latestYear(values));
  return chosen.map((target) => {
    const isGap = target.gap !== undefined;
    const series = isGap ? gapSeries(ind, values) : valueSeries(values, target.group && ind.groups ? { [ind.groups.column]: target.group } : {});
    const d: 1 | -1 = isGap || ind.direction === 'lower' ? -1 : 1;
    const goal = { year: target.year, value: (isGap ? target.gap : target.value)! };
    const input = { series: series.map((s) => s.point), baselineYear: ind.baseline, target: goal, d };
    const rating = qualifyByUncertainty(methods[method].rate(input), series, ind.baseline, goal.value, d);
    const base = basePoint(input.series, ind.baseline);
    const latest = latestPoint(input.series);
    const gap = latest ? d * (goal.value - latest.value) : null;
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
      progress: base && latest && goal.value !== base.value ? (latest.value - base.value) / (goal.value - base.value) : null,
      projection: projectTrend(input.series, goal, d),
      ...rating,
      method,
    } satisfies Comparison;
  });
}

/** Of several milestones for the same series, the next one still ahead counts (or the last, when all have passed). */
export function currentTargets(targets: Target[], latestYear: number | null): Target[] {
  const key = (t: Target) => (t.gap !== undefined ? 'gap' : `value:${t.group ?? ''}`);
  return [...groupBy(targets, key).values()].map((group) => {
    const sorted = group.toSorted((a, b) => a.year - b.year);
    return sorted.find((t) => latestYear === null || t.year >= latestYear) ?? sorted[sorted.length - 1]!;
  });
}

interface SeriesPoint {
  point: Point;
  se: number | null;
}

function valueSeries(values: IndicatorValue[], cell: Cell): SeriesPoint[] {
  return values
    .filter((v) => v.value !== null && sameCell(v.cell, cell))
    .map((v) => ({ point: { year: v.year, value: v.value! }, se: v.se ?? null }))
    .sort((a, b) => a.point.year - b.point.year);
}

/**
 * The participation gap per year: how far the compared group lags behind the reference group, in the
 * indicator's unit (positive = the compared group is worse off, whichever direction is better).
 */
export function gapSeries(ind: Indicator, values: IndicatorValue[], cell: Cell = {}): SeriesPoint[] {
  if (!ind.groups) return [];
  const { column, compared, reference } = ind.groups;
  const a = new Map(valueSeries(values, { ...cell, [column]: compared }).map((s) => [s.point.year, s]));
  const b = valueSeries(values, { ...cell, [column]: reference });
  const d = ind.direction === 'higher' ? 1 : -1;
  return b.flatMap((ref) => {
    const cmp = a.get(ref.point.year);
    if (!cmp) return [];
    const se = cmp.se !== null && ref.se !== null ? Math.hypot(cmp.se, ref.se) : null;
    return [{ point: { year: ref.point.year, value: d * (ref.point.value - cmp.point.value) }, se }];
  });
}

/**
 * A survey estimate claims a change only where the 95 % interval supports it: "achieved" needs the
 * interval clear of the target, "deterioration" a decline beyond the margin of error since the base year.
 */
function qualifyByUncertainty(rating: Rating, series: SeriesPoint[], baselineYear: number, target: number, d: 1 | -1): Rating {
  const latest = series.at(-1);
  if (!latest || latest.se === null) return rating;
  const margin = 1.96 * latest.se;
  if (rating.status === 'achieved' && !isMet(latest.point.value - d * margin, target, d)) {
    return { ...rating, status: 'on_track', reason: 'the estimate meets the target, but within the margin of error' };
  }
  const base = series.find((s) => s.point.year >= baselineYear);
  if (rating.status === 'deterioration' && base && base.se !== null && Math.abs(latest.point.value - base.point.value) < 1.96 * Math.hypot(latest.se, base.se)) {
    return { ...rating, status: 'limited', reason: 'the decline is within the margin of error' };
  }
  return rating;
}

/** Several targets of one indicator: the worst status counts; not assessable only when nothing else is known. */
export function worstStatus(statuses: Status[]): Status {
  const known = statuses.filter((s) => s !== 'not_assessable');
  if (!known.length) return 'not_assessable';
  return known.reduce((worst, s) => (statusOrder.indexOf(s) < statusOrder.indexOf(worst) ? s : worst));
}

export function sameCell(a: Cell, b: Cell): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
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
