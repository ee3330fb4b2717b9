// `istsoll inspect FILE`: what the loader recognises in a file, and a sources.yaml entry for it. The entry
// is not a guess printed beside the loader: inspect reads the file with the same readers a load uses
// (into a database in memory) and prints the entry under which that worked, with what the checks found.
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { readFile } from 'node:fs/promises';
import { openDatabase, quoteIdent, type Database } from '../core/database.js';
import { displayPath, InputError } from '../core/errors.js';
import { msg, type Message } from '../core/messages/index.js';
import type { ColumnType, MarkerPreset, Source } from '../core/schema.js';
import { checkTable } from './checks.js';
import { readCsv } from './csv.js';
import { readSample, toUtf8 } from './encoding.js';
import { parseGenesisTable, readGenesis, slug } from './genesis.js';
import type { Input, ResolvedDialect } from './input.js';
import type { LoadWarning } from './meta.js';
import { numberPattern, resolveMarkers } from './markers.js';
import { readParquet } from './parquet.js';
import { firstYear, lastYear, normalisePeriod, yearSql } from './periods.js';
import type { RowLocator } from './input.js';
import { csvLocator, resolveDialect } from './read.js';
import { detectFormat } from './sniff.js';
import { TempFiles } from './temp.js';

export interface Inspection {
  file: string;
  format: NonNullable<Source['format']>;
  encoding: string;
  bom: boolean;
  /** What was recognised, for the terminal to put into words. */
  findings: Finding[];
  /** The entry to paste under `sources:`. */
  entry: Record<string, unknown>;
  name: string;
}

/** What `inspect` recognised in a file; the command line puts it into words. */
export type Finding =
  | { kind: 'encoding'; encoding: string; bom: boolean }
  | { kind: 'delimiter'; delimiter: string }
  | { kind: 'numbers'; decimal: string; thousands: string | null }
  | { kind: 'genesis'; titleLines: number; headerRows: number; first: number; last: number; footer: number | null }
  | { kind: 'genesis-shape'; columns: string[]; levels: number; values: number }
  | { kind: 'signs'; preset: string }
  | { kind: 'dash-zero' }
  | { kind: 'missing'; strings: string[] }
  | { kind: 'row-names'; column: string }
  | { kind: 'columns'; count: number; rows: number; year: string | null }
  | { kind: 'parquet'; count: number }
  | { kind: 'warning'; reason: Message; line: number | null; column: number | null }
  | { kind: 'problem'; reason: Message; line: number | null; column: number | null };

/** Names that say "this column holds the period", first the more certain ones. */
const periodNames = /jahr$|^year$|stichtag|^welle$|^wave$|^zeit$|^time$|datum|^date$|^period/i;

export async function inspectFile(path: string, tempParent: string): Promise<Inspection> {
  const label = displayPath(path);
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(msg('inspect-no-file'), label, msg('hint-inspect-file'));
  if (info.isFile() && info.size === 0)
    throw new InputError(msg('source-file-empty'), { file: label, line: 1 }, msg('hint-export-csv'));
  const format = await detectFormat(path, label);
  const name = slug(basename(path, extname(path)));
  const temp = new TempFiles(tempParent);
  const db = await openDatabase(':memory:');
  try {
    const input = (source: Source): Input => ({ name, source, path, label, where: () => ({ file: label }), temp });
    if (format === 'parquet') return await inspectParquet(db, input, basename(path));
    return await inspectText(db, input, format, basename(path));
  } finally {
    db.close();
    await temp.remove();
  }
}

