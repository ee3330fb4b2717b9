// The parts of the report page: the summary, one section per indicator with its figures, and the
// appendix. Every project text goes through the `html` tag and is escaped; chart SVGs come from svg.ts,
// which parsed and checked them.
import { statusOrder } from '../core/types.js';
import type { Figure } from './figures/types.js';
import { html, unsafe, type Html } from './html.js';
import type { DataTable, IndicatorSection, ReportModel, StatusBadge, StatusCount, TargetLine } from './model.js';

export function renderSummary(model: ReportModel): Html {
  const { ui } = model;
  const targets = model.targetTotals.reduce((n, t) => n + t.count, 0);
  return html`<section id="ueberblick" class="summary" aria-labelledby="ueberblick-titel">
<h2 id="ueberblick-titel">${ui.summaryHeading}</h2>
<ul class="key-figures">${model.keyFigures.map(renderKeyFigure)}</ul>
${renderTotals('summe-indikatoren', ui.totalsOf('indicators', model.indicators.length), model.totals)}
${renderTotals('summe-ziele', ui.totalsOf('targets', targets), model.targetTotals)}
<h3 id="felder-titel">${ui.statusByField}</h3>
${scroller('felder-titel', renderFieldTable(model))}
<h3 id="ziele-titel">${ui.allTargets}</h3>
<p class="js-only hint">${ui.sortHint}</p>
${scroller('ziele-titel', renderOverviewTable(model))}
</section>
`;
}

function renderKeyFigure(k: { value: string; label: string }): Html {
  return html`<li><span class="key-value">${k.value}</span> <span class="key-label">${k.label}</span></li>`;
}

/** The statuses that occur, with their counts: they add up to the number the label names. */
function renderTotals(id: string, label: string, counts: StatusCount[]): Html {
  return html`<p class="totals-label" id="${id}">${label}</p>
<ul class="status-totals" aria-labelledby="${id}">${counts.filter((t) => t.count > 0).map(renderTotal)}</ul>`;
}

function renderTotal(t: StatusCount): Html {
  return html`<li><span class="total-count">${t.count}</span> ${renderStatus(t)}</li>`;
}

/** How many indicators of each field of action have which rating. */
function renderFieldTable(model: ReportModel): Html {
  const { ui } = model;
  const heads = [headCell(ui.field), model.legend.map(renderStatusHead), headCell(ui.total, 'num')];
  const rows = model.fields.map(
    (f) => html`<tr>${rowHead(f.title)}${renderCounts(f.counts)}${numberCell(f.indicators.length)}</tr>\n`,
  );
  const total = [rowHead(ui.total), renderCounts(model.totals), numberCell(model.indicators.length)];
  return html`<table class="field-table">
<caption>${ui.statusByFieldCaption}</caption>
<thead><tr>${heads}</tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr>${total}</tr></tfoot>
</table>`;
}

function renderStatusHead(b: StatusBadge): Html {
  const symbol = html`<span class="symbol" aria-hidden="true">${b.symbol}</span>`;
  return headCell(html`<span class="status s-${b.status}">${symbol}</span> ${b.word}`, 'num status-head');
}

