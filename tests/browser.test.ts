// Reports opened from disk in headless Chromium: the example project with and without JavaScript, a test
// project with a hostile district name, and the PDF. One browser for the whole file.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { compareIndicators } from '../src/compare/compare.js';
import { computeProject } from '../src/compute/compute.js';
import type { Lang } from '../src/core/format.js';
import { loadProject } from '../src/load/load.js';
import { writePdf } from '../src/report/pdf.js';
import { readProject } from '../src/core/project.js';
import { buildReportModel, type ReportModel } from '../src/report/model.js';
import { readProvenance } from '../src/report/provenance.js';
import { writeReport } from '../src/report/page.js';
import {
  browserTests,
  chromiumArgs,
  chromiumPath,
  drawAll,
  pdfTests,
  readPdfPageCount,
  readPdfPageFills,
  readPdfPages,
} from './browser-env.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
import { copyFixture } from './helpers.js';

const root = resolve(import.meta.dirname, '..');
const hostile = '<script>alert(1)</script>';
const now = new Date('2026-01-15T09:00:00Z');

let work: string;
let browser: Browser;

/** Load, compute, compare and write the report of a project folder, as `istsoll report` does. */
async function buildReport(
  dir: string,
  lang: Lang,
  name: string,
): Promise<{ model: ReportModel; path: string; url: string }> {
  const project = await readProject(dir);
  const db = join(work, `${name}.duckdb`);
  const loaded = await loadProject(project, db);
  const values = await computeProject(project, db);
  const comparisons = compareIndicators(project.indicators, values, project.config.method);
  const model = buildReportModel(project, values, comparisons, {
    lang,
    now,
    version: 'test',
    provenance: await readProvenance(project, loaded),
  });
  const path = join(work, `${name}.html`);
  await writeReport(model, path);
  return { model, path, url: pathToFileURL(path).href };
}

/** A page that records every request, console message, page error and dialog. */
async function open(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const seen = { requests: [] as string[], messages: [] as string[], dialogs: [] as string[] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.messages.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, seen };
}

let example: { model: ReportModel; path: string; url: string };
let js: { page: Page; seen: { requests: string[]; messages: string[]; dialogs: string[] } };

browserTests.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'istsoll-browser-'));
  example = await buildReport(root, 'de', 'example');
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  js = await open(await browser.newContext({ viewport: { width: 1280, height: 900 } }), example.url);
  await drawAll(js.page);
});

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const figures = () => example.model.indicators.flatMap((s) => s.figures);

