// The words of the council page, the changes since the last report, the measures, the reference values,
// the texts of each indicator and the CSV downloads (issue 14, items 4–7; issue 16, item 3), in English.
// They are mixed into the report's words (en-report.ts).
import { bySource, type councilDe } from './de-council.js';

/** A list: "A", "A and B", "A, B and C"; from `max` items on "A, B, C and 4 more". */
function enumerate(items: string[], max = 4): string {
  const shown = items.length > max ? [...items.slice(0, max - 1), `${items.length - max + 1} more`] : items;
  return shown.length < 2 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

const quoted = (items: string[]) => items.map((i) => `“${i}”`);

export const councilEn: typeof councilDe = {
  referenceLegend: 'Comparison values',
  referenceTip: { reference: 'Comparison', source: 'Source' },
  referenceLabel: (name) => `${name} (comparison)`,
  referenceNote: (references) =>
    `Grey lines: comparison values – ${bySource(references)
      .map((r) => `${enumerate(r.labels)}: ${r.source}`)
      .join('; ')}.`,
  referenceSentence: (items) => `For comparison: ${items.map((i) => `${i.label}: ${i.value} (${i.year})`).join('; ')}.`,
  textHeadings: {
    definition: 'What is measured',
    rationale: 'Why this indicator, why this target',
    commentary: 'Reading the numbers',
  },
  surveyWeighted: 'survey data, weighted; with 95% interval',
  calculationBy: 'Broken down by',
  calculationLink: 'Calculation (for analysts)',
  calculationLinkText: 'tables, numerator, denominator and filters in the appendix',
  calculationsHeading: 'How the indicators are calculated',
  calculationsIntro:
    'For analysts: what each indicator is calculated from – the tables of data/sources.yaml, the expressions and ' +
    'filters of its file in indicators/.',
  backToIndicator: 'to the indicator',
  csv: {
    low: 'lower bound (95%)',
    high: 'upper bound (95%)',
    note: 'Note',
    unit: 'Unit',
    istYear: 'Year of the latest value',
    sollYear: 'Target year',
    reason: 'Reason',
    overviewFile: 'all-targets.csv',
    gapUnit: (unit) => (unit === 'percent' ? 'percentage points (gap)' : 'gap'),
  },
  download: 'Values as a CSV file',
  downloadOverview: 'All targets as a CSV file',
  downloadRows: (rows) => `${rows} ${rows === 1 ? 'row' : 'rows'}`,
  downloadHint: (rows) => `${rows} ${rows === 1 ? 'row' : 'rows'}; comma-separated with a decimal point`,
  councilHeading: 'The essentials on one page',
  keyTargetsOf: (count, assessed) =>
    `${count === 1 ? 'target' : 'targets'}${assessed < count ? `, ${assessed} of them rated` : ''}`,
  keyLagging: (items) => `older for ${enumerate(items.map((i) => `“${i.title}” (${i.year})`))}`,
  keyMeasures: (count, overdue) =>
    `${count === 1 ? 'measure' : 'measures'}${overdue ? `, ${overdue} of them overdue` : ''}`,
  messagesHeading: 'Key messages',
  messageOverall: (total, good, off, between, unrated) => {
    const one = (n: number) => n <= 1;
    const count = (n: number) => (n === 0 ? 'none' : String(n));
    return (
      `Of ${total} ${total === 1 ? 'indicator' : 'indicators'}, ${count(good)} ${one(good) ? 'has' : 'have'} ` +
      `reached the target or ${one(good) ? 'is' : 'are'} on track; ${count(off)} ${one(off) ? 'misses' : 'miss'} ` +
      'the target clearly at the pace so far (deterioration or limited progress)' +
      `${between ? `, ${between} ${between === 1 ? 'makes' : 'make'} moderate progress` : ''}` +
      `${unrated ? `, ${unrated} cannot be rated yet` : ''}.`
    );
  },
  messageWorstField: (field, off, assessed) =>
    `Furthest off track is the field “${field}”: ${off} of ${assessed} rated indicators clearly ` +
    `${off === 1 ? 'misses its' : 'miss their'} target at the pace so far.`,
  messageNoFieldOff: 'No field of action has an indicator that clearly misses its target at the pace so far.',
  messageWorse: (titles) => `Getting worse: ${enumerate(quoted(titles))}.`,
  messageAchieved: (titles) => `Target already reached: ${enumerate(quoted(titles))}.`,
  messageChanges: (since, better, worse, moved) =>
    better + worse + moved === 0
      ? `Since the report of ${since} no rating has changed and no value has moved beyond its margin of error.`
      : `Since the report of ${since}: ` +
        (better + worse === 0
          ? 'no rating changed'
          : `${better} ${better === 1 ? 'rating' : 'ratings'} better, ${worse} worse`) +
        `; ${moved} ${moved === 1 ? 'value has' : 'values have'} moved beyond ` +
        `${moved === 1 ? 'its' : 'their'} margin of error.`,
  messageMeasures: (total, overdue) =>
    overdue.length
      ? `Of ${total} measures, ${overdue.length} ${overdue.length === 1 ? 'is' : 'are'} overdue: ` +
        `${enumerate(quoted(overdue))}.`
      : `None of the ${total} measures is overdue.`,
  messageLagging: (items) =>
    'Not all figures are equally recent: ' +
    `${items.map((i) => `for “${i.title}” the latest year is ${i.year}`).join(', ')}.`,
  messageUpToDate: (year) => `The figures of every indicator run to ${year}.`,
  fieldsHeading: 'Fields of action, furthest off track first',
  fieldsCaption:
    'Order: first the field in which the largest share of rated indicators clearly misses its target at the pace ' +
    'so far (deterioration or limited progress). Each indicator counts with its worst target.',
  offTrackColumn: 'clearly missed',
  offTrackCell: (off, assessed) => (assessed ? `${off} of ${assessed}` : '–'),
  measuresColumn: 'Measures',
  measuresCell: (total, overdue) => `${total}${overdue ? ` (${overdue}\u00a0overdue)` : ''}`,
  changesHeading: 'What changed since the last report',
  changesIntro: (since) =>
    `Compared with the report of ${since}: changed ratings, values that moved beyond their margin of error ` +
    '(for surveys the 95% interval of the difference, for register data any visible change), and changed targets.',
  noChanges: (since) =>
    `Since the report of ${since} nothing has changed in ratings, targets and measures, ` +
    'and no value has moved beyond its margin of error.',
  firstReport: 'No earlier report to compare with yet: the next report will show here what has changed since this one.',
  changesCaption: 'Targets with changes since the last report',
  changeValue: 'Latest value',
  changeTarget: 'Target',
  changeKinds: { changed: '', new: 'new target', gone: 'target dropped' },
  changeDirection: { better: 'better', worse: 'worse', other: 'changed' },
  unchanged: 'unchanged',
  measureChangesCaption: 'Measures with a new state',
  measureOverdueState: (word) => `${word}, overdue`,
  newMeasure: 'new',
  measuresHeading: 'Fields of action: indicators and measures',
  measuresIntro:
    'For each field of action, the indicators (is the situation moving?) beside the measures (is the town doing ' +
    'what it decided?), each with its state, the office responsible and its next milestone. A measure is overdue ' +
    'when its due date has passed but it is neither done nor dropped.',
  fieldIndicators: 'Indicators',
  fieldMeasures: 'Measures',
  measureColumns: {
    measure: 'Measure',
    status: 'State',
    responsible: 'Responsible',
    next: 'Next milestone',
    due: 'Due',
    indicators: 'meant to move',
  },
  overdue: 'overdue',
  standing: 'standing task',
  noMilestone: 'none open',
  partnersWith: (partners) => `with ${enumerate(partners, 6)}`,
  measuresSummary: (total) => `Measures by state, ${total} in all`,
  overdueHeading: 'Overdue measures',
  overdueItem: (due, responsible) => `due ${due}; responsible: ${responsible}`,
  indicatorMeasures: 'Measures for this indicator',
};
