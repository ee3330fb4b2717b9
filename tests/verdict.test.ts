// One rule per verdict: no sentence of the report about reaching a target contradicts the status beside
// it, and the first such sentence names the years the status rests on. Checked on the example town and
// on generated series of every shape (rising, falling, flat, noisy, turning; target above and below;
// baselines early and late; yearly data and survey waves with their margin of error), in both languages,
// with both progress methods.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareIndicators } from '../src/compare/compare.js';
import { computeProject } from '../src/compute/compute.js';
import { loadProject } from '../src/load/load.js';
import type { Lang } from '../src/core/format.js';
import type { Comparison, IndicatorValue } from '../src/core/types.js';
import { readProject, type IndicatorFile, type Project } from '../src/core/project.js';
import { Field, Indicator, ProjectConfig, type Method } from '../src/core/schema.js';
import { buildReportModel } from '../src/report/model.js';
import { contradictions } from './verdict-claims.js';
import { root, tempDb } from './helpers.js';

const langs: Lang[] = ['de', 'en'];
const now = new Date('2026-03-01T12:00:00Z');

/** The year the status rests on, by the method's published rule (not read from istsoll's own output). */
function basisYear(c: Comparison, method: Method): number | null {
  if (c.status === 'achieved' || c.status === 'not_assessable' || c.status === 'achieved_uncertain') return null;
  if (method === 'growth-ratio') return c.baseline?.year ?? null;
  return c.projection?.from ?? null;
}

/** Every comparison beside the paragraph the report writes about it, with what is wrong with the pair. */
function verdicts(project: Project, values: IndicatorValue[], lang: Lang) {
  const comparisons = compareIndicators(project.indicators, values, project.config.method);
  const model = buildReportModel(project, values, comparisons, { lang, now, version: '9.9.9' });
  return model.indicators.flatMap((s) => {
    const own = comparisons.filter((c) => c.indicator === s.id);
    const ind = project.indicators.find((i) => i.id === s.id)!;
    return own.map((c, i) => {
      const everyYear = ind.targets.some((t) => t.every_year && (t.group ?? null) === c.group && t.gap === undefined);
      const year = everyYear && project.config.method === 'weather' ? null : basisYear(c, project.config.method);
      const paragraph = s.summary[i]!;
      return { c, paragraph, problems: contradictions(c, paragraph, lang, year) };
    });
  });
}

describe('the example town', () => {
  let project: Project;
  let values: IndicatorValue[];
  beforeAll(async () => {
    project = await readProject(root);
    const db = await tempDb();
    await loadProject(project, db);
    values = await computeProject(project, db);
  });

  for (const lang of langs)
    it(`says nothing about reaching a target that contradicts its status (${lang})`, () => {
      const found = verdicts(project, values, lang).filter((v) => v.problems.length);
      expect(found.map((v) => `${v.c.indicator} (${v.c.series} ${v.c.group ?? ''}): ${v.problems.join('; ')}`)).toEqual(
        [],
      );
    });

  it('checks every target of the example that has a number to reach', () => {
    const rated = verdicts(project, values, 'de').filter((v) => v.c.target.value !== null);
    expect(rated.length).toBeGreaterThanOrEqual(20);
  });
});

// Generated series: eleven years 2015–2025 (or the survey waves 2019, 2022, 2025), as offsets from a level.
const shapes: Record<string, (t: number) => number> = {
  rising: (t) => 1.2 * t,
  falling: (t) => -1.2 * t,
  flat: () => 0,
  noisy: (t) => 0.3 * t + [0, 2.5, -1.5, 3, -2, 1, -3, 2, -1, 2.5, 0.5][t]!,
  'slow then fast': (t) => (t < 5 ? -0.4 * t : -2 + 2.2 * (t - 5)),
  'fast then flat': (t) => (t < 5 ? 2.5 * t : 12.5),
  'up then down': (t) => (t < 6 ? 1.8 * t : 10.8 - 2 * (t - 6)),
  'down then up': (t) => (t < 6 ? -1.5 * t : -9 + 2.5 * (t - 6)),
};

interface Case {
  shape: string;
  referenceShape: string;
  direction: 'higher' | 'lower';
  /** The target as an offset from the latest value, in the better direction (negative: already met). */
  ahead: number;
  gap: number;
  baseline: number;
  targetYear: number;
  survey: boolean;
  everyYear: boolean;
}

function caseIndicator(id: string, k: Case, latest: number): IndicatorFile {
  const d = k.direction === 'higher' ? 1 : -1;
  const spec = {
    id,
    title: { de: `Fall ${id}`, en: `Case ${id}` },
    field: 'f',
    unit: 'percent',
    direction: k.direction,
    numerator: { table: 't', expr: 'count(*)' },
    denominator: { table: 't', expr: 'count(*)' },
    by: ['g'],
    groups: { column: 'g', compared: 'mit', reference: 'ohne' },
    baseline: k.baseline,
    targets: [
      {
        year: k.targetYear,
        group: 'mit',
        value: round(latest + d * k.ahead),
        ...(k.everyYear ? { every_year: true } : {}),
      },
      { year: k.targetYear, gap: k.gap },
    ],
    department: 'Amt',
    source: 'Quelle',
  };
  return { ...Indicator.parse(spec), file: undefined as never } as IndicatorFile;
}

