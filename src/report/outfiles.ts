// Where a report may be written. istsoll writes only .html and .pdf files, never into the folders it
// reads (data/, indicators/, measures/, .istsoll/ — judged after following links), and never over a file
// it did not write itself: every file it writes carries a mark (the HTML a generator meta tag, the PDF
// its Creator), and an existing file without the mark is left alone. All files of a run are checked
// before the first is written, so that a refusal leaves nothing half done.
import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { isInside, linkTarget, realLocation, realPath } from '../core/confine.js';
import { displayPath, InputError } from '../core/errors.js';
import { msg, type Message } from '../core/messages/index.js';
import { paths } from '../core/project.js';

export type ReportKind = 'html' | 'pdf';

/** What a file name says the file is: a report's HTML, its PDF, or neither. */
export function reportKind(path: string): ReportKind | null {
  const ext = extname(path).toLowerCase();
  return ext === '.html' || ext === '.htm' ? 'html' : ext === '.pdf' ? 'pdf' : null;
}

/** The folders istsoll reads from; nothing it writes may land in them. */
const readFolders = [paths.data, paths.indicators, paths.measures, '.istsoll'];

/** Refuses the first file of a report run that istsoll may not write; writes nothing itself. */
export async function checkReportFiles(projectDir: string, files: string[]): Promise<void> {
  const folders = await Promise.all(readFolders.map(async (f) => [f, await realPath(join(projectDir, f))] as const));
  for (const file of files) {
    const name = displayPath(file);
    const refuse = (reason: Message, hint: Message) => new InputError(reason, name, hint);
    const kind = reportKind(file);
    if (!kind) throw refuse(msg('out-extension'), msg('hint-out-name'));
    // Where the file would land, and where a link at its name leads: neither may be a folder istsoll reads.
    const places = [await realLocation(file), await linkTarget(file)].filter((p): p is string => p !== null);
    const into = folders.find(([, real]) => places.some((p) => isInside(real, p)));
    if (into) throw refuse(msg('out-project-folder', { folder: into[0] }), msg('hint-out-folder'));
    const info = await stat(file).catch(() => null);
    if (info?.isDirectory()) throw refuse(msg('out-is-folder'), msg('hint-out-name'));
    // Anything else that is there (a file of another program, a pipe) stays untouched.
    if (info && !(info.isFile() && (await wroteItself(file, kind))))
      throw refuse(msg('out-foreign'), msg('hint-out-foreign'));
  }
}

/** The mark in the head of every report page (the generator meta tag, written by page.ts). */
export const htmlMark = '<meta name="generator" content="istsoll ';

/** The mark at the end of every report PDF: its document information names istsoll as the Creator. */
export const pdfMark = '/Creator (istsoll ';

/** Whether istsoll wrote the file: its mark is where istsoll puts it (the head of HTML, the end of a PDF). */
async function wroteItself(file: string, kind: ReportKind): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, 4096);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, kind === 'html' ? 0 : size - length);
      return buffer.toString('latin1').includes(kind === 'html' ? htmlMark : pdfMark);
    } finally {
      await handle.close();
    }
  } catch {
    return false; // a file istsoll cannot read is not one it wrote
  }
}

/**
 * Writes beside the target under a random name (created exclusively, so that no file or link of that name
 * is followed) and renames it into place: a reader never sees half a report, and a failed write leaves
 * nothing behind. A folder that cannot be written to is a problem of input, not a bug.
 */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, data, { flag: 'wx' });
    await moveIntoPlace(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e;
    throw new InputError(msg('file-unwritable', { reason: code }), displayPath(path), msg('hint-file-permissions'));
  }
}

/**
 * Renames over a file that was there when the run was checked; where there was none, links the new file
 * to the name instead, which fails if a file of that name appeared in the meantime rather than replace it.
 * (A file system without hard links falls back to the rename.)
 */
async function moveIntoPlace(temp: string, path: string): Promise<void> {
  const existed = await lstat(path).then(
    () => true,
    () => false,
  );
  if (!existed) {
    try {
      await link(temp, path);
      await rm(temp, { force: true });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST')
        throw new InputError(msg('out-foreign'), displayPath(path), msg('hint-out-foreign'));
    }
  }
  await rename(temp, path);
}

/**
 * The PDF with istsoll's mark: an incremental update (PDF 1.7, 7.5.6) appends a new document information
 * dictionary, Chromium's own (title, dates, producer) with istsoll as its Creator, and a cross-reference
 * section for it. Readers see the same pages; the original bytes stay as they were.
 */
export function markPdf(pdf: Buffer, version: string): Buffer {
  const text = pdf.toString('latin1');
  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(text);
  const size = Number(/\/Size\s+(\d+)/.exec(trailer?.[1] ?? '')?.[1]);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer?.[1] ?? '')?.[1];
  // Not the classic layout Chromium writes: the file stays as it is (and will not be overwritten later).
  if (!trailer || !Number.isInteger(size) || !root) return pdf;
  const info = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer[1]!);
  const old = info
    ? new RegExp(`(?:^|\\s)${info[1]}\\s+${info[2]}\\s+obj\\s*<<([\\s\\S]*?)>>\\s*endobj`).exec(text)
    : null;
  const kept = (old?.[1] ?? '').replace(/\/Creator\s*(?:\((?:\\[\s\S]|[^\\)])*\)|<[^>]*>)\s*/, '').trim();
  const creator = `${pdfMark}${version.replace(/[()\\]/g, '')})`;
  const id = /\/ID\s*\[[^\]]*\]/.exec(trailer[1]!)?.[0];
  const separator = text.endsWith('\n') ? '' : '\n';
  const start = pdf.length + separator.length;
  const object = `${size} 0 obj\n<<${kept ? `${kept}\n` : ''}${creator}>>\nendobj\n`;
  const xref = start + object.length;
  const update =
    `${separator}${object}xref\n${size} 1\n${String(start).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${size + 1}\n/Root ${root}\n/Info ${size} 0 R${id ? `\n${id}` : ''}\n/Prev ${trailer[2]}>>\n` +
    `startxref\n${xref}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}
