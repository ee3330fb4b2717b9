import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { words } from './helpers.js';
import type { Point } from '../src/core/types.js';
import {
  cagr,
  growthRatioScore,
  projectTrend,
  rateGrowthDirection,
  rateGrowthRatio,
  rateWeather,
  rateWeatherDirection,
  rateWeatherEveryYear,
  type RatingInput,
} from '../src/compare/progress.js';

const series = (...pairs: [number, number][]): Point[] => pairs.map(([year, value]) => ({ year, value }));
const input = (s: Point[], target: [number, number], d: 1 | -1 = 1, baselineYear = 2015): RatingInput => ({
  series: s,
  baselineYear,
  target: { year: target[0], value: target[1] },
  d,
});

describe('ratio of actual to required growth', () => {
  // Expected ratios worked out by hand: R = d·CAGR(v_t, v_b) / |CAGR(v*, v_b)|.
  it.each([
    // (55/50)^(1/5) − 1 = 0.019245; (65/50)^(1/15) − 1 = 0.017645 → R = 1.0907
    [55, 'on_track', 1.0906818],
    // (53/50)^(1/5) − 1 = 0.011722 → R = 0.6643
    [53, 'moderate', 0.6643284],
    // (51/50)^(1/5) − 1 = 0.003968 → R = 0.2249
    [51, 'limited', 0.2249034],
  ])('latest %d → %s', (latest, status, r) => {
    const rating = rateGrowthRatio(input(series([2015, 50], [2020, latest]), [2030, 65]));
    expect(rating.status).toBe(status);
    expect(rating.score).toBeCloseTo(r, 6);
  });

  it('moving away from the target is deterioration', () => {
    expect(rateGrowthRatio(input(series([2015, 50], [2020, 48]), [2030, 65])).status).toBe('deterioration');
  });

  it('a reached target wins over everything else', () => {
    expect(rateGrowthRatio(input(series([2015, 50], [2020, 66]), [2030, 65]))).toEqual({
      status: 'achieved',
      score: 5,
      reason: null,
      // A target met rests on the latest year alone.
      basis: { from: 2020, to: 2020 },
    });
    expect(rateGrowthRatio(input(series([2015, 20], [2020, 9]), [2030, 10], -1)).status).toBe('achieved');
  });

  it('lower is better: (17/20)^(1/5) − 1 = −0.031981 against |0.5^(1/15) − 1| = 0.045158', () => {
    const rating = rateGrowthRatio(input(series([2015, 20], [2020, 17]), [2030, 10], -1));
    expect(rating.score).toBeCloseTo(0.7082009, 6);
    expect(rating.status).toBe('moderate');
  });

  it('negative base value flips the sign: −10 → −8 towards −2 is progress', () => {
    // (−8/−10)^(1/5) − 1 = −0.043648; |(−2/−10)^(1/15) − 1| = 0.101736; flipped → R = 0.4290
    const rating = rateGrowthRatio(input(series([2015, -10], [2020, -8]), [2030, -2]));
    expect(rating.score).toBeCloseTo(0.4290097, 6);
    expect(rating.status).toBe('limited');
  });

  it('a zero target is replaced by 0.001 so that the growth rate exists', () => {
    // (4/10)^(1/5) − 1 = −0.167448; |(0.001/10)^(1/15) − 1| = 0.458830 → R = 0.3649
    const rating = rateGrowthRatio(input(series([2015, 10], [2020, 4]), [2030, 0], -1));
    expect(rating.score).toBeCloseTo(0.3649426, 6);
  });

  it('falls back to the next year with a value when the base year has none', () => {
    const rating = rateGrowthRatio(input(series([2017, 50], [2020, 55]), [2030, 65]));
    // from 2017: (1.1)^(1/3) − 1 = 0.032280; (1.3)^(1/13) − 1 = 0.020387 → R = 1.58338
    expect(rating.score).toBeCloseTo(cagr(55, 50, 2020, 2017) / cagr(65, 50, 2030, 2017), 9);
    expect(rating.score).toBeCloseTo(1.58338, 4);
  });

  it.each([
    ['no data', [], 'no data'],
    ['one year only', series([2020, 50]), 'fewer than two years'],
    ['opposite signs', series([2015, -5], [2020, 5]), 'opposite signs'],
    ['nothing since the baseline', series([2010, 50], [2012, 55]), 'no value in or after the baseline year'],
  ])('not assessable: %s', (_, s, reason) => {
    const rating = rateGrowthRatio(input(s as Point[], [2030, 65]));
    expect(rating.status).toBe('not_assessable');
    expect(words(rating.reason)).toContain(reason);
  });

  it('maps R to the Open SDG score in [−5, 5]', () => {
    expect(growthRatioScore(0.95)).toBeCloseTo(2.5, 3);
    expect(growthRatioScore(0.6)).toBeCloseTo(0, 3);
    expect(growthRatioScore(0)).toBeCloseTo(-2.5, 3);
    expect(growthRatioScore(10)).toBe(5);
    expect(growthRatioScore(-10)).toBe(-5);
  });

  it('improving only the latest value never worsens the status', () => {
    const rank = ['deterioration', 'limited', 'moderate', 'on_track', 'achieved'];
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.constantFrom<1 | -1>(1, -1),
        (base, latest, better, target, d) => {
          const before = rateGrowthRatio(input(series([2015, base], [2020, latest]), [2030, target], d));
          const after = rateGrowthRatio(
            input(series([2015, base], [2020, Math.max(0.5, latest + d * better)]), [2030, target], d),
          );
          return rank.indexOf(after.status) >= rank.indexOf(before.status);
        },
      ),
    );
  });
});

