// Numbers, units and status words as people read them, in German or English. Shared by the HTML report
// and the terminal summary, so that both say the same thing in the same way.
import type { Status } from './types.js';
import type { Project } from './project.js';
import type { Text, Unit } from './schema.js';

export type Lang = 'de' | 'en';

const locales: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

/** A minus sign, not a hyphen; thousands grouped as the language does it (German: 1.234,5). */
export function formatNumber(x: number, lang: Lang, digits = 1): string {
  // 'negative': a value that rounds to zero gets no sign ("0,0", not "-0,0").
  const text = new Intl.NumberFormat(locales[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: 'negative',
  }).format(x);
  return text.replace('-', '−');
}

/** Decimals shown per unit: shares with one, counts with none, means and ratios with two. */
export const unitDigits: Record<Unit, number> = { percent: 1, per_1000: 1, count: 0, mean: 2, ratio: 2 };

/** "58,3 %" / "58.3%", "12,4 ‰", "1.234", "2,35". */
export function formatValue(x: number, unit: Unit, lang: Lang, digits = unitDigits[unit]): string {
  const n = formatNumber(x, lang, digits);
  if (unit === 'percent') return lang === 'de' ? `${n}\u00a0%` : `${n}%`;
  if (unit === 'per_1000') return `${n}\u00a0‰`;
  return n;
}

/** A target as written in the YAML: no trailing zeros ("65 %", not "65,0 %"). */
export function formatTarget(x: number, unit: Unit, lang: Lang): string {
  const digits = Number.isInteger(x) ? 0 : Math.min(unitDigits[unit] + 1, decimals(x));
  return formatValue(x, unit, lang, digits);
}

/** A difference of percentages: "4,2 Pp." (short) or "4,2 Prozentpunkte" (long). */
export function formatPoints(x: number, lang: Lang, style: 'short' | 'long' = 'short', digits = 1): string {
  const n = formatNumber(x, lang, digits);
  const one = Math.abs(x) === 1 && digits === 0;
  if (lang === 'de') return style === 'short' ? `${n}\u00a0Pp.` : `${n}\u00a0Prozentpunkt${one ? '' : 'e'}`;
  return style === 'short' ? `${n}\u00a0pp` : `${n}\u00a0percentage point${one ? '' : 's'}`;
}

/** A difference in the indicator's unit: percentage points for percentages, the unit itself otherwise. */
export function formatDifference(x: number, unit: Unit, lang: Lang, style: 'short' | 'long' = 'short'): string {
  if (unit === 'percent') return formatPoints(x, lang, style, unitDigits.percent);
  return formatValue(x, unit, lang);
}

export const statusWords: Record<Lang, Record<Status, string>> = {
  de: {
    achieved: 'Ziel erreicht',
    on_track: 'auf Kurs',
    moderate: 'mäßiger Fortschritt',
    limited: 'geringer Fortschritt',
    deterioration: 'Verschlechterung',
    not_assessable: 'nicht bewertbar',
  },
  en: {
    achieved: 'Target achieved',
    on_track: 'on track',
    moderate: 'moderate progress',
    limited: 'limited progress',
    deterioration: 'deterioration',
    not_assessable: 'not assessable',
  },
};

/** A shape for every status, so that no reader depends on colour. */
export const statusSymbols: Record<Status, string> = {
  achieved: '✔',
  on_track: '▲',
  moderate: '►',
  limited: '▼',
  deterioration: '✖',
  not_assessable: '?',
};

export function formatStatus(status: Status, lang: Lang): string {
  return `${statusSymbols[status]} ${statusWords[lang][status]}`;
}

/** A project text in the wanted language, German when there is no translation. */
export function localize(text: Text, lang: Lang): string {
  return (lang === 'en' ? text.en : undefined) ?? text.de;
}

/** The label istsoll.yaml gives a value of a disaggregation column, or the value itself. */
export function label(project: Pick<Project, 'config'>, column: string, value: string, lang: Lang): string {
  const text = project.config.labels[column]?.[value];
  return text ? localize(text, lang) : value;
}

