// The parts of the report page: the summary, one section per indicator with its figures, and the
// appendix. Every project text goes through the `html` tag and is escaped; chart SVGs come from svg.ts,
// which parsed and checked them.
import { html, unsafe, type Html } from './html.js';
import type { Figure } from './figures/types.js';
import type { DataTable, IndicatorSection, ReportModel, StatusBadge, StatusCount, TargetLine } from './model.js';

/** Worst first, for sorting by rating; "not assessable" last. */
const statusRank = { deterioration: 0, limited: 1, moderate: 2, on_track: 3, achieved: 4, not_assessable: 5 } as const;

export function renderSummary(model: ReportModel): Html {
  const { ui } = model;
  return html`<section id="ueberblick" class="summary" aria-labelledby="ueberblick-titel">
<h2 id="ueberblick-titel">${ui.summaryHeading}</h2>
<ul class="key-figures">${model.keyFigures.map((k) => html`<li><span class="key-value">${k.value}</span> <span class="key-label">${k.label}</span></li>`)}</ul>
<ul class="status-totals" aria-label="${ui.legend}">${model.totals.map((t) => html`<li><span class="total-count">${t.count}</span> ${renderStatus(t)}</li>`)}</ul>
<h3 id="felder-titel">${ui.statusByField}</h3>
${scroller(
  'felder-titel',
  html`<table class="field-table">
<caption>${ui.statusByFieldCaption}</caption>
<thead><tr><th scope="col">${ui.field}</th>${model.legend.map((b) => html`<th scope="col" class="num status-head"><span class="status s-${b.status}"><span class="symbol" aria-hidden="true">${b.symbol}</span></span> ${b.word}</th>`)}<th scope="col" class="num">${ui.total}</th></tr></thead>
<tbody>
${model.fields.map((f) => html`<tr><th scope="row">${f.title}</th>${renderCounts(f.counts)}<td class="num">${f.indicators.length}</td></tr>\n`)}
</tbody>
<tfoot><tr><th scope="row">${ui.total}</th>${renderCounts(model.totals)}<td class="num">${model.indicators.length}</td></tr></tfoot>
</table>`,
)}
<h3 id="ziele-titel">${ui.allTargets}</h3>
<p class="js-only hint">${ui.sortHint}</p>
${scroller(
  'ziele-titel',
  html`<table class="overview-table sortable">
<caption>${ui.overviewIntro}</caption>
<colgroup><col class="c-field"><col class="c-indicator"><col class="c-subject"><col class="c-ist"><col class="c-soll"><col class="c-gap"><col class="c-status"></colgroup>
<thead><tr><th scope="col">${ui.field}</th><th scope="col">${ui.indicator}</th><th scope="col">${ui.subject}</th><th scope="col" class="num">${ui.ist}</th><th scope="col" class="num">${ui.soll}</th><th scope="col" class="num">${ui.distance}</th><th scope="col">${ui.rating}</th></tr></thead>
<tbody>
${model.fields
  .flatMap((f) => f.indicators.flatMap((ind) => ind.targets.map((t) => ({ f, ind, t }))))
  .map(
    ({ f, ind, t }, i) =>
      html`<tr data-order="${i}"><td>${f.title}</td><th scope="row"><a href="#indikator-${ind.id}">${ind.title}</a></th>${renderTargetCells(t)}</tr>\n`,
  )}
</tbody>
</table>`,
)}
</section>
`;
}

function renderCounts(counts: StatusCount[]): Html[] {
  return counts.map((c) => html`<td class="num${c.count === 0 ? ' zero' : ''}">${c.count}</td>`);
}

function renderTargetCells(t: TargetLine): Html {
  return html`<td>${t.subject}</td><td class="num" data-sort="${t.sort.ist ?? ''}">${t.ist}${t.istYear !== null ? html` <span class="year">(${t.istYear})</span>` : ''}</td><td class="num" data-sort="${t.sort.soll}">${t.soll} <span class="year">(${t.sollYear})</span></td><td class="num" data-sort="${t.sort.gap ?? ''}">${t.gap}</td><td data-sort="${statusRank[t.status.status]}">${renderStatus(t.status)}${t.reason ? html`<br><small>${t.reason}</small>` : ''}</td>`;
}

export function renderStatus(b: StatusBadge): Html {
  return html`<span class="status s-${b.status}"><span class="symbol" aria-hidden="true">${b.symbol}</span> ${b.word}</span>`;
}

/** `svgs`: the static SVG of every figure, by figure id. */
export function renderIndicator(model: ReportModel, s: IndicatorSection, svgs: Map<string, string>): Html {
  const { ui } = model;
  return html`<section class="indicator" id="${s.anchor}" aria-labelledby="${s.anchor}-titel">
<p class="kicker">${ui.field}: ${s.field}</p>
<h2 id="${s.anchor}-titel">${s.title}</h2>
<p class="status-line">${renderStatus(s.status)}</p>
${s.description ? html`<p class="description">${s.description}</p>` : ''}
<div class="summary-text">${s.summary.map((p) => html`<p>${p}</p>`)}</div>
${s.figures.length ? s.figures.map((f) => renderFigure(f, svgs)) : html`<p class="empty">${ui.noDataYet}</p>`}
<div class="about">
<h3>${ui.definitionHeading}</h3>
<dl>${s.definition.map((d) => html`<dt>${d.label}</dt><dd>${d.text}</dd>`)}<dt>${ui.source}</dt><dd>${s.source}</dd><dt>${ui.department}</dt><dd>${s.department}</dd><dt>${ui.methodHeading}</dt><dd><a href="#methode">${model.method.name}</a></dd></dl>
<p class="back"><a href="#ueberblick">↑ ${ui.backToTop}</a></p>
</div>
</section>
`;
}

