// The classic GENESIS / Regionaldatenbank table export: title lines, column headers over several rows
// (one per level of the column hierarchy, spanning cells left empty), data rows, then a footer that
// starts with a line of underscores. parseGenesisTable reshapes it into a tidy long table, keeping the
// line and column every value came from so that errors can point at them.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { quoteIdent, type Database } from '../core/database.js';
import { InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { GenesisLayout } from '../core/schema.js';
import { convertText } from './convert.js';
import { checkColumns } from './csv.js';
import type { Input, ResolvedDialect } from './input.js';
import type { RowLocator } from './input.js';
import { numberPattern, type MarkerRules } from './markers.js';

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

/**
 * Reads a GENESIS table into the source's table: reshaped to a long table in JavaScript, appended to
 * DuckDB row by row (no temporary file), then converted like any text table, so that a bad value cell is
 * reported at its line and column in the export.
 */
export async function readGenesis(
  db: Database,
  input: Input,
  path: string,
  dialect: ResolvedDialect,
  rules: MarkerRules | null,
): Promise<RowLocator> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  const number = new RegExp(numberPattern(dialect));
  const looksLikeValue = (cell: string) =>
    number.test(cell.replace(/^\((.*)\)$/, '$1').replace(/\s*[a-z]$/, '')) || (rules ? cell in rules.signs : false);
  const table = parseGenesisTable(text, dialect.delimiter, input.source.genesis ?? {}, input.label, looksLikeValue);
  checkColumns(table.columns, input, input.label);
  const raw = `_raw_${input.name}`;
  await db.run(
    `CREATE TEMP TABLE ${quoteIdent(raw)} (_record INTEGER, ` +
      `${table.columns.map((c) => `${quoteIdent(c)} VARCHAR`).join(', ')})`,
  );
  const appender = await db.connection.createAppender(raw, 'main', 'temp');
  try {
    table.rows.forEach((row, i) => {
      appender.appendInteger(i + 1);
      for (const cell of row) appender.appendVarchar(cell);
      appender.endRow();
    });
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  const value = table.columns[table.columns.length - 1]!;
  const leading = table.layout.leading;
  // The value cell has its own column in the export; a leading cell sits in the same line, further left.
  const locate: RowLocator = async (rowid, column) => {
    const origin = table.origins[rowid]!;
    const index = table.columns.indexOf(column);
    const at = column === value ? origin.column : index < leading ? index + 1 : undefined;
    return { file: input.label, line: origin.line, column: at };
  };
  await convertText(db, input, {
    raw,
    names: table.columns,
    dialect,
    rules: rules ?? { signs: {}, suffixes: {}, parentheses: null },
    locate: (column, record) => locate(record - 1, column),
    forced: { [value]: input.source.columns?.[value] ?? 'DOUBLE' },
  });
  return locate;
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
    // a note line after the data without an underscore footer
    if (!isData(r) && r.cells[0] !== '' && filled(r) === 1) break;
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
export function looksLikeGenesisTable(head: string, tail = ''): boolean {
  const lines = head.split(/\r?\n/);
  const footer = (l: string) => /^_{5,}/.test(l);
  // The title comes before the table: "Statistisches Bundesamt" in the footer of a plain CSV does not count.
  const end = lines.findIndex(footer);
  const title = lines.slice(0, end < 0 ? 12 : Math.min(end, 12)).join('\n');
  return (
    (end >= 0 || tail.split(/\r?\n/).some(footer)) &&
    /GENESIS|Regionaldatenbank|Statistisches|Landesamt|Tabelle/i.test(title)
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

/**
 * A column name from a header label: "Gemeinde" → gemeinde, "Stichtag" → stichtag,
 * "Amtl. Gemeindeschlüssel" → amtl_gemeindeschluessel.
 */
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
