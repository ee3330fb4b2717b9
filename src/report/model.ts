// Stage 4a: project + values + comparisons → everything the report says, as plain localized data. Pure and
// deterministic for a given `now`; report.ts only turns it into HTML.
import { worstStatus } from '../compare/index.js';
import {
  formatDifference,
  formatValue,
  label,
  localize,
  statusSymbols,
  unitDigits,
  type Lang,
} from '../core/format.js';
import { say, words, type ReportWords } from '../core/messages/index.js';
import type { Comparison, IndicatorValue, Status } from '../core/types.js';
import type { IndicatorFile, Project } from '../core/project.js';
import { buildFigures } from './figures/figures.js';
import type { Figure } from './figures/types.js';
import type { Aggregate } from '../core/schema.js';
import { describeComparison, formatGoal, sayCaveat } from './verdict.js';

export { periods } from './figures/cells.js';
export type { DataTable, Figure } from './figures/types.js';

export interface ReportOptions {
  lang: Lang;
  /** The only clock the report reads: same inputs and same `now` give the same report. */
  now: Date;
  version: string;
  /** Content hashes for the footer: the loaded tables (from the load) and the project's YAML files. */
  provenance?: Provenance;
  /** A report of one field of action only (its id), e.g. for the committee in charge of it. */
  field?: string;
}

export interface Provenance {
  tables: { name: string; rows: number; hash: string }[];
  files: { path: string; hash: string }[];
}

export interface ReportModel {
  lang: Lang;
  title: string;
  /** The field of action of a report of one field only. */
  scope: string | null;
  /** Shown as a banner at the top (e.g. that the numbers are fictional). */
  notice: string | null;
  /** The date for the title page, and date and time for the footer. */
  generated: string;
  generatedAt: string;
  version: string;
  method: { name: string; explanation: string };
  ui: ReportWords;
  legend: StatusBadge[];
  keyFigures: { value: string; label: string }[];
  /** Indicators per status over all fields, in the order of the legend. */
  totals: StatusCount[];
  /** Targets per status, in the order of the legend: they add up to the number of targets. */
  targetTotals: StatusCount[];
  fields: FieldOverview[];
  indicators: IndicatorSection[];
  appendix: Appendix;
}

export interface StatusBadge {
  status: Status;
  symbol: string;
  word: string;
}

export type StatusCount = StatusBadge & { count: number };

interface FieldOverview {
  id: string;
  title: string;
  /** Indicators per status, in the order of the legend, zeros included. */
  counts: StatusCount[];
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
  /** What the status alone would hide (a gap met only because the reference group got worse). */
  caveat: string | null;
  /** The numbers as shown (rounded), for sorting the overview. */
  sort: { ist: number | null; soll: number | null; gap: number | null };
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
  figures: Figure[];
  definition: { label: string; text: string }[];
  source: string;
  department: string;
}

interface Appendix {
  /** How values are rated, suppressed and projected. */
  notes: string[];
  sources: { name: string; description: string | null; file: string; rows: string | null; hash: string | null }[];
  /** The project's YAML files with their hashes; empty when the caller gave none. */
  files: { path: string; hash: string }[];
}

const statusDisplayOrder: Status[] = [
  'achieved',
  'achieved_uncertain',
  'on_track',
  'on_track_uncertain',
  'moderate',
  'limited',
  'deterioration_uncertain',
  'deterioration',
  'not_assessable',
];

