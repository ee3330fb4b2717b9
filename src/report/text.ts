// The report's own words in German and English: headings, table heads and the sentence patterns that
// report-model.ts fills with numbers. Everything project-specific comes in through the parameters.
import type { Method, Unit } from '../core/schema.js';

interface Since {
  year: number;
  text: string;
}

/** A trend that needs more than this many years past the target year is not worth a precise year. */
const farFuture = 20;

/** A disaggregation column as a heading when istsoll.yaml gives it no `column_titles` entry: its name has to do. */
const columnName = (column: string) => column.replace(/_/g, ' ');

const nouns: Record<Unit, string> = {
  percent: 'der Anteil',
  per_1000: 'die Rate',
  count: 'die Zahl',
  mean: 'der Mittelwert',
  ratio: 'das Verhältnis',
};

const de = {
  htmlLang: 'de',
  notice: 'Hinweis',
  generated: (date: string, version: string) => `Erstellt am ${date} mit istsoll ${version}.`,
  contents: 'Inhalt',
  summaryHeading: 'Auf einen Blick',
  keyIndicators: (count: number, fields: number) =>
    `${count === 1 ? 'Indikator' : 'Indikatoren'} in ${fields} ${fields === 1 ? 'Handlungsfeld' : 'Handlungsfeldern'}`,
  keyTargets: (count: number): string => (count === 1 ? 'bewertetes Ziel' : 'bewertete Ziele'),
  keyLatest: 'neuestes Datenjahr',
  statusByField: 'Bewertungen nach Handlungsfeld',
  statusByFieldCaption:
    'Zahl der Indikatoren je Handlungsfeld und Bewertung; ein Indikator mit mehreren Zielen zählt mit seiner schlechtesten Bewertung.',
  total: 'Summe',
  allTargets: 'Alle Indikatoren und Ziele',
  sortHint: 'Ein Klick auf eine Spaltenüberschrift sortiert die Tabelle, ein zweiter kehrt die Reihenfolge um.',
  seriesTitle: 'Entwicklung, Ziel und Trend',
  targetMark: 'Raute: Zielwert.',
  projectionNote: (from: number, to: number, year: number) =>
    `Gestrichelt: der Trend der Jahre ${from} bis ${to}, fortgeschrieben bis ${year}.`,
  bandNote: 'Fläche: 95-%-Intervall der Befragung.',
  projectionTip: (year: number, value: string) => `Trend bis ${year}: ${value}`,
  gapTitle: 'Abstand zwischen den Gruppen',
  gapMeaning: (a: string, b: string) =>
    `Über null liegt die Gruppe „${a}“ hinter der Gruppe „${b}“ zurück, unter null liegt sie vorn.`,
  gapTrend: (from: number, to: number, direction: 'narrowing' | 'widening' | 'stable', slope: string) =>
    `Von ${from} bis ${to} ${direction === 'narrowing' ? `wird der Abstand kleiner (${slope} je Jahr)` : direction === 'widening' ? `wird der Abstand größer (+${slope} je Jahr)` : 'bleibt der Abstand etwa gleich'}.`,
  gapProjectionNote: 'Gestrichelt: der Trend des Abstands, fortgeschrieben bis zum Zieljahr.',
  gapDescription: (a: string, b: string, years: number[]) =>
    years.length
      ? `Liniendiagramm des Abstands zwischen „${a}“ und „${b}“ in den Jahren ${years[0]} bis ${years.at(-1)}, mit der Nulllinie und dem Ziel.`
      : 'Diagramm ohne Daten.',
  noGap: 'kein Abstand',
  gapAxis: (unit: Unit): string =>
    unit === 'percent' ? 'Abstand in Pp.' : unit === 'per_1000' ? 'Abstand je 1.000' : 'Abstand',
  gapCaption: (title: string, a: string, b: string, interval: boolean) =>
    `${title}: Abstand zwischen „${a}“ und „${b}“ je Jahr, neuestes Jahr zuerst${interval ? ', in Klammern das 95-%-Intervall' : ''}. Verhältnis: der Wert von „${a}“ geteilt durch den von „${b}“ (1 = gleichauf).`,
  parityColumn: 'Verhältnis',
  columnTitle: (column: string) => columnName(column).replace(/^./, (c) => c.toUpperCase()),
  breakdownTitle: (column: string, year: number) => `Nach ${column}, ${year}`,
  ruleNote: 'Gestrichelte Linie: der Wert insgesamt.',
  missingBarNote: '„–“ statt eines Balkens: Der Wert wird nicht ausgewiesen; warum, steht unter der Tabelle.',
  barsDescription: (column: string, year: number, count: number, groups: string[]) =>
    `Balkendiagramm des Jahres ${year} nach ${column}: ${count} Werte${groups.length ? `, jeweils für ${groups.map((g) => `„${g}“`).join(' und ')}` : ''}.`,
  breakdownCaption: (title: string, column: string, year: number, interval: boolean) =>
    `${title} nach ${column}, ${year}${interval ? ' (in Klammern das 95-%-Intervall)' : ''}`,
  appendixHeading: 'Anhang: Methodik und Datenquellen',
  sourcesHeading: 'Datenquellen',
  sourcesIntro:
    'Jede Tabelle, die der Bericht liest, mit ihrer Datei; die Prüfsummen stehen unter „Reproduzierbarkeit“ am Ende.',
  tableName: 'Tabelle',
  sourceDescription: 'Beschreibung',
  file: 'Datei',
  rows: 'Zeilen',
  hash: 'Prüfsumme (SHA-256)',
  hashesCaption:
    'Prüfsummen der Daten (Datei und Eintrag in data/sources.yaml) und der Projektdateien (Einstellungen, Handlungsfelder, Indikatoren)',
  noDataYet: 'Für diesen Indikator liegen noch keine Daten vor.',
  reproHeading: 'Reproduzierbarkeit',
  reproduce: (version: string, at: string) =>
    `Erstellt am ${at} mit istsoll ${version}. Dieselbe Version mit denselben Dateien (gleiche Prüfsummen) ergibt dieselben Zahlen.`,
  suppressionNote: (minCount: number, minRespondents: number, flagRespondents: number) =>
    `Datenschutz: Eine Fallzahl unter ${minCount} wird nicht ausgewiesen, ebenso ein Befragungswert aus weniger als ${minRespondents} Antworten; unter ${flagRespondents} Antworten ist ein Wert mit Vorsicht zu lesen. Wo eine Summe einen verborgenen Wert verraten würde, wird ein weiterer verborgen. Nicht ausgewiesene Werte stehen als „–“ in den Tabellen, mit dem Grund als Fußnote. Einzelangaben von Befragten enthält der Bericht nicht.`,
  page: 'Seite ',
  of: ' von ',
  skip: 'Zum Überblick springen',
  sortBy: (column: string) => `nach ${column} sortieren`,
  embed: {
    SVG_ACTION: 'Als SVG speichern',
    PNG_ACTION: 'Als PNG speichern',
    CLICK_TO_VIEW_ACTIONS: 'Exportieren',
    COMPILED_ACTION: 'Vega-Spezifikation',
    EDITOR_ACTION: 'Im Editor öffnen',
    SOURCE_ACTION: 'Quelltext',
  },
  overview: 'Überblick nach Handlungsfeldern',
  overviewIntro:
    'Für jeden Indikator: der letzte Ist-Wert, der Soll-Wert (Ziel) und wie weit das Ziel noch entfernt ist. Symbole und Wörter zeigen die Bewertung; Farbe ist nur eine zusätzliche Hilfe.',
  legend: 'Bewertungen',
  noIndicators: 'Für dieses Handlungsfeld gibt es noch keine Indikatoren.',
  indicator: 'Indikator',
  subject: 'Bezug',
  ist: 'Ist',
  soll: 'Soll',
  distance: 'Abstand zum Ziel',
  rating: 'Bewertung',
  indicators: 'Indikatoren',
  field: 'Handlungsfeld',
  data: 'Daten als Tabelle',
  definitionHeading: 'Definition',
  source: 'Quelle',
  department: 'Zuständig',
  methodHeading: 'Bewertungsmethode',
  methodNote:
    'Hat ein Indikator mehrere Ziele, zählt die schlechteste Bewertung. Bei Befragungen zählt eine Veränderung nur, wenn sie über die Fehlerspanne (95-%-Intervall) hinausgeht. Der Satz „Setzt sich der Trend … fort“ schreibt eine Gerade durch die Werte der letzten fünf Jahre bis zum Zieljahr fort.',
  noScript:
    'Ohne JavaScript zeigt der Bericht die Diagramme als Bilder; Tooltips und der Export der Diagramme brauchen JavaScript. Alle Zahlen stehen auch in den Tabellen.',
  backToTop: 'zum Überblick',
  year: 'Jahr',
  everyone: 'insgesamt',
  gapBetweenGroups: 'Abstand zwischen den Gruppen',
  gapColumn: 'Abstand',
  atLeast: 'mindestens',
  trendGoal: (direction: 'higher' | 'lower'): string =>
    direction === 'higher' ? 'ein steigender Wert' : 'ein sinkender Wert',
  atMost: 'höchstens',
  toGo: (d: string) => `noch ${d}`,
  exceededBy: (d: string) => `übertroffen um ${d}`,
  exactly: 'genau erreicht',
  noData: 'keine Daten für dieses Jahr',
  noValue: 'kein Wert',
  unit: 'Einheit',
  numerator: 'Zähler',
  denominator: 'Nenner',
  weight: 'Gewichtung',
  baseline: 'Ausgangsjahr',
  betterWhen: 'Besser ist',
  higher: 'ein höherer Wert',
  lower: 'ein niedrigerer Wert',
  units: {
    percent: 'Prozent (%)',
    per_1000: 'je 1.000 (‰)',
    count: 'Anzahl',
    mean: 'Mittelwert',
    ratio: 'Verhältnis',
  } as Record<Unit, string>,
  aggregate: (expr: string, table: string, filter: string | null) =>
    `${expr} aus ${table}${filter ? `, nur Zeilen mit ${filter}` : ''}`,
  weighted: (column: string) => `Befragungsdaten, gewichtet mit der Spalte ${column}; mit 95-%-Intervall`,
  tableCaption: (title: string, interval: boolean) =>
    `${title}: Werte je Jahr, neuestes Jahr zuerst${interval ? ' (in Klammern das 95-%-Intervall)' : ''}`,
  targetLabel: (year: number, group: string | null, value: string) =>
    `Ziel ${year}${group ? ` (${group})` : ''}: ${value}`,
  chartDescription: (series: string[], years: number[]) =>
    years.length
      ? `Liniendiagramm der Jahre ${years[0]} bis ${years.at(-1)} mit je einer Linie für ${series.map((s) => `„${s}“`).join(' und ')}, dazu die Zielwerte.`
      : 'Diagramm ohne Daten.',
  /** `group` null: the only series; `overall`: everyone, where the indicator also has groups. */
  valueSentence: (
    unit: Unit,
    group: string | null,
    overall: boolean,
    year: number,
    value: string,
    since: Since | null,
  ) =>
    `${group ? `In der Gruppe „${group}“ lag ${nouns[unit]} ${year}` : overall ? `Insgesamt lag ${nouns[unit]} ${year}` : `${year} lag ${nouns[unit]}`} bei ${value}${since ? ` (${since.year}: ${since.text})` : ''}.`,
  /** `ahead`: the compared group, when a negative gap means it is better off. */
  gapSentence: (a: string, b: string, year: number, value: string, since: Since | null, ahead: string | null) =>
    `Der Abstand zwischen den Gruppen „${a}“ und „${b}“ betrug ${year} ${value}${since ? ` (${since.year}: ${since.text})` : ''}.${ahead ? ` Ein negativer Abstand heißt: Die Gruppe „${ahead}“ liegt vorn.` : ''}`,
  targetSentence: (subject: string | null, year: number, goal: string) =>
    `Ziel für ${year}${subject ? ` (${subject})` : ''}: ${goal}.`,
  achieved: 'Das Ziel ist erreicht.',
  notAssessable: (reason: string | null) => `Eine Bewertung ist nicht möglich${reason ? `: ${reason}` : ''}.`,
  metNow: 'Der aktuelle Wert erfüllt das Ziel bereits.',
  projection: (from: number, to: number, reach: number | null, targetYear: number, valueThen: string) => {
    const trend = `Setzt sich der Trend der Jahre ${from} bis ${to} fort,`;
    if (reach === null) return `${trend} würde das Ziel nicht erreicht (Schätzung für ${targetYear}: ${valueThen}).`;
    if (reach > targetYear + farFuture) return `${trend} würde das Ziel erst nach ${targetYear + farFuture} erreicht.`;
    return reach <= targetYear
      ? `${trend} würde das Ziel ${reach} erreicht, also rechtzeitig.`
      : `${trend} würde das Ziel erst ${reach} erreicht.`;
  },
  ratingSentence: (status: string, reason: string | null) => `Bewertung: ${status}${reason ? ` (${reason})` : ''}.`,
  methods: {
    'growth-ratio': {
      name: 'Verhältnis von tatsächlichem zu erforderlichem Wachstum (nach Eurostat und Open SDG)',
      explanation:
        'Die durchschnittliche jährliche Wachstumsrate seit dem Ausgangsjahr wird mit der Rate verglichen, die bis zum Zieljahr nötig wäre (Verhältnis R). R ab 0,95: auf Kurs; 0,60 bis unter 0,95: mäßiger Fortschritt; 0 bis unter 0,60: geringer Fortschritt; unter 0: Verschlechterung. Ist das Ziel schon erreicht, heißt es „Ziel erreicht“.',
    },
    weather: {
      name: 'Wettersymbole der Deutschen Nachhaltigkeitsstrategie',
      explanation:
        'Die durchschnittliche jährliche Veränderung der letzten fünf Jahre wird bis zum Zieljahr fortgeschrieben. Verfehlt die Fortschreibung das Ziel um weniger als 5 % des verbleibenden Abstands: auf Kurs; um 5 bis 20 %: mäßiger Fortschritt; um mehr: geringer Fortschritt; entfernt sich der Wert vom Ziel: Verschlechterung.',
    },
  } as Record<Method, { name: string; explanation: string }>,
};

