// What a line chart is drawn from: the series with their points, the targets and the trends, as the
// report model has cleaned and formatted them; and what the layers of one chart share (line.ts).
import type { Lang } from '../../core/messages/index.js';
import type { Unit } from '../../core/schema.js';

export interface ChartPoint {
  year: number;
  /** Null for a year without a shown value: the line breaks there. */
  value: number | null;
  /** Survey indicators: the 95 % interval. */
  low?: number | null;
  high?: number | null;
  /** The value as the report writes it ("58,3 %"), and its interval ("52,0–64,1 %"). */
  text?: string;
  intervalText?: string;
  /** A value to be read with caution (few respondents, a provisional figure): drawn hollow. */
  flagged?: boolean;
}

export interface ChartSeries {
  label: string;
  points: ChartPoint[];
}

export interface ChartTarget {
  year: number;
  value: number;
  /** "Ziel 2030: 55 %". */
  label: string;
  /** The series the target is for: the diamond and its label then take the series' colour. */
  series?: string;
  /** The label with the group's name, for the tooltip. */
  tooltip?: string;
}

/** The straight-line trend of a series, continued to the target year; drawn dashed in the series' colour. */
export interface ChartProjection {
  series: string;
  from: { year: number; value: number };
  to: { year: number; value: number };
  /** "Trend bis 2030: 53,2 %", for the tooltip. */
  text: string;
}

export interface ChartInput {
  lang: Lang;
  unit: Unit;
  /** What a screen reader announces for the chart. */
  description: string;
  series: ChartSeries[];
  targets: ChartTarget[];
  projections?: ChartProjection[];
  /** A labelled horizontal line, such as "no gap" at 0 (the scale then includes it). */
  rule?: { value: number; label: string };
  yTitle?: string;
  height?: number;
  /** Colours per series instead of the palette (the gap chart has a colour of its own). */
  colors?: SeriesColor[];
  /** Comparison series (the Land, the region): grey lines, told apart by their dashes. */
  references?: ChartReference[];
}

/** A comparison series as the chart draws it: its legend entry, its source and its values. */
export interface ChartReference {
  /** "Niedersachsen (Vergleich)". */
  label: string;
  source: string;
  points: { year: number; value: number; text: string }[];
}

interface SeriesColor {
  line: string;
  text: string;
}

export interface Row {
  year: number;
  series: string;
  value: number | null;
  low: number | null;
  high: number | null;
  text: string;
  interval: string;
  /** The latest point of its series gets a label. */
  latest: boolean;
  flag: boolean;
  /** What a screen reader says of the point, in the report's language. */
  aria: string;
}

/** What the layers of one chart share: its rows, its series and their colours, and its span of years. */
export interface Frame {
  input: ChartInput;
  rows: Row[];
  labels: string[];
  colors: SeriesColor[];
  first: number;
  end: number;
  /** The plot's size and its scales in pixels: the chart's layout is fixed (config.ts). */
  height: number;
  yDomain: [number, number];
  px: (year: number) => number;
  py: (value: number) => number;
}
