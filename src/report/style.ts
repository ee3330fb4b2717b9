// The report's stylesheet: system fonts only (no web font may be fetched), calm colours with text contrast
// of at least 4.5:1 (WCAG AA), type large enough for paper, and status colours that always come with a
// symbol and a word. The print part starts every indicator on a new page, keeps charts whole and colours
// on, and repeats the title and the page number in the page margins.

/** Text and background of every status badge, also checked for contrast by the tests. */
export const statusColors = {
  achieved: { text: '#0f5323', background: '#dafbe1', border: '#4ac26b' },
  on_track: { text: '#0f5323', background: '#eefbf0', border: '#6fdd8b' },
  moderate: { text: '#6b4a00', background: '#fff8c5', border: '#d4a72c' },
  limited: { text: '#8a3a00', background: '#fff1e5', border: '#fb8f44' },
  deterioration: { text: '#a0111f', background: '#ffebe9', border: '#ff8182' },
  not_assessable: { text: '#424a53', background: '#f6f8fa', border: '#afb8c1' },
} as const;

/** The page's own colours: text, muted text and links on white, and the notice on its yellow. */
export const colors = {
  text: '#1f2328',
  muted: '#59636e',
  line: '#d1d9e0',
  soft: '#f6f8fa',
  accent: '#0b5394',
  noticeBackground: '#fff8c5',
} as const;

const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const reportStyle = `
:root {
  --text: ${colors.text}; --muted: ${colors.muted}; --line: ${colors.line}; --soft: ${colors.soft}; --accent: ${colors.accent};
  --font: ${font};
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: #fff; font: 16px/1.55 var(--font); }
.page { max-width: 76rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.45rem; line-height: 1.3; margin: 0 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: .5rem; background: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
.meta { color: var(--muted); margin: 0; }
.scope { font-size: 1.25rem; font-weight: 600; margin: 0 0 .25rem; }
.notice { margin: 1rem 0 1.5rem; padding: .85rem 1.1rem; border: 2px solid #9a6700; border-left-width: .5rem;
  background: ${colors.noticeBackground}; border-radius: .35rem; font-size: 1.05rem; }
.hint { color: var(--muted); font-size: .95rem; }
.js-only { display: none; }
.js .js-only { display: block; }
section.summary, section.indicator, section.appendix { margin-top: 2.5rem; padding-top: 1.5rem; border-top: 1px solid var(--line); }
section.summary { border-top: 0; margin-top: 1rem; padding-top: 0; }
/* A long report renders the sections near the viewport first; the rest when it is scrolled to. */
section.indicator { content-visibility: auto; contain-intrinsic-size: auto 2400px; }
.key-figures, .status-totals { list-style: none; padding: 0; margin: .75rem 0 1rem; display: flex; flex-wrap: wrap; gap: .75rem; }
.key-figures li { border: 1px solid var(--line); border-radius: .5rem; padding: .6rem 1rem; min-width: 11rem; background: var(--soft); }
.key-value { display: block; font-size: 2rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.key-label { color: var(--muted); }
.status-totals li { display: flex; align-items: center; gap: .45rem; }
.total-count { font-size: 1.3rem; font-weight: 700; font-variant-numeric: tabular-nums; min-width: 1.5ch; text-align: right; }
.table-scroll { overflow-x: auto; }
.table-scroll:focus-visible { outline-offset: 0; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: .4rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #8c959f; font-weight: 600; }
tbody th { font-weight: 600; }
tfoot th, tfoot td { border-top: 2px solid #8c959f; font-weight: 600; }
.num, .data-table td { text-align: right; white-space: nowrap; }
caption { caption-side: top; text-align: left; color: var(--muted); font-size: .9rem; padding-bottom: .4rem; }
.field-table { max-width: 62rem; }
.field-table thead th { white-space: normal; vertical-align: bottom; font-size: .9rem; }
.status-head .status { display: table; margin: 0 0 .2rem auto; padding: .05rem .45rem; }
.field-table td { width: 9%; }
.field-table td.zero { color: var(--muted); }
.overview-table { table-layout: fixed; min-width: 60rem; }
.overview-table th, .overview-table td { white-space: normal; overflow-wrap: anywhere; hyphens: auto; }
.c-field { width: 13%; } .c-indicator { width: 20%; } .c-subject { width: 14%; } .c-ist { width: 9%; } .c-soll { width: 13%; } .c-gap { width: 12%; } .c-status { width: 19%; }
.overview-table .year { display: block; font-size: .85rem; }
.overview-table td small { color: var(--muted); }
.overview-table .status { white-space: normal; }
button.sort { all: unset; cursor: pointer; display: inline-flex; gap: .3em; align-items: baseline; }
button.sort::after { content: "↕"; color: var(--muted); font-size: .85em; }
th[aria-sort="ascending"] button.sort::after { content: "▲"; color: var(--text); }
th[aria-sort="descending"] button.sort::after { content: "▼"; color: var(--text); }
button.sort:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.year { color: var(--muted); }
.status { display: inline-flex; align-items: center; gap: .3em; padding: .05rem .55rem; border: 1px solid; border-radius: 1rem;
  font-weight: 600; font-size: .92rem; white-space: nowrap; }
.status .symbol { font-size: .95em; }
${Object.entries(statusColors)
  .map(([s, c]) => `.status.s-${s} { color: ${c.text}; background: ${c.background}; border-color: ${c.border}; }`)
  .join('\n')}
.kicker { margin: 0 0 .2rem; color: var(--muted); font-size: .9rem; text-transform: uppercase; letter-spacing: .04em; }
.status-line { margin: 0 0 .75rem; }
.description { color: var(--muted); margin: 0 0 .75rem; }
.summary-text p { margin: 0 0 .5rem; max-width: 52rem; font-size: 1.05rem; }
.figure { margin: 1.5rem 0 0; }
.figure h3 { margin: 0 0 .2rem; }
.chart-notes { margin: 0 0 .4rem; color: var(--muted); font-size: .9rem; max-width: 52rem; }
.chart-box { position: relative; margin: .5rem 0 .75rem; max-width: 52rem; }
.chart-static svg { display: block; width: 100%; height: auto; }
.chart-static text { font-family: var(--font); }
.chart-box:not(.live) > .chart { position: absolute; top: 0; left: 0; right: 0; visibility: hidden; }
.chart-box.live > .chart-static { display: none; }
.chart .vega-embed { width: 100%; }
.figure-body .table-scroll { max-width: 46rem; }
.data-table thead th { white-space: normal; vertical-align: bottom; }
.data-table th, .data-table td { padding: .3rem .6rem; }
.data-table { font-size: .95rem; }
.detail { color: var(--muted); font-size: .85em; }
sup a { text-decoration: none; margin-left: .1em; }
.notes { color: var(--muted); font-size: .88rem; margin: .5rem 0 0; padding-left: 1.5rem; }
.about { margin-top: 1.5rem; max-width: 52rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem .9rem; margin: 0; font-size: .95rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.back { margin-top: 1rem; font-size: .9rem; }
.appendix p { max-width: 52rem; }
code { font-size: .88em; }
.hash { font-size: .78rem; overflow-wrap: anywhere; word-break: break-all; }
.sources-table td:nth-child(2) { min-width: 16rem; }
.hash-table { max-width: 60rem; font-size: .88rem; }
.report-footer h2 { font-size: 1.1rem; color: var(--text); }
.empty { color: var(--muted); font-style: italic; }
.report-footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
@media (max-width: 48rem) {
  dl { grid-template-columns: 1fr; }
  .key-figures li { min-width: 0; flex: 1 1 9rem; }
}
`;

