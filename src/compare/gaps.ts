// Participation gaps: how far the compared group (e.g. residents with a migration history) lags behind
// the reference group, per year and per cell of the other disaggregations, as points and as a parity
// ratio, with the trend of the gap. Pure functions over indicator values.
import type { Cell, IndicatorValue, Point } from '../core/types.js';
import { projectTrend } from './progress.js';
import type { Indicator } from '../core/schema.js';

export interface SeriesPoint {
  point: Point;
  se: number | null;
}

export function valueSeries(values: IndicatorValue[], cell: Cell): SeriesPoint[] {
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
  values = values.filter((v) => v.indicator === ind.id);
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

export function sameCell(a: Cell, b: Cell): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

export interface GapRow {
  indicator: string;
  year: number;
  /** The other disaggregations (e.g. district); empty for the whole town. */
  cell: Cell;
  compared: number;
  reference: number;
  /** In the indicator's unit; positive = the compared group is worse off. */
  gap: number;
  /** compared / reference: 1 is parity. */
  parity: number | null;
}

/** The gap for every year and every cell where both groups have a published value. */
export function gapTable(ind: Indicator, values: IndicatorValue[]): GapRow[] {
  if (!ind.groups) return [];
  const { column, compared, reference } = ind.groups;
  const d = ind.direction === 'higher' ? 1 : -1;
  values = values.filter((v) => v.indicator === ind.id);
  const key = (year: number, cell: Cell) =>
    `${year}|${JSON.stringify(
      Object.entries(cell)
        .filter(([k]) => k !== column)
        .sort(),
    )}`;
  const refs = new Map(
    values.filter((v) => v.value !== null && v.cell[column] === reference).map((v) => [key(v.year, v.cell), v]),
  );
  return values
    .filter((v) => v.value !== null && v.cell[column] === compared)
    .flatMap((v) => {
      const ref = refs.get(key(v.year, v.cell));
      if (!ref) return [];
      const { [column]: _, ...cell } = v.cell;
      return [
        {
          indicator: ind.id,
          year: v.year,
          cell,
          compared: v.value!,
          reference: ref.value!,
          gap: d * (ref.value! - v.value!),
          parity: ref.value ? v.value! / ref.value : null,
        },
      ];
    })
    .sort(
      (a, b) =>
        a.year - b.year ||
        Object.keys(a.cell).length - Object.keys(b.cell).length ||
        JSON.stringify(a.cell).localeCompare(JSON.stringify(b.cell)),
    );
}

export interface GapTrend {
  indicator: string;
  from: number;
  to: number;
  /** Change of the gap per year over the last five years (negative: the gap closes). */
  slope: number;
  direction: 'narrowing' | 'widening' | 'stable';
}

/** Whether the town-wide gap closes: the straight-line trend of the last five years; a change below 0.1 units a year is stable. */
export function gapTrend(ind: Indicator, values: IndicatorValue[]): GapTrend | null {
  const series = gapSeries(ind, values).map((s) => s.point);
  const p = projectTrend(series, { year: series.at(-1)?.year ?? 0, value: 0 }, -1);
  if (!p) return null;
  return {
    indicator: ind.id,
    from: p.from,
    to: p.to,
    slope: p.slope,
    direction: Math.abs(p.slope) < 0.1 ? 'stable' : p.slope < 0 ? 'narrowing' : 'widening',
  };
}
