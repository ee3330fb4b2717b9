// Published methods that rate progress towards a target (../shared/reference/progress-methods.md).
// Pure functions over a series of points; compare.ts decides which series and which target.
import { msg, type Code, type Message } from '../core/messages/index.js';
import type { MethodStatus, Point, Projection, Status } from '../core/types.js';

/** The reasons without parameters a method may give for not rating. */
type RatingReason = Extract<Code, `rating-${string}`>;

export interface Rating {
  status: MethodStatus;
  score: number | null;
  reason: Message | null;
  /** The years the rating compares (base or first year of the window → latest); null when not assessable. */
  basis: { from: number; to: number } | null;
}

export interface RatingInput {
  series: Point[];
  baselineYear: number;
  target: { year: number; value: number };
  /** +1 when higher is better, −1 when lower is better. */
  d: 1 | -1;
}

/** Compound annual growth rate between two values. */
export function cagr(v1: number, v0: number, t1: number, t0: number): number {
  return Math.pow(v1 / v0, 1 / (t1 - t0)) - 1;
}

export function isMet(value: number, target: number, d: 1 | -1): boolean {
  return d === 1 ? value >= target : value <= target;
}

/** The base point: the baseline year's value, or the first later year that has one. */
export function basePoint(series: Point[], baselineYear: number): Point | null {
  return series.filter((p) => p.year >= baselineYear).sort((a, b) => a.year - b.year)[0] ?? null;
}

export function latestPoint(series: Point[]): Point | null {
  return series.reduce<Point | null>((a, p) => (a === null || p.year > a.year ? p : a), null);
}

/**
 * Ratio of actual to required growth (Eurostat-inspired; Open SDG since 2.4):
 * R = d · CAGR(v_t, v_b) / |CAGR(v*, v_b)|, sign flipped when v_b < 0; 0.95 / 0.60 / 0 thresholds.
 */
export function rateGrowthRatio({ series, baselineYear, target, d }: RatingInput): Rating {
  const latest = latestPoint(series);
  if (!latest) return notAssessable('rating-no-data');
  if (isMet(latest.value, target.value, d)) return rated('achieved', 5, latest.year, latest.year);
  const base = basePoint(series, baselineYear);
  if (!base || base.year >= latest.year)
    return notAssessable(base ? 'rating-too-few-years' : 'rating-no-baseline-value');
  if (target.year <= base.year) return notAssessable('rating-target-before-base');
  const zeroSafe = (v: number) => (v === 0 ? 0.001 : v);
  const [vb, vt, vs] = [zeroSafe(base.value), zeroSafe(latest.value), zeroSafe(target.value)];
  if (Math.sign(vb) !== Math.sign(vt)) return notAssessable('rating-opposite-signs-latest');
  if (Math.sign(vb) !== Math.sign(vs)) return notAssessable('rating-opposite-signs-target');
  const actual = cagr(vt, vb, latest.year, base.year);
  const required = Math.abs(cagr(vs, vb, target.year, base.year));
  const flip = vb < 0 ? -1 : 1;
  const r = required === 0 ? -Infinity : (flip * d * actual) / required;
  const status = r >= 0.95 ? 'on_track' : r >= 0.6 ? 'moderate' : r >= 0 ? 'limited' : 'deterioration';
  return rated(status, r, base.year, latest.year);
}

/** The score in [−5, 5] with which Open SDG averages several series into one status. */
export function growthRatioScore(r: number): number {
  return r >= 0.6 ? Math.min(7.1429 * r - 4.2857, 5) : Math.max(4.1667 * r - 2.5, -5);
}

/**
 * Weather symbols of the German sustainability strategy: the average annual change over the last five
 * years (arithmetic: (v_t − v_{t−5}) / 5, from at least four consecutive points of the last six),
 * continued to the target year; the projected shortfall as a share of |v* − v_t| decides.
 * Mapped onto our statuses: sun → on track (achieved when met already), slightly cloudy → moderate,
 * cloudy → limited, thunderstorm → deterioration.
 */
export function rateWeather({ series, target, d }: RatingInput): Rating {
  const latest = latestPoint(series);
  if (!latest) return notAssessable('rating-no-data');
  const window = series.filter((p) => p.year > latest.year - 6).sort((a, b) => a.year - b.year);
  if (longestConsecutiveRun(window) < 4) {
    if (isMet(latest.value, target.value, d)) return rated('achieved', 0, latest.year, latest.year);
    return notAssessable('rating-too-few-consecutive');
  }
  const first = window[0]!;
  const slope = (latest.value - first.value) / (latest.year - first.year);
  const projected = latest.value + slope * (target.year - latest.year);
  const met = isMet(latest.value, target.value, d);
  if (met)
    return isMet(projected, target.value, d)
      ? rated('achieved', 0, first.year, latest.year)
      : rated('moderate', null, first.year, latest.year, msg('rating-met-trend-away'));
  if (d * slope < 0) return rated('deterioration', null, first.year, latest.year);
  const shortfall = Math.max(0, (d * (target.value - projected)) / Math.abs(target.value - latest.value));
  const status = shortfall < 0.05 ? 'on_track' : shortfall <= 0.2 ? 'moderate' : 'limited';
  return rated(status, shortfall, first.year, latest.year);
}

/**
 * Weather symbols for a target that must hold every year: the last value decides first, then whether
 * the last annual change is a setback. Met and no setback: sun; met but worsening: slightly cloudy; not
 * met and not moving away: cloudy; not met and moving away: thunderstorm.
 */
