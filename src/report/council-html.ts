// The council's page, first in the report: key figures whose counts add up, the key messages, the fields
// of action worst first, the ratings of indicators and of targets, what changed since the last report,
// the measures by state with the overdue ones, and the table of all targets to take away.
import type { ChangeRow, ChangesPart } from './changes.js';
import type { Badge, Count } from './council-types.js';
import { badge, downloadLink, headCell, numberCell, rowHead, scroller } from './html-parts.js';
import { html, type Html } from './html.js';
import { hyphenate } from './hyphenate.js';
import type { ReportModel } from './model.js';
import type { FieldStanding, KeyFigure } from './summary.js';

export function renderCouncil(model: ReportModel): Html {
  const { ui, council } = model;
  return html`<section id="rat" class="council" aria-labelledby="rat-titel">
<h2 id="rat-titel">${ui.councilHeading}</h2>
<ul class="key-figures">${council.keyFigures.map(renderKeyFigure)}</ul>
<h3 id="kernaussagen">${ui.messagesHeading}</h3>
<ol class="key-messages" aria-labelledby="kernaussagen">${council.messages.map((m) => html`<li>${m}</li>`)}</ol>
<h3 id="felder-titel">${ui.fieldsHeading}</h3>
<p class="table-note" id="felder-hinweis">${ui.fieldsCaption}</p>
${scroller('felder-titel', renderFieldTable(model))}
<div class="status-counts">
${renderTotals('summe-indikatoren', ui.totalsOf('indicators', model.indicators.length), model.totals)}
${renderTotals('summe-ziele', ui.totalsOf('targets', sum(model.targetTotals)), model.targetTotals)}
</div>
${renderChanges(model)}
${renderMeasureSummary(model)}
${downloadLink(council.download, ui.downloadOverview, ui.downloadHint(council.download.rows))}
</section>
`;
}

function renderKeyFigure(k: KeyFigure): Html {
  const note = k.note ? html` <span class="key-note">(${k.note})</span>` : '';
  return html`<li><span class="key-value">${k.value}</span> <span class="key-label">${k.label}</span>${note}</li>`;
}

/**
 * The fields of action, worst first, with the counts of their indicators by rating and their measures: a
 * column for each rating that some indicator has, so that the table stays narrow enough to read whole.
 * Its note stands above it, outside the box that scrolls, where a reader sees all of it.
 */
function renderFieldTable(model: ReportModel): Html {
  const { ui, council, legend } = model;
  const withMeasures = council.measures !== null;
  const occurring = legend.map((_, i) => model.totals[i]!.count > 0);
  const countCells = (counts: Count[]) =>
    counts.filter((_, i) => occurring[i]).map((c) => numberCell(c.count, c.count === 0 ? 'zero' : ''));
  const heads = [
    headCell(ui.field),
    headCell(ui.offTrackColumn, 'num'),
    legend.filter((_, i) => occurring[i]).map(renderStatusHead),
    headCell(ui.total, 'num'),
    withMeasures ? headCell(ui.measuresColumn, 'num') : '',
  ];
  const row = (f: FieldStanding) => {
    const name = hyphenate(f.title, model.lang);
    const title = f.anchor ? html`<a href="#${f.anchor}">${name}</a>` : name;
    const cells = [
      rowHead(title),
      numberCell(ui.offTrackCell(f.offTrack, f.assessed)),
      countCells(f.counts),
      numberCell(f.indicators),
      withMeasures ? numberCell(f.measures ? ui.measuresCell(f.measures.total, f.measures.overdue) : '–') : '',
    ];
    return html`<tr>${cells}</tr>\n`;
  };
  const sum = (pick: (f: FieldStanding) => number) => council.fields.reduce((n, f) => n + pick(f), 0);
  const measures = council.measures;
  const total = [
    rowHead(ui.total),
    numberCell(
      ui.offTrackCell(
        sum((f) => f.offTrack),
        sum((f) => f.assessed),
      ),
    ),
    countCells(model.totals),
    numberCell(model.indicators.length),
    measures ? numberCell(ui.measuresCell(measures.total, measures.overdue.length)) : '',
  ];
  return html`<table class="field-table" aria-labelledby="felder-titel" aria-describedby="felder-hinweis">
<thead><tr>${heads}</tr></thead>
<tbody>
${council.fields.map(row)}
</tbody>
<tfoot><tr>${total}</tr></tfoot>
</table>`;
}

