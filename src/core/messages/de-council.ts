// Die Wörter der Ratsseite, der Änderungen seit dem letzten Bericht, der Maßnahmen, der Vergleichswerte,
// der Texte je Indikator und der CSV-Downloads (Issue 14, Punkte 4–7; Issue 16, Punkt 3). Sie werden in
// die Wörter des Berichts (de-report.ts) eingemischt.
import type { Unit } from '../schema.js';

/** Eine Aufzählung: „A“, „A und B“, „A, B und C“; ab `max` Einträgen „A, B, C und 4 weitere“. */
function enumerate(items: string[], max = 4): string {
  const shown = items.length > max ? [...items.slice(0, max - 1), `${items.length - max + 1} weitere`] : items;
  return shown.length < 2 ? (shown[0] ?? '') : `${shown.slice(0, -1).join(', ')} und ${shown.at(-1)}`;
}

const quoted = (items: string[]) => items.map((i) => `„${i}“`);

/** References that share a source, named together: the source is said once. */
export function bySource(references: { label: string; source: string }[]): { labels: string[]; source: string }[] {
  const groups: { labels: string[]; source: string }[] = [];
  for (const r of references) {
    const same = groups.find((g) => g.source === r.source);
    if (same) same.labels.push(r.label);
    else groups.push({ labels: [r.label], source: r.source });
  }
  return groups;
}

