// Participation gaps: how far the compared group (e.g. residents with a migration history) lags behind
// the reference group, per year and per cell of the other disaggregations, as points and as a parity
// ratio, with the trend of the gap. Pure functions over indicator values.
import { from } from 'arquero';
import type { Cell, GroupMove, GroupMoves, IndicatorValue, Point } from '../core/types.js';
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
  return pairGroups(ind, values)
    .filter((p) => sameCell(p.cell, cell))
    .sort((a, b) => a.year - b.year)
    .map((p) => ({
      point: { year: p.year, value: gapOf(ind, p) },
      se: p.comparedSe !== null && p.referenceSe !== null ? Math.hypot(p.comparedSe, p.referenceSe) : null,
    }));
}

/**
 * The town-wide gap had the reference group kept its value of `from` in every later year: what the gap
 * would be if only the compared group had moved.
 */
export function gapSeriesReferenceHeld(ind: Indicator, values: IndicatorValue[], from: number): SeriesPoint[] {
  const pairs = pairGroups(ind, values)
    .filter((p) => sameCell(p.cell, {}))
    .sort((a, b) => a.year - b.year);
  const held = pairs.find((p) => p.year === from);
  if (!held) return [];
  return pairs.map((p) => {
    const reference = p.year >= from ? held.reference : p.reference;
    return { point: { year: p.year, value: gapOf(ind, { ...p, reference }) }, se: null };
  });
}

/** Both groups, town-wide, in the first and the last of the given years: which of them moved the gap. */
export function groupMoves(ind: Indicator, values: IndicatorValue[], from: number, to: number): GroupMoves | null {
  if (!ind.groups || from >= to) return null;
  const pairs = pairGroups(ind, values).filter((p) => sameCell(p.cell, {}));
  const [start, end] = [pairs.find((p) => p.year === from), pairs.find((p) => p.year === to)];
  if (!start || !end) return null;
  const move = (group: string, a: number, b: number, sa: number | null, sb: number | null): GroupMove => ({
    group,
    from: a,
    to: b,
    withinMargin: sa !== null && sb !== null && Math.abs(b - a) < 1.96 * Math.hypot(sa, sb),
  });
  return {
    from,
    to,
    compared: move(ind.groups.compared, start.compared, end.compared, start.comparedSe, end.comparedSe),
    reference: move(ind.groups.reference, start.reference, end.reference, start.referenceSe, end.referenceSe),
  };
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
  return pairGroups(ind, values)
    .map((p) => ({
      indicator: ind.id,
      year: p.year,
      cell: p.cell,
      compared: p.compared,
      reference: p.reference,
      gap: gapOf(ind, p),
      parity: p.reference ? p.compared / p.reference : null,
    }))
    .sort(
      (a, b) =>
        a.year - b.year ||
        Object.keys(a.cell).length - Object.keys(b.cell).length ||
        JSON.stringify(a.cell).localeCompare(JSON.stringify(b.cell)),
    );
}

/** The published values of both groups side by side, for one year and cell of the other disaggregations. */
interface Pair {
  year: number;
  /** The other disaggregations (e.g. district); empty for the whole town. */
  cell: Cell;
  compared: number;
  comparedSe: number | null;
  reference: number;
  referenceSe: number | null;
}

/** Joins the compared group's published values with the reference group's, by year and cell. */
function pairGroups(ind: Indicator, values: IndicatorValue[]): Pair[] {
  if (!ind.groups) return [];
  const { column, compared, reference } = ind.groups;
  const published = values.filter((v) => v.indicator === ind.id && v.value !== null);
  const group = (code: string, side: 'compared' | 'reference') =>
    from(
      published
        .filter((v) => v.cell[column] === code)
        .map((v) => {
          const { [column]: _, ...cell } = v.cell;
          return { year: v.year, key: cellKey(cell), cell, [side]: v.value, [`${side}Se`]: v.se ?? null };
        }),
      ['year', 'key', 'cell', side, `${side}Se`],
    );
  const on = ['year', 'key'];
  return group(compared, 'compared')
    .join(group(reference, 'reference').select(...on, 'reference', 'referenceSe'), [on, on])
    .objects() as Pair[];
}

/** In the indicator's unit; positive = the compared group is worse off. */
function gapOf(ind: Indicator, p: Pick<Pair, 'compared' | 'reference'>): number {
  return (ind.direction === 'higher' ? 1 : -1) * (p.reference - p.compared);
}

/** A cell as a join key: the same disaggregation values give the same key, in whatever order they come. */
function cellKey(cell: Cell): string {
  return JSON.stringify(Object.entries(cell).sort());
}

export interface GapTrend {
  indicator: string;
  from: number;
  to: number;
  /** Change of the gap per year over the last five years (negative: the gap closes). */
  slope: number;
  direction: 'narrowing' | 'widening' | 'stable';
}

/**
 * Whether the town-wide gap closes: the straight-line trend of
 * the last five years; a change below 0.1 units a year is stable.
 */
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
