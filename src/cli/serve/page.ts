// The preview page: a bar that says what is shown, the forms for targets and measures, and the report in
// a frame — or, when the project cannot be made into a report, the error with its file, line and hint in
// place of the report. Every interpolated text is escaped (report/html.ts); the words are the catalogue's.
import { InputError, type Location } from '../../core/errors.js';
import { label, localize } from '../../core/format.js';
import { words, type Lang } from '../../core/messages/index.js';
import type { IndicatorFile, Project } from '../../core/project.js';
import { measureStatusWords, type MeasureStatus, type Target } from '../../core/schema.js';
import { html, unsafe, type Html } from '../../report/index.js';
import type { Build } from './build.js';
import { previewScript } from './client.js';
import { previewStyle } from './style.js';

export interface PageState {
  lang: Lang;
  token: string;
  /** The number of the report version shown: the page reloads when the server has another. */
  version: number;
  build: Build;
  nonce: string;
  /** What the last form did (saved, unchanged) or why it was refused. */
  flash?: { ok: boolean; text: string; error?: InputError };
}

export function renderPreviewPage(state: PageState): string {
  const { lang, token, version, build, nonce } = state;
  const w = words(lang).cli.serve.page;
  const name = build.project ? localize(build.project.config.title, lang) : '';
  const q = `?token=${encodeURIComponent(token)}`;
  const time = build.at.toLocaleTimeString(lang === 'de' ? 'de-DE' : 'en-GB');
  const reportUrl = `/report${q}&v=${version}`;
  const page = html`<!doctype html>
<html lang="${lang}" data-token="${token}" data-version="${String(version)}" data-state="${build.ok ? 'ok' : 'error'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${w.title(name)}</title>
<style nonce="${nonce}">${unsafe(previewStyle)}</style>
</head>
<body>
<header class="bar">
<strong>${w.heading}</strong> <span>${name}</span>
<span class="status" role="status">${w.updated(time)}</span>
<span class="live">${w.live}</span>
${build.ok ? html`<a href="${reportUrl}" target="_blank" rel="noopener">${w.openReport}</a>` : ''}
</header>
<div class="layout">
${build.project ? renderEditPanel(build.project, state) : ''}
<main>
${
  build.ok
    ? html`<iframe id="report" title="${w.reportFrame}" src="${reportUrl}"></iframe>`
    : renderError(build.error, lang)
}
</main>
</div>
<script nonce="${nonce}">${unsafe(previewScript)}</script>
</body>
</html>
`;
  return page.text;
}

function renderError(error: Error, lang: Lang): Html {
  const w = words(lang).cli.serve.page;
  return html`<section class="error" role="alert" id="error">
<h1>${w.errorTitle}</h1>
${error instanceof InputError ? renderInputError(error, lang) : html`<p>${w.unexpected}</p>`}
<p class="intro">${w.errorIntro}</p>
</section>`;
}

function renderInputError(error: InputError, lang: Lang): Html {
  const w = words(lang).cli.serve.page;
  const json = error.toJson(lang);
  const place: Location | null = json.file
    ? { file: json.file, line: json.line ?? undefined, column: json.column ?? undefined }
    : null;
  return html`<div class="problem" data-code="${json.code}">
${place ? renderPlace(place, lang) : ''}
<p class="what">${json.error}</p>
${json.hint ? html`<p class="hint"><strong>${w.hint}:</strong> ${json.hint}</p>` : ''}
${
  error.more.length
    ? html`<p>${w.more}:</p><ul>${error.more.map((e) => html`<li>${placeText(e)}${e.toJson(lang).error}</li>`)}</ul>`
    : ''
}
</div>`;
}

function renderPlace(place: Location, lang: Lang): Html {
  const w = words(lang).cli.serve.page;
  const line = place.line !== undefined ? html` <span>${w.line} ${String(place.line)}</span>` : '';
  const column = place.column !== undefined ? html` <span>${w.column} ${String(place.column)}</span>` : '';
  return html`<p class="where"><span>${w.file}: <code>${place.file}</code></span>${line}${column}</p>`;
}

function placeText(e: InputError): string {
  const { file, line, column } = e.toJson('de');
  return file ? `${[file, line, column].filter((p) => p !== null).join(':')}: ` : '';
}

const measureStatuses = Object.keys(measureStatusWords) as MeasureStatus[];

