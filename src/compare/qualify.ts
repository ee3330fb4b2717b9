// What qualifies a method's verdict: the margin of error of survey estimates (its own statuses), and a gap
// that closes only because the reference group got worse (a caveat said beside the status). Pure.
import { msg, type Message } from '../core/messages/index.js';
import { statusOrder, type Status } from '../core/types.js';
import type { Indicator } from '../core/schema.js';
import type { IndicatorValue } from '../core/types.js';
import { gapSeriesReferenceHeld, type SeriesPoint } from './gaps.js';
import { isMet, type Rating, type RatingInput } from './progress.js';

/** A rating after the margin of error: the status may carry `_uncertain`. */
type QualifiedRating = Omit<Rating, 'status'> & { status: Status };

/**
 * A survey estimate claims a verdict only where its 95 % interval supports it. "Achieved" needs the
 * interval of the latest value clear of the target; "on track" and "deterioration" need the change since
 * the first year the status rests on to exceed the margin of error of both estimates. Otherwise the
 * status says the estimate's verdict and that it is not certain (`achieved_uncertain`, …).
 */
export function qualifyByUncertainty(rating: Rating, series: SeriesPoint[], target: number | null, d: 1 | -1) {
  const latest = series.at(-1);
  if (!latest || latest.se === null || !rating.basis) return rating as QualifiedRating;
  if (rating.status === 'achieved') {
    if (target === null || isMet(latest.point.value - d * 1.96 * latest.se, target, d)) return rating;
    return { ...rating, status: 'achieved_uncertain', reason: msg('rating-within-margin-achieved') } as const;
  }
  if (rating.status !== 'on_track' && rating.status !== 'deterioration') return rating;
  const start = series.find((s) => s.point.year === rating.basis!.from);
  if (!start || start.se === null) return rating;
  if (Math.abs(latest.point.value - start.point.value) >= 1.96 * Math.hypot(latest.se, start.se)) return rating;
  return rating.status === 'on_track'
    ? ({ ...rating, status: 'on_track_uncertain', reason: msg('rating-within-margin-progress') } as const)
    : ({ ...rating, status: 'deterioration_uncertain', reason: msg('rating-within-margin-decline') } as const);
}

/**
 * A gap target's status that rests on the reference group getting worse: rated again as if the reference
 * group had kept its value of `from` (the first year the status rests on, or the base year of a target
 * met). When that gives a worse status, the caveat names the group, the year and the status it would have had.
 */
export function caveatOfGap(
  ind: Indicator,
  values: IndicatorValue[],
  rating: Rating,
  rate: (input: RatingInput) => Rating,
  input: RatingInput,
  from: number,
): Message | null {
  if (!ind.groups || !rating.basis || rating.status === 'not_assessable') return null;
  const held = gapSeriesReferenceHeld(ind, values, from).map((s) => s.point);
  const actual = held.find((p) => p.year === rating.basis!.to);
  if (!actual) return null;
  // Holding the reference group only makes the gap wider when that group got worse.
  const gapNow = input.series.find((p) => p.year === rating.basis!.to);
  if (!gapNow || actual.value <= gapNow.value) return null;
  const without = rate({ ...input, series: held }).status;
  if (without === 'not_assessable' || statusOrder.indexOf(without) >= statusOrder.indexOf(rating.status)) return null;
  return msg('caveat-gap-reference-decline', { reference: ind.groups.reference, year: from, status: without });
}
