// The report on a phone, on a desktop and with a screen reader (issue 15): the example report in German and
// English, opened from disk at 320, 390 and 1366 pixels, with and without JavaScript. No page wider than
// the screen, the overview's rating in view, no chart text over another, and no finding of axe-core of
// any impact (at 390 and 1366 pixels). Screenshots of the summary go to tests/screenshots/ (not committed).
// One browser and one report per language for the whole file.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { compareIndicators } from '../src/compare/compare.js';
import { computeProject } from '../src/compute/compute.js';
import type { Lang } from '../src/core/format.js';
import { readProject } from '../src/core/project.js';
import { loadProject } from '../src/load/load.js';
import { buildReportModel } from '../src/report/model.js';
import { writeReport } from '../src/report/page.js';
import { browserTests, chromiumArgs, chromiumPath, drawAll } from './browser-env.js';

const root = resolve(import.meta.dirname, '..');
const screenshots = join(root, 'tests', 'screenshots');
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const widths = [320, 390, 1366];

let work: string;
let browser: Browser;
const urls = new Map<Lang, string>();

browserTests.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'istsoll-reading-'));
  const project = await readProject(root);
  const db = join(work, 'example.duckdb');
  await loadProject(project, db);
  const values = await computeProject(project, db);
  const comparisons = compareIndicators(project.indicators, values, project.config.method);
  for (const lang of ['de', 'en'] as const) {
    const model = buildReportModel(project, values, comparisons, { lang, now: new Date(), version: 'test' });
    const path = join(work, `report-${lang}.html`);
    await writeReport(model, path);
    urls.set(lang, pathToFileURL(path).href);
  }
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
});

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/**
 * The report at a width, with or without JavaScript. Without, scripts are switched off only while the page
 * loads (as in a browser without JavaScript: the page's scripts never run, <noscript> shows), so that
 * axe-core can run in it afterwards.
 */
async function open(lang: Lang, width: number, javaScript: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (!javaScript) await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  await page.goto(urls.get(lang)!, { waitUntil: 'load' });
  if (!javaScript) await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
  else await drawAll(page);
  // Every section laid out, as after reading it through (content-visibility skips those out of view).
  await page.addStyleTag({ content: 'section.indicator { content-visibility: visible !important; }' });
  // Two frames: layout, then the page script's resize observers.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page;
}

/** What a reader sees at this width: how wide the page is, where the first rating is, which chart texts collide. */
function measure(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const status = document.querySelector('.overview-table tbody tr td:last-child')!.getBoundingClientRect();
    const collisions: string[] = [];
    for (const box of document.querySelectorAll('.chart-box')) {
      const svg = box.classList.contains('live')
        ? box.querySelector('.chart svg')
        : box.querySelector('.chart-static svg');
      const texts = [...(svg?.querySelectorAll('text') ?? [])]
        .filter((t) => t.textContent?.trim() && getComputedStyle(t).opacity !== '0')
        .map((t) => ({ text: t.textContent!, box: t.getBoundingClientRect() }));
      const id = box.querySelector('.chart')!.getAttribute('data-chart');
      texts.forEach((a, i) =>
        texts.slice(i + 1).forEach((b) => {
          const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (x > 1 && y > 1) collisions.push(`${id}: „${a.text}“ over „${b.text}“`);
        }),
      );
    }
    const smallest = Math.min(
      ...[...document.querySelectorAll('.chart-box')].flatMap((box) =>
        [...box.querySelectorAll(box.classList.contains('live') ? '.chart svg text' : '.chart-static svg text')].map(
          (t) => t.getBoundingClientRect().height,
        ),
      ),
    );
    const fields = document.querySelector('.field-table')!;
    return {
      overflow: doc.scrollWidth - doc.clientWidth,
      fieldTableHidden: fields.scrollWidth - fields.parentElement!.clientWidth,
      statusRight: status.right,
      statusWidth: status.width,
      viewport: doc.clientWidth,
      collisions,
      smallest,
    };
  });
}