/** A rating as a column heading: the symbol in its colour, the word beside it. */
function renderStatusHead(b: Badge): Html {
  const symbol = html`<span class="symbol" aria-hidden="true">${b.symbol}</span>`;
  return headCell(html`<span class="status s-${b.status}">${symbol}</span> ${b.word}`, 'num status-head');
}

/** The ratings that occur, with their counts: they add up to the number the label names. */
function renderTotals(id: string, label: string, counts: Count[]): Html {
  const items = counts
    .filter((c) => c.count > 0)
    .map((c) => html`<li><span class="total-count">${c.count}</span> ${badge(c)}</li>`);
  return html`<p class="totals-label" id="${id}">${label}</p>
<ul class="status-totals" aria-labelledby="${id}">${items}</ul>`;
}

const sum = (counts: Count[]) => counts.reduce((n, c) => n + c.count, 0);

function renderChanges(model: ReportModel): Html | string {
  const { ui, council } = model;
  const changes = council.changes;
  if (!changes) return council.firstReport ? html`<p class="first-report">${ui.firstReport}</p>` : '';
  const nothing = !changes.rows.length && !changes.measures.length;
  return html`<h3 id="aenderungen">${ui.changesHeading}</h3>
<p>${nothing ? ui.noChanges(changes.since) : ui.changesIntro(changes.since)}</p>
${changes.rows.length ? scroller('aenderungen-tabelle', renderChangeTable(model, changes)) : ''}
${changes.measures.length ? renderMeasureChanges(model, changes) : ''}`;
}

function renderChangeTable(model: ReportModel, changes: ChangesPart): Html {
  const { ui } = model;
  const pair = (p: { before: string; after: string } | null) =>
    p ? html`<td>${p.before} → <strong>${p.after}</strong></td>` : html`<td class="unchanged">${ui.unchanged}</td>`;
  const row = (r: ChangeRow) => {
    const title = r.anchor ? html`<a href="#${r.anchor}">${r.title}</a>` : r.title;
    const kind = r.kind === 'changed' ? '' : html` <small>(${ui.changeKinds[r.kind]})</small>`;
    const direction = r.status ? html` <small>(${ui.changeDirection[r.status.direction]})</small>` : '';
    const status = r.status
      ? html`<td>${badge(r.status.before)} → ${badge(r.status.after)}${direction}</td>`
      : html`<td class="unchanged">${ui.unchanged}</td>`;
    return html`<tr>${rowHead(title)}<td>${r.subject}${kind}</td>${status}${pair(r.value)}${pair(r.target)}</tr>\n`;
  };
  const heads = [ui.indicator, ui.subject, ui.rating, ui.changeValue, ui.changeTarget];
  return html`<table class="changes-table">
<caption id="aenderungen-tabelle">${ui.changesCaption}</caption>
<thead><tr>${heads.map((h) => headCell(h))}</tr></thead>
<tbody>
${changes.rows.map(row)}
</tbody>
</table>`;
}

function renderMeasureChanges(model: ReportModel, changes: ChangesPart): Html {
  const { ui } = model;
  const items = changes.measures.map((m) => {
    const link = html`<a href="#${m.anchor}">${m.title}</a>`;
    return html`<li>${link}: ${m.before ?? ui.newMeasure} → <strong>${m.after}</strong></li>`;
  });
  return html`<p class="count-caption">${ui.measureChangesCaption}</p>
<ul class="measure-changes">${items}</ul>`;
}

/** The measures by state (the counts add up to the total) and the overdue ones by name. */
function renderMeasureSummary(model: ReportModel): Html | string {
  const { ui } = model;
  const summary = model.council.measures;
  if (!summary) return '';
  const counts = summary.byStatus.map((s) => {
    const word = html`<span class="measure-status m-${s.status}">${s.word}</span>`;
    return html`<li><span class="total-count">${s.count}</span> ${word}</li>`;
  });
  const overdue = summary.overdue.map((m) => {
    const when = html`<small>(${ui.overdueItem(m.due ?? '–', m.responsible)})</small>`;
    return html`<li><a href="#${m.anchor}">${m.title}</a> ${when}</li>`;
  });
  return html`<h3 id="massnahmen-stand">${ui.measuresSummary(summary.total)}</h3>
<ul class="status-totals measure-totals" aria-labelledby="massnahmen-stand">${counts}</ul>
${overdue.length ? renderOverdue(ui.overdueHeading, overdue) : ''}`;
}

function renderOverdue(heading: string, items: Html[]): Html {
  return html`<p class="count-caption">${heading}</p>
<ul class="overdue-list">${items}</ul>`;
}
