// Stage 4a: project + values + comparisons → everything the report says, as plain localized data. Pure and
// deterministic for a given `now`; report.ts only turns it into HTML.
import type { TopLevelSpec } from 'vega-lite';
import { buildChart, type ChartSeries, type ChartTarget } from './charts.js';
import { targetValue, worstStatus } from './compare.js';
import { gapSeries, sameCell } from './gaps.js';
import { formatDifference, formatNumber, formatPoints, formatTarget, formatValue, label, localize, statusSymbols, statusWords, translateNote, type Lang } from './format.js';
import type { Cell, Comparison, IndicatorValue, Status } from './model.js';
import type { IndicatorFile, Project } from './project.js';
import type { Aggregate, Indicator } from './schema.js';
import { texts, type UiText } from './report-text.js';

export interface ReportOptions {
  lang: Lang;
  /** The only clock the report reads: same inputs and same `now` give the same report. */
  now: Date;
  version: string;
}

export interface ReportModel {
  lang: Lang;
  title: string;
  /** Shown as a banner at the top (e.g. that the numbers are fictional). */
  notice: string | null;
  generated: string;
  version: string;
  method: { name: string; explanation: string };
  ui: UiText;
  legend: StatusBadge[];
  fields: FieldOverview[];
  indicators: IndicatorSection[];
}

export interface StatusBadge {
  status: Status;
  symbol: string;
  word: string;
}

export interface FieldOverview {
  id: string;
  title: string;
  /** Indicators per status, in the order of the legend; statuses without indicators are left out. */
  counts: (StatusBadge & { count: number })[];
  indicators: { id: string; title: string; status: StatusBadge; targets: TargetLine[] }[];
}

/** One comparison with a target, as a row of the overview. */
export interface TargetLine {
  /** The group, "insgesamt", or the gap between the groups. */
  subject: string;
  ist: string;
  istYear: number | null;
  soll: string;
  sollYear: number;
  /** How far the target still is ("noch 2,9 Pp.") or by how much it is exceeded. */
  gap: string;
  status: StatusBadge;
  reason: string | null;
}

export interface IndicatorSection {
  id: string;
  anchor: string;
  field: string;
  title: string;
  description: string | null;
  status: StatusBadge;
  /** Plain-language summary, one paragraph per target. */
  summary: string[];
  targets: TargetLine[];
  chart: TopLevelSpec;
  table: DataTable;
  definition: { label: string; text: string }[];
  source: string;
  department: string;
}

export interface DataTable {
  caption: string;
  /** Column headers; the first is the year column. */
  columns: string[];
  /** Newest year first. */
  rows: { year: number; cells: TableCell[] }[];
  notes: { mark: number; text: string }[];
}

export interface TableCell {
  text: string;
  /** The 95 % interval of a survey estimate. */
  detail?: string;
  /** Number of the footnote that explains a missing or uncertain value. */
  note?: number;
}

const statusDisplayOrder: Status[] = ['achieved', 'on_track', 'moderate', 'limited', 'deterioration', 'not_assessable'];

export function buildReportModel(project: Project, values: IndicatorValue[], comparisons: Comparison[], options: ReportOptions): ReportModel {
  const { lang } = options;
  const ui = texts[lang];
  const badge = (status: Status): StatusBadge => ({ status, symbol: statusSymbols[status], word: statusWords[lang][status] });
  // A suppressed cell keeps its reason and nothing else, whatever the stage before left in it.
  const shown = values.map((v) => (v.suppressed ? { ...v, value: null, numerator: null, denominator: null, se: null, low: null, high: null } : v));
  const fieldOrder = project.fields.map((f) => f.id);
  const indicators = project.indicators
    .map((ind, i) => ({ ind, i }))
    .sort((a, b) => fieldOrder.indexOf(a.ind.field) - fieldOrder.indexOf(b.ind.field) || a.i - b.i)
    .map(({ ind }) => buildSection(project, ind, shown.filter((v) => v.indicator === ind.id), comparisons.filter((c) => c.indicator === ind.id), lang, badge));
  const fields = project.fields.map((field): FieldOverview => {
    const own = indicators.filter((s) => s.field === field.id);
    return {
      id: field.id,
      title: localize(field.title, lang),
      counts: statusDisplayOrder.map((s) => ({ ...badge(s), count: own.filter((i) => i.status.status === s).length })).filter((c) => c.count > 0),
      indicators: own.map((s) => ({ id: s.id, title: s.title, status: s.status, targets: s.targets })),
    };
  });
  const method = project.config.method;
  return {
    lang,
    title: localize(project.config.title, lang),
    notice: project.config.notice ? localize(project.config.notice, lang) : null,
    generated: new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(options.now),
    version: options.version,
    method: ui.methods[method],
    ui,
    legend: statusDisplayOrder.map(badge),
    fields,
    indicators: indicators.map((s) => ({ ...s, field: fields.find((f) => f.id === s.field)?.title ?? s.field })),
  };
}

