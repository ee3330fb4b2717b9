// The files of `report` and `run`: where the HTML goes (and on request the PDF, and a report per field of
// action), all checked before anything is computed or written (report/outfiles.ts says what may be
// written where), then the writing itself. `--out bericht.pdf` asks for the PDF, with its HTML beside it.
import { extname, join, resolve } from 'node:path';
import { displayPath as shown } from '../core/errors.js';
import { words } from '../core/messages/index.js';
import { paths, type Project } from '../core/project.js';
import type { Comparison, IndicatorValue } from '../core/types.js';
import { istsollVersion } from '../core/version.js';
import type { LoadResult } from '../load/index.js';
import type { ReportOptions } from './options.js';
import { print } from './output.js';
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
  // Charts drawn before with the same spec come from the cache beside the database.
  const svgCache = openSvgCache(chartCache(result.loaded.db));
  const w = words(run.lang).cli;
  const options = {
    lang: o.lang ?? 'de',
    now: new Date(),
    version: istsollVersion(),
    provenance: await readProvenance(project, result.loaded),
  };
  for (const { path, field } of plan.pages) {
    const model = buildReportModel(project, result.values, result.comparisons, { ...options, field });
    await writeReport(model, path, svgCache.render);
    print(w.reportWritten(shown(path)));
  }
  await svgCache.prune();
  for (const [i, pdf] of plan.pdfs.entries()) {
    const { pages } = await writePdf(plan.pages[i]!.path, pdf);
    print(w.pdfWritten(shown(pdf), pages));
  }
}
