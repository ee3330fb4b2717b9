// Stage 4, comparisons → report model → HTML (and PDF): the door through which the CLI writes reports.
export { buildReportModel, type ReportModel, type ReportOptions } from './model.js';
export { renderReport, writeReport } from './page.js';
export { openSvgCache, type SvgCache } from './svg-cache.js';
export { writePdf } from './pdf.js';
export { readProvenance } from './provenance.js';
export { html, unsafe, type Html } from './html.js';
export { checkReportFiles, reportKind } from './outfiles.js';
export { takeSnapshot } from './history.js';
export { keepReport, readEarlierReport } from './history-files.js';
