// The figures of an indicator section, each a chart with the table of its exact numbers: the time series
// with targets and trend, the gap between the groups over time, and the latest year by district (or any
// other disaggregation). Pure: plain values in, plain localized data and Vega-Lite specs out. Only shown
// values reach a figure; a suppressed or missing cell is a "–" in the table with its reason as a footnote.
import type { TopLevelSpec } from 'vega-lite';
import {
  buildBars,
  buildChart,
  gapColor,
  type Bar,
  type ChartPoint,
  type ChartProjection,
  type ChartSeries,
  type ChartTarget,
} from './charts.js';
import { targetValue } from '../compare/index.js';
import {
  formatDifference,
  formatNumber,
  formatPoints,
  formatTarget,
  formatValue,
  label,
  localize,
  type Lang,
} from '../core/format.js';
import { say, words } from '../core/messages/index.js';
import { gapSeries, gapTable, gapTrend, sameCell } from '../compare/index.js';
import type { Cell, Comparison, IndicatorValue, Projection } from '../core/types.js';
import { buildMap } from './map.js';
import type { Project } from '../core/project.js';
import type { Indicator } from '../core/schema.js';

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
}

export function buildFigures(input: FigureInput): Figure[] {
  if (!input.values.length) return [];
  return [seriesFigure(input), ...(input.ind.groups ? [gapFigure(input)] : []), ...breakdownFigures(input)];
}

const groupLabelOf = (project: Project, ind: Indicator, lang: Lang) => (g: string) =>
  ind.groups ? label(project, ind.groups.column, g, lang) : g;

/** The cells the time series shows: the compared and the reference group, and everyone when a target is about everyone. */
function shownCells(ind: Indicator, lang: Lang, groupLabel: (g: string) => string): { cell: Cell; label: string }[] {
  const everyone = { cell: {}, label: words(lang).report.everyone };
  if (!ind.groups) return [everyone];
  const { column, compared, reference } = ind.groups;
  const groups = [compared, reference].map((g) => ({ cell: { [column]: g }, label: groupLabel(g) }));
  return ind.targets.some((t) => t.gap === undefined && t.group === undefined) ? [...groups, everyone] : groups;
}

