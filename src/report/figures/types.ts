// What a figure of an indicator section is: a chart with the table of its exact numbers.
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../../core/format.js';
import type { Project } from '../../core/project.js';
import type { Indicator } from '../../core/schema.js';
import type { ReferenceSeries } from '../../core/references.js';
import type { Cell, Comparison, IndicatorValue } from '../../core/types.js';

export interface Figure {
  /** Unique in the report; names the chart's elements. */
  id: string;
  kind: 'series' | 'gap' | 'breakdown' | 'map';
  title: string;
  /** How to read the chart: what is dashed, what a sign means, where the gap is heading. */
  notes: string[];
  chart: TopLevelSpec;
  table: DataTable;
}

export interface DataTable {
  caption: string;
  /** Column headers; the first is the header of the row heads (year, district, …). */
  columns: string[];
  rows: { head: string; cells: TableCell[] }[];
  notes: { mark: number; text: string }[];
}

export interface TableCell {
  text: string;
  /** The 95 % interval of a survey estimate. */
  detail?: string;
  /** Number of the footnote that explains a missing or uncertain value. */
  note?: number;
}

/** What the figures of one indicator are made from. `values` are this indicator's shown values only. */
export interface FigureInput {
  project: Project;
  ind: Indicator;
  values: IndicatorValue[];
  comparisons: Comparison[];
  lang: Lang;
  title: string;
  /** This indicator's comparison series (the Land, the region), drawn in the time series and its table. */
  references?: ReferenceSeries[];
}

/** One column's breakdown: its latest year with a value, its categories in order and the groups shown. */
export interface Breakdown {
  /** Numbers the breakdowns of an indicator, for the figures' ids. */
  number: number;
  column: string;
  columnTitle: string;
  year: number;
  codes: string[];
  /** The compared and the reference group, or everyone: one bar per category each. */
  series: { key: Cell; label: string }[];
}
