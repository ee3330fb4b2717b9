// A small hand-made project for the report tests: two indicators, values with suppressed cells (one that
// wrongly still carries a number), a district breakdown, and comparisons written out by hand so that the
// expected sentences are plain to see.
import { msg } from '../src/core/messages/index.js';
import type { Comparison, IndicatorValue } from '../src/core/types.js';
import type { IndicatorFile, Project } from '../src/core/project.js';
import { buildReportModel, type ReportModel, type ReportOptions } from '../src/report/model.js';
import { Field, Indicator, ProjectConfig } from '../src/core/schema.js';

export const hostile = '<script>alert(1)</script>';
export const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const now = new Date('2026-03-01T12:00:00Z');

export function makeProject(labelOfA = 'mit Migrationsgeschichte'): Project {
  const config = ProjectConfig.parse({
    title: { de: 'Integrationsmonitoring Teststadt', en: 'Integration monitoring test town' },
    notice: { de: 'Alle Zahlen sind erfunden & nur zum Testen.', en: 'All numbers are made up & only for testing.' },
    labels: {
      origin: {
        a: { de: labelOfA, en: labelOfA === 'mit Migrationsgeschichte' ? 'with a migration history' : labelOfA },
        b: { de: 'ohne Migrationsgeschichte', en: 'without a migration history' },
      },
      ortsteil: { sued: { de: 'Südstadt', en: 'South' } },
    },
  });
  const indicator = (spec: unknown) => ({ ...Indicator.parse(spec), file: undefined as never }) as IndicatorFile;
  return {
    dir: '/nowhere',
    config,
    sources: {
      jobs: { file: 'jobs.csv', year: 'year', description: 'Beschäftigte' },
      people: { file: 'people.csv', year: 'year' },
    },
    sourcesFile: undefined as never,
    measures: [],
    fields: [
      Field.parse({ id: 'work', title: { de: 'Arbeit', en: 'Work' } }),
      Field.parse({ id: 'civic', title: { de: 'Teilhabe', en: 'Participation' } }),
      Field.parse({ id: 'empty', title: { de: 'Leeres Feld', en: 'Empty field' } }),
    ],
    indicators: [
      indicator({
        id: 'naturalisations',
        title: { de: 'Einbürgerungen', en: 'Naturalisations' },
        field: 'civic',
        unit: 'per_1000',
        direction: 'higher',
        numerator: { table: 'people', expr: 'sum(naturalised)' },
        denominator: { table: 'people', expr: 'sum(foreigners)' },
        baseline: 2020,
        targets: [{ year: 2030, value: 20 }],
        department: 'Bürgerbüro',
        source: 'Einbürgerungsstatistik',
      }),
      indicator({
        id: 'employment',
        title: { de: 'Beschäftigungsquote', en: 'Employment rate' },
        description: {
          de: 'Anteil der Beschäftigten an der Bevölkerung im erwerbsfähigen Alter.',
          en: 'Employees as a share of the population of working age.',
        },
        field: 'work',
        unit: 'percent',
        direction: 'higher',
        numerator: { table: 'jobs', expr: 'sum(employees)' },
        denominator: { table: 'people', expr: 'sum(persons)', filter: "age_band = '15-64'" },
        by: ['origin', 'ortsteil'],
        groups: { column: 'origin', compared: 'a', reference: 'b' },
        baseline: 2020,
        targets: [
          { year: 2030, group: 'a', value: 65 },
          { year: 2030, gap: 5 },
        ],
        department: 'Wirtschaftsförderung',
        source: 'Bundesagentur für Arbeit',
      }),
    ],
  };
}

/** A suppressed cell that (wrongly) still carries a number: the report must show neither it nor its counts. */
export const secret = 77.777;