async function inspectText(
  db: Database,
  input: (source: Source) => Input,
  format: 'csv' | 'genesis',
  file: string,
): Promise<Inspection> {
  const probe = input({ file, year: 2000 });
  const sample = await readSample(probe.path, probe.label);
  const dialect = resolveDialect(undefined, sample);
  const findings: Finding[] = [
    { kind: 'encoding', encoding: sample.encoding, bom: sample.bom },
    { kind: 'delimiter', delimiter: dialect.delimiter },
    { kind: 'numbers', decimal: dialect.decimal, thousands: dialect.thousands ?? null },
  ];
  const cells = sampleCells(sample.text, dialect.delimiter);
  const missing = cells.includes('NA') ? ['', 'NA'] : [''];
  if (missing.length > 1) findings.push({ kind: 'missing', strings: missing });
  const preset = format === 'genesis' ? 'official' : guessPreset(cells);
  if (preset && format === 'csv') findings.push({ kind: 'signs', preset });
  if (preset === 'official' && cells.includes('-')) findings.push({ kind: 'dash-zero' });
  const dialectEntry = {
    delimiter: dialect.delimiter,
    decimal: dialect.decimal,
    ...(dialect.thousands ? { thousands: dialect.thousands } : {}),
    encoding: sample.encoding,
    ...(missing.length > 1 ? { missing } : {}),
  };
  const resolved: ResolvedDialect = { ...dialect, missing };
  const rules = resolveMarkers(preset ?? undefined);
  const base: Source = {
    file,
    year: 2000,
    dialect: dialectEntry as Source['dialect'],
    ...(preset ? { markers: preset } : {}),
    ...(format === 'genesis' ? { format: 'genesis' } : {}),
  };
  const path = await toUtf8(probe, sample.encoding);
  let locate: RowLocator;
  let genesis: Record<string, unknown> | undefined;
  if (format === 'genesis') {
    const table = parseGenesisTable(
      (await readFile(path, 'utf8')).replace(/^\uFEFF/, ''),
      dialect.delimiter,
      {},
      probe.label,
      genesisValueTest(resolved, rules?.signs ?? {}),
    );
    const { layout } = table;
    const leading = table.columns.slice(0, layout.leading);
    const levels = table.columns.slice(layout.leading, -1);
    const dimensions = nameLevels(table, layout.leading);
    genesis = { columns: leading, dimensions, value: 'value' };
    findings.push(
      {
        kind: 'genesis',
        titleLines: layout.titleLines,
        headerRows: layout.headerRows,
        first: layout.dataLines[0],
        last: layout.dataLines[1],
        footer: layout.footerLine,
      },
      { kind: 'genesis-shape', columns: leading, levels: levels.length, values: table.rows.length },
    );
    locate = await readGenesis(db, input({ ...base, genesis: genesis as Source['genesis'] }), path, resolved, rules);
  } else {
    const source = input(base);
    await readCsv(db, source, path, resolved, rules);
    locate = csvLocator(source, path, resolved);
  }
  const columns = await describe(db, probe.name);
  const rowNames = format === 'csv' && sampleRowNames(sample.text) ? columns[0]?.name : undefined;
  if (rowNames) findings.push({ kind: 'row-names', column: rowNames });
  const year = await findPeriod(db, probe.name, columns, rowNames);
  const entry: Record<string, unknown> = { ...base, year: year ?? 'TODO' };
  if (genesis) entry.genesis = genesis;
  if (year) await normalisePeriod(db, input(entry as Source), locate);
  const id = year ? await findId(db, probe.name, columns, year, rowNames) : null;
  if (id) entry.id = id;
  const weight = id ? await findWeight(db, probe.name, columns) : null;
  if (weight) entry.weight = weight;
  // What the checks refuse is shown beside the entry, at its place: the entry is still worth pasting.
  const warnings: LoadWarning[] = [];
  await checkTable(db, input(entry as Source), { format, locate }, warnings).catch((e: unknown) => {
    if (!(e instanceof InputError)) throw e;
    const at = typeof e.where === 'object' ? e.where : undefined;
    findings.push({ kind: 'problem', reason: e.reason, line: at?.line ?? null, column: at?.column ?? null });
  });
  for (const w of warnings) {
    const at = typeof w.where === 'object' ? w.where : undefined;
    findings.push({ kind: 'warning', reason: w.reason, line: at?.line ?? null, column: at?.column ?? null });
  }
  const ambiguous = new Set(
    warnings.flatMap((w) => (w.reason.code === 'warn-thousands-ambiguous' ? [w.reason.column] : [])),
  );
  const [{ rows }] = (await db.query<{ rows: number }>(`SELECT count(*) AS rows FROM ${quoteIdent(probe.name)}`)) as [
    { rows: number },
  ];
  findings.push({ kind: 'columns', count: columns.length, rows, year });
  if (format === 'csv') entry.columns = await columnTypes(db, probe.name, columns, year, ambiguous);
  return { file: probe.label, format, encoding: sample.encoding, bom: sample.bom, findings, entry, name: probe.name };
}

