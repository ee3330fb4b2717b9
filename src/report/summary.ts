// The council's page at the top of the report: the fields of action ordered by how far they are off
// track, three to five key messages made from the comparison with the catalogue's words, counts of
// indicators and targets that add up, which indicators lag behind the newest year of data, what changed
// since the last report, and the measures by state. Pure: everything comes in as plain data.
import type { Lang } from '../core/format.js';
import { words } from '../core/messages/index.js';
import { isInTime } from '../core/status.js';
import type { Comparison, IndicatorValue, Status } from '../core/types.js';
import type { ChangesPart } from './changes.js';
import type { Badge, Count, SectionRef } from './council-types.js';
import type { Download } from './downloads.js';
import type { MeasureItem, MeasureSummary } from './measures.js';

export interface KeyFigure {
  value: string;
  label: string;
  /** Says what the figure leaves out: the indicators whose data are older than the newest year. */
  note: string | null;
}

export interface FieldStanding {
  id: string;
  title: string;
  /** The field's measures section, when it has one. */
  anchor: string | null;
  indicators: number;
  assessed: number;
  /** Assessed indicators whose rating says the target will be clearly missed at the pace so far. */
  offTrack: number;
  counts: Count[];
  measures: { total: number; overdue: number } | null;
}

export interface CouncilPage {
  keyFigures: KeyFigure[];
  /** Three to five sentences, the most important first. */
  messages: string[];
  /** Worst first. */
  fields: FieldStanding[];
  lagging: { title: string; anchor: string; year: number }[];
  /** Null when there is no earlier report to compare with. */
  changes: ChangesPart | null;
  /** The history was read and holds no earlier report: this is the first. */
  firstReport: boolean;
  measures: MeasureSummary | null;
  download: Download;
}

export interface CouncilPageInput {
  lang: Lang;
  /** The ratings in the order the report shows them. */
  legend: Badge[];
  fields: { id: string; title: string }[];
  sections: SectionRef[];
  comparisons: Comparison[];
  values: IndicatorValue[];
  measures: MeasureItem[];
  measureSummary: MeasureSummary | null;
  /** Fields that have a measures section of their own. */
  measureFields: string[];
  changes: ChangesPart | null;
  /** The history was read and holds no earlier report. */
  firstReport: boolean;
  download: Download;
}

/**
 * How a rating stands for the council: reached or on course (also where the margin of error does not
 * confirm it), clearly off course (a decline, also one within the margin of error, or limited progress),
 * in between (moderate progress), or not known.
 */
function standing(status: Status): 'good' | 'between' | 'off' | 'unrated' {
  if (status === 'not_assessable') return 'unrated';
  if (isInTime(status)) return 'good';
  if (status === 'moderate') return 'between';
  return 'off';
}

export function buildCouncilPage(input: CouncilPageInput): CouncilPage {
  const { lang, legend, sections, comparisons } = input;
  const ui = words(lang).report;
  const fields = rankFields(input);
  const lagging = laggingIndicators(sections, input.values);
  const latest = Math.max(...input.values.filter((v) => v.value !== null).map((v) => v.year));
  const assessedTargets = comparisons.filter((c) => c.status !== 'not_assessable').length;
  const overdue = input.measures.filter((m) => m.overdue);
  const keyFigures: KeyFigure[] = [
    {
      value: String(sections.length),
      label: ui.keyIndicators(sections.length, fields.filter((f) => f.indicators).length),
      note: null,
    },
    { value: String(comparisons.length), label: ui.keyTargetsOf(comparisons.length, assessedTargets), note: null },
    ...(Number.isFinite(latest)
      ? [{ value: String(latest), label: ui.keyLatest, note: lagging.length ? ui.keyLagging(lagging) : null }]
      : []),
    ...(input.measures.length
      ? [
          {
            value: String(input.measures.length),
            label: ui.keyMeasures(input.measures.length, overdue.length),
            note: null,
          },
        ]
      : []),
  ];
  return {
    keyFigures,
    messages: keyMessages(input, fields, lagging),
    fields,
    lagging,
    changes: input.changes,
    firstReport: input.firstReport,
    measures: input.measureSummary,
    download: input.download,
  };
}

