import { describe, expect, it } from 'vitest';
import { compareIndicator, currentTargets, rollUp, targetValue, worstStatus } from '../src/compare/compare.js';
import { gapSeries, gapTable, gapTrend } from '../src/compare/gaps.js';
import type { IndicatorValue } from '../src/core/types.js';
import type { Indicator } from '../src/core/schema.js';

const indicator = (over: Partial<Indicator> = {}): Indicator => ({
  id: 'rate',
  title: { de: 'Quote' },
  field: 'work',
  unit: 'percent',
  direction: 'higher',
  missing: 'flag',
  numerator: { table: 't', expr: 'sum(a)' },
  denominator: { table: 't', expr: 'sum(b)' },
  by: ['g'],
  groups: { column: 'g', compared: 'mit', reference: 'ohne' },
  baseline: 2015,
  targets: [{ year: 2030, value: 65, group: 'mit' }],
  department: 'Amt',
  source: 'Quelle',
  ...over,
});
const value = (
  year: number,
  cell: Record<string, string>,
  v: number | null,
  extra: Partial<IndicatorValue> = {},
): IndicatorValue => ({
  indicator: 'rate',
  year,
  cell,
  value: v,
  numerator: null,
  denominator: null,
  notes: [],
  ...extra,
});

describe('one target', () => {
  const values = [
    value(2015, { g: 'mit' }, 50),
    value(2020, { g: 'mit' }, 55),
    value(2015, { g: 'ohne' }, 70),
    value(2020, { g: 'ohne' }, 71),
    value(2020, {}, 64),
  ];

  it('reports Ist, Soll, gap, relative gap, progress, projection and status', () => {
    const [c] = compareIndicator(indicator(), values, 'growth-ratio');
    expect(c).toMatchObject({
      series: 'value',
      group: 'mit',
      direction: 'higher',
      target: { year: 2030, value: 65 },
      baseline: { year: 2015, value: 50 },
      latest: { year: 2020, value: 55 },
      status: 'on_track',
      method: 'growth-ratio',
    });
    expect(c!.gap).toBe(10); // 65 − 55, still to go
    expect(c!.relativeGap).toBeCloseTo(10 / 65, 12);
    expect(c!.progress).toBeCloseTo(5 / 15, 12); // a third of the way from 50 to 65
    // Two points, 2015 and 2020: +1 a year, 65 in 2030, reached in 2030.
    expect(c!.projection).toMatchObject({ from: 2015, to: 2020, value: 65, reachYear: 2030 });
  });

  it('rates the gap between the groups, where a smaller gap is better', () => {
    const [c] = compareIndicator(indicator({ targets: [{ year: 2030, gap: 5 }] }), values, 'growth-ratio');
    // Gap 2015: 70 − 50 = 20, 2020: 71 − 55 = 16, target at most 5.
    expect(c).toMatchObject({
      series: 'gap',
      group: null,
      direction: 'lower',
      baseline: { value: 20 },
      latest: { value: 16 },
      gap: 11,
    });
    // (16/20)^(1/5) − 1 = −0.043648; |(5/20)^(1/15) − 1| = 0.088278 → R = 0.49444: limited progress.
    expect(c!.score).toBeCloseTo(0.49444, 4);
    expect(c!.status).toBe('limited');
  });

  it('a target for everyone uses the total', () => {
    const [c] = compareIndicator(indicator({ targets: [{ year: 2030, value: 60 }] }), values, 'growth-ratio');
    expect(c).toMatchObject({ group: null, latest: { year: 2020, value: 64 }, status: 'achieved' });
  });

  it('uses the weather method when the project chooses it', () => {
    const yearly = [2020, 2021, 2022, 2023, 2024, 2025].map((y, i) => value(y, { g: 'mit' }, 50 + i));
    const [c] = compareIndicator(indicator(), yearly, 'weather');
    // +1 a year from 55 in 2025: 60 in 2030, missing 65 by 5 of the 10 still to go → cloudy.
    expect(c).toMatchObject({ method: 'weather', status: 'limited', score: 0.5 });
  });
});

