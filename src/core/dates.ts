// Dates as plans write them: a year (2026), a month (2026-03) or a day (2026-03-14). A date with less
// precision stands for its whole period: a measure due in 2026-12 is due by the end of December.

/** The written form of a date of a plan, for JSON Schema and for the check of a file. */
export const planDatePattern = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';

/** The time zone of the towns istsoll is made for: "today" is the day in Germany, as in the report. */
const timeZone = 'Europe/Berlin';

/**
 * The date in its written form, or null when it is none: a year, a year and month, or a real day of the
 * calendar (no 2026-02-30). A number is a year (YAML reads `due: 2026` as one).
 */
export function parsePlanDate(value: string | number): string | null {
  const text = String(value);
  if (!new RegExp(planDatePattern).test(text)) return null;
  const [year, month, day] = text.split('-').map(Number) as [number, number?, number?];
  if (year < 1900 || year > 2200) return null;
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && (day < 1 || day > daysIn(year, month!))) return null;
  return text;
}

/** The first day of the period a date stands for, as YYYY-MM-DD. */
export function firstDay(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/** The last day of the period a date stands for, as YYYY-MM-DD: 2026 → 2026-12-31, 2026-02 → 2026-02-28. */
export function lastDay(date: string): string {
  const [year, month, day] = date.split('-');
  if (day) return date;
  if (!month) return `${year}-12-31`;
  return `${year}-${month}-${String(daysIn(Number(year), Number(month))).padStart(2, '0')}`;
}

/** The calendar day of a moment in Germany, as YYYY-MM-DD. */
export function dayOf(now: Date): string {
  // The Canadian English format is the ISO one.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
