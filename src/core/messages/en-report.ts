// The report's words in English: headings, table heads and the sentence patterns that the report model
// fills with numbers. Everything project-specific comes in through the parameters.
import { columnName } from './de-report.js';
import { verdictEn } from './en-verdict.js';
import type { ReportWords } from './types.js';
import { councilEn } from './en-council.js';
import { readingEn } from './en-reading.js';

export const reportEn: ReportWords = {
  ...councilEn,
  ...readingEn,
  axis: {
    year: 'Year',
    percent: 'Share in %',
    per_1000: 'per 1,000',
    count: 'Number',
    mean: 'Mean',
    ratio: 'Ratio',
    total: 'Number (estimated)',
  },
  tooltip: { series: 'Group', value: 'Value', interval: '95% interval' },
  map: { area: 'Area', value: 'Value', none: 'no value' },
  htmlLang: 'en',
  notice: 'Notice',
  generated: (date, version) => `Generated on ${date} with istsoll ${version}.`,
  contents: 'Contents',
  summaryHeading: 'At a glance',
  keyIndicators: (count, fields) =>
    `${count === 1 ? 'indicator' : 'indicators'} in ${fields} ${fields === 1 ? 'field' : 'fields'} of action`,
  totalsOf: (what, count) =>
    what === 'indicators'
      ? `${count} ${count === 1 ? 'indicator' : 'indicators'} (each counted with the worst rating of its targets):`
      : `${count} ${count === 1 ? 'target' : 'targets'}:`,
  keyLatest: 'latest year of data',
  total: 'Total',
  allTargets: 'All indicators and targets',
  sortHint: 'Click a column heading to sort the table; click again to reverse the order.',
  seriesTitle: 'Development, target and trend',
  targetMark: 'Diamond: target.',
  projectionNote: (from, to, year) => `Dashed: the trend of ${from} to ${to}, continued to ${year}.`,
  bandNote: 'Shaded: 95% interval of the survey.',
  projectionTip: (year, value) => `Trend to ${year}: ${value}`,
  gapTitle: 'Gap between the groups',
  gapMeaning: (a, b) => `Above zero, the group "${a}" lags behind the group "${b}"; below zero, it is ahead.`,
  gapTrend: (from, to, direction, slope) =>
    `From ${from} to ${to}, ${
      direction === 'narrowing'
        ? `the gap narrows (${slope} a year)`
        : direction === 'widening'
          ? `the gap widens (+${slope} a year)`
          : 'the gap stays about the same'
    }.`,
  gapProjectionNote: 'Dashed: the trend of the gap, continued to the target year.',
  gapDescription: (a, b, years) =>
    years.length
      ? `Line chart of the gap between "${a}" and "${b}" in the years ${years[0]} to ${years.at(-1)}, with the zero ` +
        `line and the target.`
      : 'Chart without data.',
  noGap: 'no gap',
  gapAxis: (unit) => (unit === 'percent' ? 'Gap in pp' : unit === 'per_1000' ? 'Gap per 1,000' : 'Gap'),
  gapCaption: (title, a, b, interval) =>
    `${title}: gap between "${a}" and "${b}" per year, newest first${interval ? ' (95% interval in brackets)' : ''}. ` +
    `Ratio: the value of "${a}" divided by that of "${b}" (1 = parity).`,
  parityColumn: 'Ratio',
  columnTitle: (column) => columnName(column),
  breakdownTitle: (column, year) => `By ${column}, ${year}`,
  ruleNote: 'Dashed line: the overall value.',
  missingBarNote: 'A "–" instead of a bar: the value is not shown; the notes under the table say why.',
  barsDescription: (column, year, count, groups) =>
    `Bar chart of ${year} by ${column}: ${count} ` +
    `values${groups.length ? `, each for ${groups.map((g) => `"${g}"`).join(' and ')}` : ''}.`,
  breakdownCaption: (title, column, year, interval) =>
    `${title} by ${column}, ${year}${interval ? ' (95% interval in brackets)' : ''}`,
  appendixHeading: 'Appendix: methodology and data sources',
  sourcesHeading: 'Data sources',
  sourcesIntro:
    'Every table the report reads, with its file; the content hashes are under "Reproducibility" at the end.',
  tableName: 'Table',
  sourceDescription: 'Description',
  file: 'File',
  rows: 'Rows',
  hash: 'Hash (SHA-256)',
  hashesCaption:
    'Content hashes of the data (file and data/sources.yaml entry) and of the project files (settings, fields of ' +
    'action, indicators)',
  noDataYet: 'There are no data for this indicator yet.',
  reproHeading: 'Reproducibility',
  reproduce: (version, at) =>
    `Generated on ${at} with istsoll ${version}. The same version with the same files (same hashes) gives the same ` +
    `numbers.`,
  suppressionNote: (minCount, minRespondents, flagRespondents) =>
    `Data protection: a count below ${minCount} is not shown, nor is a survey value from fewer than ` +
    `${minRespondents} answers; below ${flagRespondents} answers a value is to be read with care. Where a total ` +
    `would reveal a hidden value, a further one is hidden. Values not shown appear as "–" in the tables, with ` +
    `the reason as a footnote. The report contains no answers of individual respondents.`,
  page: 'Page ',
  of: ' of ',
  skip: 'Skip to the overview',
  sortBy: (column) => `sort by ${column}`,
  embed: {
    SVG_ACTION: 'Save as SVG',
    PNG_ACTION: 'Save as PNG',
    CLICK_TO_VIEW_ACTIONS: 'Export',
    COMPILED_ACTION: 'Vega specification',
    EDITOR_ACTION: 'Open in editor',
    SOURCE_ACTION: 'Source',
  },
  overview: 'Overview by field of action',
  overviewIntro:
    'For every indicator: the latest actual value, the target and how far away it still is. Symbols and words show ' +
    'the rating; colour is only an extra aid.',
  legend: 'Ratings',
  noIndicators: 'This field of action has no indicators yet.',
  indicator: 'Indicator',
  subject: 'Applies to',
  ist: 'Actual',
  soll: 'Target',
  distance: 'Distance to target',
  rating: 'Rating',
  indicators: 'Indicators',
  field: 'Field of action',
  data: 'Data as a table',
  definitionHeading: 'Definition',
  source: 'Source',
  department: 'Responsible',
  methodHeading: 'Rating method',
  methodNote:
    'When an indicator has several targets, the worst rating counts. For surveys, a rating is certain ' +
    'only when the 95% interval supports it: an estimate that meets the target while its whole interval ' +
    'does not is "achieved, but not certain"; likewise "on track, but not certain" and "deterioration, but not ' +
    'certain" when the change lies within the margin of error. "If the trend … continues" extends a ' +
    'straight line through the values of the last five years to the target year. For the gap between the ' +
    'groups, the text says which group moved it; where a gap target would not be met or on track without ' +
    'the reference group getting worse, the rating says so.',
  noScript:
    'Without JavaScript the report shows the charts as pictures; tooltips and chart export need JavaScript. All ' +
    'numbers are in the tables as well.',
  backToTop: 'back to the overview',
  year: 'Year',
  everyone: 'everyone',
  gapBetweenGroups: 'Gap between the groups',
  gapColumn: 'Gap',
  atLeast: 'at least',
  trendGoal: (direction) => (direction === 'higher' ? 'a rising value' : 'a falling value'),
  atMost: 'at most',
  toGo: (d) => `${d} to go`,
  exceededBy: (d) => `exceeded by ${d}`,
  exactly: 'exactly met',
  noData: 'no data for this year',
  noValue: 'no value',
  unit: 'Unit',
  numerator: 'Numerator',
  denominator: 'Denominator',
  weight: 'Weighting',
  baseline: 'Baseline year',
  betterWhen: 'Better is',
  higher: 'a higher value',
  lower: 'a lower value',
  units: {
    percent: 'percent (%)',
    per_1000: 'per 1,000 (‰)',
    count: 'number',
    mean: 'mean',
    ratio: 'ratio',
    total: 'estimated number (survey)',
  },
  aggregate: (expr, table, filter) => `${expr} from ${table}${filter ? `, only rows with ${filter}` : ''}`,
  weighted: (column) => `survey data, weighted by the column ${column}; with 95% interval`,
  tableCaption: (title, interval) =>
    `${title}: values per year, newest first${interval ? ' (95% interval in brackets)' : ''}`,
  targetLabel: (year, group, value) => `Target ${year}${group ? ` (${group})` : ''}: ${value}`,
  chartDescription: (series, years) =>
    years.length
      ? `Line chart of the years ${years[0]} to ${years.at(-1)} with one line each for ` +
        `${series.map((s) => `"${s}"`).join(' and ')}, and the targets.`
      : 'Chart without data.',
  valueSentence: (_unit, group, overall, year, value, since) =>
    `${group ? `For the group "${group}", the value` : overall ? 'Overall, the value' : 'The value'} was ${value} in ` +
    `${year}${since ? ` (${since.year}: ${since.text})` : ''}.`,
  gapSentence: (a, b, year, value, since, ahead) =>
    `The gap between the groups "${a}" and "${b}" was ${value} in ${year}${
      since ? ` (${since.year}: ${since.text})` : ''
    }.${ahead ? ` A negative gap means that the group "${ahead}" is ahead.` : ''}`,
  targetSentence: (subject, year, goal) => `Target for ${year}${subject ? ` (${subject})` : ''}: ${goal}.`,
  notAssessable: (reason) => `No rating is possible${reason ? `: ${reason}` : ''}.`,
  ratingSentence: (status) => `Rating: ${status}.`,
  verdict: verdictEn,
  methods: {
    'growth-ratio': {
      name: 'Ratio of actual to required growth (after Eurostat and Open SDG)',
      explanation:
        'The average annual growth rate since the baseline year is compared with the rate needed to reach the ' +
        'target in the target year (ratio R). R from 0.95: on track; 0.60 to below 0.95: moderate progress; 0 ' +
        'to below 0.60: limited progress; below 0: deterioration. A target already met is "achieved". The ' +
        'text gives R as a share of the pace needed and, beside it, when the target would be reached if the ' +
        'trend of the last five years continued; where the two figures differ, one sentence says both.',
    },
    weather: {
      name: 'Weather symbols of the German Sustainable Development Strategy',
      explanation:
        'The average annual change over the last five years is continued to the target year. Missing the ' +
        'target by less than 5% of the remaining distance: on track; by 5 to 20%: moderate progress; by more: ' +
        'limited progress; moving away from the target: deterioration. In the weather symbols of the ' +
        'strategy: sun (achieved or on track), slightly cloudy, cloudy, thunderstorm. Chart and text show the ' +
        'same projection.',
    },
  },
};
