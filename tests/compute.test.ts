import { beforeAll, describe, expect, it } from 'vitest';
import { computeProject } from '../src/compute/compute.js';
import { loadProject } from '../src/load/load.js';
import type { IndicatorValue } from '../src/core/types.js';
import { readProject, type Project } from '../src/core/project.js';
import { fixture, noteOf, tempDb } from './helpers.js';

let project: Project;
let values: IndicatorValue[];
const find = (indicator: string, year: number, cell: Record<string, string>) =>
  values.find((v) => v.indicator === indicator && v.year === year && JSON.stringify(v.cell) === JSON.stringify(cell));

beforeAll(async () => {
  project = await readProject(fixture('mini'));
  const db = await tempDb();
  await loadProject(project, db);
  values = await computeProject(project, db);
});

describe('ratio indicators from two tables', () => {
  it('computes the total and every combination of the disaggregations', () => {
    // (60 + 10 + 30 + 5) / (100 + 20 + 50 + 10) = 105 / 180
    expect(find('employment', 2020, {})?.value).toBeCloseTo((105 / 180) * 100, 9);
    expect(find('employment', 2020, { nat: 'X' })?.value).toBeCloseTo((15 / 30) * 100, 9);
    expect(find('employment', 2020, { area: 'A', nat: 'X' })?.value).toBeCloseTo(50, 9);
    expect(find('employment', 2021, { area: 'B' })?.value).toBeCloseTo((33 / 53) * 100, 9);
    // 2 years × (1 total + 2 areas + 2 groups + 4 cells)
    expect(values.filter((v) => v.indicator === 'employment')).toHaveLength(18);
  });

  it('suppresses cells built on counts below the threshold and says why', () => {
    const cell = find('employment', 2021, { area: 'B', nat: 'X' })!;
    expect(cell).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true });
    expect(noteOf(cell)).toContain('below 5');
  });
});

describe('weighted survey indicators', () => {
  // Worked by hand: y = [1,0,1,1,0,0], x = [1,1,1,1,1,0], w = [1,2,1,3,1,2]; R = Σwy / Σwx;
  // z = w(y − R·x) / Σwx, var = n/(n−1) Σ(z − z̄)² with n = 6 respondents in the wave.
  it('estimates the weighted share with its linearised standard error', () => {
    const all = find('agree', 2022, {})!;
    expect(all.value).toBeCloseTo(62.5, 9);
    expect(all.se).toBeCloseTo(25.617376914899, 8);
    expect(all.n).toBe(5);
    expect(all.nEffKish).toBeCloseTo(4, 9);
    const x = find('agree', 2022, { nat: 'X' })!;
    expect(x.value).toBeCloseTo(75, 9);
    expect(x.se).toBeCloseTo(29.047375096556, 8);
    expect(x.nEffKish).toBeCloseTo(1.6, 9);
  });

  it('gives a 95 % interval that stays inside 0–100 %', () => {
    const x = find('agree', 2022, { nat: 'X' })!;
    expect(x.low).toBeGreaterThan(0);
    expect(x.high).toBeLessThan(100);
    expect(x.low!).toBeLessThan(75);
    expect(x.high!).toBeGreaterThan(75);
  });

  it('flags cells with few respondents', () => {
    expect(noteOf(find('agree', 2022, { nat: 'X' }))).toContain('2 respondents');
  });
});