async function inspectParquet(db: Database, input: (source: Source) => Input, file: string): Promise<Inspection> {
  const probe = input({ file, year: 2000, format: 'parquet' });
  await readParquet(db, probe);
  const columns = await describe(db, probe.name);
  const year = await findPeriod(db, probe.name, columns, undefined);
  const [{ rows }] = (await db.query<{ rows: number }>(`SELECT count(*) AS rows FROM ${quoteIdent(probe.name)}`)) as [
    { rows: number },
  ];
  return {
    file: probe.label,
    format: 'parquet',
    encoding: 'binary',
    bom: false,
    findings: [
      { kind: 'parquet', count: columns.length },
      { kind: 'columns', count: columns.length, rows, year },
    ],
    entry: {
      file,
      year: year ?? 'TODO',
      columns: Object.fromEntries(columns.map((c) => [c.name, toColumnType(c.type)])),
    },
    name: probe.name,
  };
}

interface Described {
  name: string;
  type: string;
}

async function describe(db: Database, table: string): Promise<Described[]> {
  const rows = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${quoteIdent(table)}`);
  return rows
    .filter((r) => !/__(note|label)$/.test(r.column_name))
    .map((r) => ({ name: r.column_name, type: r.column_type }));
}

/**
 * The period column: a column whose every value is a year, a date or a school year — one named like a
 * period first. A text column of codes (a state code `03`) never qualifies, nor R's row names.
 */
async function findPeriod(
  db: Database,
  table: string,
  columns: Described[],
  rowNames: string | undefined,
): Promise<string | null> {
  const candidates = columns
    .filter((c) => c.name !== rowNames && /VARCHAR|INT|DATE|TIMESTAMP/.test(c.type))
    .sort((a, b) => Number(periodNames.test(b.name)) - Number(periodNames.test(a.name)));
  for (const c of candidates) {
    const year = yearSql(quoteIdent(c.name), c.type, 'start');
    const [r] = await db.query<{ ok: boolean }>(
      `SELECT bool_and((${year}) BETWEEN ${firstYear} AND ${lastYear}) AND count(*) > 0 AS ok FROM ` +
        `${quoteIdent(table)}`,
    );
    if (r?.ok) return c.name;
  }
  return null;
}

/**
 * Survey microdata: a whole-number column that tells the respondents of a period apart (the id), when the
 * period and the text columns do not. R's row names are no id: they number the file, not the survey.
 */
async function findId(
  db: Database,
  table: string,
  columns: Described[],
  year: string,
  rowNames: string | undefined,
): Promise<string | null> {
  const t = quoteIdent(table);
  const text = columns.filter((c) => c.type === 'VARCHAR' && c.name !== year).map((c) => quoteIdent(c.name));
  const keyed = [quoteIdent(year), ...text].join(', ');
  const [unique] = await db.query<{ ok: boolean }>(
    `SELECT count(*) = (SELECT count(*) FROM (SELECT DISTINCT ${keyed} FROM ${t})) AS ok FROM ${t}`,
  );
  if (unique?.ok) return null;
  for (const c of columns.filter((c) => /INT/.test(c.type) && c.name !== year && c.name !== rowNames)) {
    const [r] = await db.query<{ ok: boolean }>(
      `SELECT count(*) = count(DISTINCT (${quoteIdent(year)}, ${quoteIdent(c.name)})) AND ` +
        `count(${quoteIdent(c.name)}) = count(*) AS ok FROM ${t}`,
    );
    if (r?.ok) return c.name;
  }
  return null;
}

/** In microdata, the one column of positive fractions is the design weight; with two or more, nobody can tell. */
async function findWeight(db: Database, table: string, columns: Described[]): Promise<string | null> {
  const found: string[] = [];
  for (const c of columns.filter((c) => c.type === 'DOUBLE')) {
    const q = quoteIdent(c.name);
    const [r] = await db.query<{ ok: boolean }>(
      `SELECT bool_and(${q} > 0) AND bool_or(${q} <> trunc(${q})) AND count(${q}) = count(*) AS ok FROM ` +
        `${quoteIdent(table)}`,
    );
    if (r?.ok) found.push(c.name);
  }
  return found.length === 1 ? found[0]! : null;
}

/** Column types for the entry: whole numbers written `4.0` are whole numbers, unless they look like 1.399. */
async function columnTypes(
  db: Database,
  table: string,
  columns: Described[],
  year: string | null,
  unsure: Set<string>,
): Promise<Record<string, ColumnType>> {
  const types: Record<string, ColumnType> = {};
  for (const c of columns) {
    let type = c.name === year && /INT/.test(c.type) ? 'INTEGER' : toColumnType(c.type);
    if (c.name === year && type !== 'INTEGER') type = 'VARCHAR';
    const q = quoteIdent(c.name);
    if (type === 'BIGINT') {
      const [r] = await db.query<{ fits: boolean }>(
        `SELECT coalesce(bool_and(abs(${q}) < 2147483647), true) AS fits FROM ${quoteIdent(table)}`,
      );
      if (r?.fits) type = 'INTEGER';
    }
    if (type === 'DOUBLE' && !unsure.has(c.name)) {
      const [r] = await db.query<{ whole: boolean }>(
        `SELECT bool_and(${quoteIdent(c.name)} IS NULL OR ${quoteIdent(c.name)} = trunc(${quoteIdent(c.name)})) AS ` +
          `whole FROM ${quoteIdent(table)}`,
      );
      if (r?.whole) type = 'INTEGER';
    }
    types[c.name] = type;
  }
  return types;
}

/** The cells of the sample, trimmed and without quotes, for spotting signs and NA. */
function sampleCells(text: string, delimiter: string): string[] {
  return text
    .split(/\r?\n/, 2000)
    .slice(1)
    .flatMap((l) => l.split(delimiter))
    .map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

/** R's `write.csv` writes row names under an empty, quoted first heading. */
function sampleRowNames(text: string): boolean {
  return /^""[,;\t]/.test(text);
}

/** Cells that are signs of a convention point to it; `*` only the Federal Employment Agency uses. */
function guessPreset(cells: string[]): MarkerPreset | null {
  const has = (signs: string[]) => cells.some((c) => signs.includes(c));
  if (has(['*'])) return 'employment-agency';
  if (has(['.', '-', '...', '/', 'x'])) return 'official';
  if (has(['k', 'g', 't'])) return 'lsn';
  return null;
}

function genesisValueTest(dialect: ResolvedDialect, signs: Record<string, unknown>): (cell: string) => boolean {
  const number = new RegExp(numberPattern(dialect));
  return (cell) => number.test(cell.replace(/^\((.*)\)$/, '$1').replace(/\s*[a-z]$/, '')) || cell in signs;
}

/** Names for the header levels of a GENESIS table, from the labels they carry. */
function nameLevels(table: ReturnType<typeof parseGenesisTable>, leading: number): string[] {
  const levels = table.columns.slice(leading, -1);
  return levels.map((_, i) => {
    const labels = new Set(table.rows.map((r) => (r[leading + i] ?? '').toLowerCase()));
    if ([...labels].some((l) => /männlich|weiblich/.test(l))) return 'geschlecht';
    if ([...labels].some((l) => /deutsche|ausländer|nationalit/.test(l))) return 'nationalitaet';
    if ([...labels].every((l) => /^\d{4}$|^\d{1,2}\.\d{1,2}\.\d{4}$/.test(l))) return 'stichtag';
    if ([...labels].some((l) => /jahre|alter/.test(l))) return 'altersgruppe';
    return `merkmal_${i + 1}`;
  });
}

function toColumnType(duck: string): ColumnType {
  if (/^(BIGINT|HUGEINT|UBIGINT)$/.test(duck)) return 'BIGINT';
  if (/INT/.test(duck)) return 'INTEGER';
  if (/DOUBLE|FLOAT|DECIMAL/.test(duck)) return 'DOUBLE';
  if (duck === 'BOOLEAN') return 'BOOLEAN';
  if (duck === 'DATE') return 'DATE';
  return 'VARCHAR';
}
