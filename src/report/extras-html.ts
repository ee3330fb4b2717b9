// What an indicator section shows besides its figures: the town's texts (what is measured, why, how to
// read it), the comparison with the reference series, the download of its values and the link to its
// calculation; and the calculations themselves in the appendix.
import { packedDownloadLink } from './html-parts.js';
import { html, type Html } from './html.js';
import type { IndicatorSection, ReportModel } from './model.js';

export function renderTexts(s: IndicatorSection): Html | string {
  if (!s.texts.length) return '';
  const texts = s.texts.map(
    (t) => html`<div class="indicator-text text-${t.kind}"><h3>${t.heading}</h3><p>${t.text}</p></div>`,
  );
  return html`<div class="indicator-texts">${texts}</div>`;
}

export function renderReferenceText(s: IndicatorSection): Html | string {
  return s.referenceText ? html`<p class="reference-text">${s.referenceText}</p>` : '';
}

/** The download of the indicator's values, under its figures. */
export function renderDownload(model: ReportModel, s: IndicatorSection): Html | string {
  return s.download ? packedDownloadLink(s.download, model.ui.download, model.ui.downloadRows(s.download.rows)) : '';
}

/** The indicators' CSV files by name, to be packed into the page (page.ts) for their download links. */
export function packedFiles(model: ReportModel): Record<string, string> {
  return Object.fromEntries(model.indicators.flatMap((s) => (s.download ? [[s.download.file, s.download.csv]] : [])));
}

/** The entry of the indicator's facts that leads to its calculation in the appendix. */
export function renderCalculationLink(model: ReportModel, s: IndicatorSection): Html {
  const { ui } = model;
  const link = html`<a href="#${s.calculation}">${ui.calculationLinkText}</a>`;
  return html`<div><dt>${ui.calculationLink}</dt><dd>${link}</dd></div>`;
}

/** Tables, expressions and filters of every indicator, for analysts, each linked back to its section. */
export function renderCalculations(model: ReportModel): Html {
  const { ui, appendix } = model;
  const entries = appendix.calculations.map(
    (c) => html`<div class="calculation" id="${c.anchor}">
<h4>${c.title}</h4>
<dl>${c.items.map((i) => html`<div><dt>${i.label}</dt><dd>${i.text}</dd></div>`)}</dl>
<p class="back"><a href="#${c.back}">↑ ${ui.backToIndicator}</a></p>
</div>`,
  );
  return html`<h3 id="berechnung-titel">${ui.calculationsHeading}</h3>
<p>${ui.calculationsIntro}</p>
${entries}
`;
}
