// The CSV reader: one file into one table through DuckDB's reader, with the dialect said in full (so
// that DuckDB's sniffer only guesses types, never quotes or widths). Two paths:
// - typed: numbers as DuckDB parses them; a column declared whole-numbered is read as DOUBLE and cast
//   only where every value is whole (DuckDB itself would round `1.399` to 1 without a word);
// - text: with special signs or a thousands separator, every cell is read as text and converted in one
//   statement (convert.ts), each sign's meaning kept in a `<column>__note` column.
// When DuckDB refuses the file, locate.ts finds the place.
import { parse } from 'csv-parse/sync';
import { quoteIdent, quoteString, type Database } from '../core/database.js';
import { didYouMean, InputError, type Location } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { periodColumn, type ColumnType } from '../core/schema.js';
import { convertText } from './convert.js';
import { readHead } from './encoding.js';
import type { Input, ResolvedDialect } from './input.js';
import { explainCsvError, lineOfRecord, readCsvText } from './locate.js';
import type { MarkerRules } from './markers.js';

export async function readCsv(
  db: Database,
  input: Input,
  path: string,
  dialect: ResolvedDialect,
  rules: MarkerRules | null,
): Promise<void> {
  const header = await readHeader(path, dialect, input);
  checkColumns(header.names, input, { file: input.label, line: header.line });
  if (rules || dialect.thousands) await readAsText(db, input, path, dialect, rules);
  else await readTyped(db, input, path, dialect);
}

/**
 * The reader's options: every part of the dialect said, nothing left to the sniffer but types (which
 * also makes the read faster than DuckDB's own guessing). Lines longer than DuckDB's limit (2 MB) are
 * no data lines: DuckDB stops there, and locate.ts says which line.
 */
function csvOptions(dialect: ResolvedDialect, extra: string[] = []): string {
  return [
    'header = true',
    `delim = ${quoteString(dialect.delimiter)}`,
    `quote = '"'`,
    `escape = '"'`,
    'strict_mode = true',
    'null_padding = false',
    `decimal_separator = ${quoteString(dialect.decimal)}`,
    dialect.thousands ? `thousands = ${quoteString(dialect.thousands)}` : null,
    `skip = ${dialect.skip}`,
    // An empty cell is NULL by default; said only when the dialect has other strings for it (it costs time).
    dialect.missing.some((m) => m !== '') ? `nullstr = [${dialect.missing.map(quoteString).join(', ')}]` : null,
    ...extra,
  ]
    .filter(Boolean)
    .join(', ');
}

const wholeTypes = new Set<ColumnType>(['INTEGER', 'BIGINT']);

async function readTyped(db: Database, input: Input, path: string, dialect: ResolvedDialect): Promise<void> {
  const period = periodColumn(input.source);
  const declared = input.source.columns ?? {};
  // A declared period column is read as text: periods.ts turns every way of writing a date into a year.
  const readAs = Object.fromEntries(
    Object.entries(declared).map(([c, t]) => [c, c === period ? 'VARCHAR' : wholeTypes.has(t) ? 'DOUBLE' : t]),
  );
  const strict = Object.entries(declared)
    .filter(([c, t]) => c !== period && wholeTypes.has(t))
    .map(([c, t]) => {
      const q = quoteIdent(c);
      return (
        `CASE WHEN ${q} IS NULL OR ${q} = trunc(${q}) THEN ${q}::${t} ELSE ` +
        `error(${quoteString(`istsoll:not-integer:${c}`)}) END AS ${q}`
      );
    });
  const types = Object.keys(readAs).length
    ? [
        `types = {${Object.entries(readAs)
          .map(([c, t]) => `${quoteString(c)}: ${quoteString(t)}`)
          .join(', ')}}`,
      ]
    : [];
  const select = strict.length ? `* REPLACE (${strict.join(', ')})` : '*';
  try {
    await db.run(
      `CREATE TABLE ${quoteIdent(input.name)} AS SELECT ${select} FROM read_csv(${quoteString(path)}, ` +
        `${csvOptions(dialect, types)})`,
    );
  } catch (e) {
    throw await explainCsvError(e, input, path, dialect);
  }
}