/**
 * Worst first: the larger the share of assessed indicators that clearly miss their target at the pace so
 * far, the higher the field; then the larger share that got worse; then the report's order. Fields with
 * nothing assessed come last.
 */
function rankFields({ fields, sections, legend, measures, measureFields }: CouncilPageInput): FieldStanding[] {
  const standings = fields.map((f, order) => {
    const own = sections.filter((s) => s.field === f.id);
    const assessed = own.filter((s) => standing(s.status.status) !== 'unrated');
    const offTrack = assessed.filter((s) => standing(s.status.status) === 'off').length;
    const worse = assessed.filter((s) => s.status.status === 'deterioration').length;
    const mine = measures.filter((m) => m.field === f.id);
    return {
      order,
      share: assessed.length ? offTrack / assessed.length : -1,
      worse: assessed.length ? worse / assessed.length : -1,
      field: {
        id: f.id,
        title: f.title,
        anchor: measureFields.includes(f.id) ? `handlungsfeld-${f.id}` : null,
        indicators: own.length,
        assessed: assessed.length,
        offTrack,
        counts: legend.map((b) => ({ ...b, count: own.filter((s) => s.status.status === b.status).length })),
        measures: mine.length ? { total: mine.length, overdue: mine.filter((m) => m.overdue).length } : null,
      },
    };
  });
  return standings.sort((a, b) => b.share - a.share || b.worse - a.worse || a.order - b.order).map((s) => s.field);
}

/** The indicators whose newest value is older than the newest year of the report. */
function laggingIndicators(sections: SectionRef[], values: IndicatorValue[]): CouncilPage['lagging'] {
  const newest = (id: string) =>
    Math.max(...values.filter((v) => v.indicator === id && v.value !== null).map((v) => v.year));
  const latest = Math.max(...sections.map((s) => newest(s.id)));
  return sections.flatMap((s) => {
    const year = newest(s.id);
    return Number.isFinite(year) && year < latest ? [{ title: s.title, anchor: s.anchor, year }] : [];
  });
}

/** The key messages, most important first, at most five. */
function keyMessages(input: CouncilPageInput, fields: FieldStanding[], lagging: CouncilPage['lagging']): string[] {
  const ui = words(input.lang).report;
  const { sections } = input;
  const by = (kind: ReturnType<typeof standing>) => sections.filter((s) => standing(s.status.status) === kind).length;
  const titles = (status: Status) => sections.filter((s) => s.status.status === status).map((s) => s.title);
  const worst = fields[0];
  const messages = [
    ui.messageOverall(sections.length, by('good'), by('off'), by('between'), by('unrated')),
    worst && worst.offTrack > 0
      ? ui.messageWorstField(worst.title, worst.offTrack, worst.assessed)
      : ui.messageNoFieldOff,
  ];
  // Only what the margin of error confirms is named: an uncertain verdict stays in the counts.
  const worse = titles('deterioration');
  if (worse.length) messages.push(ui.messageWorse(worse));
  if (input.changes)
    messages.push(
      ui.messageChanges(input.changes.since, input.changes.better, input.changes.worse, input.changes.moved),
    );
  const overdue = input.measures.filter((m) => m.overdue);
  if (input.measures.length)
    messages.push(
      ui.messageMeasures(
        input.measures.length,
        overdue.map((m) => m.title),
      ),
    );
  const achieved = titles('achieved');
  if (achieved.length) messages.push(ui.messageAchieved(achieved));
  const latest = Math.max(...input.values.filter((v) => v.value !== null).map((v) => v.year));
  if (lagging.length) messages.push(ui.messageLagging(lagging));
  else if (Number.isFinite(latest)) messages.push(ui.messageUpToDate(latest));
  return messages.slice(0, 5);
}
