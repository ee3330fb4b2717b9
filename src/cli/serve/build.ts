// One run of the preview: the project read, loaded (what changed), computed (what the cache does not
// hold), compared and made into the report's HTML in memory. Nothing is written into reports/; the
// database and the chart cache beside it are used as `istsoll run` uses them. A run that fails ends
// with the error, which the page shows in place of a report.
import { createHash } from 'node:crypto';
import { compareIndicators } from '../../compare/index.js';
import { computeCached, type ValueMemory } from '../../compute/index.js';
import { InputError } from '../../core/errors.js';
import type { Lang } from '../../core/messages/index.js';
import { readProject, type Project } from '../../core/project.js';
import { istsollVersion } from '../../core/version.js';
import { loadProject } from '../../load/index.js';
import { chartCache } from '../report.js';
import { buildReportModel, openSvgCache, readProvenance, renderReport } from '../../report/index.js';

export type Build =
  | {
      ok: true;
      project: Project;
      html: string;
      /** A hash of the report without the time it was made: equal hashes, nothing to reload. */
      hash: string;
      at: Date;
    }
  | {
      ok: false;
      /** The project, when it could be read: its forms stay usable while a later stage fails. */
      project: Project | null;
      error: InputError | Error;
      at: Date;
    };

export interface BuildSettings {
  dir: string;
  db: string;
  lang: Lang;
  /** Chart SVGs kept in memory between runs, in front of the cache beside the database. */
  svgs: Map<string, string>;
  /** Indicator values kept in memory between runs, in front of the cache in the database. */
  values: ValueMemory;
}

export async function buildPreview(settings: BuildSettings): Promise<Build> {
  const at = new Date();
  let project: Project | null = null;
  try {
    project = await readProject(settings.dir);
    const loaded = await loadProject(project, settings.db);
    const tables = new Map(loaded.tables.map((t) => [t.name, t.hash]));
    const { values } = await computeCached(project, settings.db, { tables, memory: settings.values });
    const comparisons = compareIndicators(project.indicators, values, project.config.method);
    const model = buildReportModel(project, values, comparisons, {
      lang: settings.lang,
      now: at,
      version: istsollVersion(),
      provenance: await readProvenance(project, loaded),
    });
    const svg = openSvgCache(chartCache(settings.db), { memory: settings.svgs });
    const html = await renderReport(model, { svg: svg.render });
    await svg.prune();
    // The clock is the one thing that changes the page without a change of the project.
    const timeless = html.split(model.generatedAt).join('').split(model.generated).join('');
    // The forms show the targets and measures: a change of those is a new version even if the report
    // happens to read the same.
    const forms = JSON.stringify([project.indicators.map((i) => [i.id, i.targets]), project.measures.map(editable)]);
    const hash = createHash('sha256').update(timeless).update(forms).digest('hex');
    return { ok: true, project, html, hash, at };
  } catch (e) {
    return { ok: false, project, error: e instanceof Error ? e : new Error(String(e)), at };
  }
}

function editable(m: Project['measures'][number]) {
  return [m.id, m.status, m.note ?? null, m.milestones.map((ms) => ms.done)];
}
