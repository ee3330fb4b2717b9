// Reading one source into one DuckDB table. Plain files go straight through DuckDB's CSV or Parquet
// reader; files with special signs (and GENESIS tables, reshaped first) are read as text and converted
// in one SQL statement, keeping each missing value's reason in a `<column>__note` column.
import { createReadStream, createWriteStream } from 'node:fs';
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Format, Input, ResolvedDialect } from './input.js';
import { quoteIdent, quoteString, type Database } from '../core/database.js';
import { didYouMean, InputError, type Location } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { parseGenesisTable } from './genesis.js';
import { numberPattern, resolveMarkers, valueSql, type MarkerRules } from './markers.js';
import type { ColumnType, Dialect, Source } from '../core/schema.js';
import { applyCodes, normaliseYear } from './normalise.js';
import { detectDelimiter, detectFormat, detectNumbers, readSample, type Sample } from './sniff.js';

/** Reads the source into a table of its name; returns the format it was read as. */
export async function readSource(db: Database, input: Input): Promise<Format> {
  const format =
    input.source.format ?? (await detectFormat(input.path, await readSample(input.path).catch(() => null)));
  if (format === 'parquet') {
    await readParquet(db, input);
    return format;
  }
  const sample = await readSample(input.path, input.source.dialect?.encoding);
  const dialect = resolveDialect(input.source.dialect, sample);
  // The classic convention is the default for GENESIS tables; plain CSV files use signs only when told.
  const rules = resolveMarkers(input.source.markers ?? (format === 'genesis' ? 'official' : undefined));
  const utf8 = await toUtf8(input.path, sample);
  try {
    if (format === 'genesis') await readGenesis(db, input, utf8, dialect, rules);
    else {
      const header = await readHeader(utf8, dialect, input);
      checkColumns(header.names, input, { file: input.label, line: header.line });
      if (rules) await readWithSigns(db, input, utf8, dialect, rules, header.line);
      else await readPlain(db, input, utf8, dialect);
    }
  } finally {
    if (utf8 !== input.path) await rm(utf8, { force: true });
  }
  await normaliseYear(db, input);
  if (input.source.codes) await applyCodes(db, input);
  return format;
}

export function resolveDialect(declared: Dialect | undefined, sample: Sample): ResolvedDialect {
  const d = declared ?? {};
  const delimiter = d.delimiter ?? detectDelimiter(sample.text);
  const numbers = d.decimal
    ? { decimal: d.decimal, thousands: d.thousands }
    : { ...detectNumbers(sample.text, delimiter), ...(d.thousands ? { thousands: d.thousands } : {}) };
  return {
    delimiter,
    decimal: numbers.decimal ?? '.',
    thousands: numbers.thousands,
    encoding: sample.encoding,
    skip: d.skip ?? 0,
    missing: d.missing ?? [''],
  };
}

function csvOptions(dialect: ResolvedDialect, extra: string[] = []): string {
  return [
    'header = true',
    `delim = ${quoteString(dialect.delimiter)}`,
    `decimal_separator = ${quoteString(dialect.decimal)}`,
    dialect.thousands ? `thousands = ${quoteString(dialect.thousands)}` : null,
    // Always said, so that DuckDB's sniffer never guesses a header further down a ragged file.
    `skip = ${dialect.skip}`,
    dialect.missing.length ? `nullstr = [${dialect.missing.map(quoteString).join(', ')}]` : null,
    ...extra,
  ]
    .filter(Boolean)
    .join(', ');
}

async function readPlain(db: Database, input: Input, path: string, dialect: ResolvedDialect): Promise<void> {
  const types = input.source.columns;
  const extra = types
    ? [
        `types = {${Object.entries(types)
          .map(([c, t]) => `${quoteString(c)}: ${quoteString(t)}`)
          .join(', ')}}`,
      ]
    : [];
  try {
    await db.run(
      `CREATE TABLE ${quoteIdent(input.name)} AS SELECT * FROM read_csv(${quoteString(path)}, ${csvOptions(dialect, extra)})`,
    );
  } catch (e) {
    throw csvError(e, input, dialect);
  }
}