function renderCounts(counts: StatusCount[]): Html[] {
  return counts.map((c) => html`<td class="num${c.count === 0 ? ' zero' : ''}">${c.count}</td>`);
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
      const indicator = html`<a href="#indikator-${ind.id}">${ind.title}</a>`;
      return html`<tr data-order="${i}"><td>${f.title}</td>${rowHead(indicator)}${renderTargetCells(t)}</tr>\n`;
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
function renderTargetCells(t: TargetLine): Html[] {
  const istYear = t.istYear !== null ? html` <span class="year">(${t.istYear})</span>` : '';
  const reason = t.reason ? html`<br><small>${t.reason}</small>` : '';
  const caveat = t.caveat ? html`<br><small class="caveat">${t.caveat}</small>` : '';
  return [
    html`<td>${t.subject}</td>`,
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

/** `svgs`: the static SVG of every figure, by figure id. */
export function renderIndicator(model: ReportModel, s: IndicatorSection, svgs: Map<string, string>): Html {
  const { ui } = model;
  const figures = s.figures.length
    ? s.figures.map((f) => renderFigure(f, svgs))
    : html`<p class="empty">${ui.noDataYet}</p>`;
  const definition = [
    s.definition.map((d) => html`<dt>${d.label}</dt><dd>${d.text}</dd>`),
    html`<dt>${ui.source}</dt><dd>${s.source}</dd>`,
    html`<dt>${ui.department}</dt><dd>${s.department}</dd>`,
    html`<dt>${ui.methodHeading}</dt><dd><a href="#methode">${model.method.name}</a></dd>`,
  ];
  return html`<section class="indicator" id="${s.anchor}" aria-labelledby="${s.anchor}-titel">
<p class="kicker">${ui.field}: ${s.field}</p>
<h2 id="${s.anchor}-titel">${s.title}</h2>
<p class="status-line">${renderStatus(s.status)}</p>
${s.description ? html`<p class="description">${s.description}</p>` : ''}
<div class="summary-text">${s.summary.map((p) => html`<p>${p}</p>`)}</div>
${figures}
<div class="about">
<h3>${ui.definitionHeading}</h3>
<dl>${definition}</dl>
<p class="back"><a href="#ueberblick">↑ ${ui.backToTop}</a></p>
</div>
</section>
`;
}

function renderFigure(f: Figure, svgs: Map<string, string>): Html {
  const svg = svgs.get(f.id);
  const notes = f.notes.length ? html`<p class="chart-notes">${f.notes.join(' ')}</p>` : '';
  return html`<figure class="figure figure-${f.kind}" aria-labelledby="${f.id}-titel">
<figcaption><h3 id="${f.id}-titel">${f.title}</h3>${notes}</figcaption>
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

/** A figure's numbers; a cell with a footnote names it in its title and links to it. */
function renderTable(id: string, table: DataTable): Html {
  const note = (mark: number) => table.notes.find((n) => n.mark === mark)?.text ?? '';
  const heads = table.columns.map((c, i) => headCell(c, i > 0 ? 'num' : undefined));
  const cell = (c: DataTable['rows'][number]['cells'][number]) => {
    const title = c.note !== undefined ? html` title="${note(c.note)}"` : '';
    const detail = c.detail ? html` <span class="detail">(${c.detail})</span>` : '';
    const mark =
      c.note !== undefined
        ? html`<sup><a href="#fn-${id}-${c.note}" aria-label="${note(c.note)}">${c.note}</a></sup>`
        : '';
    return html`<td${title}>${c.text}${detail}${mark}</td>`;
  };
  const rows = table.rows.map((r) => html`<tr>${rowHead(r.head)}${r.cells.map(cell)}</tr>\n`);
  const notes = table.notes.map((n) => html`<li id="fn-${id}-${n.mark}" value="${n.mark}">${n.text}</li>`);
  return html`<div class="table-block">
${scroller(
  `${id}-tabelle`,
  html`<table class="data-table">
<caption id="${id}-tabelle">${table.caption}</caption>
<thead><tr>${heads}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
)}
${table.notes.length ? html`<ol class="notes">${notes}</ol>` : ''}
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
  const heads = [headCell(ui.tableName), headCell(ui.sourceDescription), headCell(ui.file), headCell(ui.rows, 'num')];
  const rows = appendix.sources.map((s) => {
    const cells = [
      rowHead(html`<code>${s.name}</code>`),
      html`<td>${s.description ?? '–'}</td>`,
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

/** A column heading; `className` "num" aligns it with the numbers below it. */
function headCell(content: Html | string, className?: string): Html {
  return html`<th scope="col"${className ? html` class="${className}"` : ''}>${content}</th>`;
}

function rowHead(content: Html | string): Html {
  return html`<th scope="row">${content}</th>`;
}

function numberCell(content: string | number): Html {
  return html`<td class="num">${content}</td>`;
}
