// The files a project names in data/sources.yaml: each must exist and, after following symlinks, lie
// inside the project's data/ folder — a source entry can never make istsoll read a file elsewhere.
// What tells whether a file changed (size and time stamp, or its content hash) is worked out here too.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { firstOutsideData } from '../core/confine.js';
import { displayPath, InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { paths, type Project } from '../core/project.js';
import type { Source } from '../core/schema.js';
import { locate } from '../core/yamlfile.js';
import type { Input } from './input.js';
import { TempFiles } from './temp.js';

/** A source with what tells whether its file changed. */
export interface SourceFile extends Input {
  /** Paths, sizes and time stamps of the file(s), and the hash of the source entry. */
  fingerprint: string;
  /** The content hash (of the source entry and the file bytes) and what the bytes hint at, read once, on demand. */
  scan: () => Promise<FileScan>;
}

interface FileScan {
  hash: string;
  hints: ByteHints;
}

/**
 * What the bytes of a file show, found while it is hashed (the hash reads every byte anyway, in
 * parallel with DuckDB's read): the checks that need a scan of a large table run only where a byte
 * says there may be something to find.
 */
export interface ByteHints {
  /** A control character: a NUL, an escape, a bell (not tab, line feed, carriage return). */
  control: boolean;
  /** A space next to a delimiter or a line end: a cell that may need trimming. */
  padded: boolean;
  /** The bytes of `Ã` in UTF-8 (C3 83): UTF-8 text encoded twice. */
  utf8Mojibake: boolean;
  /** A byte C3: in a file read as Windows-1252, the first byte of UTF-8 text. */
  leadC3: boolean;
}

/** Every source's file; when several are missing, one message lists them all. */
export async function describeInputs(project: Project): Promise<SourceFile[]> {
  const temp = new TempFiles(join(project.dir, '.istsoll'));
  const settled = await Promise.allSettled(
    Object.entries(project.sources).map(([name, source]) => describeInput(project, name, source, temp)),
  );
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failed.length > 1 && failed.every((e) => e instanceof InputError && e.reason.code === 'source-file-missing')) {
    throw new InputError(
      msg('sources-missing', { count: failed.length }),
      undefined,
      msg('hint-put-files'),
      failed as InputError[],
    );
  }
  if (failed.length) throw failed[0];
  return settled.map((s) => (s as PromiseFulfilledResult<SourceFile>).value);
}

async function describeInput(project: Project, name: string, source: Source, temp: TempFiles): Promise<SourceFile> {
  const { doc, lines, path: sourcesPath } = project.sourcesFile;
  const where = (key: string[]) => ({ file: sourcesPath, ...locate(doc, lines, ['sources', name, ...key]) });
  const path = join(project.dir, 'data', source.file);
  const label = displayPath(path);
  const files = await listFiles(path).catch(() => {
    throw new InputError(
      msg('source-file-missing', { file: label, source: name }),
      where(['file']),
      msg('hint-source-path'),
    );
  });
  if (!files.length)
    throw new InputError(msg('source-folder-empty', { file: label }), where(['file']), msg('hint-parquet-folder'));
  await insideData(project, files, where(['file']), name);
  const infos = await Promise.all(files.map((f) => stat(f)));
  if (infos.every((i) => i.size === 0))
    throw new InputError(msg('source-file-empty'), { file: label, line: 1 }, msg('hint-data-rows', { source: name }));
  const fingerprint = `${infos.map((i, k) => `${files[k]}:${i.size}:${i.mtimeMs}`).join(';')}|${sourceHash(source)}`;
  let scanning: Promise<FileScan> | undefined;
  const scan = () => (scanning ??= scanFiles(files, sourceHash(source)));
  return { name, source, path, label, where, fingerprint, scan, temp };
}

/** Each file, symlinks followed, must lie inside data/: `../secret.csv` or a link to /etc is refused. */
async function insideData(
  project: Pick<Project, 'dir'>,
  files: string[],
  where: { file: string; line: number; column: number },
  source: string,
): Promise<void> {
  const outside = await firstOutsideData(project.dir, files);
  if (outside !== null)
    throw new InputError(
      msg('source-outside', { file: displayPath(outside), source, folder: paths.data }),
      where,
      msg('hint-inside-data'),
    );
}

