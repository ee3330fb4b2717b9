// The report's stylesheet: system fonts only (no web font may be fetched), calm colours, large enough
// type for reading on paper, and status colours that always come with a symbol and a word.
export const reportStyle = `
:root {
  --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0b5394;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--text); background: #fff; font: 16px/1.55 var(--font); }
.page { max-width: 76rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.45rem; line-height: 1.3; margin: 0 0 .5rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
a { color: var(--accent); }
.meta { color: var(--muted); margin: 0; }
.notice { margin: 1rem 0 1.5rem; padding: .85rem 1.1rem; border: 2px solid #9a6700; border-left-width: .5rem;
  background: #fff8c5; border-radius: .35rem; font-size: 1.05rem; }
.notice-footer { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--line); color: var(--muted); }
section.overview, section.indicator, section.method { margin-top: 2.5rem; padding-top: 1.5rem; border-top: 1px solid var(--line); }
section.overview { border-top: 0; margin-top: 1rem; padding-top: 0; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem .6rem; align-items: center; }
.legend-title { font-weight: 600; }
.counts { display: flex; flex-wrap: wrap; gap: .35rem .6rem; align-items: center; margin: .25rem 0 .6rem; }
.count { margin: 0 .4rem 0 -.2rem; color: var(--muted); font-variant-numeric: tabular-nums; }
.empty { color: var(--muted); font-style: italic; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: .4rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #8c959f; font-weight: 600; white-space: nowrap; }
tbody th { font-weight: 600; }
.num { text-align: right; white-space: nowrap; }
.overview-table tr.first > * { border-top: 1px solid #8c959f; }
.overview-table { table-layout: fixed; min-width: 52rem; }
.overview-table th, .overview-table td { white-space: normal; }
.c-indicator { width: 25%; } .c-subject { width: 15%; } .c-ist { width: 10%; } .c-soll { width: 15%; } .c-gap { width: 15%; } .c-status { width: 20%; }
.overview-table .year { display: block; font-size: .85rem; }
.overview-table td small { color: var(--muted); }
.year { color: var(--muted); }
.status { display: inline-flex; align-items: center; gap: .3em; padding: .05rem .55rem; border: 1px solid; border-radius: 1rem;
  font-weight: 600; font-size: .92rem; white-space: nowrap; }
.status .symbol { font-size: .95em; }
.s-achieved { color: #0f5323; background: #dafbe1; border-color: #4ac26b; }
.s-on_track { color: #0f5323; background: #eefbf0; border-color: #6fdd8b; }
.s-moderate { color: #6b4a00; background: #fff8c5; border-color: #d4a72c; }
.s-limited { color: #8a3a00; background: #fff1e5; border-color: #fb8f44; }
.s-deterioration { color: #a0111f; background: #ffebe9; border-color: #ff8182; }
.s-not_assessable { color: #424a53; background: var(--soft); border-color: #afb8c1; }
.kicker { margin: 0 0 .2rem; color: var(--muted); font-size: .9rem; text-transform: uppercase; letter-spacing: .04em; }
.status-line { margin: 0 0 .75rem; }
.description { color: var(--muted); margin: 0 0 .75rem; }
.summary p { margin: 0 0 .5rem; max-width: 52rem; font-size: 1.05rem; }
.chart-figure { margin: 1rem 0; }
.chart { width: 100%; min-height: 20rem; }
.chart .vega-embed { width: 100%; }
.details { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; align-items: start; }
.details h3 { margin-top: 0; }
caption { caption-side: top; text-align: left; color: var(--muted); font-size: .9rem; padding-bottom: .4rem; }
.data-table { font-size: .95rem; }
.detail { color: var(--muted); font-size: .85em; }
sup a { text-decoration: none; margin-left: .1em; }
.notes { color: var(--muted); font-size: .88rem; margin: .5rem 0 0; padding-left: 1.5rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem .9rem; margin: 0; font-size: .95rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
.back { margin-top: 1rem; font-size: .9rem; }
@media (max-width: 48rem) {
  .details { grid-template-columns: 1fr; }
  dl { grid-template-columns: 1fr; }
}
@media print {
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .back { display: none; }
  section.indicator { break-before: page; }
  .chart-figure, tr { break-inside: avoid; }
  .notice, .status { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
