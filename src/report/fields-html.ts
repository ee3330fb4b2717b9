// The indicators grouped by field of action, each field under a heading of its own (so that a screen
// reader can jump from field to field, and print can start each field on a page headed with its name),
// and the contents: the parts of the report and the fields with their indicators. In the PDF the
// contents carry page numbers, filled in by pdf.ts after a first printing has shown where each part
// begins.
import { html, type Html } from './html.js';
import { hyphenate } from './hyphenate.js';
import type { IndicatorSection, ReportModel } from './model.js';
import { renderIndicator } from './sections.js';

export const fieldAnchor = (id: string) => `feld-${id}`;

/** The fields of action that have indicators, with their indicator sections in report order. */
export function fieldsWithSections(model: ReportModel): { id: string; title: string; sections: IndicatorSection[] }[] {
  return model.fields.flatMap((f) => {
    const ids = new Set(f.indicators.map((i) => i.id));
    const sections = model.indicators.filter((s) => ids.has(s.id));
    return sections.length ? [{ id: f.id, title: f.title, sections }] : [];
  });
}

export function renderFields(model: ReportModel, svgs: Map<string, string>): Html[] {
  return fieldsWithSections(model).map((f) => {
    const anchor = fieldAnchor(f.id);
    const kicker = html`<span class="field-kicker">${model.ui.field}:</span>`;
    return html`<section class="field" id="${anchor}" aria-labelledby="${anchor}-titel" data-field="${f.id}">
<h2 class="field-heading" id="${anchor}-titel">${kicker} ${hyphenate(f.title, model.lang)}</h2>
${f.sections.map((s) => renderIndicator(model, s, svgs))}
${partEnd(anchor)}
</section>
`;
  });
}

/**
 * The end of a part of the printed report: a link to itself, shown only in print, so that Chromium records
 * in the PDF where the part ends (pdf.ts sets a part tighter whose last page would hold only a few lines).
 */
export function partEnd(part: string): Html {
  const id = `ende-${part}`;
  return html`<a class="part-end" id="${id}" href="#${id}" data-part="${part}" tabindex="-1" aria-hidden="true"></a>`;
}

/** One entry of the contents: a link, and the page number the PDF fills in. */
function entry(anchor: string, text: string, children: Html | string = ''): Html {
  const page = html`<span class="toc-page" data-page-of="${anchor}"></span>`;
  return html`<li><a href="#${anchor}">${text}</a>${page}${children}</li>`;
}

export function renderContents(model: ReportModel): Html {
  const { ui } = model;
  const fields = fieldsWithSections(model).map((f) =>
    entry(fieldAnchor(f.id), f.title, html`<ol>${f.sections.map((s) => entry(s.anchor, s.title))}</ol>`),
  );
  return html`<nav id="inhalt" class="contents" aria-labelledby="inhalt-titel">
<h2 id="inhalt-titel">${ui.contents}</h2>
<ol class="toc">
${entry('rat', ui.councilHeading)}
${entry('ueberblick', ui.summaryHeading)}
${model.fieldMeasures.length ? entry('handlungsfelder', ui.measuresHeading) : ''}
<li class="toc-fields"><span class="toc-group" id="felder-nav">${ui.fieldsNav}</span>
<ol aria-labelledby="felder-nav">${fields}</ol></li>
${entry('anhang', ui.appendixHeading)}
</ol>
</nav>
`;
}
