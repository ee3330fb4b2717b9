// Guessing how a file is written, from its first bytes: encoding, format, delimiter, decimal and
// thousands separators. What sources.yaml says always wins; `istsoll inspect` shows the guesses.
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import iconv from 'iconv-lite';
import { looksLikeGenesisTable } from './genesis.js';
import type { Dialect, Source } from '../core/schema.js';

export interface Sample {
  /** The first bytes decoded, without a byte-order mark. */
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
}

const SAMPLE_BYTES = 1 << 20;

export async function readSample(path: string, encoding?: Dialect['encoding']): Promise<Sample> {
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    const bytes = buffer.subarray(0, bytesRead);
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const detected = encoding ?? (isUtf8(bytes, bytesRead === SAMPLE_BYTES) ? 'utf-8' : 'windows-1252');
    const enc = detected === 'latin-1' ? 'windows-1252' : detected;
    const text = enc === 'utf-8' ? bytes.subarray(bom ? 3 : 0).toString('utf8') : iconv.decode(bytes, enc);
    return { text, encoding: enc, bom };
  } finally {
    await handle.close();
  }
}

function isUtf8(bytes: Buffer, truncated: boolean): boolean {
  try {
    // A multi-byte character cut at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(truncated ? bytes.subarray(0, bytes.length - 3) : bytes);
    return true;
  } catch {
    return false;
  }
}

export async function detectFormat(path: string, sample: Sample | null): Promise<NonNullable<Source['format']>> {
  const info = await stat(path);
  if (info.isDirectory() || extname(path).toLowerCase() === '.parquet') return 'parquet';
  return sample && looksLikeGenesisTable(sample.text) ? 'genesis' : 'csv';
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
