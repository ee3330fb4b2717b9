// Browser tests drive Debian's Chromium; the PDF tests read what it printed with poppler's pdfinfo and
// pdftotext (Debian's poppler-utils), a reading of the PDF that is not ours. Without them the tests are
// skipped with a notice on a developer's machine, but fail under CI, where .ci/run installs both: a
// missing install step must not pass silently.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { beforeAll, describe } from 'vitest';

export const chromiumPath = '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const popplerPaths = ['/usr/bin/pdfinfo', '/usr/bin/pdftotext'];

const ci = Boolean(process.env.CI);
const available = existsSync(chromiumPath) || ci;
if (!available) console.warn(`browser tests skipped: ${chromiumPath} is missing (apt-get install -y chromium)`);
const pdfAvailable = (existsSync(chromiumPath) && popplerPaths.every((p) => existsSync(p))) || ci;
if (available && !pdfAvailable)
  console.warn('PDF tests skipped: pdfinfo is missing (apt-get install -y poppler-utils)');

export const browserTests = {
  describe: available ? describe : describe.skip,
  beforeAll: available ? beforeAll : () => {},
};

export const pdfTests = { describe: pdfAvailable ? describe : describe.skip };

const run = promisify(execFile);

/** The number of pages pdfinfo finds in a PDF. */
export async function readPdfPageCount(path: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [path]);
  const pages = /^Pages:\s+(\d+)$/m.exec(stdout)?.[1];
  if (pages === undefined) throw new Error(`pdfinfo finds no page count in ${path}:\n${stdout}`);
  return Number(pages);
}

/** The text of every page as pdftotext reads it, in reading order: each page ends with a form feed. */
export async function readPdfPages(path: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\f').slice(0, -1);
}
