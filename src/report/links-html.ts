// The reports written together (`report --per-field`): the whole report and one per field of action link
// to each other with relative links, so that the folder can be moved or shared as it is.
import { html, type Html } from './html.js';
import type { ReportModel } from './model.js';

export interface ReportLinks {
  /** The whole report, relative to this one; null when it is this one. */
  whole: string | null;
  /** Each field's report, relative to this one; `href` null for this one. */
  fields: { title: string; href: string | null }[];
}

export function renderReportLinks(model: ReportModel, links: ReportLinks | undefined): Html | string {
  if (!links || !links.fields.length) return '';
  const { ui } = model;
  const item = (text: string, href: string | null) =>
    href === null
      ? html`<li><span aria-current="page">${text}</span> <small>(${ui.thisReport})</small></li>`
      : html`<li><a href="${href}">${text}</a></li>`;
  return html`<nav class="report-links" aria-labelledby="berichte-titel">
<p class="report-links-title" id="berichte-titel">${ui.reportsNav}</p>
<ul>${item(ui.wholeReport, links.whole)}${links.fields.map((f) => item(ui.fieldReport(f.title), f.href))}</ul>
</nav>`;
}
