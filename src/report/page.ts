// Stage 4b: report model → one self-contained HTML file. Every chart is there twice: as an SVG drawn in
// Node (shown without JavaScript and in print) and as a Vega-Lite spec that vega-embed draws in its place
// when the chart comes into view (tooltips, export). Vega, Vega-Lite and vega-embed are inlined and a
// Content-Security-Policy forbids every request, so the file works offline and cannot leak a visit.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readClientScript } from './assets.js';
import { hyphenate } from './hyphenate.js';
import { html, inlineScript, jsonForScript, unsafe, type Html } from './html.js';
import { htmlMark, writeAtomically } from './outfiles.js';
import { renderCouncil } from './council-html.js';
import { packedFiles } from './extras-html.js';
import { renderFieldMeasures } from './measures-html.js';
import { fieldAnchor, fieldsWithSections, partEnd, renderContents, renderFields } from './fields-html.js';
import { renderReportLinks, type ReportLinks } from './links-html.js';
import { renderAppendix, renderFooter, renderSummary } from './sections.js';
import type { ReportModel } from './model.js';
import { renderStylesheet } from './stylesheet.js';
import { drawSvg, type SvgRenderer } from './svg-cache.js';
import { vegaLocales } from './vega-locales.js';

/** What a report is drawn with besides its model. */
export interface RenderOptions {
  /** Draws the charts (through a cache of drawn charts, say: svg-cache.ts). */
  svg?: SvgRenderer;
  /** The other reports written with this one (the whole report and one per field of action). */
  links?: ReportLinks;
}

/** The report's HTML. */
export async function renderReport(model: ReportModel, o: RenderOptions = {}): Promise<string> {
  const svg = o.svg ?? drawSvg;
  const svgs = new Map<string, string>();
  for (const s of model.indicators) for (const f of s.figures) svgs.set(f.id, await svg(f.chart, model.lang));
  return renderPage(model, svgs, o.links);
}

/** The page, given the SVG of every figure. */
export function renderPage(model: ReportModel, svgs: Map<string, string>, links?: ReportLinks): string {
  const { ui } = model;
  const specs = Object.fromEntries(model.indicators.flatMap((s) => s.figures.map((f) => [f.id, f.chart])));
  const settings = { locale: vegaLocales[model.lang], i18n: ui.embed };
  const title = model.scope ? `${model.title} – ${model.scope}` : model.title;
  const libraryScripts = libraries().map(
    ([name, packed]) => html`<script type="application/gzip" class="library" data-name="${name}">${packed}</script>\n`,
  );
  const page = html`<!doctype html>
<html lang="${ui.htmlLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${unsafe(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${unsafe(htmlMark)}${model.version}">
<title>${title}</title>
<style>
${unsafe(renderStylesheet(stylesheetWords(model, title)))}</style>
<script>document.documentElement.classList.add('js');</script>
</head>
<body>
<a class="skip" href="#ueberblick">${ui.skip}</a>
<div class="page">
<header class="report-header">
<h1>${hyphenate(model.title, model.lang)}</h1>
${model.scope ? html`<p class="scope">${ui.field}: ${model.scope}</p>` : ''}
<p class="meta">${ui.generated(model.generated, model.version)}</p>
${model.notice ? html`<p class="notice" role="note"><strong>${ui.notice}:</strong> ${model.notice}</p>` : ''}
<noscript><p class="hint">${ui.noScript}</p></noscript>
${renderReportLinks(model, links)}
</header>
<main>
${renderCouncil(model)}
${renderContents(model)}
${renderSummary(model)}
${renderFieldMeasures(model)}
${partEnd('ueberblick')}
${renderFields(model, svgs)}
${renderAppendix(model)}
</main>
${renderFooter(model)}
${partEnd('anhang')}
</div>
<script type="application/json" id="chart-settings">${jsonForScript(settings)}</script>
<script type="application/gzip" id="chart-specs">${packSpecs(specs)}</script>
<script type="application/gzip" id="csv-files">${packSpecs(packedFiles(model))}</script>
${libraryScripts}
<script>
${inlineScript(readClientScript())}</script>
</body>
</html>
`;
  return page.text;
}

function stylesheetWords(model: ReportModel, title: string) {
  const { ui } = model;
  return {
    title,
    date: model.generated,
    page: ui.page,
    of: ui.of,
    fields: fieldsWithSections(model).map((f) => ({ anchor: fieldAnchor(f.id), title: f.title })),
    cards: { subject: ui.subject, ist: ui.ist, soll: ui.soll, gap: ui.distance },
  };
}

/**
 * The specs repeat what the SVGs already show, so they travel gzip-compressed (a tenth of the size) as
 * base64; the browser unpacks them with DecompressionStream. Without it the SVGs simply stay.
 */
function packSpecs(specs: Record<string, unknown>): Html {
  return packText(JSON.stringify(specs));
}

/** Text as gzip in base64: the same bytes on every run (Node writes no time into the gzip header). */
function packText(text: string): Html {
  return unsafe(gzipSync(text, { level: 9 }).toString('base64'));
}

export function unpackSpecs(packed: string): Record<string, unknown> {
  return JSON.parse(gunzipSync(Buffer.from(packed, 'base64')).toString('utf8')) as Record<string, unknown>;
}

/** Writes the report page; a reader never sees half of it (see writeAtomically). */
export async function writeReport(model: ReportModel, path: string, o: RenderOptions = {}): Promise<void> {
  await writeAtomically(path, await renderReport(model, o));
}

/** Vega compiles expressions with `new Function`, hence 'unsafe-eval'; nothing may be fetched. */
const csp = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval'",
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The minified builds, read once from each package's build/ folder. They travel gzip-compressed as base64
 * (about 0.4 of their 0.8 MB) and are started by the page script when the first chart is drawn with
 * vega-embed, so that they neither hold up the page nor weigh on it as much.
 */
let cached: [string, Html][] | undefined;
function libraries(): [string, Html][] {
  cached ??= [
    ['vega', 'vega.min.js'],
    ['vega-lite', 'vega-lite.min.js'],
    ['vega-embed', 'vega-embed.min.js'],
  ].map(([pkg, file]) => [pkg!, packText(readFileSync(join(packageDir(pkg!), 'build', file!), 'utf8'))]);
  return cached;
}

/** The packages' `exports` hide package.json and build/, so resolve the entry point and walk up to the package root. */
function packageDir(name: string): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve(name));
  while (!isPackageRoot(dir, name)) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of the package ${name}`);
    dir = parent;
  }
  return dir;
}

function isPackageRoot(dir: string, name: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === name;
  } catch {
    return false;
  }
}
