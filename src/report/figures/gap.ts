// The gap between the compared and the reference group over time: a line around "no gap" with its
// targets and trend, and the table of the gap and the parity ratio per period.
import { from, table } from 'arquero';
import { gapSeries, gapTable, gapTrend } from '../../compare/index.js';
import { formatDifference, formatNumber, formatPoints, formatTarget, type Lang } from '../../core/format.js';
import { words } from '../../core/messages/index.js';
import type { Indicator } from '../../core/schema.js';
import type { IndicatorValue } from '../../core/types.js';
import { gapColor } from '../charts/config.js';
import { buildLineChart } from '../charts/line.js';
import type { ChartPoint, ChartTarget } from '../charts/line-input.js';
import { find, groupLabelOf, missingReason, noteCollector, periods, projectionLine } from './cells.js';
import type { DataTable, Figure, FigureInput } from './types.js';

type GapPoint = ReturnType<typeof gapSeries>[number];

export function gapFigure({ project, ind, values, comparisons, lang, title }: FigureInput): Figure {
  const ui = words(lang).report;
  const groups = ind.groups!;
  const groupLabel = groupLabelOf(project, ind, lang);
  const [a, b] = [groupLabel(groups.compared), groupLabel(groups.reference)];
  const span = periods(values);
  const diff = (x: number) => formatDifference(x, ind.unit, lang);
  const byPeriod = gapsByPeriod(ind, values, span);
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
  return {
    id: `${ind.id}-gap`,
    kind: 'gap',
    title: ui.gapTitle,
    notes,
    chart: buildLineChart({
      lang,
      unit: ind.unit,
      description: `${title}: ${ui.gapDescription(a, b, span)}`,
      series: [{ label: ui.gapBetweenGroups, points: byPeriod.map((p) => gapPoint(p.year, p.gap, diff, lang)) }],
      targets: gapTargets(ind, lang),
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
        byPeriod.some((p) => p.gap?.se != null),
      ),
      columns: [ui.year, ui.gapColumn, ui.parityColumn],
      ...gapRows(ind, values, byPeriod, lang),
    },
  };
}

/** The gap of one period, with the 95 % interval of a survey's gap. */
function gapPoint(year: number, s: GapPoint | undefined, diff: (x: number) => string, lang: Lang): ChartPoint {
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
}

/** Gap targets are upper limits: "Ziel 2030: höchstens 5 Pp.". */
function gapTargets(ind: Indicator, lang: Lang): ChartTarget[] {
  const ui = words(lang).report;
  const goal = (t: { gap?: number }) =>
    ind.unit === 'percent'
      ? formatPoints(t.gap!, lang, 'short', Number.isInteger(t.gap) ? 0 : 1)
      : formatTarget(t.gap!, ind.unit, lang);
  return ind.targets
    .filter((t) => t.gap !== undefined)
    .map((t) => ({ year: t.year, value: t.gap!, label: ui.targetLabel(t.year, null, `${ui.atMost} ${goal(t)}`) }));
}

/** The town-wide gap of every period (oldest first) with its parity ratio, where both groups have a value. */
interface PeriodGap {
  year: number;
  gap?: GapPoint;
  parity?: number | null;
}

function gapsByPeriod(ind: Indicator, values: IndicatorValue[], span: number[]): PeriodGap[] {
  const gaps = gapSeries(ind, values).map((s) => ({ year: s.point.year, gap: s }));
  const parity = gapTable(ind, values)
    .filter((r) => Object.keys(r.cell).length === 0)
    .map((r) => ({ year: r.year, parity: r.parity }));
  return table({ year: span })
    .join_left(from(gaps, ['year', 'gap']), 'year')
    .join_left(from(parity, ['year', 'parity']), 'year')
    .orderby('year')
    .objects() as PeriodGap[];
}

/** Latest period first: the gap (with its interval) and the parity ratio, or a "–" with the reason. */
function gapRows(
  ind: Indicator,
  values: IndicatorValue[],
  byPeriod: PeriodGap[],
  lang: Lang,
): Pick<DataTable, 'rows' | 'notes'> {
  const groups = ind.groups!;
  const diff = (x: number) => formatDifference(x, ind.unit, lang);
  const notesOf = noteCollector();
  const rows = byPeriod.toReversed().map(({ year, gap: s, parity: ratio }) => {
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
    return {
      head: String(year),
      cells: [{ text: diff(s.point.value), ...detail }, { text: ratio == null ? '–' : formatNumber(ratio, lang, 2) }],
    };
  });
  return { rows, notes: notesOf.list() };
}