/** A file, or every Parquet file below a folder, in a stable order. */
async function listFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true });
  return entries
    .filter((e) => e.endsWith('.parquet'))
    .sort()
    .map((e) => join(path, e));
}

async function scanFiles(files: string[], seed: string): Promise<FileScan> {
  const hash = createHash('sha256').update(seed);
  const hints: ByteHints = { control: false, padded: false, utf8Mojibake: false, leadC3: false };
  for (const f of files) {
    let last = 0x0a;
    for await (const chunk of createReadStream(f, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      last = scanBytes(chunk as Buffer, last, hints);
    }
    // A space at the very end is the end of the last cell.
    if (last === 0x20) hints.padded = true;
  }
  return { hash: hash.digest('hex'), hints };
}

/** Byte classes for the scan: 1 control, 2 space, 3 the byte C3, 4 a delimiter or line end. */
const classes = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) classes[b] = b === 0x09 || b === 0x0a || b === 0x0d ? 4 : 1;
classes[0x7f] = 1;
classes[0x20] = 2;
classes[0xc3] = 3;
for (const c of ';,|') classes[c.charCodeAt(0)] = 4;

/**
 * Scans a chunk; `previous` is the last byte of the chunk before (a line feed before a file's first).
 * Returns this chunk's last byte. Four bytes at a time: a word with no byte below "!" and none above "~"
 * (letters, digits, delimiters: most of a statistics file) holds nothing to look at, so only the other
 * words are looked at byte by byte. Three times faster than a loop over every byte, which matters as
 * the scan runs beside DuckDB's read on the same cores.
 */
export function scanBytes(bytes: Buffer, previous: number, hints: ByteHints): number {
  const n = bytes.length;
  if (n === 0) return previous;
  // The pairs across the boundary with the chunk before.
  if (previous === 0x20 && classes[bytes[0]!] === 4) hints.padded = true;
  if (previous === 0xc3 && bytes[0] === 0x83) hints.utf8Mojibake = true;
  const start = Math.min(n, (4 - (bytes.byteOffset % 4)) % 4);
  const count = (n - start) >>> 2;
  // (A view needs an aligned start even when it holds no word.)
  const words = count ? new Uint32Array(bytes.buffer, bytes.byteOffset + start, count) : new Uint32Array(0);
  for (let i = 0; i < start; i++) scanByte(bytes, i, previous, hints);
  for (let w = 0; w < words.length; w++) {
    const x = words[w]!;
    // A byte below 0x21, or one of 0x7F and above (bit tricks on the whole word; exact as a yes/no).
    if (((x - 0x21212121) & ~x & 0x80808080) === 0 && (((x + 0x01010101) | x) & 0x80808080) === 0) continue;
    const i = start + 4 * w;
    for (let k = i; k < i + 4; k++) scanByte(bytes, k, previous, hints);
  }
  for (let i = start + 4 * words.length; i < n; i++) scanByte(bytes, i, previous, hints);
  return bytes[n - 1]!;
}

function scanByte(bytes: Buffer, i: number, previous: number, hints: ByteHints): void {
  const c = classes[bytes[i]!]!;
  if (c === 0 || c === 4) return;
  if (c === 1) hints.control = true;
  else if (c === 2) {
    // The byte after a chunk's last is the next chunk's first: scanBytes looks at that pair.
    const before = i > 0 ? bytes[i - 1]! : previous;
    if (classes[before] === 4 || (i + 1 < bytes.length && classes[bytes[i + 1]!] === 4)) hints.padded = true;
  } else {
    hints.leadC3 = true;
    if (bytes[i + 1] === 0x83) hints.utf8Mojibake = true;
  }
}

function sourceHash(source: Source): string {
  return createHash('sha256').update(JSON.stringify(source)).digest('hex');
}
