// The report as PDF: the same HTML printed by a local Chromium (through playwright-core, which never
// downloads a browser of its own). The print stylesheet does the layout; JavaScript stays off, so the
// PDF shows the SVGs drawn in Node and nothing can run while printing. The PDF carries istsoll's mark
// (outfiles.ts) and is written in one step, like the HTML.
import { access, constants } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { istsollVersion } from '../core/version.js';
import { markPdf, writeAtomically } from './outfiles.js';
import { readDestinations } from './pdf-pages.js';
import type { Page } from 'playwright-core';

/** Where Chromium or Chrome usually lives; CHROMIUM_PATH, when set, is the only place looked at. */
const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const paths = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : candidates;
  for (const path of paths) {
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // not there: try the next one
    }
  }
  return null;
}

export async function writePdf(
  htmlPath: string,
  pdfPath: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ pages: number }> {
  const executablePath = await findChromium(env);
  if (!executablePath) {
    throw new InputError(
      msg('pdf-no-chromium', { path: env.CHROMIUM_PATH ?? null }),
      undefined,
      msg('hint-install-chromium'),
    );
  }
  const { chromium } = await import('playwright-core').catch(() => {
    throw new InputError(msg('pdf-no-playwright'), undefined, msg('hint-npm-install'));
  });
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  let pdf: Buffer;
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    // Nothing but the file itself may load, whatever the HTML says.
    await page.route(/.*/, (route) =>
      route.request().url() === pathToFileURL(htmlPath).href ? route.continue() : route.abort(),
    );
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    pdf = await printWithContents(page);
  } finally {
    await browser.close();
  }
  await writeAtomically(pdfPath, markPdf(pdf, istsollVersion()));
  return { pages: countPdfPages(pdf) };
}

const printOptions = { preferCSSPageSize: true, printBackground: true, tagged: true, outline: true };

/**
 * Chromium cannot number the contents itself (it has no target-counter()), so the report is printed once,
 * the page of each part read from the PDF (pdf-pages.ts), the numbers written into the contents, and the
 * report printed again. The numbers stand in boxes of a fixed width, so writing them moves nothing.
 * The same reading shows where each part ends (a marker at its end links to itself, so Chromium records
 * its place): a part whose last page would hold only a few lines is set tighter, a step at a time, until
 * its tail moves back onto the page before. Each round prints again; it stops when nothing changes.
 */
async function printWithContents(page: Page): Promise<Buffer> {
  let pdf = await page.pdf(printOptions);
  for (let round = 0; round < 6; round++) {
    const places = Object.fromEntries(readDestinations(pdf));
    const changed = await page.evaluate(
      ({ places, shortest }) => {
        let changes = 0;
        for (const box of document.querySelectorAll<HTMLElement>('.toc-page[data-page-of]')) {
          const text = String(places[box.dataset.pageOf ?? '']?.page ?? '');
          if (box.textContent !== text) {
            box.textContent = text;
            changes++;
          }
        }
        for (const end of document.querySelectorAll<HTMLElement>('.part-end[id]')) {
          const part = document.getElementById(end.dataset.part ?? '');
          const [start, stop] = [places[end.dataset.part ?? ''], places[end.id]];
          const level = Number(part?.dataset.tight ?? 0);
          if (!part || !start || !stop || stop.page <= start.page || stop.down > shortest || level >= 3) continue;
          part.dataset.tight = String(level + 1);
          changes++;
        }
        return changes;
      },
      { places, shortest: shortestTail },
    );
    if (!changed) return pdf;
    pdf = await page.pdf(printOptions);
  }
  return pdf;
}

/**
 * A part's last page ends this far down the sheet or further (the top margin is 17 mm of 297, so this is
 * a quarter of the page's body): less is a tail alone on a page.
 */
const shortestTail = 0.27;

/** Page objects of a PDF as Chromium writes it (uncompressed object headers): `/Type /Page`, not `/Pages`. */
function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
