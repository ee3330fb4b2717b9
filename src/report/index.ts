// Stage 4, comparisons → report model → HTML (and PDF): the door through which the CLI writes reports.
export { buildReportModel, type ReportModel, type ReportOptions } from './model.js';
export { writeReport } from './page.js';
export { writePdf } from './pdf.js';
export { readProvenance } from './provenance.js';
export { checkReportFiles, reportKind } from './outfiles.js';
export { takeSnapshot } from './history.js';
export { keepReport, readEarlierReport } from './history-files.js';
