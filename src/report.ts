// Stage 4b: report model → one self-contained HTML file. Vega, Vega-Lite and vega-embed are inlined and a
// Content-Security-Policy forbids every request, so the file works offline and cannot leak a visit.
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { html, inlineScript, jsonForScript, unsafe, type Html } from './html.js';
import type { DataTable, FieldOverview, IndicatorSection, ReportModel, StatusBadge, TargetLine } from './report-model.js';
import { reportStyle } from './report-style.js';

export function renderReport(model: ReportModel): string {
  const { ui } = model;
  const page = html`<!doctype html>
<html lang="${ui.htmlLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${unsafe(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="istsoll ${model.version}">
<title>${model.title}</title>
<style>${unsafe(reportStyle)}</style>
</head>
<body>
<div class="page">
<header class="report-header">
<h1>${model.title}</h1>
<p class="meta">${ui.generated(model.generated, model.version)}</p>
</header>
${model.notice ? html`<aside class="notice" role="note"><strong>${ui.notice}:</strong> ${model.notice}</aside>` : ''}
<noscript><p class="notice">${ui.noScript}</p></noscript>
<main>
<section id="ueberblick" class="overview" aria-labelledby="ueberblick-titel">
<h2 id="ueberblick-titel">${ui.overview}</h2>
<p>${ui.overviewIntro}</p>
<p class="legend"><span class="legend-title">${ui.legend}:</span> ${model.legend.map((b) => html`${renderStatus(b)} `)}</p>
${model.fields.map((f) => renderField(model, f))}
</section>
${model.indicators.map((s) => renderIndicator(model, s))}
<section id="methode" class="method" aria-labelledby="methode-titel">
<h2 id="methode-titel">${ui.methodHeading}: ${model.method.name}</h2>
<p>${model.method.explanation}</p>
<p>${ui.methodNote}</p>
</section>
</main>
${model.notice ? html`<footer class="notice-footer"><strong>${ui.notice}:</strong> ${model.notice}</footer>` : ''}
</div>
<script type="application/json" id="vega-locale">${jsonForScript(vegaLocales[model.lang])}</script>
${libraries().map((code) => html`<script>${code}</script>\n`)}
<script>${inlineScript(renderCharts)}</script>
</body>
</html>
`;
  return page.text;
}