/** Plain aligned columns for the terminal: the first row is the header, numbers are right-aligned. */
export function renderTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  const numeric = widths.map((_, i) =>
    rows.slice(1).every((r) => r[i] === undefined || r[i] === '' || /^[−+-]?[\d.,\s]+(%|‰|Pp\.|pp)?$/u.test(r[i]!)),
  );
  const line = (row: string[]) =>
    widths
      .map((w, i) => {
        const cell = row[i] ?? '';
        const pad = ' '.repeat(w - width(cell));
        return numeric[i] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  if (!header) return '';
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Display width: code points, so that ä or ✔ count once. */
function width(text: string): number {
  return [...text.normalize('NFC')].length;
}

function decimals(x: number): number {
  const s = String(x);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** German for the reasons and notes that compute and compare give in English; unknown ones stay as they are. */
const notes: [RegExp, string][] = [
  [/^suppressed: fewer than (\d+) respondents$/, 'nicht ausgewiesen: weniger als $1 Befragte'],
  [/^suppressed: a count below (\d+)$/, 'nicht ausgewiesen: eine Fallzahl unter $1'],
  [
    /^suppressed: would reveal a suppressed neighbouring cell$/,
    'nicht ausgewiesen: der Wert würde einen verborgenen Nachbarwert verraten',
  ],
  [/^only (\d+) respondents: read with care$/, 'nur $1 Befragte: mit Vorsicht zu lesen'],
  [/^denominator is zero$/, 'der Nenner ist null'],
  [/^no data$/, 'keine Daten'],
  [
    /^fewer than two years with data since the baseline$/,
    'seit dem Ausgangsjahr gibt es weniger als zwei Jahre mit Daten',
  ],
  [/^no value in or after the baseline year$/, 'kein Wert im Ausgangsjahr oder danach'],
  [/^target year is not after the base year$/, 'das Zieljahr liegt nicht nach dem Ausgangsjahr'],
  [/^base and latest value have opposite signs$/, 'Ausgangswert und aktueller Wert haben verschiedene Vorzeichen'],
  [/^base and target value have opposite signs$/, 'Ausgangswert und Zielwert haben verschiedene Vorzeichen'],
  [
    /^fewer than four consecutive yearly values in the last six years$/,
    'weniger als vier aufeinanderfolgende Jahreswerte in den letzten sechs Jahren',
  ],
  [
    /^target met now, but the trend moves away from it$/,
    'das Ziel ist derzeit erreicht, aber der Trend entfernt sich davon',
  ],
  [
    /^the estimate meets the target, but within the margin of error$/,
    'der Schätzwert erreicht das Ziel, aber nur innerhalb der Fehlerspanne',
  ],
  [/^the decline is within the margin of error$/, 'der Rückgang liegt innerhalb der Fehlerspanne'],
  [/^fewer than two years with data$/, 'weniger als zwei Jahre mit Daten'],
  [/^target met, but the last year was a setback$/, 'das Ziel ist erreicht, aber das letzte Jahr war ein Rückschritt'],
];

/** Notes that carry the reasons of the source's special signs ("not computable: source cell secret or unknown"). */
const withSigns: [RegExp, string][] = [
  [/^suppressed: (.*)$/, 'nicht ausgewiesen: '],
  [/^not computable: source cell (.*)$/, 'nicht berechenbar: Wert der Quelle '],
  [/^includes values marked (.*)$/, 'enthält Werte mit dem Vermerk '],
];

/** The reasons of the official-statistics signs (markers.ts), in German. */
const signs: Record<string, string> = {
  'secret or unknown': 'geheim oder unbekannt',
  'not applicable': 'nicht zutreffend',
  'not yet available': 'noch nicht verfügbar',
  'not reliable enough to publish': 'zu unsicher für eine Veröffentlichung',
  'suppressed for confidentiality': 'aus Gründen der Geheimhaltung gesperrt',
  'not possible': 'nicht möglich',
  'not meaningful': 'nicht sinnvoll',
  'rounded to zero': 'auf null gerundet',
  unreliable: 'unsicher',
  'flagged f by the source': 'von der Quelle mit f gekennzeichnet',
  provisional: 'vorläufig',
  revised: 'berichtigt',
  estimated: 'geschätzt',
};

export function translateNote(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  for (const [pattern, german] of notes) if (pattern.test(text)) return text.replace(pattern, german);
  for (const [pattern, german] of withSigns) {
    const reasons = pattern.exec(text)?.[1];
    if (reasons !== undefined)
      return (
        german +
        reasons
          .split('; ')
          .map((r) => signs[r] ?? r)
          .join('; ')
      );
  }
  return text;
}
