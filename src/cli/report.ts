// The files of `report` and `run`: where the HTML goes (and on request the PDF, and a report per field of
// action), all checked before anything is computed or written (report/outfiles.ts says what may be
// written where), then the writing itself. `--out bericht.pdf` asks for the PDF, with its HTML beside it.
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { InputError, displayPath as shown } from '../core/errors.js';
import { localize } from '../core/format.js';
import { words } from '../core/messages/index.js';
import { paths, type Project } from '../core/project.js';
import type { Comparison, IndicatorValue } from '../core/types.js';
import { istsollVersion } from '../core/version.js';
import type { LoadResult } from '../load/index.js';
import type { ReportOptions } from './options.js';
import { print, progress } from './output.js';
import type { Run } from './run.js';

export interface ReportPlan {
  /** The report pages: the whole, then one per field of action with `--per-field`. */
  pages: { path: string; field?: string }[];
  /** The PDF of each page, in the same order; none without `--pdf`. */
  pdfs: string[];
}

/** Where the report run will write, refused (InputError) before anything is computed if it may not. */
export async function planReport(project: Project, o: ReportOptions): Promise<ReportPlan> {
  const { checkReportFiles, reportKind } = await import('../report/index.js');
  const out = resolve(o.out ?? join(project.dir, paths.reports, 'index.html'));
  const kind = reportKind(out);
  const stem = (path: string) => path.slice(0, path.length - extname(path).length);
  const fields = o.perField ? project.fields.filter((f) => project.indicators.some((i) => i.field === f.id)) : [];
  const pages = [
    { path: kind === 'pdf' ? `${stem(out)}.html` : out },
    ...fields.map((f) => ({ path: `${stem(out)}-${f.id}.html`, field: f.id })),
  ];
  const pdfs = o.pdf || kind === 'pdf' ? pages.map((p) => `${stem(p.path)}.pdf`) : [];
  // The name as given first: a wrong extension is named as the user wrote it.
  await checkReportFiles(project.dir, [...new Set([out, ...pages.map((p) => p.path), ...pdfs])]);
  return { pages, pdfs };
}

/**
 * Where drawn charts are kept: beside the database and named after it (.istsoll/istsoll.svg/ for the
 * project's own), so that all of istsoll's private state stays in one place, the one `--db` chooses.
 */
export function chartCache(db: string): string {
  return `${db.replace(/\.duckdb$/i, '')}.svg`;
}

/** Writes the planned files and says where. */
export async function writeProjectReport(
  run: Run,
  plan: ReportPlan,
  project: Project,
  result: { values: IndicatorValue[]; comparisons: Comparison[]; loaded: LoadResult },
  o: ReportOptions,
): Promise<void> {
  const { buildReportModel, openSvgCache, readProvenance, writePdf, writeReport } = await import('../report/index.js');
  const { computeReferences } = await import('../compute/index.js');
  // Charts drawn before with the same spec come from the cache beside the database.
  const svgCache = openSvgCache(chartCache(result.loaded.db));
  const w = words(run.lang).cli;
  const now = new Date();
  const history = o.history ? await readHistory(run, project, result, now) : undefined;
  const options = {
    lang: o.lang ?? 'de',
    now,
    version: istsollVersion(),
    provenance: await readProvenance(project, result.loaded),
    references: await computeReferences(project, result.loaded.db),
    history: history?.history,
  };
  for (const { path, field } of plan.pages) {
    const model = buildReportModel(project, result.values, result.comparisons, { ...options, field });
    const links = linksBetween(plan, path, project, options.lang);
    await writeReport(model, path, { svg: svgCache.render, links });
    print(w.reportWritten(shown(path)));
  }
  // Kept once every report is written: a report that failed is not "the last report".
  if (history) await history.keep();
  await svgCache.prune();
  for (const [i, pdf] of plan.pdfs.entries()) {
    const { pages } = await writePdf(plan.pages[i]!.path, pdf);
    print(w.pdfWritten(shown(pdf), pages));
  }
}

/**
 * The earlier report to compare with, from the project's reports/history/ (history-files.ts says how it
 * is chosen), and how to keep this one there once it is written. What cannot be read is a warning.
 */
async function readHistory(
  run: Run,
  project: Project,
  result: { values: IndicatorValue[]; comparisons: Comparison[] },
  now: Date,
) {
  const { keepReport, readEarlierReport, takeSnapshot } = await import('../report/index.js');
  const dir = join(project.dir, paths.reports, 'history');
  const snapshot = takeSnapshot(project, result.values, result.comparisons, now);
  const { earlier, warnings } = await readEarlierReport(dir, snapshot);
  const w = words(run.lang).cli;
  for (const x of warnings)
    progress(`${w.warning}: ${new InputError(x.reason, x.where, x.hint).format(run.lang, w.hint)}`);
  return {
    history: { earlier, snapshot },
    keep: () => keepReport(dir, snapshot, now, istsollVersion()),
  };
}

/** Relative links from one page of the plan to the others: the whole report and each field's report. */
function linksBetween(plan: ReportPlan, from: string, project: Project, lang: 'de' | 'en') {
  if (plan.pages.length < 2) return undefined;
  const href = (to: string) =>
    to === from ? null : encodeURI(relative(dirname(from), to).split('\\').join('/') || basename(to));
  const [whole, ...fields] = plan.pages;
  return {
    whole: href(whole!.path),
    fields: fields.map((p) => ({
      title: localize(project.fields.find((f) => f.id === p.field)!.title, lang),
      href: href(p.path),
    })),
  };
}
