// What each CLI command does, stage by stage. Output goes to stdout (results) and stderr (progress).
import { join, resolve } from 'node:path';
import { compareIndicators, methods, rollUp } from '../compare/index.js';
import { computeProject, validateIndicators } from '../compute/index.js';
import { displayPath as shown } from '../core/errors.js';
import { loadProject, type LoadResult } from '../load/index.js';
import { statusOrder, type Comparison, type IndicatorValue } from '../core/types.js';
import { paths, readProject, type Project } from '../core/project.js';

export interface Options {
  project?: string;
  db?: string;
  json?: boolean;
  lang?: 'de' | 'en';
  out?: string;
  format?: 'table' | 'json' | 'csv';
  decimalComma?: boolean;
  bom?: boolean;
}

const dbPathOf = (dir: string, o: Options) => resolve(o.db ?? join(dir, '.istsoll', 'istsoll.duckdb'));

async function open(o: Options): Promise<{ project: Project; db: string }> {
  const dir = resolve(o.project ?? '.');
  return { project: await readProject(dir), db: dbPathOf(dir, o) };
}

export async function load(o: Options): Promise<void> {
  const { project, db } = await open(o);
  printLoad(await loadProject(project, db, onProgress));
}

export async function compute(o: Options): Promise<void> {
  const { project, values } = await computeValues(o);
  const format = o.json ? 'json' : (o.format ?? 'table');
  if (format === 'json') return print(JSON.stringify(values, null, 2));
  if (format === 'csv') {
    const { toCsv } = await import('../core/csv.js');
    const dims = [...new Set(project.indicators.flatMap((i) => i.by))];
    const header = [
      'indicator',
      'year',
      ...dims,
      'value',
      'numerator',
      'denominator',
      'n',
      'n_eff',
      'se',
      'ci_low',
      'ci_high',
      'note',
    ];
    const rows = values.map((v) => [
      v.indicator,
      v.year,
      ...dims.map((d) => v.cell[d]),
      v.value,
      v.numerator,
      v.denominator,
      v.n,
      v.nEff,
      v.se,
      v.low,
      v.high,
      v.note,
    ]);
    return write(toCsv(header, rows, { decimalComma: o.decimalComma, bom: o.bom }));
  }
  const { formatValue, renderTable } = await import('../core/format.js');
  const latest = latestTotals(project, values);
  print(
    renderTable([
      ['indicator', 'year', 'value', 'cells'],
      ...latest.map(([id, v, cells]) => [
        id,
        String(v?.year ?? '–'),
        v?.value != null ? formatValue(v.value, unitOf(project, id), 'en') : '–',
        String(cells),
      ]),
    ]),
  );
}

export async function compare(o: Options & { csv?: boolean }): Promise<void> {
  const { project, values, comparisons } = await compareProject(o);
  if (o.json) {
    const { rollUp } = await import('../compare/index.js');
    const { gapTable, gapTrend } = await import('../compare/index.js');
    const grouped = project.indicators.filter((i) => i.groups);
    const rollup = rollUp(
      project.indicators,
      project.fields.map((f) => f.id),
      comparisons,
    );
    const gaps = {
      trends: grouped.map((i) => gapTrend(i, values)).filter(Boolean),
      rows: grouped.flatMap((i) =>
        gapTable(
          i,
          values.filter((v) => v.indicator === i.id),
        ),
      ),
    };
    return print(JSON.stringify({ method: project.config.method, comparisons, ...rollup, gaps }, null, 2));
  }
  if (o.csv) {
    const { toCsv } = await import('../core/csv.js');
    const header = [
      'indicator',
      'series',
      'group',
      'direction',
      'baseline_year',
      'baseline',
      'latest_year',
      'latest',
      'target_year',
      'target',
      'gap',
      'relative_gap',
      'progress',
      'projected',
      'projection_method',
      'reach_year',
      'status',
      'reason',
      'method',
      'score',
    ];
    const rows = comparisons.map((c) => [
      c.indicator,
      c.series,
      c.group,
      c.direction,
      c.baseline?.year,
      c.baseline?.value,
      c.latest?.year,
      c.latest?.value,
      c.target.year,
      c.target.value,
      c.gap,
      c.relativeGap,
      c.progress,
      c.projection?.value,
      c.projection?.method,
      c.projection?.reachYear,
      c.status,
      c.reason,
      c.method,
      c.score,
    ]);
    return write(toCsv(header, rows, { decimalComma: o.decimalComma, bom: o.bom }));
  }
  await printComparisons(project, comparisons);
}

