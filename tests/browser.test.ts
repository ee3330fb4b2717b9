// The report of the bundled example project, opened from disk in Chromium: every indicator gets a drawn
// chart, nothing is logged as an error, and nothing but the file itself is requested.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { compareIndicators } from '../src/compare.js';
import { computeProject } from '../src/compute.js';
import { loadProject } from '../src/load.js';
import { readProject, type Project } from '../src/project.js';
import { buildReportModel, type ReportModel } from '../src/report-model.js';
import { writeReport } from '../src/report.js';
import { browserTests, chromiumArgs, chromiumPath } from './browser-env.js';

const root = resolve(import.meta.dirname, '..');

let work: string;
let project: Project;
let model: ReportModel;
let url: string;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const messages: string[] = [];

browserTests.beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'istsoll-browser-'));
  project = await readProject(root);
  const db = join(work, 'example.duckdb');
  await loadProject(project, db);
  const values = await computeProject(project, db);
  const comparisons = compareIndicators(project.indicators, values, project.config.method);
  model = buildReportModel(project, values, comparisons, { lang: 'de', now: new Date('2026-01-15T09:00:00Z'), version: 'test' });
  const out = join(work, 'report.html');
  await writeReport(model, out);
  url = pathToFileURL(out).href;

  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') messages.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  // The renderer marks every chart when vegaEmbed has finished (or failed).
  await page.waitForFunction(() => [...document.querySelectorAll('.chart')].every((c) => c.hasAttribute('data-rendered')), null, { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

browserTests.describe('the example report in a browser', () => {
  it('has one chart per indicator of the project', async () => {
    const ids = await page.$$eval('.chart', (charts) => charts.map((c) => c.getAttribute('data-indicator')));
    expect(ids.toSorted()).toEqual(project.indicators.map((i) => i.id).toSorted());
  });

  it('draws every chart: an SVG or canvas with data points, labelled with its description', async () => {
    for (const ind of project.indicators) {
      const chart = page.locator(`.chart[data-indicator="${ind.id}"]`);
      expect(await chart.getAttribute('data-rendered'), ind.id).toBe('true');
      const drawn = await chart.evaluate((el) => {
        const surface = el.querySelector('svg, canvas');
        // Vega puts the spec's description on the element it renders into, for screen readers.
        const document = el.matches('[role="graphics-document"]') ? el : el.querySelector('[role="graphics-document"]');
        return {
          surface: surface?.tagName.toLowerCase() ?? null,
          points: el.querySelectorAll('g.mark-symbol path').length,
          width: surface?.getBoundingClientRect().width ?? 0,
          label: document?.getAttribute('aria-label') ?? null,
        };
      });
      expect(['svg', 'canvas'], ind.id).toContain(drawn.surface);
      if (drawn.surface === 'svg') expect(drawn.points, ind.id).toBeGreaterThan(0);
      else expect(drawn.width, ind.id).toBeGreaterThan(0);
      const description = model.indicators.find((s) => s.id === ind.id)!.chart.description;
      expect(drawn.label, ind.id).toBe(description);
    }
  });

  it('logs no errors or warnings', () => {
    expect(messages).toEqual([]);
  });

  it('requests nothing but the file itself', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => r !== url)).toEqual([]);
  });

  it('shows the notice at the top of the first screen', async () => {
    expect(model.notice).toBeTruthy();
    const notice = page.locator('aside.notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain(model.notice!);
    const box = await notice.boundingBox();
    expect(box!.y).toBeLessThan(400);
  });
});
