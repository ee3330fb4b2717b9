// Browser tests drive Debian's Chromium; the PDF tests read what it printed with poppler's pdfinfo and
// pdftotext (Debian's poppler-utils), a reading of the PDF that is not ours. Without them the tests are
// skipped with a notice on a developer's machine, but fail under CI, where .ci/run installs both: a
// missing install step must not pass silently.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
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
const popplerPaths = ['/usr/bin/pdfinfo', '/usr/bin/pdftotext', '/usr/bin/pdftoppm'];

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

/**
 * How far down its body the ink of each page reaches (0 at the top margin, 1 at the bottom margin), from
 * poppler's pdftoppm at a low resolution: a page whose ink ends early holds only a few lines.
 */
export async function readPdfPageFills(path: string): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'istsoll-pages-'));
  try {
    await run('pdftoppm', ['-r', '24', '-gray', path, join(dir, 'p')], { maxBuffer: 64 * 1024 * 1024 });
    const files = (await readdir(dir)).sort();
    return Promise.all(
      files.map(async (file) => {
        const data = await readFile(join(dir, file));
        const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.toString('latin1', 0, 40))!;
        const [w, h] = [Number(header[1]), Number(header[2])];
        const pixels = data.subarray(header[0].length);
        // The running head and foot lie in the margins (17 and 15 mm of 297): only the body counts.
        const [top, bottom] = [Math.round((h * 20) / 297), Math.round((h * 280) / 297)];
        let last = top;
        for (let y = top; y <= bottom; y++) if (pixels.subarray(y * w, (y + 1) * w).some((v) => v < 200)) last = y;
        return (last - top) / (bottom - top);
      }),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Scrolls every chart into view, as a reader would, and waits until vega-embed has drawn it (or failed). */
export async function drawAll(page: Page): Promise<void> {
  await page.waitForSelector('html[data-charts="ready"]');
  await page.evaluate(async () => {
    for (const box of document.querySelectorAll('.chart-box')) {
      box.scrollIntoView({ block: 'center' });
      const chart = box.querySelector('.chart')!;
      const started = performance.now();
      while (!chart.hasAttribute('data-rendered') && performance.now() - started < 10_000)
        await new Promise((r) => setTimeout(r, 10));
    }
    window.scrollTo(0, 0);
  });
}
