// Numbers, units and statuses as people read them, in German or English. Shared by the HTML report and
// the terminal, so that both say the same thing in the same way. The words come from the catalogue.
import { locales, words, type Lang } from './messages/index.js';
import type { Project } from './project.js';
import type { Text, Unit } from './schema.js';
import type { Status } from './types.js';

export type { Lang } from './messages/index.js';

/** A minus sign, not a hyphen; thousands grouped as the language does it (German: 1.234,5). */
export function formatNumber(x: number, lang: Lang, digits = 1): string {
  return numberFormat(lang, digits).format(x).replace('-', '−');
}

/** Making a number format takes far longer than using one: a report formats thousands of numbers. */
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    // 'negative': a value that rounds to zero gets no sign ("0,0", not "-0,0").
    format = new Intl.NumberFormat(locales[lang], {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: 'negative',
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** Decimals shown per unit: shares with one, counts with none, means and ratios with two. */
export const unitDigits: Record<Unit, number> = { percent: 1, per_1000: 1, count: 0, mean: 2, ratio: 2, total: 0 };

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

/**
 * A shape for every status, so that no reader depends on colour. None points up or down (a falling value
 * may be progress): a check mark, a full, half and empty circle for how much of the needed pace there
 * is, a cross. In brackets, as official statistics mark a value of limited reliability: the estimate's
 * verdict that its margin of error does not confirm.
 */
export const statusSymbols: Record<Status, string> = {
  achieved: '✔',
  achieved_uncertain: '(✔)',
  on_track: '●',
  on_track_uncertain: '(●)',
  moderate: '◐',
  limited: '○',
  deterioration_uncertain: '(✖)',
  deterioration: '✖',
  not_assessable: '?',
};

export function formatStatus(status: Status, lang: Lang): string {
  return `${statusSymbols[status]} ${words(lang).status[status]}`;
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

function decimals(x: number): number {
  const s = String(x);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}