export function buildReportModel(
  whole: Project,
  values: IndicatorValue[],
  comparisons: Comparison[],
  options: ReportOptions,
): ReportModel {
  const { lang } = options;
  const scope = options.field === undefined ? null : whole.fields.find((f) => f.id === options.field);
  if (scope === undefined) throw new Error(`no field of action \`${options.field}\``);
  const project = scope
    ? { ...whole, fields: [scope], indicators: whole.indicators.filter((i) => i.field === scope.id) }
    : whole;
  if (scope) {
    const ids = new Set(project.indicators.map((i) => i.id));
    values = values.filter((v) => ids.has(v.indicator));
    comparisons = comparisons.filter((c) => ids.has(c.indicator));
  }
  const ui = words(lang).report;
  const badge = (status: Status): StatusBadge => ({
    status,
    symbol: statusSymbols[status],
    word: words(lang).status[status],
  });
  // A suppressed cell keeps its reason and nothing else, whatever the stage before left in it.
  const shown = values.map((v) =>
    v.suppressed ? { ...v, value: null, numerator: null, denominator: null, se: null, low: null, high: null } : v,
  );
  const fieldOrder = project.fields.map((f) => f.id);
  const indicators = project.indicators
    .map((ind, i) => ({ ind, i }))
    .sort((a, b) => fieldOrder.indexOf(a.ind.field) - fieldOrder.indexOf(b.ind.field) || a.i - b.i)
    .map(({ ind }) =>
      buildSection(
        project,
        ind,
        shown.filter((v) => v.indicator === ind.id),
        comparisons.filter((c) => c.indicator === ind.id),
        lang,
        badge,
      ),
    );
  const countOf = (sections: IndicatorSection[]) =>
    statusDisplayOrder.map((s) => ({ ...badge(s), count: sections.filter((i) => i.status.status === s).length }));
  const fields = project.fields.map((field): FieldOverview => {
    const own = indicators.filter((s) => s.field === field.id);
    return {
      id: field.id,
      title: localize(field.title, lang),
      counts: countOf(own),
      indicators: own.map((s) => ({ id: s.id, title: s.title, status: s.status, targets: s.targets })),
    };
  });
  const latest = Math.max(...shown.filter((v) => v.value !== null).map((v) => v.year));
  const locale = lang === 'de' ? 'de-DE' : 'en-GB';
  const dateTime = (extra: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'Europe/Berlin', ...extra }).format(options.now);
  const zone = new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Berlin', timeZoneName: 'short' })
    .formatToParts(options.now)
    .find((p) => p.type === 'timeZoneName')?.value;
  return {
    lang,
    title: localize(project.config.title, lang),
    scope: scope ? localize(scope.title, lang) : null,
    notice: project.config.notice ? localize(project.config.notice, lang) : null,
    generated: dateTime({}),
    generatedAt: `${dateTime({ timeStyle: 'short' })}${zone ? ` ${zone}` : ''}`,
    version: options.version,
    method: ui.methods[project.config.method],
    ui,
    legend: statusDisplayOrder.map(badge),
    keyFigures: [
      {
        value: String(indicators.length),
        label: ui.keyIndicators(indicators.length, fields.filter((f) => f.indicators.length).length),
      },
      { value: String(comparisons.length), label: ui.keyTargets(comparisons.length) },
      ...(Number.isFinite(latest) ? [{ value: String(latest), label: ui.keyLatest }] : []),
    ],
    totals: countOf(indicators),
    targetTotals: statusDisplayOrder.map((s) => ({
      ...badge(s),
      count: comparisons.filter((c) => c.status === s).length,
    })),
    fields,
    indicators: indicators.map((s) => ({ ...s, field: fields.find((f) => f.id === s.field)?.title ?? s.field })),
    appendix: buildAppendix(project, lang, options.provenance),
  };
}

function buildAppendix(project: Project, lang: Lang, provenance: Provenance | undefined): Appendix {
  const ui = words(lang).report;
  const { min_count, min_respondents, flag_respondents } = project.config.suppression;
  const number = new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB');
  return {
    notes: [ui.methodNote, ui.suppressionNote(min_count, min_respondents, flag_respondents)],
    sources: Object.entries(project.sources).map(([name, source]) => {
      const table = provenance?.tables.find((t) => t.name === name);
      return {
        name,
        description: source.description ?? null,
        file: `data/${source.file}`,
        rows: table ? number.format(table.rows) : null,
        hash: table?.hash ?? null,
      };
    }),
    files: provenance?.files ?? [],
  };
}

function buildSection(
  project: Project,
  ind: IndicatorFile,
  values: IndicatorValue[],
  comparisons: Comparison[],
  lang: Lang,
  badge: (s: Status) => StatusBadge,
): IndicatorSection {
  const ui = words(lang).report;
  const title = localize(ind.title, lang);
  const groupLabel = (g: string) => (ind.groups ? label(project, ind.groups.column, g, lang) : g);
  const subjectOf = (c: Comparison) =>
    c.series === 'gap' ? ui.gapBetweenGroups : c.group !== null ? groupLabel(c.group) : ui.everyone;
  const round = (x: number) => Number(x.toFixed(unitDigits[ind.unit]));
  const targets = comparisons.map((c): TargetLine => {
    const fmt = (x: number) =>
      c.series === 'gap' ? formatDifference(x, ind.unit, lang) : formatValue(x, ind.unit, lang);
    return {
      subject: subjectOf(c),
      ist: c.latest ? fmt(c.latest.value) : '–',
      istYear: c.latest?.year ?? null,
      soll:
        c.target.value === null
          ? formatGoal(ind, c, lang)
          : `${c.direction === 'higher' ? ui.atLeast : ui.atMost} ${formatGoal(ind, c, lang)}`,
      sollYear: c.target.year,
      gap:
        c.gap === null
          ? '–'
          : c.gap > 0
            ? ui.toGo(formatDifference(c.gap, ind.unit, lang))
            : c.gap < 0
              ? ui.exceededBy(formatDifference(-c.gap, ind.unit, lang))
              : ui.exactly,
      status: badge(c.status),
      reason: c.reason ? say(c.reason, lang) : null,
      caveat: sayCaveat(c, lang, groupLabel),
      sort: {
        ist: c.latest ? round(c.latest.value) : null,
        soll: c.target.value,
        gap: c.gap === null ? null : round(c.gap),
      },
    };
  });
  const summary = comparisons.map((c) => describeComparison(ind, c, subjectOf(c), lang, groupLabel));
  return {
    id: ind.id,
    anchor: `indikator-${ind.id}`,
    field: ind.field,
    title,
    description: ind.description ? localize(ind.description, lang) : null,
    status: badge(worstStatus(comparisons.map((c) => c.status))),
    summary,
    targets,
    figures: buildFigures({ project, ind, values, comparisons, lang, title }),
    definition: definition(project, ind, lang),
    source: ind.source,
    department: ind.department,
  };
}

function definition(project: Project, ind: IndicatorFile, lang: Lang): { label: string; text: string }[] {
  const ui = words(lang).report;
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