describe('milestones, ranges and several targets', () => {
  it('uses the next milestone still ahead, or the last one when all have passed', () => {
    const targets = [
      { year: 2027, value: 60, group: 'mit' },
      { year: 2030, value: 65, group: 'mit' },
      { year: 2030, gap: 5 },
    ];
    expect(currentTargets(targets, 2025).map((t) => t.year)).toEqual([2027, 2030]);
    expect(currentTargets(targets, 2028).map((t) => t.year)).toEqual([2030, 2030]);
    expect(currentTargets(targets, 2031).map((t) => t.year)).toEqual([2030, 2030]);
  });

  it('a range counts with its weaker end', () => {
    expect(targetValue({ year: 2030, range: [60, 70] }, 'higher')).toBe(60);
    expect(targetValue({ year: 2030, range: [5, 8] }, 'lower')).toBe(8);
  });

  it('several targets roll up to the worst; not assessable only when nothing else is known', () => {
    expect(worstStatus(['achieved', 'moderate', 'not_assessable'])).toBe('moderate');
    expect(worstStatus(['on_track', 'deterioration'])).toBe('deterioration');
    expect(worstStatus(['not_assessable'])).toBe('not_assessable');
  });

  it('counts indicator statuses per field of action', () => {
    const c = (indicator: string, status: 'achieved' | 'limited' | 'on_track') => ({ indicator, status }) as never;
    const r = rollUp(
      [indicator({ id: 'a' }), indicator({ id: 'b' }), indicator({ id: 'c', field: 'home' })],
      ['work', 'home'],
      [c('a', 'achieved'), c('a', 'limited'), c('b', 'on_track'), c('c', 'on_track')],
    );
    expect(r.indicators).toEqual([
      { id: 'a', field: 'work', status: 'limited' },
      { id: 'b', field: 'work', status: 'on_track' },
      { id: 'c', field: 'home', status: 'on_track' },
    ]);
    expect(r.fields[0]!.counts).toMatchObject({ limited: 1, on_track: 1, achieved: 0 });
  });
});

describe('margin of error of survey estimates', () => {
  const survey = (latest: number, se: number) => [
    value(2019, { g: 'mit' }, 50, { se: 2 }),
    value(2025, { g: 'mit' }, latest, { se }),
  ];
  it('an estimate above the target but within its margin is "achieved, but not certain"', () => {
    const [c] = compareIndicator(indicator({ baseline: 2019 }), survey(66, 1.5), 'growth-ratio');
    // 66 − 1.96 · 1.5 = 63.06 < 65
    expect(c).toMatchObject({
      status: 'achieved_uncertain',
      reason: { code: 'rating-within-margin-achieved' },
    });
    const [clear] = compareIndicator(indicator({ baseline: 2019 }), survey(69, 1.5), 'growth-ratio');
    expect(clear!.status).toBe('achieved');
  });
  it('a decline within the margin of error is a deterioration, but not certain', () => {
    // 48 vs 50: |−2| < 1.96 · √(2² + 2²) = 5.54
    const [c] = compareIndicator(indicator({ baseline: 2019 }), survey(48, 2), 'growth-ratio');
    expect(c).toMatchObject({ status: 'deterioration_uncertain', reason: { code: 'rating-within-margin-decline' } });
    const [clear] = compareIndicator(indicator({ baseline: 2019 }), survey(40, 2), 'growth-ratio');
    expect(clear!.status).toBe('deterioration');
  });

  it('progress on track but within the margin of error is on track, but not certain', () => {
    // 50 → 54 towards 55 by 2030: R > 0.95, but |4| < 5.54.
    const [c] = compareIndicator(
      indicator({ baseline: 2019, targets: [{ year: 2030, value: 55, group: 'mit' }] }),
      survey(54, 2),
      'growth-ratio',
    );
    expect(c).toMatchObject({ status: 'on_track_uncertain', reason: { code: 'rating-within-margin-progress' } });
    const [clear] = compareIndicator(
      indicator({ baseline: 2019, targets: [{ year: 2030, value: 60, group: 'mit' }] }),
      survey(58, 1),
      'growth-ratio',
    );
    expect(clear!.status).toBe('on_track');
  });

  it('the weather method qualifies by the change over its own window', () => {
    const wave = (year: number, v: number) => value(year, { g: 'mit' }, v, { se: 1.5 });
    const yearly = [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y, i) => wave(y, 50 - 0.5 * i));
    // 49.5 in 2020 to 47 in 2025: moving away, but |−2.5| < 1.96 · √(1.5² + 1.5²) = 4.16.
    const [c] = compareIndicator(indicator({ baseline: 2019 }), yearly, 'weather');
    expect(c).toMatchObject({ status: 'deterioration_uncertain', basis: { from: 2020, to: 2025 } });
  });
});