describe('weather symbols', () => {
  const steady = series([2020, 40], [2021, 41], [2022, 42], [2023, 43], [2024, 44], [2025, 45]);
  it.each([
    // +1 a year → 50 in 2030. Shortfall as a share of |v* − v_t|.
    [50, 'on_track'], // 0 / 5
    [50.2, 'on_track'], // 0.2 / 5.2 = 3.8 %
    [51, 'moderate'], // 1 / 6 = 16.7 %
    [55, 'limited'], // 5 / 10 = 50 %
  ])('target %d → %s', (target, status) => {
    expect(rateWeather(input(steady, [2030, target])).status).toBe(status);
  });
  it('a trend away from the target is a thunderstorm', () => {
    expect(rateWeather(input(steady, [2030, 30], -1)).status).toBe('deterioration');
  });
  it('needs four consecutive values in the last six years', () => {
    const gappy = series([2020, 40], [2022, 42], [2024, 44], [2025, 45]);
    expect(rateWeather(input(gappy, [2030, 50])).status).toBe('not_assessable');
  });
  it('met now but trending away is slightly cloudy', () => {
    const falling = series([2020, 60], [2021, 59], [2022, 58], [2023, 57], [2024, 56], [2025, 55]);
    expect(rateWeather(input(falling, [2030, 52])).status).toBe('moderate');
  });
});

describe('projection of the trend', () => {
  it('fits a straight line through the last five years and finds the year the target is reached', () => {
    const p = projectTrend(
      series([2019, 10], [2021, 50], [2022, 51], [2023, 52], [2024, 53], [2025, 54]),
      { year: 2030, value: 60 },
      1,
    )!;
    // 2019 is outside 2020–2025; the line through 2021–2025 rises by 1 a year: 59 in 2030, 60 in 2031.
    expect(p.from).toBe(2021);
    expect(p.slope).toBeCloseTo(1, 9);
    expect(p.value).toBeCloseTo(59, 9);
    expect(p.reachYear).toBe(2031);
  });
  it('never reaches a target it moves away from', () => {
    expect(projectTrend(series([2024, 50], [2025, 49]), { year: 2030, value: 60 }, 1)!.reachYear).toBeNull();
  });
  it('needs two points', () => {
    expect(projectTrend(series([2025, 49]), { year: 2030, value: 60 }, 1)).toBeNull();
  });
});

describe('weather symbols: targets that must hold every year', () => {
  const run = (...values: number[]) => series(...values.map((v, i) => [2020 + i, v] as [number, number]));
  it.each([
    ['met, no setback → sun', run(60, 62, 63), 'achieved'],
    ['met, but the last year a setback → slightly cloudy', run(60, 64, 62), 'moderate'],
    ['not met, not moving away → cloudy', run(50, 52, 55), 'limited'],
    ['not met and moving away → thunderstorm', run(50, 55, 52), 'deterioration'],
  ])('%s', (_, s, status) => {
    expect(rateWeatherEveryYear(input(s, [2030, 60])).status).toBe(status);
  });
});

describe('direction-only targets ("should rise")', () => {
  const run = (...values: number[]) => series(...values.map((v, i) => [2020 + i, v] as [number, number]));
  it.each([
    ['both the average and the last change right → sun', run(40, 41, 42, 43, 44, 45), 'on_track'],
    ['average right, last change wrong → slightly cloudy', run(40, 42, 43, 44, 46, 45), 'moderate'],
    ['average wrong, last change right → cloudy', run(46, 45, 44, 43, 41, 42), 'limited'],
    ['both wrong → thunderstorm', run(46, 45, 44, 43, 42, 41), 'deterioration'],
  ])('weather: %s', (_, s, status) => {
    expect(rateWeatherDirection({ series: s, baselineYear: 2020, d: 1 }).status).toBe(status);
  });
  it.each([
    // p = CAGR(v_t, v_b): (1.1)^(1/5) − 1 = 1.924 % ≥ 1.5 %
    [55, 'on_track'],
    // (1.04)^(1/5) − 1 = 0.787 %
    [52, 'moderate'],
    // (1.01)^(1/5) − 1 = 0.199 %
    [50.5, 'limited'],
    [49, 'deterioration'],
  ])('growth ratio without a number: 50 → %d in five years is %s', (latest, status) => {
    const rating = rateGrowthDirection({ series: series([2015, 50], [2020, latest]), baselineYear: 2015, d: 1 });
    expect(rating.status).toBe(status);
    expect(rating.score).toBeCloseTo(cagr(latest, 50, 2020, 2015), 12);
  });
  it('lower is better turns the sign', () => {
    expect(rateGrowthDirection({ series: series([2015, 50], [2020, 45]), baselineYear: 2015, d: -1 }).status).toBe(
      'on_track',
    );
  });
});
