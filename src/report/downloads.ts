// Data to take away: each indicator's values, and the table of all targets, as CSV files inside the report,
// so that they download offline. The table of all targets is small and travels as a data: URL, which needs
// no JavaScript; the indicators' files hold every value of every cell and together would outweigh the
// report, so they travel gzip-compressed in one script element and the page script hands them out as
// files (client/downloads.ts). The CSV is the one `compare --csv` writes (core/csv.ts, formula-safe cells):
// in a German report with `;` and a decimal comma (as `--decimal-comma`), in an English one with `,` and a
// point; a byte-order mark tells spreadsheet programs that it is UTF-8. Suppressed values are empty cells
// with their reason, as in the report's tables.
import { toCsv, type CsvValue } from '../core/csv.js';
import { label, localize, unitDigits, type Lang } from '../core/format.js';
import { say, words } from '../core/messages/index.js';
import type { Project } from '../core/project.js';
import type { Indicator } from '../core/schema.js';
import type { Comparison, IndicatorValue } from '../core/types.js';
import type { SectionRef } from './council-types.js';

export interface Download {
  /** The name the file is saved under. */
  file: string;
  /** The whole file. */
  csv: string;
  rows: number;
}

/**
 * Every value of an indicator, oldest year first, in the order compute gave the cells; with two decimals
 * more than the report shows (a share as 41.713), which is more than any source is precise to, and keeps
 * the packed files of a large report small. `compute --format csv` gives every digit.
 */
export function indicatorDownload(project: Project, ind: Indicator, values: IndicatorValue[], lang: Lang): Download {
  const ui = words(lang).report;
  const digits = unitDigits[ind.unit] + 2;
  const exact = (x: number | null | undefined) => (x == null ? x : Number(x.toFixed(digits)));
  const titles = ind.by.map((c) => {
    const t = project.config.column_titles[c];
    return t ? localize(t, lang) : ui.columnTitle(c);
  });
  const survey = values.some((v) => v.low != null);
  const header = [ui.year, ...titles, ui.axis[ind.unit], ...(survey ? [ui.csv.low, ui.csv.high] : []), ui.csv.note];
  const rows = values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => a.v.year - b.v.year || a.i - b.i)
    .map(({ v }): CsvValue[] => [
      v.year,
      ...ind.by.map((c) => (v.cell[c] === undefined ? ui.everyone : label(project, c, v.cell[c]!, lang))),
      exact(v.value),
      ...(survey ? [exact(v.low), exact(v.high)] : []),
      v.notes.map((n) => say(n, lang)).join('; '),
    ]);
  return download(`${ind.id}.csv`, header, rows, lang);
}

/** The table of all targets of the summary page, with the numbers unrounded. */
export function overviewDownload(
  project: Project,
  sections: SectionRef[],
  comparisons: Comparison[],
  lang: Lang,
): Download {
  const ui = words(lang).report;
  const header = [
    ui.field,
    ui.indicator,
    ui.subject,
    ui.csv.unit,
    ui.ist,
    ui.csv.istYear,
    ui.soll,
    ui.csv.sollYear,
    ui.distance,
    ui.rating,
    ui.csv.reason,
  ];
  const rows = sections.flatMap((s) => {
    const ind = project.indicators.find((i) => i.id === s.id)!;
    const field = project.fields.find((f) => f.id === s.field);
    const mine = comparisons.filter((c) => c.indicator === s.id);
    // The section's target lines are its comparisons, in the same order.
    return mine.map((c, i): CsvValue[] => [
      field ? localize(field.title, lang) : s.field,
      s.title,
      s.targets[i]?.subject ?? '',
      c.series === 'gap' ? ui.csv.gapUnit(ind.unit) : ui.units[ind.unit],
      c.latest?.value,
      c.latest?.year,
      c.target.value ?? ui.trendGoal(c.direction),
      c.target.year,
      c.gap,
      s.targets[i]?.status.word ?? '',
      s.targets[i]?.reason ?? '',
    ]);
  });
  return download(ui.csv.overviewFile, header, rows, lang);
}

function download(file: string, header: string[], rows: CsvValue[][], lang: Lang): Download {
  return { file, csv: toCsv(header, rows, { decimalComma: lang === 'de', bom: true }), rows: rows.length };
}

/**
 * The file as a data: URL. encodeURI escapes what a URL cannot hold (spaces, line breaks, quotes, `%`,
 * every non-ASCII character); `#` would end the data at a fragment and is escaped on top.
 */
export function dataUrl(csv: string): string {
  return `data:text/csv;charset=utf-8,${encodeURI(csv).replaceAll('#', '%23')}`;
}