/** Writes beside the target and renames, so that a reader never sees half a report. */
export async function writeReport(model: ReportModel, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${process.pid}.${Date.now()}.report.tmp`);
  try {
    await writeFile(temp, renderReport(model), 'utf8');
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** Vega compiles expressions with `new Function`, hence 'unsafe-eval'; nothing may be fetched. */
const csp = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; base-uri 'none'; form-action 'none'";

const vegaLocales = {
  de: { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0€'] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] },
};

function renderField(model: ReportModel, field: FieldOverview): Html {
  const { ui } = model;
  return html`<section class="field" aria-labelledby="feld-${field.id}">
<h3 id="feld-${field.id}">${field.title}</h3>
${field.indicators.length === 0
    ? html`<p class="empty">${ui.noIndicators}</p>`
    : html`<p class="counts">${field.counts.map((c) => html`${renderStatus(c)}<span class="count">× ${c.count}</span> `)}</p>
<div class="table-scroll"><table class="overview-table">
<colgroup><col class="c-indicator"><col class="c-subject"><col class="c-ist"><col class="c-soll"><col class="c-gap"><col class="c-status"></colgroup>
<thead><tr><th scope="col">${ui.indicator}</th><th scope="col">${ui.subject}</th><th scope="col" class="num">${ui.ist}</th><th scope="col" class="num">${ui.soll}</th><th scope="col" class="num">${ui.distance}</th><th scope="col">${ui.rating}</th></tr></thead>
<tbody>
${field.indicators.map((ind) =>
  ind.targets.map(
    (t, i) => html`<tr${i === 0 ? unsafe(' class="first"') : ''}>${i === 0 ? html`<th scope="row" rowspan="${ind.targets.length}"><a href="#indikator-${ind.id}">${ind.title}</a></th>` : ''}${renderTargetCells(t)}</tr>\n`,
  ),
)}
</tbody>
</table></div>`}
</section>
`;
}

function renderTargetCells(t: TargetLine): Html {
  return html`<td>${t.subject}</td><td class="num">${t.ist}${t.istYear !== null ? html` <span class="year">(${t.istYear})</span>` : ''}</td><td class="num">${t.soll} <span class="year">(${t.sollYear})</span></td><td class="num">${t.gap}</td><td>${renderStatus(t.status)}${t.reason ? html`<br><small>${t.reason}</small>` : ''}</td>`;
}

function renderStatus(b: StatusBadge): Html {
  return html`<span class="status s-${b.status}"><span class="symbol" aria-hidden="true">${b.symbol}</span> ${b.word}</span>`;
}

function renderIndicator(model: ReportModel, s: IndicatorSection): Html {
  const { ui } = model;
  return html`<section class="indicator" id="${s.anchor}" aria-labelledby="${s.anchor}-titel">
<p class="kicker">${ui.field}: ${s.field}</p>
<h2 id="${s.anchor}-titel">${s.title}</h2>
<p class="status-line">${renderStatus(s.status)}</p>
${s.description ? html`<p class="description">${s.description}</p>` : ''}
<div class="summary">${s.summary.map((p) => html`<p>${p}</p>`)}</div>
<figure class="chart-figure">
<script type="application/json" class="chart-spec" data-indicator="${s.id}">${jsonForScript(s.chart)}</script>
<div class="chart" data-indicator="${s.id}"></div>
</figure>
<div class="details">
${renderTable(s.id, s.table, ui.year)}
<div class="about">
<h3>${ui.definitionHeading}</h3>
<dl>${s.definition.map((d) => html`<dt>${d.label}</dt><dd>${d.text}</dd>`)}<dt>${ui.source}</dt><dd>${s.source}</dd><dt>${ui.department}</dt><dd>${s.department}</dd><dt>${ui.methodHeading}</dt><dd><a href="#methode">${model.method.name}</a></dd></dl>
<p class="back"><a href="#ueberblick">↑ ${ui.backToTop}</a></p>
</div>
</div>
</section>
`;
}

function renderTable(id: string, table: DataTable, yearLabel: string): Html {
  const note = (mark: number) => table.notes.find((n) => n.mark === mark)?.text ?? '';
  return html`<div class="table-block">
<div class="table-scroll"><table class="data-table">
<caption>${table.caption}</caption>
<thead><tr>${table.columns.map((c, i) => html`<th scope="col"${i > 0 ? unsafe(' class="num"') : ''}>${c}</th>`)}</tr></thead>
<tbody>
${table.rows.map(
  (r) =>
    html`<tr><th scope="row" aria-label="${yearLabel} ${r.year}">${r.year}</th>${r.cells.map(
      (c) =>
        html`<td class="num"${c.note !== undefined ? html` title="${note(c.note)}"` : ''}>${c.text}${c.detail ? html` <span class="detail">(${c.detail})</span>` : ''}${c.note !== undefined ? html`<sup><a href="#fn-${id}-${c.note}" aria-label="${note(c.note)}">${c.note}</a></sup>` : ''}</td>`,
    )}</tr>\n`,
)}
</tbody>
</table></div>
${table.notes.length ? html`<ol class="notes">${table.notes.map((n) => html`<li id="fn-${id}-${n.mark}" value="${n.mark}">${n.text}</li>`)}</ol>` : ''}
</div>`;
}

/** The minified builds, read once from each package's build/ folder. */
let cached: Html[] | undefined;
function libraries(): Html[] {
  cached ??= [
    ['vega', 'vega.min.js'],
    ['vega-lite', 'vega-lite.min.js'],
    ['vega-embed', 'vega-embed.min.js'],
  ].map(([pkg, file]) => inlineScript(readFileSync(join(packageDir(pkg!), 'build', file!), 'utf8')));
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

/** Runs in the browser. A loader that refuses everything makes sure a spec can never fetch data. */
const renderCharts = `(function () {
  var locale = JSON.parse(document.getElementById('vega-locale').textContent);
  var loader = vega.loader();
  var refuse = function () { return Promise.reject(new Error('the report is offline: nothing is loaded')); };
  loader.load = refuse; loader.sanitize = refuse; loader.http = refuse; loader.file = refuse;
  document.querySelectorAll('script.chart-spec').forEach(function (script) {
    var id = script.getAttribute('data-indicator');
    var target = script.parentNode.querySelector('.chart[data-indicator="' + CSS.escape(id) + '"]');
    vegaEmbed(target, JSON.parse(script.textContent), {
      mode: 'vega-lite', renderer: 'svg', actions: false, loader: loader, formatLocale: locale, tooltip: true
    }).then(function () {
      target.setAttribute('data-rendered', 'true');
    }).catch(function (error) {
      target.setAttribute('data-rendered', 'error');
      target.textContent = String(error && error.message || error);
      console.error('chart ' + id + ': ' + error);
    });
  });
})();`;
