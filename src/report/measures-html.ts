// Measures on the page: per field of action beside its indicators (a section after the overview, only
// when the project has measures), and under each indicator the measures meant to move it.
import { badge, headCell, rowHead, scroller } from './html-parts.js';
import { html, type Html } from './html.js';
import type { MeasureItem } from './measures.js';
import type { IndicatorSection, ReportModel } from './model.js';

/** The fields of action with their indicators and measures; nothing at all for a project without measures. */
export function renderFieldMeasures(model: ReportModel): Html | string {
  const { ui } = model;
  if (!model.fieldMeasures.length) return '';
  const fields = model.fieldMeasures.map((f) => {
    const indicators = f.indicators.map((i) => html`<li><a href="#${i.anchor}">${i.title}</a> ${badge(i.status)}</li>`);
    return html`<section class="field-measures" id="${f.anchor}" aria-labelledby="${f.anchor}-titel">
<h3 id="${f.anchor}-titel">${f.title}</h3>
<div class="field-columns">
<div class="field-indicators"><h4>${ui.fieldIndicators}</h4><ul>${indicators}</ul></div>
<div class="field-measure-list"><h4 id="${f.anchor}-massnahmen">${ui.fieldMeasures}</h4>
${scroller(`${f.anchor}-titel ${f.anchor}-massnahmen`, renderMeasureTable(model, f.measures, true))}</div>
</div>
</section>
`;
  });
  return html`<section id="handlungsfelder" class="measures" aria-labelledby="handlungsfelder-titel">
<h2 id="handlungsfelder-titel">${ui.measuresHeading}</h2>
<p>${ui.measuresIntro}</p>
${fields}
</section>
`;
}

/** The measures meant to move one indicator; nothing when there are none. */
export function renderIndicatorMeasures(model: ReportModel, s: IndicatorSection): Html | string {
  if (!s.measures.length) return '';
  const id = `${s.anchor}-massnahmen`;
  return html`<div class="indicator-measures">
<h3 id="${id}">${model.ui.indicatorMeasures}</h3>
${scroller(`${s.anchor}-titel ${id}`, renderMeasureTable(model, s.measures, false))}
</div>`;
}

/** `anchors`: the table in the field section is where each measure's anchor lives. */
function renderMeasureTable(model: ReportModel, measures: MeasureItem[], anchors: boolean): Html {
  const { ui } = model;
  const c = ui.measureColumns;
  const heads = [c.measure, c.status, c.responsible, c.next, c.due, ...(anchors ? [c.indicators] : [])].map((h) =>
    headCell(h),
  );
  const rows = measures.map((m) => {
    const id = anchors ? html` id="${m.anchor}"` : '';
    // A measure of another field has no place in a report of one field: it is named, not linked.
    const listed = anchors || model.fieldMeasures.some((f) => f.id === m.field);
    const title = listed && !anchors ? html`<a href="#${m.anchor}">${m.title}</a>` : m.title;
    const description = anchors && m.description ? html`<br><small>${m.description}</small>` : '';
    const partners = anchors && m.partners.length ? html`<br><small>${ui.partnersWith(m.partners)}</small>` : '';
    const overdue = m.overdue ? html` <strong class="overdue">${ui.overdue}</strong>` : '';
    const next = m.next ? html`${m.next.title} <span class="year">(${m.next.date})</span>` : ui.noMilestone;
    const linked = m.indicators.map((i, k) => html`${k ? ', ' : ''}<a href="#${i.anchor}">${i.title}</a>`);
    const status = html`<span class="measure-status m-${m.status}">${m.statusWord}</span>`;
    const cells = [
      rowHead(html`${title}${description}`),
      html`<td>${status}${overdue}</td>`,
      html`<td>${m.responsible}${partners}</td>`,
      html`<td>${next}</td>`,
      html`<td>${m.due ?? ui.standing}</td>`,
      anchors ? html`<td>${linked}</td>` : '',
    ];
    return html`<tr${id}>${cells}</tr>\n`;
  });
  return html`<table class="measure-table">
<thead><tr>${heads}</tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}
