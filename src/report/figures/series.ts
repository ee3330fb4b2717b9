// The time series of an indicator: the compared and the reference group (or everyone) year by year, with
// the targets, the trend continued to the target year, and the table of the exact values.
import { targetValue } from '../../compare/index.js';
import { formatTarget, formatValue, type Lang } from '../../core/format.js';
import { words } from '../../core/messages/index.js';
import type { Indicator } from '../../core/schema.js';
import type { Cell } from '../../core/types.js';
import { buildLineChart } from '../charts/line.js';
import type { ChartSeries, ChartTarget } from '../charts/line-input.js';
import { chartPoint, flaggedNote, groupLabelOf, noteCollector, periods, projectionLine, valueCell } from './cells.js';
import { layOut, type GridRow } from './grid.js';
import { referencesWithin, withReferenceColumns } from './references.js';
import type { DataTable, Figure, FigureInput } from './types.js';

interface Shown {
  cell: Cell;
  label: string;
}

export function seriesFigure({ project, ind, values, comparisons, lang, title, references }: FigureInput): Figure {
  const ui = words(lang).report;
  const groupLabel = groupLabelOf(project, ind, lang);
  const cells = shownCells(ind, lang, groupLabel);
  const span = periods(values);
  const grid = layOut(
    values,
    'year',
    span,
    cells.map((c) => c.cell),
  );
  const series: ChartSeries[] = cells.map(({ label: name }, i) => ({
    label: name,
    points: grid.map((row) => chartPoint(row.values[i], row.key, ind, lang)),
  }));
  const valueTargets = ind.targets.filter((t) => t.gap === undefined && !t.trend);
  const targets: ChartTarget[] = valueTargets.map((t) => {
    const goal = targetValue(t, ind.direction)!;
    const subject = t.group ? groupLabel(t.group) : ui.everyone;
    const text = formatTarget(goal, ind.unit, lang);
    return {
      year: t.year,
      value: goal,
      label: ui.targetLabel(t.year, null, text),
      tooltip: ui.targetLabel(t.year, series.length > 1 ? subject : null, text),
      series: subject,
    };
  });
  const projections = comparisons.flatMap((c) => {
    if (c.series !== 'value' || !c.projection) return [];
    const name = c.group !== null ? groupLabel(c.group) : ui.everyone;
    return [projectionLine(name, c.projection, c.target.year, (x) => formatValue(x, ind.unit, lang), lang)];
  });
  const trendOf = comparisons.find((c) => c.series === 'value' && c.projection);
  const hasInterval = values.some((v) => v.low != null);
  const compared = referencesWithin(references ?? [], span, ind, lang);
  const notes = [
    ...(targets.length ? [ui.targetMark] : []),
    ...(trendOf ? [ui.projectionNote(trendOf.projection!.from, trendOf.projection!.to, trendOf.target.year)] : []),
    ...(hasInterval ? [ui.bandNote] : []),
    ...(compared.length ? [ui.referenceNote(compared.map((r) => ({ label: r.name, source: r.source })))] : []),
    ...flaggedNote(
      grid.flatMap((row) => row.values),
      lang,
      false,
    ),
  ];
  // The summary stands right above the chart; the description says what the chart shows.
  const description = `${title}. ${ui.chartDescription(
    series.map((s) => s.label),
    span,
  )}`;
  return {
    id: `${ind.id}-series`,
    kind: 'series',
    title: ui.seriesTitle,
    notes,
    chart: buildLineChart({ lang, unit: ind.unit, description, series, targets, projections, references: compared }),
    table: withReferenceColumns(yearTable(grid, cells, ind, lang, ui.tableCaption(title, hasInterval)), compared),
  };
}

/** The compared and the reference group, and everyone when a target is about everyone. */
function shownCells(ind: Indicator, lang: Lang, groupLabel: (g: string) => string): Shown[] {
  const everyone = { cell: {}, label: words(lang).report.everyone };
  if (!ind.groups) return [everyone];
  const { column, compared, reference } = ind.groups;
  const groups = [compared, reference].map((g) => ({ cell: { [column]: g }, label: groupLabel(g) }));
  return ind.targets.some((t) => t.gap === undefined && t.group === undefined) ? [...groups, everyone] : groups;
}

/** One row per period, latest first; one column per shown group. */
function yearTable(grid: GridRow<number>[], cells: Shown[], ind: Indicator, lang: Lang, caption: string): DataTable {
  const ui = words(lang).report;
  const notesOf = noteCollector();
  const rows = grid.toReversed().map((row) => ({
    head: String(row.key),
    cells: row.values.map((v) => valueCell(v, ind, lang, notesOf.add)),
  }));
  return { caption, columns: [ui.year, ...cells.map((c) => c.label)], rows, notes: notesOf.list() };
}