export type UiText = typeof de;

const en: UiText = {
  htmlLang: 'en',
  notice: 'Notice',
  generated: (date, version) => `Generated on ${date} with istsoll ${version}.`,
  contents: 'Contents',
  summaryHeading: 'At a glance',
  keyIndicators: (count, fields) =>
    `${count === 1 ? 'indicator' : 'indicators'} in ${fields} ${fields === 1 ? 'field' : 'fields'} of action`,
  keyTargets: (count) => (count === 1 ? 'target rated' : 'targets rated'),
  keyLatest: 'latest year of data',
  statusByField: 'Ratings by field of action',
  statusByFieldCaption:
    'Number of indicators per field of action and rating; an indicator with several targets counts with its worst rating.',
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
    `From ${from} to ${to}, ${direction === 'narrowing' ? `the gap narrows (${slope} a year)` : direction === 'widening' ? `the gap widens (+${slope} a year)` : 'the gap stays about the same'}.`,
  gapProjectionNote: 'Dashed: the trend of the gap, continued to the target year.',
  gapDescription: (a, b, years) =>
    years.length
      ? `Line chart of the gap between "${a}" and "${b}" in the years ${years[0]} to ${years.at(-1)}, with the zero line and the target.`
      : 'Chart without data.',
  noGap: 'no gap',
  gapAxis: (unit) => (unit === 'percent' ? 'Gap in pp' : unit === 'per_1000' ? 'Gap per 1,000' : 'Gap'),
  gapCaption: (title, a, b, interval) =>
    `${title}: gap between "${a}" and "${b}" per year, newest first${interval ? ' (95% interval in brackets)' : ''}. Ratio: the value of "${a}" divided by that of "${b}" (1 = parity).`,
  parityColumn: 'Ratio',
  columnTitle: (column) => columnName(column),
  breakdownTitle: (column, year) => `By ${column}, ${year}`,
  ruleNote: 'Dashed line: the overall value.',
  missingBarNote: 'A "–" instead of a bar: the value is not shown; the notes under the table say why.',
  barsDescription: (column, year, count, groups) =>
    `Bar chart of ${year} by ${column}: ${count} values${groups.length ? `, each for ${groups.map((g) => `"${g}"`).join(' and ')}` : ''}.`,
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
    'Content hashes of the data (file and data/sources.yaml entry) and of the project files (settings, fields of action, indicators)',
  noDataYet: 'There are no data for this indicator yet.',
  reproHeading: 'Reproducibility',
  reproduce: (version, at) =>
    `Generated on ${at} with istsoll ${version}. The same version with the same files (same hashes) gives the same numbers.`,
  suppressionNote: (minCount, minRespondents, flagRespondents) =>
    `Data protection: a count below ${minCount} is not shown, nor is a survey value from fewer than ${minRespondents} answers; below ${flagRespondents} answers a value is to be read with care. Where a total would reveal a hidden value, a further one is hidden. Values not shown appear as "–" in the tables, with the reason as a footnote. The report contains no answers of individual respondents.`,
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
    'For every indicator: the latest actual value, the target and how far away it still is. Symbols and words show the rating; colour is only an extra aid.',
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
    'When an indicator has several targets, the worst rating counts. For surveys, a change counts only when it exceeds the margin of error (95% interval). "If the trend … continues" extends a straight line through the values of the last five years to the target year.',
  noScript:
    'Without JavaScript the report shows the charts as pictures; tooltips and chart export need JavaScript. All numbers are in the tables as well.',
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
  units: { percent: 'percent (%)', per_1000: 'per 1,000 (‰)', count: 'number', mean: 'mean', ratio: 'ratio' },
  aggregate: (expr, table, filter) => `${expr} from ${table}${filter ? `, only rows with ${filter}` : ''}`,
  weighted: (column) => `survey data, weighted by the column ${column}; with 95% interval`,
  tableCaption: (title, interval) =>
    `${title}: values per year, newest first${interval ? ' (95% interval in brackets)' : ''}`,
  targetLabel: (year, group, value) => `Target ${year}${group ? ` (${group})` : ''}: ${value}`,
  chartDescription: (series, years) =>
    years.length
      ? `Line chart of the years ${years[0]} to ${years.at(-1)} with one line each for ${series.map((s) => `"${s}"`).join(' and ')}, and the targets.`
      : 'Chart without data.',
  valueSentence: (_unit, group, overall, year, value, since) =>
    `${group ? `For the group "${group}", the value` : overall ? 'Overall, the value' : 'The value'} was ${value} in ${year}${since ? ` (${since.year}: ${since.text})` : ''}.`,
  gapSentence: (a, b, year, value, since, ahead) =>
    `The gap between the groups "${a}" and "${b}" was ${value} in ${year}${since ? ` (${since.year}: ${since.text})` : ''}.${ahead ? ` A negative gap means that the group "${ahead}" is ahead.` : ''}`,
  targetSentence: (subject, year, goal) => `Target for ${year}${subject ? ` (${subject})` : ''}: ${goal}.`,
  achieved: 'The target is achieved.',
  notAssessable: (reason) => `No rating is possible${reason ? `: ${reason}` : ''}.`,
  metNow: 'The latest value already meets the target.',
  projection: (from, to, reach, targetYear, valueThen) => {
    const trend = `If the trend of ${from} to ${to} continues,`;
    if (reach === null) return `${trend} the target will not be reached (estimate for ${targetYear}: ${valueThen}).`;
    if (reach > targetYear + farFuture)
      return `${trend} the target will not be reached before ${targetYear + farFuture}.`;
    return reach <= targetYear
      ? `${trend} the target will be reached in ${reach}, in time.`
      : `${trend} the target will only be reached in ${reach}.`;
  },
  ratingSentence: (status, reason) => `Rating: ${status}${reason ? ` (${reason})` : ''}.`,
  methods: {
    'growth-ratio': {
      name: 'Ratio of actual to required growth (after Eurostat and Open SDG)',
      explanation:
        'The average annual growth rate since the baseline year is compared with the rate needed to reach the target in the target year (ratio R). R from 0.95: on track; 0.60 to below 0.95: moderate progress; 0 to below 0.60: limited progress; below 0: deterioration. A target already met is "achieved".',
    },
    weather: {
      name: 'Weather symbols of the German Sustainable Development Strategy',
      explanation:
        'The average annual change over the last five years is continued to the target year. Missing the target by less than 5% of the remaining distance: on track; by 5 to 20%: moderate progress; by more: limited progress; moving away from the target: deterioration.',
    },
  },
};

export const texts: Record<'de' | 'en', UiText> = { de, en };
