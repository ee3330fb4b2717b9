// The parts of the report page: the summary, one section per indicator with its figures, and the
// appendix. Every project text goes through the `html` tag and is escaped; chart SVGs come from svg.ts,
// which parsed and checked them.
import { statusOrder } from '../core/types.js';
import {
  renderCalculationLink,
  renderCalculations,
  renderDownload,
  renderReferenceText,
  renderTexts,
} from './extras-html.js';
import type { Figure } from './figures/types.js';
import { headCell, numberCell, rowHead, scroller } from './html-parts.js';
import { html, unsafe, type Html } from './html.js';
import { hyphenate } from './hyphenate.js';
import { renderIndicatorMeasures } from './measures-html.js';
import type { DataTable, IndicatorSection, ReportModel, StatusBadge, TargetLine } from './model.js';

export function renderSummary(model: ReportModel): Html {
  const { ui } = model;
  const targets = model.targetTotals.reduce((n, t) => n + t.count, 0);
  return html`<section id="ueberblick" class="summary" aria-labelledby="ueberblick-titel">
<h2 id="ueberblick-titel">${ui.summaryHeading}</h2>
<h3 id="ziele-titel">${ui.allTargets}</h3>
<p class="js-only hint">${ui.sortHint}</p>
${scroller('ziele-titel', renderOverviewTable(model))}
</section>
`;
}