function buildSection(project: Project, ind: IndicatorFile, values: IndicatorValue[], comparisons: Comparison[], lang: Lang, badge: (s: Status) => StatusBadge): IndicatorSection {
  const ui = texts[lang];
  const title = localize(ind.title, lang);
  const groupLabel = (g: string) => (ind.groups ? label(project, ind.groups.column, g, lang) : g);
  const subjectOf = (c: Comparison) => (c.series === 'gap' ? ui.gapBetweenGroups : c.group !== null ? groupLabel(c.group) : ui.everyone);
  const targets = comparisons.map((c): TargetLine => {
    const fmt = (x: number) => (c.series === 'gap' ? formatDifference(x, ind.unit, lang) : formatValue(x, ind.unit, lang));
    return {
      subject: subjectOf(c),
      ist: c.latest ? fmt(c.latest.value) : '–',
      istYear: c.latest?.year ?? null,
      soll: `${c.direction === 'higher' ? ui.atLeast : ui.atMost} ${formatGoal(ind, c, lang)}`,
      sollYear: c.target.year,
      gap: c.gap === null ? '–' : c.gap > 0 ? ui.toGo(formatDifference(c.gap, ind.unit, lang)) : c.gap < 0 ? ui.exceededBy(formatDifference(-c.gap, ind.unit, lang)) : ui.exactly,
      status: badge(c.status),
      reason: c.reason ? translateNote(c.reason, lang) : null,
    };
  });
  const series = chartSeries(project, ind, values, lang);
  const summary = comparisons.map((c) => describeComparison(ind, c, subjectOf(c), lang, groupLabel));
  const chartTargets: ChartTarget[] = ind.targets.flatMap((t) =>
    t.gap !== undefined ? [] : [{ year: t.year, value: targetValue(t, ind.direction), label: ui.targetLabel(t.year, t.group && series.length > 1 ? groupLabel(t.group) : null, formatTarget(targetValue(t, ind.direction), ind.unit, lang)) }],
  );
  const description = `${title}. ${ui.chartDescription(series.map((s) => s.label), periods(values))} ${summary.join(' ')}`;
  return {
    id: ind.id,
    anchor: `indikator-${ind.id}`,
    field: ind.field,
    title,
    description: ind.description ? localize(ind.description, lang) : null,
    status: badge(worstStatus(comparisons.map((c) => c.status))),
    summary,
    targets,
    chart: buildChart({ lang, unit: ind.unit, description, series, targets: chartTargets }),
    table: buildTable(project, ind, values, lang, groupLabel),
    definition: definition(project, ind, lang),
    source: ind.source,
    department: ind.department,
  };
}

/** The cells a chart and table show: the compared and the reference group, and everyone when a target is about everyone. */
function shownCells(ind: Indicator, lang: Lang, groupLabel: (g: string) => string): { cell: Cell; label: string }[] {
  const everyone = { cell: {}, label: texts[lang].everyone };
  if (!ind.groups) return [everyone];
  const { column, compared, reference } = ind.groups;
  const groups = [compared, reference].map((g) => ({ cell: { [column]: g }, label: groupLabel(g) }));
  return ind.targets.some((t) => t.gap === undefined && t.group === undefined) ? [...groups, everyone] : groups;
}

function chartSeries(project: Project, ind: Indicator, values: IndicatorValue[], lang: Lang): ChartSeries[] {
  const groupLabel = (g: string) => (ind.groups ? label(project, ind.groups.column, g, lang) : g);
  const span = periods(values);
  return shownCells(ind, lang, groupLabel).map(({ cell, label: name }) => ({
    label: name,
    points: span.map((year) => {
      const v = values.find((x) => x.year === year && sameCell(x.cell, cell));
      // Only shown values reach the chart: a suppressed or missing value becomes a gap in the line.
      if (!v || v.value === null || v.suppressed) return { year, value: null };
      const interval = v.low != null && v.high != null ? { low: v.low, high: v.high, intervalText: `${formatNumber(v.low, lang)}–${formatValue(v.high, ind.unit, lang)}` } : {};
      return { year, value: v.value, text: formatValue(v.value, ind.unit, lang), ...interval };
    }),
  }));
}

