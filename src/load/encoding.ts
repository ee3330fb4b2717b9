// What kind of bytes a file holds: text in UTF-8 (with or without byte-order mark), UTF-16 (by its
// byte-order mark), Windows-1252 / Latin-1 — or no text at all (a spreadsheet, a PDF, a zip saved
// under a .csv name), which is refused by name instead of being read as garbage.
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { Dialect } from '../core/schema.js';
import type { Encoding, Input } from './input.js';

export interface Sample {
  /** The first bytes decoded, without a byte-order mark. */
  text: string;
  encoding: Encoding;
  bom: boolean;
  /** The whole file fitted into the sample. */
  complete: boolean;
}

const SAMPLE_BYTES = 1 << 20;

/** The first megabyte of a file, decoded; `declared` (from sources.yaml) wins over what the bytes suggest. */
export async function readSample(path: string, label: string, declared?: Dialect['encoding']): Promise<Sample> {
  const bytes = await readHead(path, SAMPLE_BYTES);
  const complete = bytes.length < SAMPLE_BYTES;
  const bom = byteOrderMark(bytes);
  refuseBinary(bytes, bom, label);
  // What sources.yaml declares wins; a wrong declaration shows as mojibake, which the checks stop at.
  const encoding: Encoding =
    declared === 'latin-1' || declared === 'windows-1252'
      ? 'windows-1252'
      : declared === 'utf-8'
        ? 'utf-8'
        : (bom ?? (isUtf8(bytes, !complete) ? 'utf-8' : 'windows-1252'));
  const skip = bom === encoding ? (bom === 'utf-8' ? 3 : 2) : 0;
  const body = bytes.subarray(skip);
  const text = encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, encoding);
  return { text, encoding, bom: bom !== null, complete };
}

/** The file as UTF-8 for DuckDB: the file itself, or a converted copy in the load's private folder. */
export async function toUtf8(input: Input, encoding: Encoding): Promise<string> {
  if (encoding === 'utf-8') return input.path;
  const out = await input.temp.file(`${input.name}.utf8.csv`);
  await pipeline(
    createReadStream(input.path),
    iconv.decodeStream(encoding),
    iconv.encodeStream('utf-8'),
    createWriteStream(out, { flags: 'wx', mode: 0o600 }),
  );
  return out;
}

export async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function byteOrderMark(bytes: Buffer): Encoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** The first bytes of file formats people save under a .csv name by mistake. */
const signatures: [string, Buffer][] = [
  ['zip', Buffer.from('PK\x03\x04', 'latin1')],
  ['xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0])],
  ['pdf', Buffer.from('%PDF', 'latin1')],
  ['parquet', Buffer.from('PAR1', 'latin1')],
  ['gzip', Buffer.from([0x1f, 0x8b])],
];

/** A file of another format, or one with NUL bytes outside UTF-16, is no CSV text: say what it is. */
function refuseBinary(bytes: Buffer, bom: Encoding | null, label: string): void {
  if (bom === 'utf-16le' || bom === 'utf-16be') return;
  const kind = signatures.find(([, magic]) => bytes.subarray(0, magic.length).equals(magic))?.[0];
  const nul = bytes.indexOf(0);
  if (kind === undefined && nul < 0) return;
  const utf16 = kind === undefined && looksLikeUtf16(bytes);
  throw new InputError(
    msg('source-binary', { kind: kind ?? (utf16 ? 'utf-16' : 'binary') }),
    // A file of another format shows it in its first bytes; a stray NUL, on its line.
    kind === undefined ? { file: label, line: lineOf(bytes, nul) } : { file: label, line: 1, column: 1 },
    msg(kind === 'parquet' ? 'hint-parquet-name' : utf16 ? 'hint-utf16-bom' : 'hint-export-csv'),
  );
}

/** UTF-16 without a byte-order mark: every other byte of plain ASCII text is zero. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const n = Math.min(bytes.length, 200);
  let zeros = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++;
  return zeros > n / 3;
}

function lineOf(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
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