browserTests.describe('the example report with JavaScript', () => {
  it('has a chart for every figure of the model: an SVG drawn in Node and a place for the live one', async () => {
    const ids = await js.page.$$eval('.chart[data-chart]', (charts) => charts.map((c) => c.getAttribute('data-chart')));
    expect(ids).toEqual(figures().map((f) => f.id));
    expect(await js.page.locator('.chart-static > svg').count()).toBe(figures().length);
  });

  it('draws every chart with vega-embed as it comes into view, described for screen readers', async () => {
    const drawn = await js.page.$$eval('.chart[data-chart]', (charts) =>
      charts.map((el) => ({
        id: el.getAttribute('data-chart'),
        state: el.getAttribute('data-rendered'),
        marks: el.querySelectorAll('svg g.mark-symbol path, svg g.mark-rect path, svg g.mark-line path').length,
        label:
          el.querySelector('[role="graphics-document"]')?.getAttribute('aria-label') ?? el.getAttribute('aria-label'),
        live: el.parentElement!.classList.contains('live'),
      })),
    );
    for (const f of figures()) {
      const chart = drawn.find((d) => d.id === f.id)!;
      expect(chart, f.id).toMatchObject({ state: 'true', live: true, label: f.chart.description });
      expect(chart.marks, f.id).toBeGreaterThan(0);
    }
  });

  it('logs no errors or warnings, opens no dialog, and requests nothing but the file itself', () => {
    expect(js.seen.messages).toEqual([]);
    expect(js.seen.dialogs).toEqual([]);
    expect(js.seen.requests.length).toBeGreaterThan(0);
    expect(js.seen.requests.filter((r) => r !== example.url)).toEqual([]);
  });

  it('shows the notice at the top of the first screen', async () => {
    const notice = js.page.locator('.notice');
    expect(await notice.textContent()).toContain(example.model.notice!);
    expect((await notice.boundingBox())!.y).toBeLessThan(400);
  });

  it('writes a screenshot of the summary page, in German and in English', async () => {
    const english = await buildReport(root, 'en', 'example-en');
    const page = (await open(await browser.newContext({ viewport: { width: 1280, height: 900 } }), english.url)).page;
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#ueberblick-titel').textContent()).toBe('At a glance');
    for (const [lang, p] of [
      ['de', js.page],
      ['en', page],
    ] as const) {
      const file = join(tmpdir(), `istsoll-summary-${lang}.png`);
      await p.locator('#ueberblick').screenshot({ path: file });
      console.log(`screenshot of the summary page (${lang}): ${file}`);
      expect((await stat(file)).size).toBeGreaterThan(20_000);
    }
  });
  it('sorts the overview by rating with a click on its heading, worst first, and back with a second', async () => {
    const heading = js.page.locator('table.sortable thead th').last();
    const ranks = () =>
      js.page.$$eval('table.sortable tbody tr', (rows) =>
        rows.map((r) => Number(r.lastElementChild!.getAttribute('data-sort'))),
      );
    await heading.locator('button').click();
    expect(await heading.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await ranks();
    expect(ascending).toEqual(ascending.toSorted((a, b) => a - b));
    await heading.locator('button').press('Enter');
    expect(await heading.getAttribute('aria-sort')).toBe('descending');
    expect(await ranks()).toEqual(ascending.toSorted((a, b) => b - a));
  });

  it('reaches a table by keyboard: its scroll box takes the focus', async () => {
    // Only a box whose table is wider than it is a tab stop (browser-reading.test.ts says so).
    const box = js.page.locator('.table-scroll[tabindex="0"]').first();
    await box.focus();
    expect(await js.page.evaluate(() => document.activeElement?.classList.contains('table-scroll'))).toBe(true);
  });
});

browserTests.describe('measures and downloads in the example report', () => {
  it('shows every example measure by title, beside its field and under its indicators (de, en)', async () => {
    const project = await readProject(root);
    const english = await buildReport(root, 'en', 'example-en-measures');
    const page = (await open(await browser.newContext(), english.url)).page;
    for (const [lang, p] of [
      ['de', js.page],
      ['en', page],
    ] as const) {
      const fields = (await p.locator('#handlungsfelder').textContent())!;
      for (const m of project.measures) {
        const title = m.title[lang]!;
        expect(fields, `${m.id} (${lang})`).toContain(title);
        for (const id of m.indicators)
          expect(
            await p.locator(`#indikator-${id} .indicator-measures`).textContent(),
            `${m.id} under ${id}`,
          ).toContain(title);
      }
      // The overdue ones are named on the council's page.
      const council = (await p.locator('#rat').textContent())!;
      for (const { id } of english.model.council.measures!.overdue)
        expect(council).toContain(project.measures.find((m) => m.id === id)!.title[lang]);
    }
  });

  /** Clicks a download link and reads the file the browser saved. */
  async function download(javaScriptEnabled: boolean, selector: string) {
    const context = await browser.newContext({ javaScriptEnabled, acceptDownloads: true });
    const { page, seen } = await open(context, example.url);
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
    const text = await readFile((await file.path())!, 'utf8');
    expect(seen.messages).toEqual([]);
    expect(seen.requests.filter((r) => r !== example.url)).toEqual([]);
    await context.close();
    return { name: file.suggestedFilename(), text };
  }

  it('hands out an indicator’s values as a CSV file packed in the report', async () => {
    const { name, text } = await download(true, '#indikator-einbuergerungsrate .download a');
    expect(name).toBe('einbuergerungsrate.csv');
    expect(text).toBe(example.model.indicators.find((s) => s.id === 'einbuergerungsrate')!.download!.csv);
    expect(text.startsWith('\uFEFFJahr;Ortsteil;je 1.000;Hinweis\r\n')).toBe(true);
    // A second click gives the same file again.
    expect((await download(true, '#indikator-einbuergerungsrate .download a')).text).toBe(text);
  });

  it('hands out the table of all targets without JavaScript too, and hides what needs it', async () => {
    const { name, text } = await download(false, '#rat .download a');
    expect(name).toBe('alle-ziele.csv');
    expect(text).toBe(example.model.council.download.csv);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const { page } = await open(context, example.url);
    expect(await page.locator('#indikator-einbuergerungsrate .download').isVisible()).toBe(false);
    await context.close();
  });
});

browserTests.describe('the example report without JavaScript', () => {
  it('shows the same charts as SVG, and requests nothing', async () => {
    const { page, seen } = await open(
      await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } }),
      example.url,
    );
    const charts = await page.$$eval('.chart-box', (boxes) =>
      boxes.map((box) => {
        const svg = box.querySelector('.chart-static > svg');
        return {
          id: box.querySelector('.chart')!.getAttribute('data-chart'),
          width: svg?.getBoundingClientRect().width ?? 0,
          shapes: svg?.querySelectorAll('path').length ?? 0,
          label: box.querySelector('.chart-static')!.getAttribute('aria-label'),
        };
      }),
    );
    expect(charts.map((c) => c.id)).toEqual(figures().map((f) => f.id));
    for (const [i, f] of figures().entries()) {
      expect(charts[i]!.width, f.id).toBeGreaterThan(300);
      expect(charts[i]!.shapes, f.id).toBeGreaterThan(2);
      expect(charts[i]!.label, f.id).toBe(f.chart.description);
    }
    expect(seen.requests.filter((r) => r !== example.url)).toEqual([]);
  });
});

