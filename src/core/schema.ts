// One source for the project's YAML formats: the zod schemas below give the TypeScript types, the
// validation (with paths that yamlfile.ts turns into file:line:column) and the JSON Schema for editors.
import { z } from 'zod';
import { planDatePattern } from './dates.js';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'rule:identifier');
/** A column as the file names it: official exports have names such as `1_variable_code` or `Einbürgerungen`. */
const column = z
  .string()
  .min(1)
  .refine((s) => !/["\n]/.test(s), 'rule:column-name');

/** A text in German (required) and English (optional). */
export const Text = z.strictObject({ de: z.string().min(1), en: z.string().min(1).optional() });
export type Text = z.infer<typeof Text>;

export const ColumnType = z.enum(['VARCHAR', 'INTEGER', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DATE']);
export type ColumnType = z.infer<typeof ColumnType>;

/** How a CSV file is written. Anything left out is detected. */
export const Dialect = z.strictObject({
  delimiter: z.string().length(1).optional(),
  decimal: z.enum(['.', ',']).optional(),
  /** Thousands separator in numbers (`.` in German exports: 1.234,5). */
  thousands: z.enum(['.', ',', ' ', "'"]).optional(),
  encoding: z.enum(['utf-8', 'latin-1', 'windows-1252']).optional(),
  /** Lines before the header line (title lines of official-statistics exports). */
  skip: z.number().int().min(0).optional(),
  /** Cell contents that mean "no value" in every column. */
  missing: z.array(z.string()).optional(),
});
export type Dialect = z.infer<typeof Dialect>;

/** What a special sign in a value cell stands for: a number (`-` is 0) or a missing value with its reason. */
export const Sign = z.union([
  z.strictObject({ value: z.number(), flag: z.string().optional() }),
  z.strictObject({ missing: z.string().min(1) }),
]);
export type Sign = z.infer<typeof Sign>;

export const MarkerPreset = z.enum(['official', 'employment-agency', 'lsn']);
export type MarkerPreset = z.infer<typeof MarkerPreset>;

/** The special-value convention of a source: a named preset, or one with own signs added. */
export const Markers = z.union([
  MarkerPreset,
  z.strictObject({
    preset: MarkerPreset.optional(),
    /** Cell contents and what they mean; the key `""` gives the empty cell a meaning of its own. */
    signs: z.record(z.string(), Sign).optional(),
    /** A letter after a value (`123p`) and the flag it stands for. */
    suffixes: z.record(z.string().regex(/^[a-z]$/), z.string()).optional(),
    /** The flag for a value in parentheses, `(123)`. */
    parentheses: z.string().optional(),
  }),
]);
export type Markers = z.infer<typeof Markers>;

/** Answer codes of a survey question: labels for valid answers, reasons for codes that mean "no answer". */
const Codes = z.strictObject({
  labels: z.record(z.string(), z.string()).optional(),
  missing: z.record(z.string(), z.string()).optional(),
});
type Codes = z.infer<typeof Codes>;

/** The classic GENESIS / Regionaldatenbank table export: title lines, a header of several rows, footnotes. */
export const GenesisLayout = z.strictObject({
  /** Rows of column headers (one per level of the column hierarchy). Detected when left out. */
  header_rows: z.number().int().min(1).optional(),
  /** Names for the leading (row) columns, left to right. Taken from the last header row when left out. */
  columns: z.array(column).optional(),
  /** Names for the column-header levels, top down (e.g. [nationality, sex]). */
  dimensions: z.array(column).optional(),
  /** Name of the value column of the long table. */
  value: column.default('value'),
});
export type GenesisLayout = z.infer<typeof GenesisLayout>;

export const Source = z.strictObject({
  /** A CSV file, a Parquet file, or a folder of Parquet files; relative to data/. */
  file: z.string().min(1),
  description: z.string().optional(),
  /** Detected when left out: `genesis` for classic GENESIS table exports, `parquet` by file ending. */
  format: z.enum(['csv', 'genesis', 'parquet']).optional(),
  /**
   * The column that holds the period (a year, or a date such as
   * 31.12.2024 whose year counts), or the year of the whole file.
   */
  year: z.union([column, z.number().int().min(1900).max(2100)]),
  /** A school year such as 2015/16 counts as the year it starts (the autumn count day) or ends. */
  school_year: z.enum(['start', 'end']).optional(),
  dialect: Dialect.optional(),
  markers: Markers.optional(),
  genesis: GenesisLayout.optional(),
  /** Column types. When given, the file must have exactly these columns. */
  columns: z.record(column, ColumnType).optional(),
  /** Columns that identify a row; a key delivered twice is an error. Default: the year and every text column. */
  key: z.array(column).optional(),
  /** Survey answer codes per column. */
  codes: z.record(column, Codes).optional(),
  /** Survey microdata: the design weight column. */
  weight: column.optional(),
  /** Survey microdata: the respondent id column (must be unique per period). */
  id: column.optional(),
  /** Survey design: the stratum of each respondent. */
  strata: column.optional(),
  /** Survey design: the primary sampling unit (cluster) of each respondent. */
  cluster: column.optional(),
  /** Survey design: finite population correction, the stratum's population size (in clusters) or sampling fraction. */
  fpc: column.optional(),
});
export type Source = z.infer<typeof Source>;

export const Sources = z.strictObject({ sources: z.record(identifier, Source) });

/** The name of the period column in the loaded table: a file of one year gets a column `year`. */
export function periodColumn(source: Pick<Source, 'year'>): string {
  return typeof source.year === 'number' ? 'year' : source.year;
}
export type Sources = z.infer<typeof Sources>;

/** One side of a ratio: an SQL aggregate over one loaded table, with an optional row filter. */
export const Aggregate = z.strictObject({
  table: identifier,
  expr: z.string().min(1),
  filter: z.string().min(1).optional(),
});
export type Aggregate = z.infer<typeof Aggregate>;

/** `total`: a weighted survey total (the estimated number in the population), with its standard error. */
export const Unit = z.enum(['percent', 'per_1000', 'count', 'mean', 'ratio', 'total']);
export type Unit = z.infer<typeof Unit>;

export const Target = z
  .strictObject({
    year: z.number().int().min(1900).max(2100),
    /** Target for the indicator value (of `group`, or of everyone). */
    value: z.number().optional(),
    /** A target range [low, high]: its weaker end counts (the low end when higher is better). */
    range: z
      .tuple([z.number(), z.number()])
      .refine(([a, b]) => a <= b, 'rule:range-order')
      .optional(),
    /** A target without a number: the indicator should move in its better direction ("should rise"). */
    trend: z.literal(true).optional(),
    /**
     * Target for the gap: how far the compared group may lag
     * behind the reference group at most, in the indicator's unit.
     */
    gap: z.number().min(0).optional(),
    group: z.string().optional(),
    /**
     * The value must hold in every year, not only be reached by `year`
     * (the weather method rates such targets by their own rule).
     */
    every_year: z.boolean().optional(),
    note: z.string().optional(),
  })
  .refine((t) => [t.value, t.gap, t.range, t.trend].filter((x) => x !== undefined).length === 1, {
    message: 'rule:target-one-kind',
  })
  .refine((t) => !(t.gap !== undefined && t.group !== undefined), {
    message: 'rule:gap-no-group',
  });
export type Target = z.infer<typeof Target>;

const Groups = z.strictObject({
  /** The disaggregation column that tells the groups apart (e.g. migration history). */
  column: column,
  compared: z.string().min(1),
  reference: z.string().min(1),
});
type Groups = z.infer<typeof Groups>;

export const Indicator = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'rule:indicator-id'),
  title: Text,
  description: Text.optional(),
  field: identifier,
  unit: Unit,
  direction: z.enum(['higher', 'lower']),
  numerator: Aggregate,
  /** Left out for unit `count`. */
  denominator: Aggregate.optional(),
  /** Disaggregations: columns present in every table the indicator reads. */
  by: z
    .array(column)
    .default([])
    .refine((by) => new Set(by.map((c) => c.toLowerCase())).size === by.length, 'rule:by-once'),
  groups: Groups.optional(),
  /** Survey weight column: numerator and denominator must then be `count(*)` or `sum(…)` over that table. */
  weight: column.optional(),
  baseline: z.number().int().min(1900).max(2100),
  /**
   * What to do when source cells the value needs are empty: compute from the others and flag the value
   * (`flag`, the default), or leave the value out and say why (`refuse`).
   */
  missing: z.enum(['flag', 'refuse']).default('flag'),
  targets: z.array(Target).min(1),
  department: z.string().min(1),
  source: z.string().min(1),
});
export type Indicator = z.infer<typeof Indicator>;

export const Field = z.strictObject({ id: identifier, title: Text });
export const Fields = z.strictObject({ fields: z.array(Field).min(1) });
export type Field = z.infer<typeof Field>;

export const Method = z.enum(['growth-ratio', 'weather']);
export type Method = z.infer<typeof Method>;

/** istsoll.yaml at the project root. */
export const ProjectConfig = z.strictObject({
  title: Text,
  /** Said on every report and terminal summary (e.g. that the numbers are fictional). */
  notice: Text.optional(),
  method: Method.default('growth-ratio'),
  /**
   * District boundaries for a map of the latest year: a GeoJSON file in data/, the
   * disaggregation column it shows, and the feature property that holds that column's codes.
   */
  map: z.strictObject({ file: z.string().min(1), column: column, property: z.string().min(1) }).optional(),
  /** Headings for disaggregation columns (e.g. ortsteil → "Ortsteil" / "District"); the column name otherwise. */
  column_titles: z.record(column, Text).default({}),
  /** Which values of a disaggregation column to show under which label, in which order. */
  labels: z.record(column, z.record(z.string(), Text)).default({}),
  suppression: z
    .strictObject({
      min_count: z.number().int().min(0).default(5),
      min_respondents: z.number().int().min(0).default(30),
      flag_respondents: z.number().int().min(0).default(50),
    })
    .default({ min_count: 5, min_respondents: 30, flag_respondents: 50 }),
});
export type ProjectConfig = z.infer<typeof ProjectConfig>;

// Measures (Maßnahmen): one file per field of action in measures/. Statuses and dates are checked with the
// project (core/measures.ts), where a misspelling can get a "did you mean" and a date a hint.

/** English status words that a file may use instead of the German ones. */
export const measureStatusWords = {
  geplant: 'planned',
  laufend: 'running',
  umgesetzt: 'done',
  verzögert: 'delayed',
  ausgesetzt: 'suspended',
  eingestellt: 'dropped',
} as const;
export type MeasureStatus = keyof typeof measureStatusWords;

/** A date of a plan: 2026, 2026-03 or 2026-03-14 (YAML 1.1 reads the last as a timestamp: taken back to its text). */
const PlanDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.union([z.string().meta({ pattern: planDatePattern }), z.number()]),
);

const Milestone = z.strictObject({
  date: PlanDate,
  title: Text,
  done: z.boolean().default(false),
});

const Measure = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'rule:indicator-id'),
  title: Text,
  description: Text.optional(),
  /** The office of the administration that answers for the measure. */
  responsible: z.string().min(1),
  /** Local actors: associations, the job centre, schools, migrant organisations. */
  partners: z.array(z.string().min(1)).default([]),
  start: PlanDate,
  /** Left out for a permanent measure. */
  due: PlanDate.optional(),
  status: z
    .string()
    .min(1)
    .meta({ enum: Object.entries(measureStatusWords).flat() }),
  milestones: z.array(Milestone).default([]),
  /** The indicators the measure is meant to move. */
  indicators: z.array(identifier).min(1),
  /** Euros per year. */
  budget: z.number().min(0).optional(),
  updated: z.strictObject({ date: PlanDate, by: z.string().min(1).optional() }),
  note: z.string().optional(),
});

export const MeasuresFile = z.strictObject({
  field: identifier,
  measures: z.array(Measure).default([]),
});
export type MeasuresFile = z.infer<typeof MeasuresFile>;