function seriesFigure({ project, ind, values, comparisons, lang, title }: FigureInput): Figure {
  const ui = words(lang).report;
  const groupLabel = groupLabelOf(project, ind, lang);
  const cells = shownCells(ind, lang, groupLabel);
  const span = periods(values);
  const series: ChartSeries[] = cells.map(({ cell, label: name }) => ({
    label: name,
    points: span.map((year) => chartPoint(find(values, year, cell), year, ind, lang)),
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
  const notes = [
    ...(targets.length ? [ui.targetMark] : []),
    ...(trendOf ? [ui.projectionNote(trendOf.projection!.from, trendOf.projection!.to, trendOf.target.year)] : []),
    ...(values.some((v) => v.low != null) ? [ui.bandNote] : []),
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
    chart: buildChart({ lang, unit: ind.unit, description, series, targets, projections }),
    table: yearTable(
      values,
      cells,
      ind,
      lang,
      ui.tableCaption(
        title,
        values.some((v) => v.low != null),
      ),
    ),
  };
}

function gapFigure({ project, ind, values, comparisons, lang, title }: FigureInput): Figure {
  const ui = words(lang).report;
  const groups = ind.groups!;
  const groupLabel = groupLabelOf(project, ind, lang);
  const [a, b] = [groupLabel(groups.compared), groupLabel(groups.reference)];
  const span = periods(values);
  const diff = (x: number) => formatDifference(x, ind.unit, lang);
  const byYear = new Map(gapSeries(ind, values).map((s) => [s.point.year, s]));
  const points = span.map((year) => {
    const s = byYear.get(year);
    if (!s) return { year, value: null };
    const margin = s.se !== null ? 1.96 * s.se : null;
    const interval =
      margin !== null
        ? {
            low: s.point.value - margin,
            high: s.point.value + margin,
            intervalText: `${formatNumber(s.point.value - margin, lang)}–${diff(s.point.value + margin)}`,
          }
        : {};
    return { year, value: s.point.value, text: diff(s.point.value), ...interval };
  });
  const goal = (t: { gap?: number }) =>
    ind.unit === 'percent'
      ? formatPoints(t.gap!, lang, 'short', Number.isInteger(t.gap) ? 0 : 1)
      : formatTarget(t.gap!, ind.unit, lang);
  const targets = ind.targets
    .filter((t) => t.gap !== undefined)
    .map((t) => ({ year: t.year, value: t.gap!, label: ui.targetLabel(t.year, null, `${ui.atMost} ${goal(t)}`) }));
  const gapComparison = comparisons.find((c) => c.series === 'gap' && c.projection);
  const projections = gapComparison
    ? [projectionLine(ui.gapBetweenGroups, gapComparison.projection!, gapComparison.target.year, diff, lang)]
    : [];
  const trend = gapTrend(ind, values);
  const notes = [
    ui.gapMeaning(a, b),
    ...(trend
      ? [ui.gapTrend(trend.from, trend.to, trend.direction, formatDifference(trend.slope, ind.unit, lang))]
      : []),
    ...(projections.length ? [ui.gapProjectionNote] : []),
  ];
  const description = `${title}: ${ui.gapDescription(a, b, span)}`;
  const parity = new Map(
    gapTable(ind, values)
      .filter((r) => Object.keys(r.cell).length === 0)
      .map((r) => [r.year, r.parity]),
  );
  const notesOf = noteCollector();
  const rows = span.toReversed().map((year) => {
    const s = byYear.get(year);
    if (!s) {
      const missing = [groups.compared, groups.reference]
        .map((g) => find(values, year, { [groups.column]: g }))
        .find((v) => !v || v.value === null);
      return {
        head: String(year),
        cells: [{ text: '–', note: notesOf.add(missingReason(missing, lang)) }, { text: '–' }],
      };
    }
    const margin = s.se !== null ? 1.96 * s.se : null;
    const detail =
      margin !== null
        ? { detail: `${formatNumber(s.point.value - margin, lang)}–${formatNumber(s.point.value + margin, lang)}` }
        : {};
    const ratio = parity.get(year);
    return {
      head: String(year),
      cells: [{ text: diff(s.point.value), ...detail }, { text: ratio == null ? '–' : formatNumber(ratio, lang, 2) }],
    };
  });
  return {
    id: `${ind.id}-gap`,
    kind: 'gap',
    title: ui.gapTitle,
    notes,
    chart: buildChart({
      lang,
      unit: ind.unit,
      description,
      series: [{ label: ui.gapBetweenGroups, points }],
      targets,
      projections,
      rule: { value: 0, label: ui.noGap },
      yTitle: ui.gapAxis(ind.unit),
      height: 170,
      colors: [gapColor],
    }),
    table: {
      caption: ui.gapCaption(
        title,
        a,
        b,
        [...byYear.values()].some((s) => s.se !== null),
      ),
      columns: [ui.year, ui.gapColumn, ui.parityColumn],
      rows,
      notes: notesOf.list(),
    },
  };
}

/** One figure per disaggregation column other than the groups' (district, sex, …), for its latest year. */
function breakdownFigures({ project, ind, values, lang, title }: FigureInput): Figure[] {
  const ui = words(lang).report;
  const groupColumn = ind.groups?.column;
  const groupLabel = groupLabelOf(project, ind, lang);
  const series = ind.groups
    ? [ind.groups.compared, ind.groups.reference].map((g) => ({ key: { [groupColumn!]: g }, label: groupLabel(g) }))
    : [{ key: {}, label: ui.everyone }];
  return ind.by
    .filter((column) => column !== groupColumn)
    .flatMap((column, i): Figure[] => {
      const keys = (v: IndicatorValue) => Object.keys(v.cell).sort().join('|');
      const shape = [column, ...(groupColumn ? [groupColumn] : [])].sort().join('|');
      const mine = values.filter((v) => keys(v) === shape);
      const year = Math.max(...mine.filter((v) => v.value !== null).map((v) => v.year));
      if (!Number.isFinite(year)) return [];
      const codes = orderCodes(
        project,
        column,
        [...new Set(mine.filter((v) => v.year === year).map((v) => v.cell[column]!))],
        lang,
      );
      const titled = project.config.column_titles[column];
      const columnTitle = titled ? localize(titled, lang) : ui.columnTitle(column);
      const notesOf = noteCollector();
      const bars: Bar[] = [];
      const gaps = gapTable(ind, values).filter((r) => r.year === year);
      const rows = codes.map((code) => {
        const category = label(project, column, code, lang);
        const cells = series.map(({ key, label: name }) => {
          const v = find(values, year, { ...key, [column]: code });
          const point = chartPoint(v, year, ind, lang);
          bars.push({
            category,
            series: name,
            value: point.value,
            text: point.text ?? '',
            low: point.low ?? null,
            high: point.high ?? null,
            intervalText: point.intervalText ?? '',
          });
          return valueCell(v, ind, lang, notesOf.add);
        });
        if (ind.groups) {
          const gap = gaps.find((r) => sameCell(r.cell, { [column]: code }));
          cells.push({ text: gap ? formatDifference(gap.gap, ind.unit, lang) : '–' });
        }
        return { head: category, cells };
      });
      const whole = find(values, year, {});
      const rule =
        whole?.value != null
          ? { value: whole.value, label: `${ui.everyone}: ${formatValue(whole.value, ind.unit, lang)}` }
          : undefined;
      const heading = ui.breakdownTitle(columnTitle, year);
      const names = series.map((s) => s.label);
      const table: DataTable = {
        caption: ui.breakdownCaption(
          title,
          columnTitle,
          year,
          values.some((v) => v.low != null),
        ),
        columns: [columnTitle, ...names, ...(ind.groups ? [ui.gapColumn] : [])],
        rows,
        notes: notesOf.list(),
      };
      // The map shows the first line of the bars (the compared group, or everyone) on the district boundaries.
      const map = project.map && project.map.column === column ? project.map : undefined;
      const mapped: Figure[] = map
        ? [
            {
              id: `${ind.id}-map-${i + 1}`,
              kind: 'map',
              title: `${heading}: ${names[0]}`,
              notes: [ui.missingBarNote],
              chart: buildMap({
                lang,
                description: `${title}: ${ui.barsDescription(columnTitle, year, codes.length, [])}`,
                features: map.features,
                property: map.property,
                valueTitle: words(lang).report.axis[ind.unit],
                areas: codes.map((code) => {
                  const point = chartPoint(find(values, year, { ...series[0]!.key, [column]: code }), year, ind, lang);
                  return {
                    code,
                    name: label(project, column, code, lang),
                    value: point.value,
                    text: point.text ?? '–',
                  };
                }),
              }),
              table,
            },
          ]
        : [];
      return [
        {
          id: `${ind.id}-by-${i + 1}`,
          kind: 'breakdown',
          title: heading,
          notes: [...(rule ? [ui.ruleNote] : []), ...(bars.some((b) => b.value === null) ? [ui.missingBarNote] : [])],
          chart: buildBars({
            lang,
            unit: ind.unit,
            description: `${title}: ${ui.barsDescription(columnTitle, year, codes.length, ind.groups ? names : [])}`,
            categories: rows.map((r) => r.head),
            series: names,
            bars,
            rule,
            categoryTitle: columnTitle,
          }),
          table,
        },
        ...mapped,
      ];
    });
}

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

function find(values: IndicatorValue[], year: number, cell: Cell): IndicatorValue | undefined {
  return values.find((x) => x.year === year && sameCell(x.cell, cell));
}

function chartPoint(v: IndicatorValue | undefined, year: number, ind: Indicator, lang: Lang): ChartPoint {
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
  return { year, value: v.value, text: formatValue(v.value, ind.unit, lang), ...interval };
}

function valueCell(
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

function missingReason(v: IndicatorValue | undefined, lang: Lang): string {
  const ui = words(lang).report;
  if (!v) return ui.noData;
  return v.notes.length ? v.notes.map((n) => say(n, lang)).join('; ') : ui.noValue;
}

function yearTable(
  values: IndicatorValue[],
  cells: { cell: Cell; label: string }[],
  ind: Indicator,
  lang: Lang,
  caption: string,
): DataTable {
  const ui = words(lang).report;
  const notesOf = noteCollector();
  const rows = periods(values)
    .toReversed()
    .map((year) => ({
      head: String(year),
      cells: cells.map(({ cell }) => valueCell(find(values, year, cell), ind, lang, notesOf.add)),
    }));
  return { caption, columns: [ui.year, ...cells.map((c) => c.label)], rows, notes: notesOf.list() };
}

/** Footnotes numbered in the order they are first needed; the same text keeps its number. */
function noteCollector() {
  const notes: string[] = [];
  return {
    add: (text: string) => (notes.includes(text) ? notes.indexOf(text) : notes.push(text) - 1) + 1,
    list: () => notes.map((text, i) => ({ mark: i + 1, text })),
  };
}

/** The fitted line through the years the trend used, continued to the target year. */
function projectionLine(
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

/** The order istsoll.yaml gives the labels of a column, then the rest alphabetically by label. */
function orderCodes(project: Project, column: string, codes: string[], lang: Lang): string[] {
  const configured = Object.keys(project.config.labels[column] ?? {});
  const rank = (c: string) => (configured.includes(c) ? configured.indexOf(c) : configured.length);
  const collator = new Intl.Collator(lang === 'de' ? 'de' : 'en', { numeric: true });
  return codes.sort(
    (x, y) => rank(x) - rank(y) || collator.compare(label(project, column, x, lang), label(project, column, y, lang)),
  );
}