function renderEditPanel(project: Project, state: PageState): Html {
  const w = words(state.lang).cli.serve.page;
  const flash = state.flash;
  return html`<aside class="edit" aria-labelledby="edit-title">
<details${state.build.ok && !flash ? '' : unsafe(' open')}>
<summary id="edit-title">${w.edit}</summary>
${
  flash
    ? html`<div class="flash ${flash.ok ? 'ok' : 'refused'}" role="${flash.ok ? 'status' : 'alert'}">
<p>${flash.text}</p>${flash.error ? renderInputError(flash.error, state.lang) : ''}</div>`
    : ''
}
<p class="intro">${w.editIntro}</p>
<h2>${w.targets}</h2>
${project.indicators.map((ind) => renderTargetForms(project, ind, state))}
${project.measures.length ? html`<h2>${w.measures}</h2>${renderMeasureForms(project, state)}` : ''}
</details>
</aside>`;
}

function renderTargetForms(project: Project, ind: IndicatorFile, state: PageState): Html {
  const w = words(state.lang).cli.serve.page;
  const q = `?token=${encodeURIComponent(state.token)}`;
  const form = (t: Target, i: number) => {
    if (t.range || t.trend) return html`<p class="fixed">${String(t.year)}: ${w.notEditable}</p>`;
    const gap = t.gap !== undefined;
    const series = gap
      ? w.gap
      : t.group !== undefined && ind.groups
        ? label(project, ind.groups.column, t.group, state.lang)
        : w.all;
    const value = (gap ? t.gap : t.value)!;
    const id = `t-${ind.id}-${i}`;
    return html`<form method="post" action="/target${q}" class="target" data-indicator="${ind.id}">
<input type="hidden" name="indicator" value="${ind.id}">
${t.group !== undefined ? html`<input type="hidden" name="group" value="${t.group}">` : ''}
${gap ? html`<input type="hidden" name="gap" value="1">` : ''}
<span class="series">${series}</span>
<label for="${id}-value">${w.value}</label>
<input id="${id}-value" name="value" inputmode="decimal" required value="${formatPlain(value, state.lang)}">
<label for="${id}-year">${w.year}</label>
<input id="${id}-year" name="year" inputmode="numeric" required pattern="[0-9]{4}" value="${String(t.year)}">
<button type="submit">${w.save}</button>
</form>`;
  };
  return html`<fieldset class="indicator" id="target-${ind.id}">
<legend>${localize(ind.title, state.lang)} <code>${ind.id}</code></legend>
${ind.targets.map(form)}
<p class="note">${w.otherYear}</p>
</fieldset>`;
}

function renderMeasureForms(project: Project, state: PageState): Html[] {
  const w = words(state.lang);
  const p = w.cli.serve.page;
  const q = `?token=${encodeURIComponent(state.token)}`;
  return project.measures.map((m) => {
    const id = `m-${m.id}`;
    const open = m.milestones.map((ms, i) => ({ ...ms, number: i + 1 })).filter((ms) => !ms.done);
    return html`<form method="post" action="/measure${q}" class="measure" id="measure-${m.id}">
<input type="hidden" name="id" value="${m.id}">
<fieldset>
<legend>${localize(m.title, state.lang)} <code>${m.id}</code></legend>
<label for="${id}-status">${p.status}</label>
<select id="${id}-status" name="status">
${measureStatuses.map((s) => html`<option value="${s}"${selected(s === m.status)}>${w.measureStatus[s]}</option>`)}
</select>
<label for="${id}-note">${p.note}</label>
<textarea id="${id}-note" name="note" rows="2">${m.note ?? ''}</textarea>
${
  open.length
    ? html`<label for="${id}-milestone">${p.milestone}</label>
<select id="${id}-milestone" name="milestone"><option value="">${p.noMilestone}</option>
${open.map((ms) => html`<option value="${String(ms.number)}">${ms.date} ${localize(ms.title, state.lang)}</option>`)}
</select>`
    : ''
}
<label for="${id}-by">${p.by}</label>
<input id="${id}-by" name="by" value="">
<button type="submit">${p.save}</button>
</fieldset>
</form>`;
  });
}

function selected(yes: boolean): Html {
  return unsafe(yes ? ' selected' : '');
}

/** A number as staff type it: 12,5 in German, 12.5 in English. */
function formatPlain(x: number, lang: Lang): string {
  return lang === 'de' ? String(x).replace('.', ',') : String(x);
}
