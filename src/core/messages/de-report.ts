// Die Wörter des Berichts auf Deutsch: Überschriften, Tabellenköpfe und die Satzmuster, die das
// Berichtsmodell mit Zahlen füllt. Alles, was zum Projekt gehört, kommt über die Parameter herein.
import type { Method, Unit } from '../schema.js';
import { nouns, verdictDe } from './de-verdict.js';
import { councilDe } from './de-council.js';
import { readingDe } from './de-reading.js';

/** A year and the value in it, for "(2015: 42,0 %)". */
export interface Since {
  year: number;
  text: string;
}

/** A disaggregation column as a heading when istsoll.yaml gives it no `column_titles` entry: its name has to do. */
export const columnName = (column: string) => column.replace(/_/g, ' ');

export const reportDe = {
  ...councilDe,
  ...readingDe,
  axis: {
    year: 'Jahr',
    percent: 'Anteil in %',
    per_1000: 'je 1.000',
    count: 'Anzahl',
    mean: 'Mittelwert',
    ratio: 'Verhältnis',
    total: 'Anzahl (hochgerechnet)',
  } as Record<Unit | 'year', string>,
  tooltip: { series: 'Gruppe', value: 'Wert', interval: '95-%-Intervall' },
  map: { area: 'Gebiet', value: 'Wert', none: 'kein Wert' },
  htmlLang: 'de',
  notice: 'Hinweis',
  generated: (date: string, version: string) => `Erstellt am ${date} mit istsoll ${version}.`,
  contents: 'Inhalt',
  summaryHeading: 'Auf einen Blick',
  keyIndicators: (count: number, fields: number) =>
    `${count === 1 ? 'Indikator' : 'Indikatoren'} in ${fields} ${fields === 1 ? 'Handlungsfeld' : 'Handlungsfeldern'}`,
  /** The status counts beside the key figures: what they count. */
  totalsOf: (what: 'indicators' | 'targets', count: number): string =>
    what === 'indicators'
      ? `${count} ${count === 1 ? 'Indikator' : 'Indikatoren'} ` +
        '(je Indikator zählt die schlechteste Bewertung seiner Ziele):'
      : `${count} ${count === 1 ? 'Ziel' : 'Ziele'}:`,
  keyLatest: 'neuestes Datenjahr',
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
    `Von ${from} bis ${to} ${
      direction === 'narrowing'
        ? `wird der Abstand kleiner (${slope} je Jahr)`
        : direction === 'widening'
          ? `wird der Abstand größer (+${slope} je Jahr)`
          : 'bleibt der Abstand etwa gleich'
    }.`,
  gapProjectionNote: 'Gestrichelt: der Trend des Abstands, fortgeschrieben bis zum Zieljahr.',
  gapDescription: (a: string, b: string, years: number[]) =>
    years.length
      ? `Liniendiagramm des Abstands zwischen „${a}“ und „${b}“ in den Jahren ${years[0]} bis ${years.at(-1)}, mit ` +
        `der Nulllinie und dem Ziel.`
      : 'Diagramm ohne Daten.',
  noGap: 'kein Abstand',
  gapAxis: (unit: Unit): string =>
    unit === 'percent' ? 'Abstand in Pp.' : unit === 'per_1000' ? 'Abstand je 1.000' : 'Abstand',
  gapCaption: (title: string, a: string, b: string, interval: boolean) =>
    `${title}: Abstand zwischen „${a}“ und „${b}“ je Jahr, neuestes Jahr ` +
    `zuerst${interval ? ', in Klammern das 95-%-Intervall' : ''}. Verhältnis: der Wert von „${a}“ geteilt durch ` +
    `den von „${b}“ (1 = gleichauf).`,
  parityColumn: 'Verhältnis',
  columnTitle: (column: string) => columnName(column).replace(/^./, (c) => c.toUpperCase()),
  breakdownTitle: (column: string, year: number) => `Nach ${column}, ${year}`,
  ruleNote: 'Gestrichelte Linie: der Wert insgesamt.',
  missingBarNote: '„–“ statt eines Balkens: Der Wert wird nicht ausgewiesen; warum, steht unter der Tabelle.',
  barsDescription: (column: string, year: number, count: number, groups: string[]) =>
    `Balkendiagramm des Jahres ${year} nach ${column}: ${count} ` +
    `Werte${groups.length ? `, jeweils für ${groups.map((g) => `„${g}“`).join(' und ')}` : ''}.`,
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
    'Prüfsummen der Daten (Datei und Eintrag in data/sources.yaml) und der Projektdateien (Einstellungen, ' +
    'Handlungsfelder, Indikatoren)',
  noDataYet: 'Für diesen Indikator liegen noch keine Daten vor.',
  reproHeading: 'Reproduzierbarkeit',
  reproduce: (version: string, at: string) =>
    `Erstellt am ${at} mit istsoll ${version}. Dieselbe Version mit denselben Dateien (gleiche Prüfsummen) ergibt ` +
    `dieselben Zahlen.`,
  suppressionNote: (minCount: number, minRespondents: number, flagRespondents: number) =>
    `Datenschutz: Eine Fallzahl unter ${minCount} wird nicht ausgewiesen, ebenso ein Befragungswert aus weniger als ` +
    `${minRespondents} Antworten; unter ${flagRespondents} Antworten ist ein Wert mit Vorsicht zu lesen. Wo eine ` +
    `Summe einen verborgenen Wert verraten würde, wird ein weiterer verborgen. Nicht ausgewiesene Werte stehen ` +
    `als „–“ in den Tabellen, mit dem Grund als Fußnote. Einzelangaben von Befragten enthält der Bericht nicht.`,
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
    'Für jeden Indikator: der letzte Ist-Wert, der Soll-Wert (Ziel) und wie weit das Ziel noch entfernt ist. Symbole ' +
    'und Wörter zeigen die Bewertung; Farbe ist nur eine zusätzliche Hilfe.',
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
    'Hat ein Indikator mehrere Ziele, zählt die schlechteste Bewertung. Bei Befragungen ist eine ' +
    'Bewertung nur gesichert, wenn das 95-%-Intervall sie trägt: Erfüllt der Schätzwert das Ziel, das ganze ' +
    'Intervall aber nicht, heißt es „erreicht, aber nicht gesichert“; ebenso „auf Kurs, aber nicht ' +
    'gesichert“ und „Verschlechterung, aber nicht gesichert“, wenn die Veränderung innerhalb der ' +
    'Fehlerspanne liegt. Der Satz „Setzt sich der Trend … fort“ schreibt eine Gerade durch die Werte der ' +
    'letzten fünf Jahre bis zum Zieljahr fort. Beim Abstand zwischen den Gruppen sagt der Text, welche ' +
    'Gruppe ihn bewegt hat; wäre ein Ziel für den Abstand ohne die Verschlechterung der Vergleichsgruppe ' +
    'nicht erreicht oder nicht auf Kurs, steht das bei der Bewertung.',
  noScript:
    'Ohne JavaScript zeigt der Bericht die Diagramme als Bilder; Tooltips und der Export der Diagramme brauchen ' +
    'JavaScript. Alle Zahlen stehen auch in den Tabellen.',
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
    total: 'hochgerechnete Anzahl (Befragung)',
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
      ? `Liniendiagramm der Jahre ${years[0]} bis ${years.at(-1)} mit je einer Linie für ` +
        `${series.map((s) => `„${s}“`).join(' und ')}, dazu die Zielwerte.`
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
    `${
      group
        ? `In der Gruppe „${group}“ lag ${nouns[unit]} ${year}`
        : overall
          ? `Insgesamt lag ${nouns[unit]} ${year}`
          : `${year} lag ${nouns[unit]}`
    } bei ${value}${since ? ` (${since.year}: ${since.text})` : ''}.`,
  /** `ahead`: the compared group, when a negative gap means it is better off. */
  gapSentence: (a: string, b: string, year: number, value: string, since: Since | null, ahead: string | null) =>
    `Der Abstand zwischen den Gruppen „${a}“ und „${b}“ betrug ${year} ${value}${
      since ? ` (${since.year}: ${since.text})` : ''
    }.${ahead ? ` Ein negativer Abstand heißt: Die Gruppe „${ahead}“ liegt vorn.` : ''}`,
  targetSentence: (subject: string | null, year: number, goal: string) =>
    `Ziel für ${year}${subject ? ` (${subject})` : ''}: ${goal}.`,
  notAssessable: (reason: string | null) => `Eine Bewertung ist nicht möglich${reason ? `: ${reason}` : ''}.`,
  ratingSentence: (status: string) => `Bewertung: ${status}.`,
  verdict: verdictDe,
  methods: {
    'growth-ratio': {
      name: 'Verhältnis von tatsächlichem zu erforderlichem Wachstum (nach Eurostat und Open SDG)',
      explanation:
        'Die durchschnittliche jährliche Wachstumsrate seit dem Ausgangsjahr wird mit der Rate verglichen, ' +
        'die bis zum Zieljahr nötig wäre (Verhältnis R). R ab 0,95: auf Kurs; 0,60 bis unter 0,95: mäßiger ' +
        'Fortschritt; 0 bis unter 0,60: geringer Fortschritt; unter 0: Verschlechterung. Ist das Ziel schon ' +
        'erreicht, heißt es „erreicht“. Der Text nennt R als Anteil des nötigen Tempos und daneben, wann das ' +
        'Ziel erreicht würde, wenn sich der Trend der letzten fünf Jahre fortsetzt; sagen beide Zahlen ' +
        'Verschiedenes, steht beides in einem Satz.',
    },
    weather: {
      name: 'Wettersymbole der Deutschen Nachhaltigkeitsstrategie',
      explanation:
        'Die durchschnittliche jährliche Veränderung der letzten fünf Jahre wird bis zum Zieljahr ' +
        'fortgeschrieben. Verfehlt die Fortschreibung das Ziel um weniger als 5 % des verbleibenden Abstands: ' +
        'auf Kurs; um 5 bis 20 %: mäßiger Fortschritt; um mehr: geringer Fortschritt; entfernt sich der Wert ' +
        'vom Ziel: Verschlechterung. In den Wettersymbolen der Strategie: Sonne (erreicht oder auf Kurs), ' +
        'leicht bewölkt, bewölkt, Gewitter. Diagramm und Text zeigen dieselbe Fortschreibung.',
    },
  } as Record<Method, { name: string; explanation: string }>,
};
