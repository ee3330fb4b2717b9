// The classic GENESIS / Regionaldatenbank table export: title lines, column headers over several rows
// (one per level of the column hierarchy, spanning cells left empty), data rows, then a footer that
// starts with a line of underscores. parseGenesisTable reshapes it into a tidy long table, keeping the
// line and column every value came from so that errors can point at them.
import { parse } from 'csv-parse/sync';
import { InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { GenesisLayout } from '../core/schema.js';

export interface TidyTable {
  columns: string[];
  rows: string[][];
  /** Line and column in the file of each row's value cell. */
  origins: { line: number; column: number }[];
  /** What was recognised, for `istsoll inspect` and for messages. */
  layout: {
    titleLines: number;
    headerRows: number;
    leading: number;
    dataLines: [number, number];
    footerLine: number | null;
  };
}

interface Record_ {
  cells: string[];
  line: number;
}

export function parseGenesisTable(
  text: string,
  delimiter: string,
  layout: Partial<GenesisLayout>,
  file: string,
  looksLikeValue: (cell: string) => boolean,
): TidyTable {
  const records = readRecords(text, delimiter, file);
  const filled = (r: Record_) => r.cells.filter((c) => c !== '').length;
  const footer = records.findIndex((r) => /^_{3,}/.test(r.cells[0] ?? ''));
  const end = footer === -1 ? records.length : footer;
  const isData = (r: Record_) => r.cells[0] !== '' && filled(r) >= 2 && looksLikeValue(lastFilled(r));
  const first = records.slice(0, end).findIndex(isData);
  if (first === -1) throw new InputError(msg('genesis-no-data'), file, msg('hint-genesis-format'));

  const leading =
    layout.columns?.length ??
    Math.max(
      1,
      records[first]!.cells.findIndex((c, i) => i > 0 && looksLikeValue(c)),
    );
  const hasValueHeading = (r: Record_) => r.cells.slice(leading).some((c) => c !== '');
  let top = first;
  if (layout.header_rows !== undefined) top = first - layout.header_rows;
  else {
    // Rows that only label the leading columns sit right above the data; the value headings above them.
    while (
      top > 0 &&
      !hasValueHeading(records[top - 1]!) &&
      filled(records[top - 1]!) > 0 &&
      records[top - 2] &&
      hasValueHeading(records[top - 2]!)
    )
      top--;
    while (top > 0 && hasValueHeading(records[top - 1]!)) top--;
  }
  if (top < 0 || top === first)
    throw new InputError(
      msg('genesis-no-header'),
      { file, line: records[first]!.line },
      msg('hint-genesis-header-rows'),
    );
  const header = records.slice(top, first);
  const levels = header.filter(hasValueHeading);

  const width = Math.max(...records.slice(first, end).map((r) => r.cells.length));
  const valueColumns = Array.from({ length: width - leading }, (_, i) => leading + i).filter(
    (k) =>
      levels.some((r) => (r.cells[k] ?? '') !== '') || records.slice(first, end).some((r) => (r.cells[k] ?? '') !== ''),
  );
  const headings = levels.map((r) => fillForward(r.cells, leading, width));
  const dimensions = layout.dimensions ?? levels.map((_, i) => `dim${i + 1}`);
  if (dimensions.length !== levels.length) {
    throw new InputError(
      msg('genesis-dimensions', { levels: levels.length, named: dimensions.length }),
      { file, line: records[top]!.line },
      msg('hint-genesis-dimensions', {
        names: levels.map((r) => slug(r.cells.slice(leading).find((c) => c !== '') ?? 'dim')),
      }),
    );
  }
  const names =
    layout.columns ??
    Array.from({ length: leading }, (_, j) =>
      slug(
        [...header]
          .reverse()
          .map((r) => r.cells[j] ?? '')
          .find((c) => c !== '') ?? `col${j + 1}`,
      ),
    );

  const rows: string[][] = [];
  const origins: TidyTable['origins'] = [];
  let last = first;
  for (let i = first; i < end; i++) {
    const r = records[i]!;
    if (filled(r) === 0) continue;
    if (!isData(r) && r.cells[0] !== '' && filled(r) === 1) break; // a note line after the data without an underscore footer
    last = i;
    const lead = r.cells.slice(0, leading);
    for (const k of valueColumns) {
      rows.push([...lead, ...headings.map((h) => h[k] ?? ''), r.cells[k] ?? '']);
      origins.push({ line: r.line, column: k + 1 });
    }
  }
  return {
    columns: [...names, ...dimensions, layout.value ?? 'value'],
    rows,
    origins,
    layout: {
      titleLines: records[top]!.line - 1,
      headerRows: first - top,
      leading,
      dataLines: [records[first]!.line, records[last]!.line],
      footerLine: footer === -1 ? null : records[footer]!.line,
    },
  };
}

/** Whether a file looks like a classic GENESIS table: title lines before the data and an underscore footer. */
export function looksLikeGenesisTable(text: string): boolean {
  const lines = text.split(/\r?\n/, 400);
  return (
    lines.some((l) => /^_{5,}/.test(l)) &&
    /GENESIS|Regionaldatenbank|Statistisches|Landesamt|Tabelle/i.test(lines.slice(0, 12).join('\n'))
  );
}

function readRecords(text: string, delimiter: string, file: string): Record_[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
      bom: true,
      skip_empty_lines: false,
    }) as unknown as typeof parsed;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new InputError(
      msg('csv-unreadable', { detail: (e as Error).message }),
      { file, line },
      msg('hint-delimiter'),
    );
  }
  // csv-parse reports the line a record ends on; a quoted footnote may span several.
  return parsed.map(({ record, info }) => ({
    cells: record.map((c) => c.trim()),
    line: info.lines - record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0),
  }));
}

function fillForward(cells: string[], from: number, width: number): string[] {
  const out = [...cells];
  let current = '';
  for (let k = from; k < width; k++) {
    if ((cells[k] ?? '') !== '') current = cells[k]!;
    out[k] = current;
  }
  return out;
}

function lastFilled(r: Record_): string {
  return [...r.cells].reverse().find((c) => c !== '') ?? '';
}

/** A column name from a header label: "Gemeinde" → gemeinde, "Stichtag" → stichtag, "Amtl. Gemeindeschlüssel" → amtl_gemeindeschluessel. */
export function slug(label: string): string {
  const s = label
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(s) ? s : `c_${s}`;
}