export const councilDe = {
  // Vergleichswerte
  referenceLegend: 'Vergleichswerte',
  referenceTip: { reference: 'Vergleich', source: 'Quelle' },
  referenceLabel: (name: string) => `${name} (Vergleich)`,
  referenceNote: (references: { label: string; source: string }[]) =>
    `Graue Linien: Vergleichswerte – ${bySource(references)
      .map((r) => `${enumerate(r.labels)}: ${r.source}`)
      .join('; ')}.`,
  referenceSentence: (items: { label: string; value: string; year: number }[]) =>
    `Zum Vergleich: ${items.map((i) => `${i.label}: ${i.value} (${i.year})`).join('; ')}.`,
  // Die Texte der Stadt je Indikator, und die Berechnung im Anhang
  textHeadings: {
    definition: 'Was gemessen wird',
    rationale: 'Warum dieser Indikator, warum dieses Ziel',
    commentary: 'Einordnung',
  },
  surveyWeighted: 'Befragungsdaten, gewichtet; mit 95-%-Intervall',
  calculationBy: 'Aufgeschlüsselt nach',
  calculationLink: 'Berechnung (für Analysen)',
  calculationLinkText: 'Tabellen, Zähler, Nenner und Filter im Anhang',
  calculationsHeading: 'Berechnung der Indikatoren',
  calculationsIntro:
    'Für Analystinnen und Analysten: woraus jeder Indikator berechnet wird – die Tabellen aus data/sources.yaml, ' +
    'Ausdrücke und Filter aus seiner Datei in indicators/.',
  backToIndicator: 'zum Indikator',
  // CSV-Downloads
  csv: {
    low: 'untere Grenze (95 %)',
    high: 'obere Grenze (95 %)',
    note: 'Hinweis',
    unit: 'Einheit',
    istYear: 'Jahr des Ist-Werts',
    sollYear: 'Zieljahr',
    reason: 'Grund',
    overviewFile: 'alle-ziele.csv',
    gapUnit: (unit: Unit): string => (unit === 'percent' ? 'Prozentpunkte (Abstand)' : 'Abstand'),
  },
  download: 'Werte als CSV-Datei',
  downloadOverview: 'Alle Ziele als CSV-Datei',
  downloadRows: (rows: number) => `${rows} ${rows === 1 ? 'Zeile' : 'Zeilen'}`,
  downloadHint: (rows: number) =>
    `${rows} ${rows === 1 ? 'Zeile' : 'Zeilen'}; ` +
    'Semikolon als Trennzeichen und Dezimalkomma, wie deutsche Tabellenprogramme sie erwarten',
  // Die Seite für den Rat
  councilHeading: 'Das Wichtigste auf einer Seite',
  keyTargetsOf: (count: number, assessed: number) =>
    `${count === 1 ? 'Ziel' : 'Ziele'}${assessed < count ? `, davon ${assessed} bewertbar` : ''}`,
  keyLagging: (items: { title: string; year: number }[]) =>
    `älter bei ${enumerate(items.map((i) => `„${i.title}“ (${i.year})`))}`,
  keyMeasures: (count: number, overdue: number) =>
    `${count === 1 ? 'Maßnahme' : 'Maßnahmen'}${overdue ? `, davon ${overdue} überfällig` : ''}`,
  messagesHeading: 'Kernaussagen',
  messageOverall: (total: number, good: number, off: number, between: number, unrated: number) => {
    const one = (n: number) => n <= 1;
    const count = (n: number) => (n === 0 ? 'keiner' : String(n));
    return (
      `Von ${total} ${total === 1 ? 'Indikator' : 'Indikatoren'} ${one(good) ? 'hat' : 'haben'} ${count(good)} ` +
      `das Ziel erreicht oder ${one(good) ? 'ist' : 'sind'} auf Kurs; ` +
      `${count(off)} ${one(off) ? 'verfehlt' : 'verfehlen'} ` +
      'beim bisherigen Tempo das Ziel deutlich (Verschlechterung oder geringer Fortschritt)' +
      `${between ? `, ${between} ${between === 1 ? 'kommt' : 'kommen'} mäßig voran` : ''}` +
      `${unrated ? `, ${unrated} ${unrated === 1 ? 'ist' : 'sind'} noch nicht bewertbar` : ''}.`
    );
  },
  messageWorstField: (field: string, off: number, assessed: number) =>
    `Am weitesten vom Kurs entfernt ist das Handlungsfeld „${field}“: ${off} von ${assessed} bewerteten ` +
    `Indikatoren ${off === 1 ? 'verfehlt' : 'verfehlen'} das Ziel beim bisherigen Tempo deutlich.`,
  messageNoFieldOff: 'Kein Handlungsfeld hat einen Indikator, der sein Ziel beim bisherigen Tempo deutlich verfehlt.',
  messageWorse: (titles: string[]) =>
    `${titles.length === 1 ? 'Verschlechtert hat sich' : 'Verschlechtert haben sich'} ${enumerate(quoted(titles))}.`,
  messageAchieved: (titles: string[]) => `Schon erreicht ist das Ziel bei ${enumerate(quoted(titles))}.`,
  messageChanges: (since: string, better: number, worse: number, moved: number) =>
    better + worse + moved === 0
      ? `Seit dem Bericht vom ${since} hat sich keine Bewertung geändert, ` +
        'und kein Wert hat sich über seine Fehlerspanne hinaus bewegt.'
      : `Seit dem Bericht vom ${since}: ` +
        (better + worse === 0
          ? 'keine Bewertung geändert'
          : `${better} ${better === 1 ? 'Bewertung' : 'Bewertungen'} besser, ${worse} schlechter`) +
        `; ${moved} ${moved === 1 ? 'Wert hat' : 'Werte haben'} sich über ` +
        `${moved === 1 ? 'seine' : 'ihre'} Fehlerspanne hinaus bewegt.`,
  messageMeasures: (total: number, overdue: string[]) =>
    overdue.length
      ? `Von ${total} Maßnahmen ${overdue.length === 1 ? 'ist eine' : `sind ${overdue.length}`} überfällig: ` +
        `${enumerate(quoted(overdue))}.`
      : `Keine der ${total} Maßnahmen ist überfällig.`,
  messageLagging: (items: { title: string; year: number }[]) =>
    'Nicht alle Zahlen sind gleich aktuell: ' +
    `${items.map((i) => `für „${i.title}“ ist ${i.year} das neueste Jahr`).join(', ')}.`,
  messageUpToDate: (year: number) => `Die Zahlen aller Indikatoren reichen bis ${year}.`,
  fieldsHeading: 'Handlungsfelder, am weitesten vom Kurs zuerst',
  fieldsCaption:
    'Reihenfolge: zuerst das Handlungsfeld, in dem der größte Teil der bewerteten Indikatoren sein Ziel beim ' +
    'bisherigen Tempo deutlich verfehlt (Verschlechterung oder geringer Fortschritt). Je Indikator zählt sein ' +
    'schlechtestes Ziel.',
  offTrackColumn: 'deutlich verfehlt',
  offTrackCell: (off: number, assessed: number) => (assessed ? `${off} von ${assessed}` : '–'),
  measuresColumn: 'Maßnahmen',
  measuresCell: (total: number, overdue: number) => `${total}${overdue ? ` (${overdue}\u00a0überfällig)` : ''}`,
  // Was sich seit dem letzten Bericht geändert hat
  changesHeading: 'Was sich seit dem letzten Bericht geändert hat',
  changesIntro: (since: string) =>
    `Verglichen mit dem Bericht vom ${since}: geänderte Bewertungen, Werte, die sich über ihre Fehlerspanne ` +
    'hinaus bewegt haben (bei Befragungen das 95-%-Intervall der Differenz, bei Registerdaten jede sichtbare ' +
    'Änderung), und geänderte Ziele.',
  noChanges: (since: string) =>
    `Seit dem Bericht vom ${since} hat sich an Bewertungen, Zielen und Maßnahmen nichts geändert, ` +
    'und kein Wert hat sich über seine Fehlerspanne hinaus bewegt.',
  firstReport:
    'Noch kein früherer Bericht zum Vergleich: Der nächste Bericht zeigt hier, was sich seit diesem geändert hat.',
  changesCaption: 'Ziele mit Änderungen seit dem letzten Bericht',
  changeValue: 'Ist-Wert',
  changeTarget: 'Ziel',
  changeKinds: { changed: '', new: 'neues Ziel', gone: 'Ziel entfallen' },
  changeDirection: { better: 'besser', worse: 'schlechter', other: 'geändert' },
  unchanged: 'unverändert',
  measureChangesCaption: 'Maßnahmen mit neuem Stand',
  measureOverdueState: (word: string) => `${word}, überfällig`,
  newMeasure: 'neu',
  // Maßnahmen
  measuresHeading: 'Handlungsfelder: Indikatoren und Maßnahmen',
  measuresIntro:
    'Je Handlungsfeld stehen die Indikatoren (bewegt sich die Lage?) neben den Maßnahmen (tut die Stadt, was ' +
    'sie beschlossen hat?), jede mit ihrem Stand, der zuständigen Stelle und dem nächsten Meilenstein. Überfällig ' +
    'ist eine Maßnahme, deren Enddatum vorbei ist, die aber weder umgesetzt noch eingestellt ist.',
  fieldIndicators: 'Indikatoren',
  fieldMeasures: 'Maßnahmen',
  measureColumns: {
    measure: 'Maßnahme',
    status: 'Stand',
    responsible: 'Zuständig',
    next: 'Nächster Meilenstein',
    due: 'Ende',
    indicators: 'soll bewegen',
  },
  overdue: 'überfällig',
  standing: 'Daueraufgabe',
  noMilestone: 'keiner offen',
  partnersWith: (partners: string[]) => `mit ${enumerate(partners, 6)}`,
  measuresSummary: (total: number) => `Maßnahmen nach Stand, zusammen ${total}`,
  overdueHeading: 'Überfällige Maßnahmen',
  overdueItem: (due: string, responsible: string) => `fällig ${due}; zuständig: ${responsible}`,
  indicatorMeasures: 'Maßnahmen zu diesem Indikator',
};