browserTests.describe('a hostile district name in the data', () => {
  it('is shown as text in tables and charts, and nothing runs', async () => {
    const dir = await copyFixture('mini');
    for (const file of ['emp.csv', 'pop.csv']) {
      const path = join(dir, 'data', file);
      await writeFile(path, (await readFile(path, 'utf8')).replace(/^(\d{4}[,;])A([,;])/gm, `$1${hostile}$2`));
    }
    const report = await buildReport(dir, 'de', 'hostile');
    const { page, seen } = await open(await browser.newContext(), report.url);
    await drawAll(page);
    expect(seen.dialogs).toEqual([]);
    expect(seen.messages).toEqual([]);
    // The page's own eight, and the three libraries the page script started: no other.
    expect(await page.locator('script:not([data-started])').count()).toBe(8);
    expect(await page.$$eval('script[data-started]', (ss) => ss.map((s) => s.getAttribute('data-started')))).toEqual([
      'vega',
      'vega-lite',
      'vega-embed',
    ]);
    const heads = await page.$$eval('.figure-breakdown .data-table tbody th', (ths) => ths.map((th) => th.textContent));
    expect(heads).toContain(hostile);
    const texts = await page.$$eval(
      '.figure-breakdown .chart svg text, .figure-breakdown .chart-static svg text',
      (ts) => ts.map((t) => t.textContent),
    );
    // Cut to the chart's label column ("…"), and escaped all the same.
    expect(texts.filter((t) => t === hostile || t?.startsWith('<script>alert(')).length).toBeGreaterThanOrEqual(2);
  });
});

pdfTests.describe('the PDF', () => {
  it('is printed from the same HTML: contents with true page numbers, fields on their pages, no tails', async () => {
    const pdf = join(work, 'example.pdf');
    const { pages } = await writePdf(example.path, pdf);
    console.log(`PDF of the example report: ${pages} pages`);
    const { model } = example;
    const { ui } = model;
    // Poppler's reading of the PDF, not ours: its page count, and the text of every page.
    expect(pages).toBe(await readPdfPageCount(pdf));
    const texts = await readPdfPages(pdf);
    expect(texts).toHaveLength(pages);
    // A page's text without its running head (the report's title and date in the top margin), in one line.
    const head = [model.scope ? `${model.title} – ${model.scope}` : model.title, model.generated];
    const bodies = texts.map((t) =>
      t
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !head.some((h) => line === h || line.startsWith(`${h} · `)))
        .join(' '),
    );
    // Chromium numbers every page in its bottom margin: "Seite 3 von 55".
    const footer = new RegExp(`${ui.page}(\\d+)${ui.of}(\\d+)$`);
    expect(bodies.map((b) => footer.exec(b)?.slice(1).join(' of '))).toEqual(
      bodies.map((_, i) => `${i + 1} of ${pages}`),
    );
    // Each field of action starts a page, headed by its name; the contents (page 2) give the page where
    // each field and each indicator begins, and those are the pages where their titles are.
    const plain = (text: string) => text.replace(/\u00ad/g, '').replace(/\s+/g, ' ');
    const contents = plain(bodies[1]!);
    expect(contents).toContain(ui.contents);
    for (const f of model.fields.filter((f) => f.indicators.length)) {
      const number = new RegExp(`${escape(f.title)} (\\d+)`).exec(contents)?.[1];
      expect(number, `${f.title} in the contents`).toBeDefined();
      const page = texts[Number(number) - 1]!;
      // The running head names the field; the page begins with the field's heading.
      expect(page.split('\n')[0]!.trim(), `the running head of page ${number}`).toBe(f.title);
      expect(plain(page).slice(0, 300)).toContain(`${ui.field.toLocaleUpperCase('de')}: ${f.title}`);
    }
    for (const s of model.indicators) {
      const number = new RegExp(`${escape(s.title)} (\\d+)`).exec(contents)?.[1];
      expect(plain(bodies[Number(number) - 1]!), `${s.title} on page ${number}`).toContain(s.title);
    }
    // No page holds only a few lines: the ink of every page reaches at least a fifth down its body.
    const fills = await readPdfPageFills(pdf);
    expect(fills.flatMap((f, i) => (f < 0.2 ? [`page ${i + 1}: ${f.toFixed(2)}`] : []))).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(model.indicators.length + 3);
    expect(pages).toBeLessThanOrEqual(4 * (model.indicators.length + 3));
  });
});