export function rateWeatherEveryYear({ series, target, d }: RatingInput): Rating {
  const sorted = [...series].sort((a, b) => a.year - b.year);
  const latest = sorted.at(-1);
  const before = sorted.at(-2);
  if (!latest || !before) return notAssessable(latest ? 'rating-too-few-years-any' : 'rating-no-data');
  const setback = d * (latest.value - before.value) < 0;
  const [from, to] = [before.year, latest.year];
  if (isMet(latest.value, target.value, d))
    return setback ? rated('moderate', null, from, to, msg('rating-met-setback')) : rated('achieved', null, from, to);
  return rated(setback ? 'deterioration' : 'limited', null, from, to);
}

/**
 * A direction-only target ("should rise") under the weather method: the five-year average change decides
 * first, the last annual change second. Both right: sun; average right, last wrong: slightly cloudy;
 * average wrong, last right: cloudy; both wrong: thunderstorm.
 */
export function rateWeatherDirection({ series, d }: Omit<RatingInput, 'target'>): Rating {
  const sorted = [...series].sort((a, b) => a.year - b.year);
  const latest = sorted.at(-1);
  if (!latest) return notAssessable('rating-no-data');
  const window = sorted.filter((p) => p.year > latest.year - 6);
  if (longestConsecutiveRun(window) < 4) return notAssessable('rating-too-few-consecutive');
  const average = (latest.value - window[0]!.value) / (latest.year - window[0]!.year);
  const last = latest.value - window.at(-2)!.value;
  const [a, l] = [d * average >= 0, d * last >= 0];
  const status = a && l ? 'on_track' : a ? 'moderate' : l ? 'limited' : 'deterioration';
  return rated(status, d * average, window[0]!.year, latest.year);
}

/**
 * A direction-only target under the growth-ratio method: the categories follow from the growth rate in
 * the better direction, p = d · CAGR(v_t, v_b), with the thresholds 1.5 %, 0.5 % and 0 a year.
 */
export function rateGrowthDirection({ series, baselineYear, d }: Omit<RatingInput, 'target'>): Rating {
  const latest = latestPoint(series);
  const base = basePoint(series, baselineYear);
  if (!latest) return notAssessable('rating-no-data');
  if (!base || base.year >= latest.year)
    return notAssessable(base ? 'rating-too-few-years' : 'rating-no-baseline-value');
  const zeroSafe = (v: number) => (v === 0 ? 0.001 : v);
  const [vb, vt] = [zeroSafe(base.value), zeroSafe(latest.value)];
  if (Math.sign(vb) !== Math.sign(vt)) return notAssessable('rating-opposite-signs-latest');
  const p = (vb < 0 ? -1 : 1) * d * cagr(vt, vb, latest.year, base.year);
  const status = p >= 0.015 ? 'on_track' : p >= 0.005 ? 'moderate' : p >= 0 ? 'limited' : 'deterioration';
  return rated(status, p, base.year, latest.year);
}

function longestConsecutiveRun(points: Point[]): number {
  let best = 0;
  let run = 0;
  points.forEach((p, i) => {
    run = i > 0 && p.year === points[i - 1]!.year + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  });
  return best;
}

/**
 * A straight-line trend (least squares) over the last five years of data, continued to the target year:
 * what the council reads as "at the current pace". Null with fewer than two points.
 */
export function projectTrend(
  series: Point[],
  target: { year: number; value: number },
  d: 1 | -1,
  years = 5,
): Projection | null {
  const latest = latestPoint(series);
  if (!latest) return null;
  const used = series.filter((p) => p.year >= latest.year - years).sort((a, b) => a.year - b.year);
  if (used.length < 2) return null;
  const mx = used.reduce((s, p) => s + p.year, 0) / used.length;
  const my = used.reduce((s, p) => s + p.value, 0) / used.length;
  const sxx = used.reduce((s, p) => s + (p.year - mx) ** 2, 0);
  const slope = used.reduce((s, p) => s + (p.year - mx) * (p.value - my), 0) / sxx;
  const at = (year: number) => my + slope * (year - mx);
  let reachYear: number | null = null;
  if (isMet(latest.value, target.value, d)) reachYear = latest.year;
  else if (d * slope > 0) reachYear = Math.max(latest.year + 1, Math.ceil(mx + (target.value - my) / slope - 1e-9));
  return {
    method: `linear trend ${used[0]!.year}–${latest.year}`,
    from: used[0]!.year,
    to: latest.year,
    slope,
    value: at(target.year),
    reachYear,
  };
}

/**
 * The weather method's own line: the average annual change of its window (first to latest value),
 * continued from the latest value to the target year. The report draws and describes this line, so that
 * chart, sentence and status rest on the same figure.
 */
export function projectAverage(series: Point[], target: { year: number; value: number }, d: 1 | -1): Projection | null {
  const latest = latestPoint(series);
  if (!latest) return null;
  const first = series.filter((p) => p.year > latest.year - 6).sort((a, b) => a.year - b.year)[0]!;
  if (first.year === latest.year) return null;
  const slope = (latest.value - first.value) / (latest.year - first.year);
  let reachYear: number | null = null;
  if (isMet(latest.value, target.value, d)) reachYear = latest.year;
  else if (d * slope > 0)
    reachYear = Math.max(latest.year + 1, Math.ceil(latest.year + (target.value - latest.value) / slope - 1e-9));
  return {
    method: `average change ${first.year}–${latest.year}`,
    from: first.year,
    to: latest.year,
    slope,
    value: latest.value + slope * (target.year - latest.year),
    reachYear,
  };
}

function rated(
  status: MethodStatus,
  score: number | null,
  from: number,
  to: number,
  reason: Message | null = null,
): Rating {
  return { status, score, reason, basis: { from, to } };
}

function notAssessable(reason: RatingReason): Rating {
  return { status: 'not_assessable', score: null, reason: msg(reason), basis: null };
}