/** DuckDB's conversion errors name the line and column: pass them on in our form. */
function csvError(e: unknown, input: Input, dialect: ResolvedDialect): InputError {
  const text = e instanceof Error ? e.message : String(e);
  const line = /CSV Error on Line: (\d+)/.exec(text)?.[1];
  const conversion = /Error when converting column "([^"]+)"\. Could not convert string "([^"]*)" to '(\w+)'/.exec(
    text,
  );
  if (line && conversion) {
    const [, column, found, type] = conversion;
    const original = /Original Line: (.*)/.exec(text)?.[1] ?? '';
    const index = original ? splitLine(original, dialect.delimiter).findIndex((c) => c.trim() === found) : -1;
    return new InputError(
      msg('cell-type', { column: column!, expected: describeType(type!), cell: found! }),
      { file: input.label, line: Number(line), column: index >= 0 ? index + 1 : undefined },
      msg('hint-cell-type', { column: column! }),
    );
  }
  const first = text.split('\n').filter((l) => l.trim())[0] ?? text;
  return new InputError(
    msg('csv-unreadable', { detail: first.replace(/^[A-Za-z ]+Error: /, '') }),
    line ? { file: input.label, line: Number(line) } : input.label,
    msg('hint-dialect'),
  );
}

function describeType(type: string): 'integer' | 'number' | 'boolean' | 'date' | 'text' {
  if (/INT/.test(type)) return 'integer';
  if (/DOUBLE|FLOAT|DECIMAL/.test(type)) return 'number';
  return type === 'BOOLEAN' ? 'boolean' : type === 'DATE' ? 'date' : 'text';
}

async function readParquet(db: Database, input: Input): Promise<void> {
  const isDir = (await stat(input.path)).isDirectory();
  const glob = isDir ? join(input.path, '**', '*.parquet') : input.path;
  try {
    await db.run(
      `CREATE TABLE ${quoteIdent(input.name)} AS SELECT * FROM read_parquet(${quoteString(glob)}${isDir ? ', union_by_name = true' : ''})`,
    );
  } catch (e) {
    throw new InputError(
      msg('parquet-unreadable', { detail: (e as Error).message.split('\n')[0]!, folder: isDir }),
      input.label,
    );
  }
  const names = (
    await db.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${quoteIdent(input.name)})`)
  ).map((r) => r.column_name);
  checkColumns(names, input, input.label);
}

/** Reads every cell as text (with its line), then converts numbers and signs in one statement. */
async function readWithSigns(
  db: Database,
  input: Input,
  path: string,
  dialect: ResolvedDialect,
  rules: MarkerRules,
  headerLine: number,
): Promise<void> {
  const raw = `_raw_${input.name}`;
  try {
    await db.run(
      `CREATE TEMP TABLE ${quoteIdent(raw)} AS SELECT row_number() OVER () + ${headerLine} AS _line, * FROM read_csv(${quoteString(path)}, ${csvOptions({ ...dialect, missing: [] }, ['all_varchar = true'])})`,
    );
  } catch (e) {
    throw csvError(e, input, dialect);
  }
  const names = (
    await db.query<{ column_name: string }>(
      `SELECT column_name FROM (DESCRIBE ${quoteIdent(raw)}) WHERE column_name <> '_line'`,
    )
  ).map((r) => r.column_name);
  await convertText(db, input, raw, names, dialect, rules, (_column, index) => index + 1);
}

async function readGenesis(
  db: Database,
  input: Input,
  path: string,
  dialect: ResolvedDialect,
  rules: MarkerRules | null,
): Promise<void> {
  const text = await readFile(path, 'utf8');
  const looksLikeValue = (cell: string) =>
    new RegExp(numberPattern(dialect)).test(cell.replace(/^\((.*)\)$/, '$1').replace(/\s*[a-z]$/, '')) ||
    (rules ? cell in rules.signs : false);
  const table = parseGenesisTable(text, dialect.delimiter, input.source.genesis ?? {}, input.label, looksLikeValue);
  checkColumns(table.columns, input, input.label);
  // The tidy table goes to DuckDB through a temporary file: one bulk read instead of row-by-row inserts.
  const tidy = join(tmpdir(), `istsoll-${process.pid}-${input.name}.tidy.csv`);
  const quote = (c: string) => `"${c.replaceAll('"', '""')}"`;
  const lines = [
    ['_line', '_column', ...table.columns].map(quote).join(';'),
    ...table.rows.map((r, i) => [table.origins[i]!.line, table.origins[i]!.column, ...r.map(quote)].join(';')),
  ];
  const raw = `_raw_${input.name}`;
  try {
    await writeFile(tidy, `${lines.join('\n')}\n`);
    await db.run(
      `CREATE TEMP TABLE ${quoteIdent(raw)} AS SELECT * REPLACE (_line::INTEGER AS _line, _column::INTEGER AS _column) FROM read_csv(${quoteString(tidy)}, header = true, delim = ';', quote = '"', all_varchar = true)`,
    );
  } finally {
    await rm(tidy, { force: true });
  }
  const value = table.columns[table.columns.length - 1]!;
  const declared = input.source.columns ?? {};
  await convertText(
    db,
    input,
    raw,
    table.columns,
    dialect,
    rules ?? { signs: {}, suffixes: {}, parentheses: null },
    (column) => (column === value ? '_column' : null),
    { [value]: declared[value] ?? 'DOUBLE' },
  );
}

/**
 * Turns a table of text cells into the source's table: declared or recognisably numeric columns become
 * numbers (with a `__note` column for signs), text is trimmed. A bad cell in a numeric column is an error
 * that names its line and column.
 */
async function convertText(
  db: Database,
  input: Input,
  raw: string,
  names: string[],
  dialect: ResolvedDialect,
  rules: MarkerRules,
  columnOf: (column: string, index: number) => number | string | null,
  forced: Record<string, ColumnType> = {},
): Promise<void> {
  const declared = { ...input.source.columns, ...forced };
  const cell = (c: string) => `NULLIF(trim(${quoteIdent(c)}), '')`;
  const sql = Object.fromEntries(names.map((c) => [c, valueSql(cell(c), rules, dialect)]));
  const numericType = (t: ColumnType | undefined) => t === 'INTEGER' || t === 'BIGINT' || t === 'DOUBLE';
  const candidates = names.filter(
    (c) => c !== input.source.year && (declared[c] === undefined || numericType(declared[c])),
  );
  // One pass decides which columns hold numbers, and whether only whole ones.
  const profile = candidates.length
    ? ((
        await db.query(
          `SELECT ${candidates.map((c, i) => `bool_and(${sql[c]!.valid}) AS ok${i}, count(${sql[c]!.value}) AS n${i}, bool_and(${sql[c]!.value} IS NULL OR ${sql[c]!.value} = floor(${sql[c]!.value})) AS int${i}`).join(', ')} FROM ${quoteIdent(raw)}`,
        )
      )[0] ?? {})
    : {};
  const numeric = new Map<string, ColumnType>();
  candidates.forEach((c, i) => {
    if (numericType(declared[c])) numeric.set(c, declared[c]!);
    else if (profile[`ok${i}`] && Number(profile[`n${i}`]) > 0)
      numeric.set(c, profile[`int${i}`] ? 'BIGINT' : 'DOUBLE');
  });
  for (const [c, i] of [...numeric.keys()].map((c) => [c, candidates.indexOf(c)] as const)) {
    if (profile[`ok${i}`] !== false) continue;
    const [bad] = await db.query<{ line: number; v: string; col: number | null }>(
      `SELECT _line AS line, ${quoteIdent(c)} AS v, ${typeof columnOf(c, 0) === 'string' ? columnOf(c, 0) : 'NULL'} AS col FROM ${quoteIdent(raw)} WHERE NOT ${sql[c]!.valid} ORDER BY _line LIMIT 1`,
    );
    const column =
      typeof columnOf(c, names.indexOf(c)) === 'number'
        ? (columnOf(c, names.indexOf(c)) as number)
        : (bad!.col ?? undefined);
    throw new InputError(
      msg('cell-not-number', { column: c, signs: Object.keys(rules.signs), cell: bad!.v }),
      { file: input.label, line: bad!.line, column },
      msg('hint-declare-sign'),
    );
  }
  const select = names.flatMap((c) => {
    const type = numeric.get(c);
    if (!type)
      return [`${cell(c)}${declared[c] && declared[c] !== 'VARCHAR' ? `::${declared[c]}` : ''} AS ${quoteIdent(c)}`];
    return [`(${sql[c]!.value})::${type} AS ${quoteIdent(c)}`, `${sql[c]!.note} AS ${quoteIdent(`${c}__note`)}`];
  });
  await db.run(
    `CREATE TABLE ${quoteIdent(input.name)} AS SELECT ${select.join(', ')} FROM ${quoteIdent(raw)} ORDER BY _line`,
  );
  await db.run(`DROP TABLE ${quoteIdent(raw)}`);
}

interface Header {
  names: string[];
  /** The line the header is on. */
  line: number;
}

async function readHeader(path: string, dialect: ResolvedDialect, input: Input): Promise<Header> {
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(1 << 16);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/);
    const line = dialect.skip + 1;
    const headerLine = lines[dialect.skip];
    if (headerLine === undefined || headerLine.trim() === '')
      throw new InputError(
        msg('header-missing'),
        { file: input.label, line },
        dialect.skip ? msg('hint-skip', { skip: dialect.skip }) : msg('hint-first-line'),
      );
    return { names: splitLine(headerLine, dialect.delimiter).map((c) => c.trim()), line };
  } finally {
    await handle.close();
  }
}

function splitLine(line: string, delimiter: string): string[] {
  try {
    return (parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][])[0] ?? [];
  } catch {
    return line.split(delimiter);
  }
}

/** Duplicate header names always, and missing or extra columns when the source lists its columns. */
function checkColumns(names: string[], input: Input, where: Location | string): void {
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

/** DuckDB reads UTF-8: other encodings are converted into a temporary file first. */
async function toUtf8(path: string, sample: Sample): Promise<string> {
  if (sample.encoding === 'utf-8') return path;
  const out = join(tmpdir(), `istsoll-${process.pid}-${basename(path)}.utf8`);
  await pipeline(
    createReadStream(path),
    iconv.decodeStream(sample.encoding),
    iconv.encodeStream('utf-8'),
    createWriteStream(out),
  );
  return out;
}