/** Every target of every indicator in one table, sortable by each column (client/tables.ts). */
function renderOverviewTable(model: ReportModel): Html {
  const { ui } = model;
  const columns = ['field', 'indicator', 'subject', 'ist', 'soll', 'gap', 'status'];
  const heads = [
    headCell(ui.field),
    headCell(ui.indicator),
    headCell(ui.subject),
    headCell(ui.ist, 'num'),
    headCell(ui.soll, 'num'),
    headCell(ui.distance, 'num'),
    headCell(ui.rating),
  ];
  const rows = model.fields
    .flatMap((f) => f.indicators.flatMap((ind) => ind.targets.map((t) => ({ f, ind, t }))))
    .map(({ f, ind, t }, i) => {
      const hy = (text: string) => hyphenate(text, model.lang);
      const indicator = html`<a href="#indikator-${ind.id}">${hy(ind.title)}</a>`;
      return html`<tr data-order="${i}"><td>${hy(f.title)}</td>${rowHead(indicator)}${renderTargetCells(t, hy)}</tr>\n`;
    });
  return html`<table class="overview-table sortable">
<caption>${ui.overviewIntro}</caption>
<colgroup>${columns.map((c) => html`<col class="c-${c}">`)}</colgroup>
<thead><tr>${heads}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

/** The cells of a target's row; data-sort gives the number to sort by, and worst first for the rating. */
function renderTargetCells(t: TargetLine, hy: (text: string) => string): Html[] {
  const istYear = t.istYear !== null ? html` <span class="year">(${t.istYear})</span>` : '';
  const reason = t.reason ? html`<br><small>${t.reason}</small>` : '';
  const caveat = t.caveat ? html`<br><small class="caveat">${t.caveat}</small>` : '';
  return [
    html`<td>${hy(t.subject)}</td>`,
    html`<td class="num" data-sort="${t.sort.ist ?? ''}">${t.ist}${istYear}</td>`,
    html`<td class="num" data-sort="${t.sort.soll}">${t.soll} <span class="year">(${t.sollYear})</span></td>`,
    html`<td class="num" data-sort="${t.sort.gap ?? ''}">${t.gap}</td>`,
    html`<td data-sort="${statusOrder.indexOf(t.status.status)}">${renderStatus(t.status)}${reason}${caveat}</td>`,
  ];
}

function renderStatus(b: StatusBadge): Html {
  const symbol = html`<span class="symbol" aria-hidden="true">${b.symbol}</span>`;
  return html`<span class="status s-${b.status}">${symbol} ${b.word}</span>`;
}

/** `svgs`: the static SVG of every figure, by figure id. Under its field's heading (h2), so its own is an h3. */
export function renderIndicator(model: ReportModel, s: IndicatorSection, svgs: Map<string, string>): Html {
  const { ui } = model;
  const figures = s.figures.length
    ? s.figures.map((f) => renderFigure(model, f, svgs))
    : html`<p class="empty">${ui.noDataYet}</p>`;
  const definition = [
    s.definition.map((d) => html`<div><dt>${d.label}</dt><dd>${d.text}</dd></div>`),
    html`<div><dt>${ui.source}</dt><dd>${inGerman(model, s.source)}</dd></div>`,
    html`<div><dt>${ui.department}</dt><dd>${inGerman(model, s.department)}</dd></div>`,
    html`<div><dt>${ui.methodHeading}</dt><dd><a href="#methode">${model.method.name}</a></dd></div>`,
    renderCalculationLink(model, s),
  ];
  return html`<section class="indicator" id="${s.anchor}" aria-labelledby="${s.anchor}-titel">
<p class="kicker">${ui.field}: ${s.field}</p>
<h3 id="${s.anchor}-titel">${hyphenate(s.title, model.lang)}</h3>
<p class="status-line">${renderStatus(s.status)}</p>
${s.description ? html`<p class="description">${s.description}</p>` : ''}
<div class="summary-text">${s.summary.map((p) => html`<p>${p}</p>`)}${renderReferenceText(s)}</div>
${renderTexts(s)}
${figures}
${renderDownload(model, s)}
${renderIndicatorMeasures(model, s)}
<div class="about">
<h4>${ui.definitionHeading}</h4>
<dl>${definition}</dl>
<p class="back"><a href="#ueberblick">↑ ${ui.backToTop}</a></p>
</div>
</section>
`;
}

/**
 * Text of the project's own files that has no English version (a source, a department, a table's
 * description) is German: an English report says so, so that a screen reader pronounces it as German.
 */
function inGerman(model: ReportModel, text: string): Html | string {
  return model.lang === 'de' ? text : html`<span lang="de">${text}</span>`;
}

function renderFigure(model: ReportModel, f: Figure, svgs: Map<string, string>): Html {
  const svg = svgs.get(f.id);
  const notes = f.notes.length ? html`<p class="chart-notes">${f.notes.join(' ')}</p>` : '';
  return html`<figure class="figure figure-${f.kind}" aria-labelledby="${f.id}-titel">
<figcaption><h4 id="${f.id}-titel">${hyphenate(f.title, model.lang)}</h4>${notes}</figcaption>
<div class="figure-body">
<div class="chart-box">
<div class="chart-static" role="img" aria-label="${f.chart.description ?? f.title}">${svg ? unsafe(svg) : ''}</div>
<div class="chart" data-chart="${f.id}"></div>
</div>
${renderTable(model, f)}
</div>
</figure>
`;
}

function olderYears(model: ReportModel, older: DataTable['rows']): string {
  return model.ui.olderYears(Number(older.at(-1)!.head), Number(older[0]!.head));
}

/** Rows of a year table shown at once; the earlier years wait behind a disclosure that prints open. */
const shownYears = 5;

/**
 * A figure's numbers. A cell with a footnote links to it by its number, and the footnote describes the link.
 * A year table shows its latest years; the earlier ones follow in a second table inside a `details`.
 */
function renderTable(model: ReportModel, f: Figure): Html {
  const { id, table } = f;
  const columns = table.columns.map((c, i) => headCell(hyphenate(c, model.lang), i > 0 ? 'num' : undefined));
  const heads = html`<thead><tr>${columns}</tr></thead>`;
  const cell = (c: DataTable['rows'][number]['cells'][number]) => {
    const detail = c.detail ? html` <span class="detail">(${c.detail})</span>` : '';
    const fn = `fn-${id}-${c.note}`;
    const mark = c.note !== undefined ? html`<sup><a href="#${fn}" aria-describedby="${fn}">${c.note}</a></sup>` : '';
    return html`<td>${c.text}${detail}${mark}</td>`;
  };
  const row = (r: DataTable['rows'][number]) => html`<tr>${rowHead(r.head)}${r.cells.map(cell)}</tr>\n`;
  const years = f.kind === 'series' || f.kind === 'gap';
  const [recent, older] =
    years && table.rows.length > shownYears + 1
      ? [table.rows.slice(0, shownYears), table.rows.slice(shownYears)]
      : [table.rows, []];
  const notes = table.notes.map((n) => html`<li id="fn-${id}-${n.mark}" value="${n.mark}">${n.text}</li>`);
  const tableOf = (captionId: string, caption: string, rows: DataTable['rows']) =>
    scroller(
      captionId,
      html`<table class="data-table">
<caption id="${captionId}">${caption}</caption>
${heads}
<tbody>
${rows.map(row)}
</tbody>
</table>`,
    );
  const earlier = older.length
    ? html`<details class="older-years"><summary>${olderYears(model, older)}</summary>
${tableOf(`${id}-frueher`, model.ui.olderCaption(table.caption), older)}
</details>`
    : '';
  return html`<div class="table-block">
${tableOf(`${id}-tabelle`, table.caption, recent)}
${earlier}
${table.notes.length ? html`<ol class="notes">${notes}</ol>` : ''}
</div>`;
}

export function renderAppendix(model: ReportModel): Html {
  const { ui, appendix } = model;
  const heads = [headCell(ui.tableName), headCell(ui.sourceDescription), headCell(ui.file), headCell(ui.rows, 'num')];
  const rows = appendix.sources.map((s) => {
    const cells = [
      rowHead(html`<code>${s.name}</code>`),
      html`<td>${s.description ? inGerman(model, s.description) : '–'}</td>`,
      html`<td><code>${s.file}</code></td>`,
      numberCell(s.rows ?? '–'),
    ];
    return html`<tr>${cells}</tr>\n`;
  });
  return html`<section id="anhang" class="appendix" aria-labelledby="anhang-titel">
<h2 id="anhang-titel">${ui.appendixHeading}</h2>
<h3 id="methode">${ui.methodHeading}: ${model.method.name}</h3>
<p>${model.method.explanation}</p>
${appendix.notes.map((n) => html`<p>${n}</p>`)}
${renderCalculations(model)}
<h3 id="quellen-titel">${ui.sourcesHeading}</h3>
<p>${ui.sourcesIntro}</p>
${scroller(
  'quellen-titel',
  html`<table class="sources-table">
<thead><tr>${heads}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
)}
</section>
`;
}

/**
 * Version, time and the content hash of every data table and project file: what it takes to make the
 * same report again.
 */
export function renderFooter(model: ReportModel): Html {
  const { ui, appendix } = model;
  const hashes = [
    ...appendix.sources.filter((s) => s.hash).map((s) => ({ what: s.file, hash: s.hash! })),
    ...appendix.files.map((f) => ({ what: f.path, hash: f.hash })),
  ];
  const rows = hashes.map(
    (r) => html`<tr>${rowHead(html`<code>${r.what}</code>`)}<td><code class="hash">${r.hash}</code></td></tr>\n`,
  );
  const table = html`<table class="hash-table">
<caption id="hashes-titel">${ui.hashesCaption}</caption>
<thead><tr>${headCell(ui.file)}${headCell(ui.hash)}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
  return html`<footer class="report-footer" aria-labelledby="reproduzierbarkeit">
<h2 id="reproduzierbarkeit">${ui.reproHeading}</h2>
<p>${ui.reproduce(model.version, model.generatedAt)}</p>
${hashes.length ? scroller('hashes-titel', table) : ''}
${model.notice ? html`<p><strong>${ui.notice}:</strong> ${model.notice}</p>` : ''}
</footer>
`;
}
