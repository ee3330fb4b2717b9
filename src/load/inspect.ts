// `istsoll inspect FILE`: what the loader would detect in a file, and a sources.yaml entry to paste.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import iconv from 'iconv-lite';
import { openDatabase, quoteString } from '../core/database.js';
import { displayPath, InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { parseGenesisTable, slug } from './genesis.js';
import { numberPattern, presets } from './markers.js';
import type { ColumnType, MarkerPreset, Source } from '../core/schema.js';
import { detectFormat, readSample } from './sniff.js';
import { resolveDialect } from './read.js';

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
  | { kind: 'signs'; preset: string; columns: number }
  | { kind: 'columns'; count: number; year: string }
  | { kind: 'parquet'; count: number };

export async function inspectFile(path: string): Promise<Inspection> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new InputError(msg('inspect-no-file'), displayPath(path));
  if (info.isFile() && info.size === 0) throw new InputError(msg('source-file-empty'), displayPath(path));
  const sample = info.isDirectory() ? null : await readSample(path);
  const format = await detectFormat(path, sample);
  const name = slug(basename(path, extname(path)));
  const file = basename(path);
  if (format === 'parquet' || !sample) return inspectParquet(path, file, name);
  const dialect = resolveDialect(undefined, sample);
  const findings: Finding[] = [
    { kind: 'encoding', encoding: sample.encoding, bom: sample.bom },
    { kind: 'delimiter', delimiter: dialect.delimiter },
    { kind: 'numbers', decimal: dialect.decimal, thousands: dialect.thousands ?? null },
  ];
  const dialectEntry = {
    delimiter: dialect.delimiter,
    decimal: dialect.decimal,
    ...(dialect.thousands ? { thousands: dialect.thousands } : {}),
    encoding: sample.encoding,
  };

  if (format === 'genesis') {
    const text =
      sample.encoding === 'utf-8'
        ? (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
        : iconv.decode(await readFile(path), sample.encoding);
    const signs = presets.official.signs;
    const looksLikeValue = (c: string) =>
      new RegExp(numberPattern(dialect)).test(c.replace(/^\((.*)\)$/, '$1').replace(/\s*[a-z]$/, '')) || c in signs;
    const table = parseGenesisTable(text, dialect.delimiter, {}, displayPath(path), looksLikeValue);
    const { layout } = table;
    const dims = table.columns.slice(layout.leading, -1);
    findings.push(
      {
        kind: 'genesis',
        titleLines: layout.titleLines,
        headerRows: layout.headerRows,
        first: layout.dataLines[0],
        last: layout.dataLines[1],
        footer: layout.footerLine,
      },
      {
        kind: 'genesis-shape',
        columns: table.columns.slice(0, layout.leading),
        levels: dims.length,
        values: table.rows.length,
      },
    );
    const entry = {
      file,
      format: 'genesis',
      year: table.columns[0],
      dialect: dialectEntry,
      markers: 'official',
      genesis: { dimensions: dims.map((_, i) => `TODO_level_${i + 1}`), value: 'value' },
    };
    return { file: displayPath(path), format, encoding: sample.encoding, bom: sample.bom, findings, entry, name };
  }

  const db = await openDatabase(':memory:');
  try {
    const options = `header = true, delim = ${quoteString(dialect.delimiter)}, decimal_separator = ${quoteString(dialect.decimal)}${dialect.thousands ? `, thousands = ${quoteString(dialect.thousands)}` : ''}`;
    const source = sample.encoding === 'utf-8' ? path : null;
    if (!source) {
      await db
        .run(`CREATE TABLE raw AS SELECT * FROM read_csv(${quoteString(path)}, ${options}, encoding = 'latin-1')`)
        .catch(() => {
          throw new InputError(msg('inspect-unreadable'), displayPath(path));
        });
    } else await db.run(`CREATE TABLE raw AS SELECT * FROM read_csv(${quoteString(path)}, ${options})`);
    const columns = await db.query<{ column_name: string; column_type: string }>('DESCRIBE raw');
    const texts = columns.filter((c) => c.column_type === 'VARCHAR').map((c) => c.column_name);
    const preset = await guessPreset(db, texts);
    if (preset) findings.push({ kind: 'signs', preset, columns: texts.length });
    const year =
      columns.find((c) => /^(year|jahr|wave|welle|time|stichtag|zeit)$/i.test(c.column_name))?.column_name ??
      columns[0]!.column_name;
    const types = Object.fromEntries(
      columns.map((c) => [c.column_name, c.column_name === year ? 'INTEGER' : toColumnType(c.column_type)]),
    );
    // With signs, a column of numbers and signs reads as text to DuckDB's sniffer but is a number column.
    if (preset) Object.assign(types, await numericWithSigns(db, texts, presets[preset].signs, numberPattern(dialect)));
    const entry = {
      file,
      year,
      dialect: dialectEntry,
      ...(preset ? { markers: preset } : {}),
      columns: types,
    };
    findings.push({ kind: 'columns', count: columns.length, year });
    return { file: displayPath(path), format, encoding: sample.encoding, bom: sample.bom, findings, entry, name };
  } finally {
    db.close();
  }
}

async function inspectParquet(path: string, file: string, name: string): Promise<Inspection> {
  const db = await openDatabase(':memory:');
  try {
    const glob = (await stat(path)).isDirectory() ? `${path}/**/*.parquet` : path;
    const columns = await db.query<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM read_parquet(${quoteString(glob)})`,
    );
    const year =
      columns.find((c) => /^(year|jahr|wave|time)$/i.test(c.column_name))?.column_name ?? columns[0]!.column_name;
    return {
      file: displayPath(path),
      format: 'parquet',
      encoding: 'binary',
      bom: false,
      findings: [{ kind: 'parquet', count: columns.length }],
      entry: {
        file,
        year,
        columns: Object.fromEntries(columns.map((c) => [c.column_name, toColumnType(c.column_type)])),
      },
      name,
    };
  } finally {
    db.close();
  }
}

/** Text columns full of numbers and signs such as `.` or `*` point to a convention. */
async function guessPreset(
  db: Awaited<ReturnType<typeof openDatabase>>,
  texts: string[],
): Promise<MarkerPreset | null> {
  if (!texts.length) return null;
  const count = async (signs: string[]) => {
    const list = signs.map(quoteString).join(', ');
    const [r] = await db.query<{ n: number }>(
      `SELECT count(*) AS n FROM raw WHERE ${texts.map((c) => `trim("${c.replaceAll('"', '""')}") IN (${list})`).join(' OR ')}`,
    );
    return r?.n ?? 0;
  };
  if ((await count(['*'])) > 0) return 'employment-agency';
  if ((await count(['.', '-', '...', '/', 'x'])) > 0) return 'official';
  if ((await count(['k', 'g', 't'])) > 0) return 'lsn';
  return null;
}

async function numericWithSigns(
  db: Awaited<ReturnType<typeof openDatabase>>,
  texts: string[],
  signs: Record<string, unknown>,
  pattern: string,
): Promise<Record<string, ColumnType>> {
  const list = Object.keys(signs).map(quoteString).join(', ');
  const col = (c: string) => `trim("${c.replaceAll('"', '""')}")`;
  const [r] = await db.query(
    `SELECT ${texts.map((c, i) => `bool_and(${col(c)} IS NULL OR ${col(c)} IN (${list}) OR regexp_matches(${col(c)}, ${quoteString(pattern)})) AS n${i}, bool_and(${col(c)} IS NULL OR NOT contains(${col(c)}, ',') AND NOT regexp_matches(${col(c)}, '\\.[0-9]{1,2}$')) AS i${i}`).join(', ')} FROM raw`,
  );
  return Object.fromEntries(texts.flatMap((c, i) => (r?.[`n${i}`] ? [[c, r[`i${i}`] ? 'INTEGER' : 'DOUBLE']] : [])));
}

function toColumnType(duck: string): ColumnType {
  if (/^(BIGINT|HUGEINT|UBIGINT)$/.test(duck)) return 'BIGINT';
  if (/INT/.test(duck)) return 'INTEGER';
  if (/DOUBLE|FLOAT|DECIMAL/.test(duck)) return 'DOUBLE';
  if (duck === 'BOOLEAN') return 'BOOLEAN';
  if (duck === 'DATE') return 'DATE';
  return 'VARCHAR';
}
