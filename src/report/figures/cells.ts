// What the figures share: finding a value, writing it as a chart point or as a table cell with its
// footnote, the periods of an indicator, and the trend line continued to the target year.
import { formatNumber, formatValue, label, type Lang } from '../../core/format.js';
import { say, words } from '../../core/messages/index.js';
import { sameCell } from '../../compare/index.js';
import type { Project } from '../../core/project.js';
import type { Indicator } from '../../core/schema.js';
import type { Cell, IndicatorValue, Projection } from '../../core/types.js';
import type { ChartPoint, ChartProjection } from '../charts/line-input.js';
import type { TableCell } from './types.js';

/** A group's label from istsoll.yaml (the code itself when the indicator compares no groups). */
export const groupLabelOf = (project: Project, ind: Indicator, lang: Lang) => (g: string) =>
  ind.groups ? label(project, ind.groups.column, g, lang) : g;

/**
 * The periods an indicator should have: from its first to its last year in the step its data come in
 * (1 for yearly statistics, 3 for a survey every three years). A period without a value is a gap in
 * the chart and a "–" in the table; years between survey waves are not.
 */
export function periods(values: IndicatorValue[]): number[] {
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => a - b);
  if (years.length < 2) return years;
  const step = years.slice(1).reduce((g, y, i) => gcd(g, y - years[i]!), 0);
  const first = years[0]!;
  return Array.from({ length: (years.at(-1)! - first) / step + 1 }, (_, i) => first + i * step);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function find(values: IndicatorValue[], year: number, cell: Cell): IndicatorValue | undefined {
  return values.find((x) => x.year === year && sameCell(x.cell, cell));
}

export function chartPoint(v: IndicatorValue | undefined, year: number, ind: Indicator, lang: Lang): ChartPoint {
  // Only shown values reach a chart: a suppressed or missing value becomes a gap in the line.
  if (!v || v.value === null || v.suppressed) return { year, value: null };
  const interval =
    v.low != null && v.high != null
      ? {
          low: v.low,
          high: v.high,
          intervalText: `${formatNumber(v.low, lang)}–${formatValue(v.high, ind.unit, lang)}`,
        }
      : {};
  const flagged = v.notes.length > 0 ? { flagged: true } : {};
  return { year, value: v.value, text: formatValue(v.value, ind.unit, lang), ...interval, ...flagged };
}

/**
 * The note under a chart that draws values to be read with caution apart (hollow points, pale bars), with
 * the reasons; none when the chart has no such value.
 */
export function flaggedNote(values: (IndicatorValue | undefined)[], lang: Lang, bars: boolean): string[] {
  const reasons = [
    ...new Set(values.flatMap((v) => (v && v.value !== null && !v.suppressed ? v.notes.map((n) => say(n, lang)) : []))),
  ];
  return reasons.length ? [words(lang).report.flaggedNote(reasons, bars)] : [];
}

export function valueCell(
  v: IndicatorValue | undefined,
  ind: Indicator,
  lang: Lang,
  note: (text: string) => number,
): TableCell {
  if (!v || v.value === null || v.suppressed) return { text: '–', note: note(missingReason(v, lang)) };
  const detail =
    v.low != null && v.high != null ? `${formatNumber(v.low, lang)}–${formatNumber(v.high, lang)}` : undefined;
  return {
    text: formatValue(v.value, ind.unit, lang),
    ...(detail ? { detail } : {}),
    ...(v.notes.length ? { note: note(v.notes.map((n) => say(n, lang)).join('; ')) } : {}),
  };
}

export function missingReason(v: IndicatorValue | undefined, lang: Lang): string {
  const ui = words(lang).report;
  if (!v) return ui.noData;
  return v.notes.length ? v.notes.map((n) => say(n, lang)).join('; ') : ui.noValue;
}

/** Footnotes numbered in the order they are first needed; the same text keeps its number. */
export function noteCollector() {
  const notes: string[] = [];
  return {
    add: (text: string) => (notes.includes(text) ? notes.indexOf(text) : notes.push(text) - 1) + 1,
    list: () => notes.map((text, i) => ({ mark: i + 1, text })),
  };
}

/** The fitted line through the years the trend used, continued to the target year. */
export function projectionLine(
  series: string,
  p: Projection,
  targetYear: number,
  fmt: (x: number) => string,
  lang: Lang,
): ChartProjection {
  const at = (year: number) => p.value - p.slope * (targetYear - year);
  return {
    series,
    from: { year: p.from, value: at(p.from) },
    to: { year: targetYear, value: p.value },
    text: words(lang).report.projectionTip(targetYear, fmt(p.value)),
  };
}
