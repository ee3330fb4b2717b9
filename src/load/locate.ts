// Finding the place of a problem in a CSV file, on the error path only. DuckDB refuses a broken file
// with "Error when sniffing file" or a line number that may be off; this module reads the file itself
// (scan.ts) and turns DuckDB's complaint into an error at file:line:column with a hint.
import { readFile } from 'node:fs/promises';
import { InputError, type Location } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { Input, ResolvedDialect } from './input.js';
import { scanRecords, scanTable, type ScannedRecord } from './scan.js';

/** The file as the scanner sees it: its text (UTF-8, without byte-order mark) and its dialect. */
export interface CsvText {
  text: string;
  dialect: ResolvedDialect;
}

export async function readCsvText(path: string, dialect: ResolvedDialect): Promise<CsvText> {
  return { text: (await readFile(path, 'utf8')).replace(/^\uFEFF/, ''), dialect };
}

/** DuckDB's complaint about a CSV file, made into an error that names the place and says what to do. */
export async function explainCsvError(
  e: unknown,
  input: Input,
  path: string,
  dialect: ResolvedDialect,
): Promise<Error> {
  if (e instanceof InputError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  const file = await readCsvText(path, dialect);
  const structural = structuralProblem(file, input);
  if (structural) return structural;
  const encoding = /invalid unicode/i.test(detail) ? notUtf8(file, input) : null;
  if (encoding) return encoding;
  const notInteger = /istsoll:not-integer:([^\n]*)/.exec(detail)?.[1];
  if (notInteger !== undefined) {
    const found = findCell(file, notInteger, (cell) => !isWholeNumber(cell));
    if (found) return notWholeNumber(input, notInteger, found.cell, { file: input.label, ...found });
  }
  const conversion = /Error when converting column "([^"]+)"\. Could not convert string "([^"]*)" to '(\w+)'/.exec(
    detail,
  );
  if (conversion) {
    const [, column, value, type] = conversion;
    const found = findCell(file, column!, (cell) => cell.trim() === value);
    // A whole-number column is read as DOUBLE (see csv.ts): the message names the declared type.
    const declared = input.source.columns?.[column!] ?? type!;
    return new InputError(
      msg('cell-type', { column: column!, expected: describeType(declared), cell: value! }),
      found ? { file: input.label, line: found.line, column: found.column } : input.label,
      msg('hint-cell-type', { column: column! }),
    );
  }
  const maxLine = /Maximum line size of (\d+) bytes exceeded/.exec(detail)?.[1];
  if (maxLine) {
    const line = firstLongLine(file.text, Number(maxLine));
    return new InputError(
      msg('csv-line-too-long', { limit: Number(maxLine) }),
      line ? { file: input.label, line } : input.label,
      msg('hint-line-too-long'),
    );
  }
  const first = detail.split('\n').find((l) => l.trim()) ?? detail;
  return new InputError(
    msg('csv-unreadable', { detail: first.replace(/^[A-Za-z ]+Error: /, '') }),
    input.label,
    msg('hint-dialect'),
  );
}

/** A quote that never closes, text after a closing quote, or a row with more or fewer fields than the header. */
function structuralProblem(file: CsvText, input: Input): InputError | null {
  const options = { delimiter: file.dialect.delimiter, skip: file.dialect.skip, strictQuotes: true };
  const { problem } = scanTable(file.text, options);
  if (!problem) return null;
  if (problem.kind === 'unterminated-quote' || problem.kind === 'text-after-quote') {
    const quote = problem.kind === 'unterminated-quote';
    return new InputError(
      msg(quote ? 'csv-unterminated-quote' : 'csv-text-after-quote'),
      { file: input.label, line: problem.line, column: problem.column },
      msg(quote ? 'hint-unterminated-quote' : 'hint-text-after-quote'),
    );
  }
  return new InputError(
    msg('csv-field-count', { found: problem.found, expected: problem.expected }),
    { file: input.label, line: problem.line },
    msg('hint-field-count'),
  );
}

/**
 * Bytes that are no UTF-8 in a file read as UTF-8 (declared so, or one of mixed encodings): the text read
 * holds U+FFFD where they were. The place is the line and the field of the first of them.
 */
function notUtf8(file: CsvText, input: Input): InputError | null {
  for (const record of records(file)) {
    const field = record.fields.find((f) => f.text.includes('\ufffd'));
    if (field)
      return new InputError(
        msg('csv-not-utf8'),
        { file: input.label, line: field.line, column: field.column },
        msg('hint-not-utf8'),
      );
  }
  return null;
}

interface FoundCell {
  line: number;
  /** The 1-based field number. */
  column: number;
  cell: string;
}

/** The first data cell of `column` (a header name) that satisfies `test`, with its line and field number. */
function findCell(file: CsvText, column: string, test: (cell: string) => boolean): FoundCell | null {
  let index = -1;
  for (const record of records(file)) {
    if (record.index === 0) {
      index = record.fields.findIndex((f) => f.text.trim() === column);
      if (index < 0) return null;
      continue;
    }
    const field = record.fields[index];
    if (field && test(field.text)) return { line: field.line, column: index + 1, cell: field.text };
  }
  return null;
}

/** The line of the n-th data record (1-based, the header not counted). */
export function lineOfRecord(file: CsvText, n: number): number | undefined {
  for (const record of records(file)) if (record.index === n) return record.line;
  return undefined;
}

function* records(file: CsvText): Generator<ScannedRecord> {
  const scan = scanRecords(file.text, { delimiter: file.dialect.delimiter, skip: file.dialect.skip });
  for (let next = scan.next(); !next.done; next = scan.next()) yield next.value;
}

export function notWholeNumber(input: Input, column: string, text: string, where: Location): InputError {
  const cell = text.trim();
  // `1.399` in a column of counts is a thousands separator far more often than a fraction of a person.
  const grouped = /^[-+]?\d{1,3}([.,]\d{3})+$/.test(cell);
  return new InputError(
    msg('cell-not-integer', { column, cell }),
    where,
    grouped
      ? msg('hint-thousands', { separator: cell.replace(/[^.,]/g, '')[0] ?? '.' })
      : msg('hint-declare-double', { column }),
  );
}

/** A whole number as text: an optional sign, digits, and at most a fractional part of zeros (`4.0`). */
function isWholeNumber(cell: string): boolean {
  const t = cell.trim();
  return t === '' || /^[-+]?\d+([.,]0+)?$/.test(t);
}

function firstLongLine(text: string, limit: number): number | null {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      if (Buffer.byteLength(text.slice(start, i)) > limit) return line;
      line++;
      start = i + 1;
    }
  }
  return null;
}

function describeType(type: string): 'integer' | 'number' | 'boolean' | 'date' | 'text' {
  if (/INT/.test(type)) return 'integer';
  if (/DOUBLE|FLOAT|DECIMAL/.test(type)) return 'number';
  return type === 'BOOLEAN' ? 'boolean' : type === 'DATE' ? 'date' : 'text';
}