describe('participation gaps', () => {
  const values = [
    value(2020, { g: 'mit' }, 40),
    value(2020, { g: 'ohne' }, 60),
    value(2021, { g: 'mit' }, 44),
    value(2021, { g: 'ohne' }, 61),
    value(2021, { g: 'mit', d: 'A' }, 30),
    value(2021, { g: 'ohne', d: 'A' }, 60),
    value(2021, { g: 'mit', d: 'B' }, null, { suppressed: true }),
    value(2021, { g: 'ohne', d: 'B' }, 50),
  ];
  it('in points and as a parity ratio, per year and district, skipping suppressed cells', () => {
    expect(gapTable(indicator({ by: ['g', 'd'] }), values)).toEqual([
      { indicator: 'rate', year: 2020, cell: {}, compared: 40, reference: 60, gap: 20, parity: 40 / 60 },
      { indicator: 'rate', year: 2021, cell: {}, compared: 44, reference: 61, gap: 17, parity: 44 / 61 },
      { indicator: 'rate', year: 2021, cell: { d: 'A' }, compared: 30, reference: 60, gap: 30, parity: 0.5 },
    ]);
  });
  it('for lower-is-better indicators the sign follows the disadvantage', () => {
    const lower = indicator({ direction: 'lower' });
    expect(gapSeries(lower, values).map((s) => s.point.value)).toEqual([-20, -17]);
  });
  it('says whether the gap narrows', () => {
    expect(gapTrend(indicator(), values)).toMatchObject({ from: 2020, to: 2021, slope: -3, direction: 'narrowing' });
  });
});

describe('a target that must hold every year', () => {
  it('is rated by the weather rule for such targets: met, but the last year a setback', () => {
    const values = [2020, 2021, 2022, 2023].map((y, i) => value(y, {}, [61, 63, 64, 62][i]!));
    const [c] = compareIndicator(
      indicator({ groups: undefined, by: [], targets: [{ year: 2030, value: 60, every_year: true }] }),
      values,
      'weather',
    );
    expect(c).toMatchObject({ status: 'moderate', reason: { code: 'rating-met-setback' } });
    // The growth-ratio method has no such rule: met now is achieved.
    expect(
      compareIndicator(
        indicator({ groups: undefined, by: [], targets: [{ year: 2030, value: 60, every_year: true }] }),
        values,
        'growth-ratio',
      )[0]!.status,
    ).toBe('achieved');
  });
});