export async function report(o: Options & ReportFlags): Promise<void> {
  const { project, values, comparisons, loaded } = await compareProject(o);
  await writeProjectReport(project, values, comparisons, loaded, o);
}

export async function runAll(o: Options & ReportFlags): Promise<void> {
  const { project, values, comparisons, loaded } = await compareProject(o);
  printLoad(loaded);
  await printComparisons(project, comparisons);
  print('');
  await writeProjectReport(project, values, comparisons, loaded, o);
}

export async function init(dir: string, o: Options & { name?: string }): Promise<void> {
  const { initProject } = await import('./init.js');
  const files = await initProject(resolve(dir), o.name);
  print(
    `created ${shown(resolve(dir))}:\n${files.map((f) => `  ${f}`).join('\n')}\n\nnext: put your CSV files into data/, describe them in data/sources.yaml (istsoll inspect FILE helps), then run istsoll validate.`,
  );
}

export async function inspect(file: string, o: Options): Promise<void> {
  const { inspectFile, renderInspection } = await import('../load/index.js');
  const result = await inspectFile(resolve(file));
  print(o.json ? JSON.stringify(result, null, 2) : renderInspection(result));
}

export async function targetsList(o: Options): Promise<void> {
  const { project } = await open(o);
  const { listTargets } = await import('./targets.js');
  const rows = listTargets(project);
  if (o.json) return print(JSON.stringify(rows, null, 2));
  const { formatDifference, formatValue, renderTable } = await import('../core/format.js');
  print(
    renderTable([
      ['indicator', 'group', 'year', 'target', 'owner'],
      ...rows.map((r) => [
        r.indicator,
        r.kind === 'gap' ? 'gap' : (r.group ?? 'all'),
        String(r.year),
        r.value === null
          ? r.direction === 'higher'
            ? 'rising'
            : 'falling'
          : `${r.direction === 'higher' ? '≥' : '≤'} ${r.kind === 'gap' ? formatDifference(r.value, r.unit, 'en') : formatValue(r.value, r.unit, 'en')}`,
        r.owner,
      ]),
    ]),
  );
}

export async function targetsSet(
  indicator: string,
  o: Options & { value?: number; year?: number; group?: string; gap?: boolean },
): Promise<void> {
  const { project } = await open(o);
  const { setTarget } = await import('./targets.js');
  const result = await setTarget(project, { indicator, value: o.value!, year: o.year!, group: o.group, gap: o.gap });
  const what = `${indicator}${o.gap ? ' (gap)' : o.group ? ` (${o.group})` : ''} ${o.year}`;
  print(
    result.action === 'unchanged'
      ? `unchanged: ${what} is already ${o.value}`
      : result.action === 'added'
        ? `added: ${what} = ${o.value} in ${result.file}`
        : `changed: ${what} ${result.before} → ${o.value} in ${result.file}`,
  );
}

export async function validate(o: Options): Promise<void> {
  const { project, db } = await open(o);
  await loadProject(project, db, onProgress);
  await validateIndicators(project, db);
  const summary = {
    ok: true,
    indicators: project.indicators.length,
    sources: Object.keys(project.sources).length,
    targets: project.indicators.reduce((n, i) => n + i.targets.length, 0),
  };
  print(
    o.json
      ? JSON.stringify(summary)
      : `ok: ${summary.sources} sources, ${summary.indicators} indicators, ${summary.targets} targets`,
  );
}

/** Load (what changed) and compute: the start of every command that reports on values. */
async function computeValues(o: Options) {
  const { project, db } = await open(o);
  const loaded = await loadProject(project, db, onProgress);
  return { project, loaded, values: await computeProject(project, db) };
}

async function compareProject(o: Options) {
  const { project, loaded, values } = await computeValues(o);
  const comparisons = compareIndicators(project.indicators, values, project.config.method);
  return { project, values, comparisons, loaded };
}

interface ReportFlags {
  /** Also print the report to PDF through a local Chromium. */
  pdf?: boolean;
  /** Also write one report per field of action beside it. */
  perField?: boolean;
}

