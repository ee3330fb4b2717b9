// Die Wörter, die der Bericht auf dem Telefon, auf Papier und für Screenreader braucht (Issue 15): das
// Inhaltsverzeichnis, die eingeklappten Jahre, die Beschriftungen der Diagramme für Screenreader, die
// Kennzeichnung unsicherer Werte und die Verweise zwischen den Berichten je Handlungsfeld. Sie werden in die
// Wörter des Berichts (de-report.ts) eingemischt.
export const readingDe = {
  /** The heading of the list of fields of action in the contents. */
  fieldsNav: 'Handlungsfelder',
  /** The disclosure of a year table's older rows: "Frühere Jahre (2015–2020)". */
  olderYears: (from: number, to: number) => (from === to ? `Früheres Jahr (${from})` : `Frühere Jahre (${from}–${to})`),
  olderCaption: (caption: string) => `${caption} – frühere Jahre`,
  /** What a chart's point says to a screen reader: "2019, mit Migrationsgeschichte: 58,3 %". */
  pointDescription: (year: number, series: string | null, text: string, flagged: boolean) =>
    `${year}${series ? `, ${series}` : ''}: ${text}${flagged ? ' (mit Vorsicht zu lesen)' : ''}`,
  barDescription: (category: string, series: string | null, text: string, flagged: boolean) =>
    `${category}${series ? `, ${series}` : ''}: ${text}${flagged ? ' (mit Vorsicht zu lesen)' : ''}`,
  /** The note under a chart with flagged values, with the reasons. */
  flaggedNote: (reasons: string[], bars: boolean) =>
    `${bars ? 'Heller Balken mit gestricheltem Rand' : 'Hohler Punkt'}: mit Vorsicht zu lesen (${reasons.join('; ')}).`,
  /** The links between the reports of one field of action and the whole report. */
  reportsNav: 'Weitere Berichte',
  wholeReport: 'Gesamtbericht (alle Handlungsfelder)',
  fieldReport: (field: string) => `Bericht „${field}“`,
  thisReport: 'dieser Bericht',
};