function caseValues(id: string, k: Case): IndicatorValue[] {
  const years = k.survey ? [2019, 2022, 2025] : Array.from({ length: 11 }, (_, i) => 2015 + i);
  return years.flatMap((year) => {
    const t = year - 2015;
    const mit = 40 + shapes[k.shape]!(t);
    const ohne = 55 + shapes[k.referenceShape]!(t);
    const se = k.survey ? { se: 1.8 } : {};
    const v = (cell: Record<string, string>, value: number): IndicatorValue => ({
      indicator: id,
      year,
      cell,
      value,
      numerator: null,
      denominator: null,
      notes: [],
      ...se,
    });
    return [v({ g: 'mit' }, mit), v({ g: 'ohne' }, ohne), v({}, (mit + ohne) / 2)];
  });
}

function caseProject(method: Method, cases: Case[]): { project: Project; values: IndicatorValue[] } {
  const indicators = cases.map((k, i) => {
    const id = `c${i}`;
    const latest = caseValues(id, k)
      .filter((v) => v.cell.g === 'mit')
      .at(-1)!.value!;
    return caseIndicator(id, k, latest);
  });
  const project: Project = {
    dir: '/nowhere',
    config: ProjectConfig.parse({ title: { de: 'Fälle' }, method }),
    sources: { t: { file: 't.csv', year: 'year' } },
    sourcesFile: undefined as never,
    measures: [],
    fields: [Field.parse({ id: 'f', title: { de: 'Feld', en: 'Field' } })],
    indicators,
  } as unknown as Project;
  return { project, values: cases.flatMap((k, i) => caseValues(`c${i}`, k)) };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Every shape against four others, both directions, targets ahead and met, two baselines, two target years. */
function grid(): Case[] {
  const cases: Case[] = [];
  const names = Object.keys(shapes);
  for (const shape of names)
    for (const referenceShape of ['flat', 'rising', 'falling', 'up then down'])
      for (const direction of ['higher', 'lower'] as const)
        for (const [ahead, baseline, targetYear, survey, everyYear] of [
          [6, 2015, 2030, false, false],
          [15, 2019, 2030, false, true],
          [-1, 2015, 2027, false, false],
          [3, 2019, 2027, true, false],
          [0.5, 2019, 2030, true, true],
        ] as const)
          cases.push({
            shape,
            referenceShape,
            direction,
            ahead,
            gap: [4, 12, 25][(shape.length + referenceShape.length) % 3]!,
            baseline,
            targetYear,
            survey,
            everyYear,
          });
  return cases;
}

describe('generated series', () => {
  const cases = grid();
  const every = ['achieved', 'achieved_uncertain', 'deterioration', 'deterioration_uncertain', 'limited', 'moderate'];
  const expected = {
    'growth-ratio': [...every, 'not_assessable', 'on_track', 'on_track_uncertain'].sort(),
    // The weather method needs four consecutive years: survey waves three years apart are rated only when met.
    weather: [...every, 'not_assessable', 'on_track'].sort(),
  };
  for (const method of ['growth-ratio', 'weather'] as const)
    for (const lang of langs)
      it(`a grid of ${cases.length} shapes, ${method}, ${lang}: no sentence contradicts its status`, () => {
        const { project, values } = caseProject(method, cases);
        const all = verdicts(project, values, lang);
        // Every kind of verdict occurs, so that the check has something to check, and so do sentences that
        // give the status's figure and a recent trend that says otherwise.
        const seen = new Set(all.map((v) => v.c.status));
        expect([...seen].sort()).toEqual(expected[method]);
        if (method === 'growth-ratio')
          expect(all.some((v) => /setzt sich jedoch|; however, if/.test(v.paragraph))).toBe(true);
        const found = all.filter((v) => v.problems.length);
        expect(found.slice(0, 5).map((v) => `${v.problems.join('; ')}\n  ${v.paragraph}`)).toEqual([]);
      });

  it('random series, both methods and languages: no sentence contradicts its status', () => {
    const arbitrary = fc.record({
      shape: fc.constantFrom(...Object.keys(shapes)),
      referenceShape: fc.constantFrom(...Object.keys(shapes)),
      direction: fc.constantFrom('higher' as const, 'lower' as const),
      ahead: fc.double({ min: -5, max: 30, noNaN: true }),
      gap: fc.double({ min: 0, max: 30, noNaN: true }),
      baseline: fc.integer({ min: 2015, max: 2022 }),
      targetYear: fc.integer({ min: 2026, max: 2040 }),
      survey: fc.boolean(),
      everyYear: fc.boolean(),
    });
    fc.assert(
      fc.property(arbitrary, fc.constantFrom('growth-ratio' as const, 'weather' as const), (k, method) => {
        const { project, values } = caseProject(method, [{ ...k, ahead: round(k.ahead), gap: round(k.gap) }]);
        for (const lang of langs)
          for (const v of verdicts(project, values, lang)) expect(v.problems, v.paragraph).toEqual([]);
      }),
      { numRuns: 150, seed: 14 },
    );
  });
});