function buildTable(project: Project, ind: Indicator, values: IndicatorValue[], lang: Lang, groupLabel: (g: string) => string): DataTable {
  const ui = texts[lang];
  const cells = shownCells(ind, lang, groupLabel);
  const gaps = new Map(gapSeries(ind, values).map((s) => [s.point.year, s.point.value]));
  const notes: string[] = [];
  const noteFor = (text: string) => (notes.includes(text) ? notes.indexOf(text) : notes.push(text) - 1) + 1;
  const rows = periods(values)
    .toReversed()
    .map((year) => {
      const row = cells.map(({ cell }): TableCell => {
        const v = values.find((x) => x.year === year && sameCell(x.cell, cell));
        if (!v) return { text: '–', note: noteFor(ui.noData) };
        if (v.value === null || v.suppressed) return { text: '–', note: noteFor(v.note ? translateNote(v.note, lang) : ui.noValue) };
        const detail = v.low != null && v.high != null ? `${formatNumber(v.low, lang)}–${formatNumber(v.high, lang)}` : undefined;
        return { text: formatValue(v.value, ind.unit, lang), ...(detail ? { detail } : {}), ...(v.note ? { note: noteFor(translateNote(v.note, lang)) } : {}) };
      });
      if (ind.groups) {
        const gap = gaps.get(year);
        row.push({ text: gap === undefined ? '–' : formatDifference(gap, ind.unit, lang) });
      }
      return { year, cells: row };
    });
  const hasInterval = values.some((v) => v.low != null);
  return {
    caption: ui.tableCaption(localize(ind.title, lang), hasInterval),
    columns: [ui.year, ...cells.map((c) => c.label), ...(ind.groups ? [ui.gapColumn] : [])],
    rows,
    notes: notes.map((text, i) => ({ mark: i + 1, text })),
  };
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

function describeComparison(ind: Indicator, c: Comparison, subject: string, lang: Lang, groupLabel: (g: string) => string): string {
  const ui = texts[lang];
  const isGap = c.series === 'gap';
  const fmt = (x: number) => (isGap ? formatDifference(x, ind.unit, lang, 'long') : formatValue(x, ind.unit, lang));
  const parts: string[] = [];
  const since = c.latest && c.baseline && c.baseline.year < c.latest.year ? { year: c.baseline.year, text: fmt(c.baseline.value) } : null;
  if (c.latest && isGap && ind.groups) {
    const [a, b] = [groupLabel(ind.groups.compared), groupLabel(ind.groups.reference)];
    parts.push(ui.gapSentence(a, b, c.latest.year, fmt(c.latest.value), since, c.latest.value < 0 || (c.baseline?.value ?? 0) < 0 ? a : null));
  } else if (c.latest) {
    parts.push(ui.valueSentence(ind.unit, c.group !== null ? subject : null, c.group === null && ind.groups !== undefined, c.latest.year, fmt(c.latest.value), since));
  }
  // The first sentence names the group; without it, the target sentence has to.
  const scope = c.latest ? null : isGap ? ui.gapBetweenGroups : c.group !== null ? subject : null;
  parts.push(ui.targetSentence(scope, c.target.year, `${c.direction === 'higher' ? ui.atLeast : ui.atMost} ${formatGoal(ind, c, lang, 'long')}`));
  const p = c.projection;
  if (c.status === 'achieved') parts.push(ui.achieved);
  else if (c.status === 'not_assessable') parts.push(ui.notAssessable(c.reason ? translateNote(c.reason, lang) : null));
  else if (p && p.reachYear !== null && c.latest && p.reachYear <= c.latest.year) parts.push(ui.metNow);
  else if (p) parts.push(ui.projection(p.from, p.to, p.reachYear, c.target.year, fmt(p.value)));
  if (c.status !== 'not_assessable') parts.push(ui.ratingSentence(`${statusSymbols[c.status]} ${statusWords[lang][c.status]}`, c.reason && c.status !== 'achieved' ? translateNote(c.reason, lang) : null));
  return parts.join(' ');
}

/** The target as written in the YAML, without trailing zeros: "55 %", "10 Pp.". */
function formatGoal(ind: Indicator, c: Comparison, lang: Lang, style: 'short' | 'long' = 'short'): string {
  if (c.series !== 'gap') return formatTarget(c.target.value, ind.unit, lang);
  return ind.unit === 'percent' ? formatPoints(c.target.value, lang, style, Number.isInteger(c.target.value) ? 0 : 1) : formatTarget(c.target.value, ind.unit, lang);
}

function definition(project: Project, ind: IndicatorFile, lang: Lang): { label: string; text: string }[] {
  const ui = texts[lang];
  const describe = (agg: Aggregate) => {
    const table = project.sources[agg.table]?.description;
    return ui.aggregate(agg.expr, table ? `${agg.table} (${table})` : agg.table, agg.filter ?? null);
  };
  return [
    { label: ui.unit, text: ui.units[ind.unit] },
    { label: ui.numerator, text: describe(ind.numerator) },
    ...(ind.denominator ? [{ label: ui.denominator, text: describe(ind.denominator) }] : []),
    ...(ind.weight ? [{ label: ui.weight, text: ui.weighted(ind.weight) }] : []),
    { label: ui.baseline, text: String(ind.baseline) },
    { label: ui.betterWhen, text: ind.direction === 'higher' ? ui.higher : ui.lower },
  ];
}
