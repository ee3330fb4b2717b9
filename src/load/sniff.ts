// Guessing how a file is written: its format, delimiter, decimal and thousands separators. What
// sources.yaml says always wins; `istsoll inspect` shows the guesses.
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Dialect, Source } from '../core/schema.js';
import { readHead, readSample } from './encoding.js';
import { looksLikeGenesisTable } from './genesis.js';

/**
 * Parquet by its name or its first bytes; a classic GENESIS table by its title lines and its underscore
 * footer, which a district-level export may have hundreds of lines down: the end of the file is read too.
 */
export async function detectFormat(path: string, label: string): Promise<NonNullable<Source['format']>> {
  const info = await stat(path);
  if (info.isDirectory() || extname(path).toLowerCase() === '.parquet') return 'parquet';
  const head = await readHead(path, 4);
  if (head.toString('latin1') === 'PAR1') return 'parquet';
  const sample = await readSample(path, label);
  const tail = sample.complete ? '' : await readTail(path, TAIL_BYTES);
  return looksLikeGenesisTable(sample.text, tail) ? 'genesis' : 'csv';
}

const TAIL_BYTES = 1 << 16;

async function readTail(path: string, bytes: number): Promise<string> {
  const handle = await open(path);
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(bytes, size));
    await handle.read(buffer, 0, buffer.length, size - buffer.length);
    // Only the underscore line is looked for, so the encoding does not matter here.
    return buffer.toString('latin1');
  } finally {
    await handle.close();
  }
}

/** The delimiter that splits the most lines into the same number of fields. */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 200).filter((l) => l.trim() !== '');
  let best = ',';
  let bestScore = -1;
  for (const d of [';', ',', '\t', '|']) {
    const counts = lines.map((l) => l.split(d).length - 1).filter((n) => n > 0);
    const mode = modeOf(counts);
    const score = counts.filter((n) => n === mode).length * Math.min(mode, 50);
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/** Decimal comma and thousands separators, judged from number-like cells. */
export function detectNumbers(text: string, delimiter: string): Pick<Dialect, 'decimal' | 'thousands'> {
  const cells = text
    .split(/\r?\n/, 2000)
    .flatMap((l) => l.split(delimiter))
    .map((c) =>
      c
        .trim()
        .replace(/^"|"$/g, '')
        .replace(/[prs]$/, '')
        .replace(/^\((.*)\)$/, '$1'),
    );
  const count = (re: RegExp) => cells.filter((c) => re.test(c)).length;
  const germanGrouped = count(/^-?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/);
  const commaDecimal = count(/^-?\d+,\d+$/);
  const pointDecimal = count(/^-?\d+\.\d{1,2}$|^-?\d+\.\d{4,}$/);
  const englishGrouped = count(/^-?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/);
  if (commaDecimal + germanGrouped > pointDecimal + englishGrouped)
    return { decimal: ',', ...(germanGrouped ? { thousands: '.' } : {}) };
  // A comma-delimited file cannot also group thousands with commas unquoted; only then do we guess it.
  return { decimal: '.', ...(englishGrouped > pointDecimal && delimiter !== ',' ? { thousands: ',' } : {}) };
}

function modeOf(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v > best)) [best, bestCount] = [v, c];
  return best;
}