/** `district`: the name of a district in the data (the hostile-label tests put markup there). */
export function makeValues(district = 'Nordstadt'): IndicatorValue[] {
  const a = [50, 52, 53, null, 56, 58.3];
  const b = [70, 70.5, 71, 71.2, 71.5, 72];
  const all = [62, 63, 64, 64.5, 65, 66];
  const town = a.flatMap((va, i) => {
    const year = 2020 + i;
    const base = { indicator: 'employment', year, numerator: 10, denominator: 20, notes: [] };
    const cellA: IndicatorValue =
      va === null
        ? {
            ...base,
            cell: { origin: 'a' },
            value: secret,
            numerator: 3,
            denominator: 4,
            suppressed: true,
            notes: [msg('value-suppressed-count', { min: 5 })],
          }
        : { ...base, cell: { origin: 'a' }, value: va };
    return [cellA, { ...base, cell: { origin: 'b' }, value: b[i]! }, { ...base, cell: {}, value: all[i]! }];
  });
  // The latest year by ortsteil: Altstadt's compared group is suppressed, and again wrongly keeps its number.
  const districts: [string, number | null, number, number][] = [
    [district, 55.5, 70.1, 63],
    ['sued', 61.2, 73.4, 68],
    ['Altstadt', null, 72.2, 70.4],
  ];
  const byDistrict = districts.flatMap(([d, va, vb, vall]): IndicatorValue[] => {
    const base = { indicator: 'employment', year: 2025, numerator: 10, denominator: 20, notes: [] };
    const cellA: IndicatorValue =
      va === null
        ? {
            ...base,
            cell: { origin: 'a', ortsteil: d },
            value: secret,
            suppressed: true,
            notes: [msg('value-suppressed-count', { min: 5 })],
          }
        : { ...base, cell: { origin: 'a', ortsteil: d }, value: va };
    return [
      cellA,
      { ...base, cell: { origin: 'b', ortsteil: d }, value: vb },
      { ...base, cell: { ortsteil: d }, value: vall },
    ];
  });
  return [...town, ...byDistrict];
}

function makeComparisons(): Comparison[] {
  const trend = 'linear trend 2020–2025';
  const common = {
    indicator: 'employment',
    relativeGap: null,
    progress: null,
    reason: null,
    method: 'growth-ratio',
    basis: { from: 2020, to: 2025 },
    caveat: null,
  } as const;
  return [
    {
      ...common,
      series: 'value',
      group: 'a',
      direction: 'higher',
      target: { year: 2030, value: 65 },
      baseline: { year: 2020, value: 50 },
      latest: { year: 2025, value: 58.3 },
      gap: 6.7,
      projection: { method: trend, from: 2020, to: 2025, slope: 1.5, value: 63.1, reachYear: 2033 },
      status: 'moderate',
      score: 0.8,
      groups: null,
    },
    {
      ...common,
      series: 'gap',
      group: null,
      direction: 'lower',
      target: { year: 2030, value: 5 },
      baseline: { year: 2020, value: 20 },
      latest: { year: 2025, value: 13.7 },
      gap: 8.7,
      projection: { method: trend, from: 2020, to: 2025, slope: -1.2, value: 7.7, reachYear: 2033 },
      status: 'limited',
      score: 0.4,
      groups: {
        from: 2020,
        to: 2025,
        compared: { group: 'a', from: 50, to: 58.3, withinMargin: false },
        reference: { group: 'b', from: 70, to: 72, withinMargin: false },
      },
    },
    {
      indicator: 'naturalisations',
      series: 'value',
      group: null,
      direction: 'higher',
      target: { year: 2030, value: 20 },
      baseline: null,
      latest: null,
      gap: null,
      relativeGap: null,
      progress: null,
      projection: null,
      status: 'not_assessable',
      reason: msg('rating-no-data'),
      method: 'growth-ratio',
      score: null,
      basis: null,
      groups: null,
      caveat: null,
    },
  ];
}

export function makeModel(
  project = makeProject(),
  options: Partial<ReportOptions> = {},
  values = makeValues(),
): ReportModel {
  return buildReportModel(project, values, makeComparisons(), { lang: 'de', now, version: '9.9.9', ...options });
}

/** What a load and the YAML files would give, fixed for the golden files. */
export const provenance = {
  tables: [
    { name: 'jobs', rows: 1234, hash: 'a'.repeat(64) },
    { name: 'people', rows: 56789, hash: 'b'.repeat(64) },
  ],
  files: [
    { path: 'istsoll.yaml', hash: 'c'.repeat(64) },
    { path: 'indicators/employment.yaml', hash: 'd'.repeat(64) },
  ],
};

export const section = (model: ReportModel, id: string) => model.indicators.find((s) => s.id === id)!;
