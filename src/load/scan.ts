// A plain CSV tokenizer that knows where everything is: each record with the line it starts on and the
// line and column of each field. DuckDB's reader is fast but, on a broken file, reports "Error when
// sniffing file" or a line number that is off; when DuckDB refuses a file, this scanner finds the place.
// It runs only on that error path (and on the small files inspect looks at), so it favours clarity.

interface ScannedField {
  text: string;
  line: number;
  /** 1-based field index on its record. */
  column: number;
  quoted: boolean;
}

export interface ScannedRecord {
  /** The 0-based index of the record in the file (the header is record 0 when the file has one). */
  index: number;
  line: number;
  fields: ScannedField[];
}

export type ScanProblem =
  | { kind: 'unterminated-quote'; line: number; column: number }
  | { kind: 'text-after-quote'; line: number; column: number }
  | { kind: 'field-count'; line: number; found: number; expected: number };

export interface ScanOptions {
  delimiter: string;
  quote?: string;
  /** Lines before the header (title lines): skipped as they are. */
  skip?: number;
  /** Text after a closing quote (`"B"x`) ends the scan with a problem, as it ends DuckDB's strict reader. */
  strictQuotes?: boolean;
}

/**
 * Yields the records of a text, in order. A record is one line unless a quoted field runs over line
 * ends. Empty lines are skipped, as DuckDB skips them. An unterminated quote ends the scan with a
 * problem naming the line and field where the quote opened.
 */
export function* scanRecords(text: string, options: ScanOptions): Generator<ScannedRecord, ScanProblem | null> {
  const { delimiter } = options;
  const quote = options.quote ?? '"';
  let i = skipLines(text, options.skip ?? 0);
  let line = (options.skip ?? 0) + 1;
  let index = 0;
  while (i < text.length) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) {
      i += text[i] === '\r' ? 2 : 1;
      line++;
      continue;
    }
    const start = line;
    const fields: ScannedField[] = [];
    for (;;) {
      const column = fields.length + 1;
      const fieldLine = line;
      let value = '';
      let quoted = false;
      if (text[i] === quote) {
        quoted = true;
        i++;
        for (;;) {
          if (i >= text.length) return { kind: 'unterminated-quote', line: fieldLine, column };
          const c = text[i]!;
          if (c === quote) {
            if (text[i + 1] === quote) {
              value += quote;
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          value += c;
          i++;
        }
        // Text after the closing quote belongs to the field, as lenient readers take it.
        const after = i;
        while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') value += text[i++];
        if (options.strictQuotes && i > after) return { kind: 'text-after-quote', line, column };
      } else {
        const end = nextBreak(text, i, delimiter);
        value = text.slice(i, end);
        i = end;
      }
      fields.push({ text: value, line: fieldLine, column, quoted });
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
      else if (text[i] === '\n' || text[i] === '\r') i++;
      line++;
      break;
    }
    yield { index: index++, line: start, fields };
  }
  return null;
}

/** All records, or the first structural problem: a quote that never closes, or a record of another width. */
export function scanTable(
  text: string,
  options: ScanOptions,
): { records: ScannedRecord[]; problem: ScanProblem | null } {
  const records: ScannedRecord[] = [];
  const scan = scanRecords(text, options);
  for (;;) {
    const next = scan.next();
    if (next.done) return { records, problem: next.value };
    const record = next.value;
    const width = records[0]?.fields.length;
    if (width !== undefined && record.fields.length !== width) {
      return {
        records,
        problem: { kind: 'field-count', line: record.line, found: record.fields.length, expected: width },
      };
    }
    records.push(record);
  }
}

function skipLines(text: string, count: number): number {
  let i = 0;
  for (let n = 0; n < count && i < text.length; n++) {
    const end = text.indexOf('\n', i);
    i = end < 0 ? text.length : end + 1;
  }
  return i;
}

function nextBreak(text: string, from: number, delimiter: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === delimiter || c === '\n' || c === '\r') return i;
  }
  return text.length;
}