/** Every cell as text, with its record number, then one statement that converts numbers and signs. */
async function readAsText(
  db: Database,
  input: Input,
  path: string,
  dialect: ResolvedDialect,
  rules: MarkerRules | null,
): Promise<void> {
  const raw = `_raw_${input.name}`;
  try {
    await db.run(
      `CREATE TEMP TABLE ${quoteIdent(raw)} AS SELECT row_number() OVER () AS _record, * FROM ` +
        `read_csv(${quoteString(path)}, ${csvOptions({ ...dialect, missing: [] }, ['all_varchar = true'])})`,
    );
  } catch (e) {
    throw await explainCsvError(e, input, path, dialect);
  }
  const names = (
    await db.query<{ column_name: string }>(
      `SELECT column_name FROM (DESCRIBE ${quoteIdent(raw)}) WHERE column_name <> '_record'`,
    )
  ).map((r) => r.column_name);
  await convertText(db, input, {
    raw,
    names,
    dialect,
    rules: rules ?? { signs: {}, suffixes: {}, parentheses: null },
    // A bad cell is rare: only then is the file read again to find the line of its record.
    locate: async (column, record) => {
      const line = lineOfRecord(await readCsvText(path, dialect), record);
      return { file: input.label, line, column: names.indexOf(column) + 1 };
    },
  });
}

interface Header {
  names: string[];
  /** The line the header is on. */
  line: number;
}

async function readHeader(path: string, dialect: ResolvedDialect, input: Input): Promise<Header> {
  const text = (await readHead(path, 1 << 16)).toString('utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/);
  const line = dialect.skip + 1;
  const headerLine = lines[dialect.skip];
  if (headerLine === undefined || headerLine.trim() === '')
    throw new InputError(
      msg('header-missing'),
      { file: input.label, line },
      dialect.skip ? msg('hint-skip', { skip: dialect.skip }) : msg('hint-first-line'),
    );
  const cells = splitLine(headerLine, dialect.delimiter).map((c) => c.trim());
  // DuckDB names a column without a name (R's row names, say) `column0`, or `column00` among ten or more.
  const digits = String(cells.length - 1).length;
  const names = cells.map((c, i) => c || `column${String(i).padStart(digits, '0')}`);
  const control = names.findIndex((n) => /[\u0000-\u001f\u007f]/.test(n));
  if (control >= 0)
    throw new InputError(
      msg('header-control', { column: control + 1 }),
      { file: input.label, line, column: control + 1 },
      msg('hint-control'),
    );
  return { names, line };
}

function splitLine(line: string, delimiter: string): string[] {
  try {
    return (parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    return line.split(delimiter);
  }
}

/** Duplicate header names always, and missing or extra columns when the source lists its columns. */
export function checkColumns(names: string[], input: Input, where: Location | string): void {
  const seen = new Set<string>();
  // SQL names ignore case: `nh` and `Nh` would be the same column.
  const first = new Map<string, number>();
  names.forEach((n, i) => {
    const earlier = first.get(n.toLowerCase());
    if (earlier !== undefined) {
      const how =
        names[earlier] === n ? { first: null, firstIndex: null } : { first: names[earlier]!, firstIndex: earlier + 1 };
      throw new InputError(
        msg('column-twice', { column: n, ...how }),
        typeof where === 'string' ? { file: where, column: i + 1 } : { ...where, column: i + 1 },
        msg('hint-unique-columns'),
      );
    }
    first.set(n.toLowerCase(), i);
    seen.add(n);
  });
  const declared = Object.keys(input.source.columns ?? {});
  if (!declared.length) return;
  for (const col of declared) {
    if (!seen.has(col))
      throw new InputError(
        msg('column-declared-missing', { column: col, file: input.label }),
        input.where(['columns', col]),
        didYouMean(col, names, msg('hint-columns-found', { columns: names })),
      );
  }
  const extra = names.filter((n) => !declared.includes(n));
  if (extra.length) {
    throw new InputError(
      msg('columns-undeclared', { columns: extra, file: input.label }),
      input.where(['columns']),
      msg('hint-declare-columns'),
    );
  }
}