/** Writes the HTML report (and on request the PDF, and a report per field of action) and says where. */
async function writeProjectReport(
  project: Project,
  values: IndicatorValue[],
  comparisons: Comparison[],
  loaded: LoadResult,
  o: Options & ReportFlags,
): Promise<void> {
  const [{ buildReportModel }, { writeReport }, { readProvenance }] = await Promise.all([
    import('../report/index.js'),
    import('../report/index.js'),
    import('../report/index.js'),
  ]);
  const out = resolve(o.out ?? join(project.dir, paths.reports, 'index.html'));
  const stem = out.replace(/\.html?$/i, '');
  const options = {
    lang: o.lang ?? 'de',
    now: new Date(),
    version: await version(),
    provenance: await readProvenance(project, loaded),
  };
  const fields = o.perField ? project.fields.filter((f) => project.indicators.some((i) => i.field === f.id)) : [];
  const reports = [
    { path: out, field: undefined as string | undefined },
    ...fields.map((f) => ({ path: `${stem}-${f.id}.html`, field: f.id })),
  ];
  for (const { path, field } of reports) {
    await writeReport(buildReportModel(project, values, comparisons, { ...options, field }), path);
    print(`report: ${shown(path)}`);
  }
  if (!o.pdf) return;
  const { writePdf } = await import('../report/index.js');
  for (const { path } of reports) {
    const pdf = `${path.replace(/\.html?$/i, '')}.pdf`;
    const { pages } = await writePdf(path, pdf);
    print(`pdf: ${shown(pdf)} (${pages} ${pages === 1 ? 'page' : 'pages'})`);
  }
}

async function printComparisons(project: Project, comparisons: Comparison[]): Promise<void> {
  const { formatDifference, formatStatus, formatValue, renderTable, statusWords } = await import('../core/format.js');
  notice(project);
  const rows = comparisons.map((c) => {
    const unit = unitOf(project, c.indicator);
    const what = c.series === 'gap' ? 'gap' : (c.group ?? 'all');
    const show = (x: number) => (c.series === 'gap' ? formatDifference(x, unit, 'en') : formatValue(x, unit, 'en'));
    return [
      c.indicator,
      what,
      c.latest ? `${show(c.latest.value)} (${c.latest.year})` : '–',
      `${c.target.value === null ? (c.direction === 'higher' ? 'rising' : 'falling') : show(c.target.value)} (${c.target.year})`,
      formatStatus(c.status, 'en'),
    ];
  });
  print(renderTable([['indicator', 'series', 'Ist (latest)', 'Soll (target)', 'status'], ...rows]));
  const { indicators } = rollUp(
    project.indicators,
    project.fields.map((f) => f.id),
    comparisons,
  );
  const counts = statusOrder
    .map((s) => [s, indicators.filter((i) => i.status === s).length] as const)
    .filter(([, n]) => n > 0);
  print(
    `\n${indicators.length} indicators (method: ${methods[project.config.method].name}): ${counts.map(([s, n]) => `${n} ${statusWords.en[s]}`).join(', ')}`,
  );
}

function printLoad(result: LoadResult): void {
  if (result.unchanged) return progress(`load: ${result.tables.length} tables unchanged, nothing reloaded`);
  const fresh = result.tables.filter((t) => !t.reused);
  progress(
    `load: ${fresh.length} of ${result.tables.length} tables loaded (${fresh.map((t) => `${t.name} ${t.rows} rows`).join(', ')}) into ${shown(result.db)}`,
  );
}

function notice(project: Project): void {
  const n = project.config.notice;
  if (n) print(`NOTE: ${n.en ?? n.de}\n`);
}

function latestTotals(project: Project, values: IndicatorValue[]): [string, IndicatorValue | undefined, number][] {
  return project.indicators.map((ind) => {
    const mine = values.filter((v) => v.indicator === ind.id);
    const totals = mine
      .filter((v) => Object.keys(v.cell).length === 0 && v.value !== null)
      .sort((a, b) => b.year - a.year);
    return [ind.id, totals[0], mine.length];
  });
}

function unitOf(project: Project, id: string) {
  return project.indicators.find((i) => i.id === id)!.unit;
}

async function version(): Promise<string> {
  const { createRequire } = await import('node:module');
  return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
}

/** Progress lines go to stderr, and only when a person is watching it. */
const onProgress = (s: string) => {
  if (process.stderr.isTTY) progress(s);
};

function write(s: string): void {
  process.stdout.write(s);
}

function print(s: string): void {
  process.stdout.write(`${s}\n`);
}

function progress(s: string): void {
  process.stderr.write(`${s}\n`);
}