describe('a direction-only target ("should rise")', () => {
  const values = [value(2015, {}, 50), value(2020, {}, 55)];
  const trend = indicator({ groups: undefined, by: [], targets: [{ year: 2030, trend: true }] });
  it('is rated by the growth rate in the better direction, with no number to reach', () => {
    const [c] = compareIndicator(trend, values, 'growth-ratio');
    // (55/50)^(1/5) − 1 = 1.924 % a year ≥ 1.5 %
    expect(c).toMatchObject({ target: { year: 2030, value: null }, gap: null, progress: null, status: 'on_track' });
    expect(c!.score).toBeCloseTo(0.019245, 5);
    expect(c!.projection).toMatchObject({ value: 65, reachYear: null });
  });
  it('under the weather method needs four consecutive years', () => {
    expect(compareIndicator(trend, values, 'weather')[0]).toMatchObject({ status: 'not_assessable' });
  });
  it('is a milestone series of its own, next to a value target for the same group', () => {
    expect(
      currentTargets(
        [
          { year: 2030, trend: true },
          { year: 2030, value: 60 },
        ],
        2025,
      ),
    ).toHaveLength(2);
  });
});

describe('a gap target met by the reference group getting worse', () => {
  const years = [2015, 2017, 2019, 2021, 2023, 2025];
  const series = (mit: (i: number) => number, ohne: (i: number) => number) =>
    years.flatMap((y, i) => [value(y, { g: 'mit' }, mit(i)), value(y, { g: 'ohne' }, ohne(i))]);
  const gapTarget = indicator({ targets: [{ year: 2030, gap: 6 }] });

  it('is met, says which group moved, and carries the caveat with the status it would have had', () => {
    // mit stays at 40, ohne falls from 60 to 45: the gap closes from 20 to 5, below 6.
    const [c] = compareIndicator(
      gapTarget,
      series(
        () => 40,
        (i) => 60 - 3 * i,
      ),
      'growth-ratio',
    );
    expect(c).toMatchObject({
      status: 'achieved',
      groups: { from: 2015, to: 2025, compared: { from: 40, to: 40 }, reference: { from: 60, to: 45 } },
      // With ohne kept at 60, the gap stays 20: no progress at all, R = 0.
      caveat: { code: 'caveat-gap-reference-decline', reference: 'ohne', year: 2015, status: 'limited' },
    });
  });

  it('on track only because of the decline: the caveat names the worse status', () => {
    // mit rises a little (40 → 41), ohne falls 60 → 50: gap 20 → 9, on track for 6 in 2030.
    const [c] = compareIndicator(
      gapTarget,
      series(
        (i) => 40 + 0.2 * i,
        (i) => 60 - 2 * i,
      ),
      'growth-ratio',
    );
    expect(c!.status).toBe('on_track');
    expect(c!.caveat).toMatchObject({ code: 'caveat-gap-reference-decline', status: 'limited' });
  });

  it('has no caveat when the compared group closes the gap, whatever the reference group does', () => {
    const rising = compareIndicator(
      gapTarget,
      series(
        (i) => 40 + 3 * i,
        (i) => 60 - 0.5 * i,
      ),
      'growth-ratio',
    )[0]!;
    // Had ohne stayed at 60, mit at 55 would still be within 6 points: met without the decline.
    expect(rising).toMatchObject({ status: 'achieved', caveat: null });
    const both = compareIndicator(
      gapTarget,
      series(
        (i) => 40 + 4 * i,
        (i) => 60 + i,
      ),
      'growth-ratio',
    )[0]!;
    expect(both).toMatchObject({ status: 'achieved', caveat: null });
  });

  it('is judged by the same rule under the weather method, over its own window', () => {
    const yearly = Array.from({ length: 11 }, (_, i) => 2015 + i).flatMap((y, i) => [
      value(y, { g: 'mit' }, 40),
      value(y, { g: 'ohne' }, 60 - 1.5 * i),
    ]);
    const [c] = compareIndicator(gapTarget, yearly, 'weather');
    // Gap 12.5 in 2020 to 5 in 2025: met; with ohne kept at its 2020 value, 12.5 every year: cloudy.
    expect(c).toMatchObject({ status: 'achieved', caveat: { year: 2020, status: 'limited' } });
  });
});