function renderFigure(f: Figure, svgs: Map<string, string>): Html {
  const svg = svgs.get(f.id);
  return html`<figure class="figure figure-${f.kind}" aria-labelledby="${f.id}-titel">
<figcaption><h3 id="${f.id}-titel">${f.title}</h3>${f.notes.length ? html`<p class="chart-notes">${f.notes.join(' ')}</p>` : ''}</figcaption>
<div class="figure-body">
<div class="chart-box">
<div class="chart-static" role="img" aria-label="${f.chart.description ?? f.title}">${svg ? unsafe(svg) : ''}</div>
<div class="chart" data-chart="${f.id}"></div>
</div>
${renderTable(f.id, f.table)}
</div>
</figure>
`;
}

function renderTable(id: string, table: DataTable): Html {
  const note = (mark: number) => table.notes.find((n) => n.mark === mark)?.text ?? '';
  return html`<div class="table-block">
${scroller(
  `${id}-tabelle`,
  html`<table class="data-table">
<caption id="${id}-tabelle">${table.caption}</caption>
<thead><tr>${table.columns.map((c, i) => html`<th scope="col"${i > 0 ? unsafe(' class="num"') : ''}>${c}</th>`)}</tr></thead>
<tbody>
${table.rows.map(
  (r) =>
    html`<tr><th scope="row">${r.head}</th>${r.cells.map(
      (c) =>
        html`<td${c.note !== undefined ? html` title="${note(c.note)}"` : ''}>${c.text}${c.detail ? html` <span class="detail">(${c.detail})</span>` : ''}${c.note !== undefined ? html`<sup><a href="#fn-${id}-${c.note}" aria-label="${note(c.note)}">${c.note}</a></sup>` : ''}</td>`,
    )}</tr>\n`,
)}
</tbody>
</table>`,
)}
${table.notes.length ? html`<ol class="notes">${table.notes.map((n) => html`<li id="fn-${id}-${n.mark}" value="${n.mark}">${n.text}</li>`)}</ol>` : ''}
</div>`;
}

/**
 * A table that may be wider than the screen scrolls sideways inside its own box; the box takes the
 * keyboard focus so that it can be scrolled without a mouse, and is named by the table's title.
 */
function scroller(labelledBy: string, table: Html): Html {
  return html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${labelledBy}">${table}</div>`;
}

export function renderAppendix(model: ReportModel): Html {
  const { ui, appendix } = model;
  return html`<section id="anhang" class="appendix" aria-labelledby="anhang-titel">
<h2 id="anhang-titel">${ui.appendixHeading}</h2>
<h3 id="methode">${ui.methodHeading}: ${model.method.name}</h3>
<p>${model.method.explanation}</p>
${appendix.notes.map((n) => html`<p>${n}</p>`)}
<h3 id="quellen-titel">${ui.sourcesHeading}</h3>
<p>${ui.sourcesIntro}</p>
${scroller(
  'quellen-titel',
  html`<table class="sources-table">
<thead><tr><th scope="col">${ui.tableName}</th><th scope="col">${ui.sourceDescription}</th><th scope="col">${ui.file}</th><th scope="col" class="num">${ui.rows}</th></tr></thead>
<tbody>
${appendix.sources.map((s) => html`<tr><th scope="row"><code>${s.name}</code></th><td>${s.description ?? '–'}</td><td><code>${s.file}</code></td><td class="num">${s.rows ?? '–'}</td></tr>\n`)}
</tbody>
</table>`,
)}
</section>
`;
}

/** Version, time and the content hash of every data table and project file: what it takes to make the same report again. */
export function renderFooter(model: ReportModel): Html {
  const { ui, appendix } = model;
  const rows = [
    ...appendix.sources.filter((s) => s.hash).map((s) => ({ what: s.file, hash: s.hash! })),
    ...appendix.files.map((f) => ({ what: f.path, hash: f.hash })),
  ];
  return html`<footer class="report-footer" aria-labelledby="reproduzierbarkeit">
<h2 id="reproduzierbarkeit">${ui.reproHeading}</h2>
<p>${ui.reproduce(model.version, model.generatedAt)}</p>
${
  rows.length
    ? scroller(
        'hashes-titel',
        html`<table class="hash-table">
<caption id="hashes-titel">${ui.hashesCaption}</caption>
<thead><tr><th scope="col">${ui.file}</th><th scope="col">${ui.hash}</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr><th scope="row"><code>${r.what}</code></th><td><code class="hash">${r.hash}</code></td></tr>\n`)}
</tbody>
</table>`,
      )
    : ''
}
${model.notice ? html`<p><strong>${ui.notice}:</strong> ${model.notice}</p>` : ''}
</footer>
`;
}