/** CSS for a string in a stylesheet: `<` and the quotes escaped, so that no text can end the <style> element. */
export function cssString(text: string): string {
  return `"${text
    .replace(/[\\"]/g, '\\$&')
    .replace(/[\n\r\f]/g, ' ')
    .replace(/</g, '\\3c ')}"`;
}

export function printStyle(o: { title: string; date: string; page: string; of: string }): string {
  return `
@page {
  size: A4; margin: 17mm 14mm 15mm;
  @top-left { content: ${cssString(o.title)}; font: 8.5pt ${font}; color: ${colors.muted}; }
  @top-right { content: ${cssString(o.date)}; font: 8.5pt ${font}; color: ${colors.muted}; }
  @bottom-right { content: ${cssString(o.page)} counter(page) ${cssString(o.of)} counter(pages); font: 8.5pt ${font}; color: ${colors.muted}; }
}
@media print {
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 10pt; }
  .page { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .back, .skip, .hint, noscript, .vega-embed details { display: none !important; }
  section.indicator { content-visibility: visible; }
  section.indicator, section.appendix, .report-footer { break-before: page; border-top: 0; margin-top: 0; padding-top: 0; }
  .chart-box > .chart { display: none !important; }
  .chart-box > .chart-static { display: block !important; }
  .chart-static svg { max-width: 100%; }
  .figure > figcaption, .chart-box, tr, .key-figures li, dl > * { break-inside: avoid; }
  h2, h3, figcaption { break-after: avoid; }
  .table-scroll { overflow: visible; }
  .overview-table { min-width: 0; font-size: 8.5pt; }
  .overview-table th, .overview-table td, .field-table th, .field-table td { padding: .25rem .35rem; }
  .overview-table .status { font-size: .85em; padding: 0 .35rem; }
  .c-field { width: 12%; } .c-indicator { width: 19%; } .c-subject { width: 15%; } .c-ist { width: 9%; } .c-soll { width: 12%; } .c-gap { width: 11%; } .c-status { width: 22%; }
  .data-table { font-size: 8.5pt; }
  .data-table th, .data-table td { padding: .12rem .5rem; }
  .chart-box { max-width: 16cm; margin: .25rem 0 .4rem; }
  .figure { margin-top: .9rem; }
  .summary-text p, .chart-notes, caption { margin-bottom: .25rem; }
  .summary-text p { font-size: 10.5pt; }
}
`;
}
