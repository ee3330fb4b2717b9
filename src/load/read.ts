// Reading one source into one table: find out what the file is (format, encoding, dialect), hand it to
// the reader for its format (csv.ts, genesis.ts, parquet.ts), then make the period column whole years
// and apply survey answer codes. Every reader can say where a table row came from, for messages.
import type { Database } from '../core/database.js';
import type { Dialect } from '../core/schema.js';
import { applyCodes } from './codes.js';
import { readCsv } from './csv.js';
import { readSample, toUtf8, type Sample } from './encoding.js';
import { readGenesis } from './genesis.js';
import type { Input, ReadResult, ResolvedDialect, RowLocator } from './input.js';
import { lineOfRecord, readCsvText, type CsvText } from './locate.js';
import { resolveMarkers } from './markers.js';
import { readParquet } from './parquet.js';
import { normalisePeriod } from './periods.js';
import { detectDelimiter, detectFormat, detectNumbers } from './sniff.js';

export type { ReadResult, RowLocator } from './input.js';

export async function readSource(db: Database, input: Input): Promise<ReadResult> {
  const format = input.source.format ?? (await detectFormat(input.path, input.label));
  const read = format === 'parquet' ? await readParquetSource(db, input) : await readText(db, input, format);
  await normalisePeriod(db, input, read.locate);
  if (input.source.codes) await applyCodes(db, input, read.locate);
  return read;
}

async function readParquetSource(db: Database, input: Input): Promise<ReadResult> {
  await readParquet(db, input);
  return { format: 'parquet', locate: async () => ({ file: input.label }) };
}

async function readText(db: Database, input: Input, format: 'csv' | 'genesis'): Promise<ReadResult> {
  const sample = await readSample(input.path, input.label, input.source.dialect?.encoding);
  const dialect = resolveDialect(input.source.dialect, sample);
  // The classic convention is the default for GENESIS tables; plain CSV files use signs only when told.
  const rules = resolveMarkers(input.source.markers ?? (format === 'genesis' ? 'official' : undefined));
  const path = await toUtf8(input, sample.encoding);
  const encoding = sample.encoding;
  if (format === 'genesis') return { format, encoding, locate: await readGenesis(db, input, path, dialect, rules) };
  await readCsv(db, input, path, dialect, rules);
  return { format, encoding, locate: csvLocator(input, path, dialect) };
}

/** Where a row of a CSV file's table is: the file is read again (only when asked, for a message). */
export function csvLocator(input: Input, path: string, dialect: ResolvedDialect): RowLocator {
  let text: Promise<CsvText> | undefined;
  return async (rowid, column) => {
    text ??= readCsvText(path, dialect);
    const file = await text;
    const header = [...file.text.split(/\r?\n/, dialect.skip + 1)].at(-1) ?? '';
    const index = header.split(dialect.delimiter).findIndex((h) => h.trim().replace(/^"|"$/g, '') === column);
    return { file: input.label, line: lineOfRecord(file, rowid + 1), column: index >= 0 ? index + 1 : undefined };
  };
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
