// bench:report — the report of 100 indicators (the example's indicators cloned under new ids into a
// temporary project) opened from disk in headless Chromium: the size of the HTML file and the time until
// every chart is drawn. Targets: at most 3 MB and 2 s. Also shown, without a target: the time to write
// the report in Node, and how long vega-embed takes to make every chart interactive when a reader
// scrolls through all of them.
//   npm run bench:report        (or: npx tsx bench/report.ts)
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { compareIndicators } from '../src/compare/compare.js';
import { computeProject } from '../src/compute/compute.js';
import { loadProject } from '../src/load/load.js';
import { findChromium } from '../src/report/pdf.js';
import { paths, readProject } from '../src/core/project.js';
import { buildReportModel } from '../src/report/model.js';
import { readProvenance } from '../src/report/provenance.js';
import { renderReport } from '../src/report/page.js';
import { log, root, seconds, table, verdict } from './common.js';

const indicatorCount = 100;
const targets = { bytes: 3e6, drawnMs: 2000 };

export async function benchReport(): Promise<void> {
  log(`bench:report — a report of ${indicatorCount} indicators, opened from disk in headless Chromium`);
  const dir = await clonedProject(indicatorCount);
  try {
    const project = await readProject(dir);
    const db = join(dir, '.istsoll', 'bench.duckdb');
    const loaded = await loadProject(project, db);
    const values = await computeProject(project, db);
    const comparisons = compareIndicators(project.indicators, values, project.config.method);
    const started = performance.now();
    const model = buildReportModel(project, values, comparisons, {
      lang: 'de',
      now: new Date(),
      version: 'bench',
      provenance: await readProvenance(project, loaded),
    });
    const html = await renderReport(model);
    const renderMs = performance.now() - started;
    const file = join(dir, 'report.html');
    await writeFile(file, html);
    const bytes = (await stat(file)).size;
    const charts = model.indicators.reduce((n, s) => n + s.figures.length, 0);
    log(
      `${model.indicators.length} indicators, ${charts} charts; report written in ${seconds(renderMs)} (model, ` +
        `${charts} SVGs, HTML)`,
    );

    const browserTimes = await measureInBrowser(file, charts);
    log('');
    log(
      table([
        ['measure', 'value', 'target', ''],
        ['HTML file', `${(bytes / 1e6).toFixed(2)} MB`, `≤ ${targets.bytes / 1e6} MB`, verdict(bytes, targets.bytes)],
        [
          'every chart drawn (from navigation)',
          seconds(browserTimes.drawnMs),
          `≤ ${seconds(targets.drawnMs)}`,
          verdict(browserTimes.drawnMs, targets.drawnMs),
        ],
        ['  of which: load event', seconds(browserTimes.loadMs), '', ''],
        ['every chart laid out, the whole page at once', seconds(browserTimes.layoutMs), '', ''],
        [
          'every chart made interactive, scrolling through',
          seconds(browserTimes.interactiveMs),
          '',
          `${(browserTimes.interactiveMs / charts).toFixed(0)} ms a chart`,
        ],
      ]),
    );
  } finally {
    if (process.env.KEEP) log(`kept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

/** The example project with its indicators cloned under new ids (and numbered titles) up to `count`. */
export async function clonedProject(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'istsoll-bench-report-'));
  await cp(join(root, paths.config), join(dir, paths.config));
  await cp(join(root, 'data'), join(dir, 'data'), { recursive: true });
  await mkdir(join(dir, paths.indicators));
  await cp(join(root, paths.fields), join(dir, paths.fields));
  const originals = (await readdir(join(root, paths.indicators)))
    .filter((f) => f.endsWith('.yaml') && join(paths.indicators, f) !== paths.fields)
    .sort();
  for (let i = 0; i < count; i++) {
    const doc = parseDocument(await readFile(join(root, paths.indicators, originals[i % originals.length]!), 'utf8'));
    const round = Math.floor(i / originals.length) + 1;
    const id = `${String(doc.get('id'))}_${round}`;
    doc.set('id', id);
    doc.setIn(['title', 'de'], `${String(doc.getIn(['title', 'de']))} (${round})`);
    await writeFile(join(dir, paths.indicators, `${id}.yaml`), doc.toString());
  }
  return dir;
}

/**
 * Every chart is drawn when the page has painted after its load event: the SVGs drawn in Node are part
 * of the document. That is checked (one SVG per chart, each laid out with a size) and timed from the
 * start of the navigation. Then every chart is scrolled into view, as a reader would, and the time
 * until vega-embed has replaced all of them is taken as well.
 */
async function measureInBrowser(
  file: string,
  charts: number,
): Promise<{ drawnMs: number; loadMs: number; layoutMs: number; interactiveMs: number }> {
  const executablePath = await findChromium();
  if (!executablePath)
    throw new Error('bench:report needs Chromium: apt-get install -y chromium, or set CHROMIUM_PATH');
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const drawn = await page.evaluate(
      () =>
        new Promise<{ drawnMs: number; loadMs: number; layoutMs: number; svgs: number; laidOut: number }>((done) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              const drawnMs = performance.now();
              const svgs = [...document.querySelectorAll('.chart-static > svg')];
              const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
              // Sections far from the viewport are laid out when they come near it; asking for every size forces it.
              const laidOut = svgs.filter((s) => s.getBoundingClientRect().width > 0).length;
              done({
                drawnMs,
                loadMs: navigation.loadEventEnd,
                layoutMs: performance.now(),
                svgs: svgs.length,
                laidOut,
              });
            }),
          ),
        ),
    );
    if (drawn.svgs !== charts || drawn.laidOut !== charts)
      throw new Error(`expected ${charts} charts drawn, found ${drawn.svgs} SVGs of which ${drawn.laidOut} laid out`);
    await page.waitForSelector('html[data-charts="ready"]');
    const interactiveMs = await page.evaluate(async () => {
      const started = performance.now();
      for (const box of document.querySelectorAll('.chart-box')) {
        box.scrollIntoView();
        const chart = box.querySelector('.chart')!;
        while (!chart.hasAttribute('data-rendered')) await new Promise((r) => setTimeout(r, 5));
      }
      return performance.now() - started;
    });
    const live = await page.locator('.chart[data-rendered="true"]').count();
    if (live !== charts || errors.length)
      throw new Error(`${live} of ${charts} charts made interactive; errors: ${errors.join('; ') || 'none'}`);
    return { drawnMs: drawn.drawnMs, loadMs: drawn.loadMs, layoutMs: drawn.layoutMs, interactiveMs };
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchReport().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  });
}
