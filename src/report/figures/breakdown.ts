// The latest year of an indicator by district, or by any other column it is disaggregated by besides the
// groups': one bar chart with its table per column, and a map beside it where the project has district
// boundaries for that column.
import { gapTable, sameCell } from '../../compare/index.js';
import { formatDifference, formatValue, label, localize, type Lang } from '../../core/format.js';
import { words } from '../../core/messages/index.js';
import type { Project } from '../../core/project.js';
import type { IndicatorValue } from '../../core/types.js';
import { buildBarChart, type Bar } from '../charts/bars.js';
import { chartPoint, find, flaggedNote, groupLabelOf, noteCollector, valueCell } from './cells.js';
import { layOut } from './grid.js';
import { mapFigure } from './map.js';
import type { Breakdown, DataTable, Figure, FigureInput, TableCell } from './types.js';

/** One figure per disaggregation column other than the groups' (district, sex, …), for its latest year. */
export function breakdownFigures(input: FigureInput): Figure[] {
  const groupColumn = input.ind.groups?.column;
  return input.ind.by
    .filter((column) => column !== groupColumn)
    .flatMap((column, i): Figure[] => {
      const breakdown = breakdownOf(input, column, i + 1);
      if (!breakdown) return [];
      const bars = barFigure(input, breakdown);
      const map = input.project.map && input.project.map.column === column ? input.project.map : undefined;
      return [bars, ...(map ? [mapFigure(input, breakdown, bars, map)] : [])];
    });
}

function breakdownOf({ project, ind, values, lang }: FigureInput, column: string, number: number) {
  const ui = words(lang).report;
  const groupColumn = ind.groups?.column;
  const keys = (v: IndicatorValue) => Object.keys(v.cell).sort().join('|');
  const shape = [column, ...(groupColumn ? [groupColumn] : [])].sort().join('|');
  const mine = values.filter((v) => keys(v) === shape);
  const year = Math.max(...mine.filter((v) => v.value !== null).map((v) => v.year));
  if (!Number.isFinite(year)) return undefined;
  const codes = orderCodes(
    project,
    column,
    [...new Set(mine.filter((v) => v.year === year).map((v) => v.cell[column]!))],
    lang,
  );
  const titled = project.config.column_titles[column];
  const groupLabel = groupLabelOf(project, ind, lang);
  const series = ind.groups
    ? [ind.groups.compared, ind.groups.reference].map((g) => ({ key: { [groupColumn!]: g }, label: groupLabel(g) }))
    : [{ key: {}, label: ui.everyone }];
  const columnTitle = titled ? localize(titled, lang) : ui.columnTitle(column);
  return { number, column, columnTitle, year, codes, series } satisfies Breakdown;
}

function barFigure(input: FigureInput, breakdown: Breakdown): Figure {
  const { ind, values, lang, title } = input;
  const { columnTitle, year, codes, series } = breakdown;
  const ui = words(lang).report;
  const { rows, bars, notes } = breakdownRows(input, breakdown);
  const whole = find(values, year, {});
  const rule =
    whole?.value != null
      ? { value: whole.value, label: `${ui.everyone}: ${formatValue(whole.value, ind.unit, lang)}` }
      : undefined;
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
    notes,
  };
  return {
    id: `${ind.id}-by-${breakdown.number}`,
    kind: 'breakdown',
    title: ui.breakdownTitle(columnTitle, year),
    notes: [
      ...(rule ? [ui.ruleNote] : []),
      ...(bars.some((b) => b.value === null) ? [ui.missingBarNote] : []),
      ...flaggedNote(
        values.filter((v) => v.year === year && isShown(v, breakdown)),
        lang,
        true,
      ),
    ],
    chart: buildBarChart({
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
  };
}

/** A row per category with a cell per group (and the gap), and the same values as bars for the chart. */
function breakdownRows({ project, ind, values, lang }: FigureInput, breakdown: Breakdown) {
  const { column, year, codes, series } = breakdown;
  const notesOf = noteCollector();
  const bars: Bar[] = [];
  const gaps = gapTable(ind, values).filter((r) => r.year === year);
  const grid = layOut(
    values.filter((v) => v.year === year),
    { column },
    codes,
    series.map((s) => s.key),
  );
  const rows = grid.map(({ key: code, values: shown }) => {
    const category = label(project, column, code, lang);
    const cells: TableCell[] = series.map(({ label: name }, i) => {
      const v = shown[i];
      const point = chartPoint(v, year, ind, lang);
      bars.push({
        category,
        series: name,
        value: point.value,
        text: point.text ?? '',
        low: point.low ?? null,
        high: point.high ?? null,
        intervalText: point.intervalText ?? '',
        flagged: point.flagged === true,
      });
      return valueCell(v, ind, lang, notesOf.add);
    });
    if (ind.groups) {
      const gap = gaps.find((r) => sameCell(r.cell, { [column]: code }));
      cells.push({ text: gap ? formatDifference(gap.gap, ind.unit, lang) : '–' });
    }
    return { head: category, cells };
  });
  return { rows, bars, notes: notesOf.list() };
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

/** A value the breakdown's chart draws: of its column, for one of its series. */
function isShown(v: IndicatorValue, { column, series }: Breakdown): boolean {
  const rest = Object.fromEntries(Object.entries(v.cell).filter(([k]) => k !== column));
  return column in v.cell && series.some((s) => sameCell(s.key, rest));
}