async function axeFindings(page: Page): Promise<string[]> {
  await page.evaluate(`${axeSource};0`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<AxeResult> } }).axe;
    interface AxeResult {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    }
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.length}× (${v.nodes[0]?.target.join(' ')})`);
  });
}

const axeNote = (width: number) => (width === 320 ? '' : ', nothing for axe');

for (const lang of ['de', 'en'] as const)
  for (const javaScript of [false, true])
    browserTests.describe(`the ${lang} report ${javaScript ? 'with' : 'without'} JavaScript`, () => {
      for (const width of widths)
        it(`fits ${width} pixels: no sideways scroll, rating in view, texts apart${axeNote(width)}`, async () => {
          const page = await open(lang, width, javaScript);
          const m = await measure(page);
          expect(m.overflow, 'the page is wider than the screen').toBe(0);
          expect(m.statusWidth).toBeGreaterThan(0);
          expect(m.statusRight).toBeLessThanOrEqual(m.viewport);
          expect(m.collisions).toEqual([]);
          // On a desktop the council's table of fields shows every column without scrolling sideways.
          if (width === 1366)
            expect(m.fieldTableHidden, 'pixels of the field table out of view').toBeLessThanOrEqual(0);
          // Chart text stays readable on the narrowest phone (a text box of 10 pixels is about 8-pixel type).
          expect(m.smallest).toBeGreaterThanOrEqual(width === 320 ? 10 : 12);
          if (width === 390 || width === 1366) {
            await mkdir(screenshots, { recursive: true });
            const file = join(screenshots, `summary-${lang}-${width}${javaScript ? '' : '-nojs'}.png`);
            await page.locator('#rat').screenshot({ path: file });
          }
          // Both layouts: the phone's (cards, as at 320 pixels) and the desktop's.
          if (width !== 320) expect(await axeFindings(page)).toEqual([]);
          await page.context().close();
        });
    });

browserTests.describe('the keyboard and the screen reader', () => {
  it('reaches only the table boxes that scroll, and names the fields of action as headings', async () => {
    const page = await open('de', 1366, true);
    // Those shown: a closed disclosure's tables are updated when it opens.
    const boxes = await page.$$eval('.table-scroll', (all) =>
      all
        .filter((b) => b.clientWidth > 0 && !b.closest('details:not([open])'))
        .map((b) => ({ scrolls: b.scrollWidth > b.clientWidth + 1, tab: b.getAttribute('tabindex') })),
    );
    expect(boxes.length).toBeGreaterThan(20);
    for (const b of boxes) expect(b.tab).toBe(b.scrolls ? '0' : null);
    const fields = await page.$$eval('section.field > h2', (hs) =>
      hs.map((h) => h.textContent!.replace(/\u00ad/g, '')),
    );
    const listed = await page.$$eval('.toc-fields > ol > li > a', (as) => as.map((a) => a.textContent));
    expect(fields.length).toBeGreaterThan(3);
    expect(fields.map((f) => f.replace(/^Handlungsfeld:\s*/, ''))).toEqual(listed);
    // The live charts speak German, with the numbers as the report writes them.
    const labels = await page.$$eval('.chart svg [aria-label]', (es) => es.map((e) => e.getAttribute('aria-label')));
    expect(labels.some((l) => /^\d{4}(, [^:]+)?: \d+,\d\s%/.test(l ?? ''))).toBe(true);
    expect(labels.filter((l) => /\d\.\d{3,}|value:|year:/.test(l ?? ''))).toEqual([]);
    expect(await page.locator('.chart [aria-roledescription]').count()).toBe(0);
    await page.context().close();
  });

  it('marks German source texts in the English report, and opens the earlier years on request', async () => {
    const page = await open('en', 1366, false);
    expect(await page.locator('#anhang [lang="de"]').count()).toBeGreaterThan(0);
    const older = page.locator('details.older-years').first();
    const table = older.locator('table');
    expect(await table.isVisible()).toBe(false);
    await older.locator('summary').click();
    expect(await table.isVisible()).toBe(true);
    await page.context().close();
  });
});
