// What the data commands do, stage by stage: load, compute, compare, report, validate, inspect, init.
// Results go to stdout, progress to stderr; every word comes from the catalogue in the run's language.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkPlausibility, compareIndicators, rollUp } from '../compare/index.js';
import { computeCached, readReferences, validateIndicators } from '../compute/index.js';
import { displayPath as shown, InputError, type Location } from '../core/errors.js';
import { formatNumber } from '../core/format.js';
import { msg, say, toJson, words, type Lang, type Message } from '../core/messages/index.js';
import { paths, readProject, type Project } from '../core/project.js';
import { statusOrder, type Comparison, type IndicatorValue, type Status } from '../core/types.js';
import { loadInMemory, loadProject, type LoadProgress, type LoadResult } from '../load/index.js';
import type {
  CompareOptions,
  ComputeOptions,
  GlobalOptions,
  InitOptions,
  JsonOptions,
  ReportOptions,
} from './options.js';
import { print, progress, renderTable, write } from './output.js';
import { planReport, writeProjectReport } from './report.js';
import type { Run } from './run.js';

export async function openProject(o: GlobalOptions): Promise<{ project: Project; db: string }> {
  const dir = resolve(o.project);
  return { project: await readProject(dir), db: resolve(o.db ?? join(dir, '.istsoll', 'istsoll.duckdb')) };
}

export async function load(run: Run, o: GlobalOptions): Promise<void> {
  const { project, db } = await openProject(o);
  printLoad(run.lang, await loadProject(project, db, onProgress(run.lang)));
}

export async function compute(run: Run, o: ComputeOptions): Promise<void> {
  const { project, values } = await computeValues(run, o);
  const format = o.json ? 'json' : o.format;
  if (format === 'json')
    return print(
      JSON.stringify(
        values.map((v) => valueJson(v, run.lang)),
        null,
        2,
      ),
    );
  if (format === 'csv') {
    const { toCsv } = await import('../core/csv.js');
    const dims = [...new Set(project.indicators.flatMap((i) => i.by))];
    const header = ['indicator', 'year', ...dims, 'value', 'numerator', 'denominator'];
    const survey = ['n', 'n_eff_kish', 'se', 'ci_low', 'ci_high', 'cells', 'empty_cells', 'note_codes', 'notes'];
    const rows = values.map((v) => [
      v.indicator,
      v.year,
      ...dims.map((d) => v.cell[d]),
      v.value,
      v.numerator,
      v.denominator,
      v.n,
      v.nEffKish,
      v.se,
      v.low,
      v.high,
      v.cells,
      v.empty,
      ...notesCsv(v.notes, run.lang),
    ]);
    return write(toCsv([...header, ...survey], rows, { decimalComma: o.decimalComma, bom: o.bom }));
  }
  const { formatValue } = await import('../core/format.js');
  const t = words(run.lang).cli.table;
  print(
    renderTable([
      [t.indicator, t.year, t.value, t.cells],
      ...latestTotals(project, values).map(([id, v, cells]) => [
        id,
        String(v?.year ?? '–'),
        v?.value != null ? formatValue(v.value, unitOf(project, id), run.lang) : '–',
        String(cells),
      ]),
    ]),
  );
}

export async function compare(run: Run, o: CompareOptions): Promise<void> {
  const { project, values, comparisons } = await compareProject(run, o);
  if (o.json) {
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
    const rows = comparisons.map((c) => comparisonJson(c, run.lang));
    // A project without measures prints what it printed before there were any.
    const measures = project.measures.length ? { measures: await measuresJson(project) } : {};
    return print(
      JSON.stringify({ method: project.config.method, comparisons: rows, ...rollup, gaps, ...measures }, null, 2),
    );
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
      'reason_code',
      'reason',
      'method',
      'score',
      'basis_from',
      'basis_to',
      'caveat_code',
      'caveat',
      'compared_from',
      'compared_to',
      'reference_from',
      'reference_to',
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
      ...notesCsv(c.reason ? [c.reason] : [], run.lang),
      c.method,
      c.score,
      c.basis?.from,
      c.basis?.to,
      ...notesCsv(c.caveat ? [c.caveat] : [], run.lang),
      c.groups?.compared.from,
      c.groups?.compared.to,
      c.groups?.reference.from,
      c.groups?.reference.to,
    ]);
    return write(toCsv(header, rows, { decimalComma: o.decimalComma, bom: o.bom }));
  }
  await printComparisons(run.lang, project, comparisons);
}

export async function report(run: Run, o: ReportOptions): Promise<void> {
  const opened = await openProject(o);
  // Where the report goes is checked before the work: a refused --out costs no load.
  const plan = await planReport(opened.project, o);
  const result = await compareProject(run, o, opened);
  await writeProjectReport(run, plan, result.project, result, o);
}

export async function runAll(run: Run, o: ReportOptions): Promise<void> {
  const opened = await openProject(o);
  const plan = await planReport(opened.project, o);
  const result = await compareProject(run, o, opened);
  printLoad(run.lang, result.loaded);
  await printComparisons(run.lang, result.project, result.comparisons);
  print('');
  await writeProjectReport(run, plan, result.project, result, o);
}

export async function init(run: Run, dir: string, o: InitOptions): Promise<void> {
  const { initProject } = await import('./init.js');
  const files = await initProject(resolve(dir), o.name);
  const w = words(run.lang).cli.init;
  print(`${w.created(shown(resolve(dir)))}\n${files.map((f) => `  ${f}`).join('\n')}\n\n${w.next(dir)}`);
}

export async function inspect(run: Run, file: string, o: JsonOptions): Promise<void> {
  const [{ inspectFile }, { renderInspection }] = await Promise.all([
    import('../load/index.js'),
    import('./inspect.js'),
  ]);
  // Converted copies (of a Latin-1 file, say) go to a private folder, inside the project when there is one.
  const project = resolve(o.project);
  const temp = existsSync(join(project, paths.config)) ? join(project, '.istsoll') : tmpdir();
  const result = await inspectFile(resolve(file), temp);
  print(o.json ? JSON.stringify(result, null, 2) : renderInspection(result, run.lang));
}

export async function validate(run: Run, o: JsonOptions): Promise<void> {
  const { project, db } = await openProject(o);
  // Everything is read, checked and computed in memory: validate writes nothing into the project.
  const { db: memory, result } = await loadInMemory(project, db);
  let values: IndicatorValue[];
  try {
    values = await validateIndicators(project, memory);
    // Reference series from tables: their columns exist and hold numbers, one row per year.
    await readReferences(memory, project);
  } finally {
    memory.close();
  }
  const warnings = warn(run, o, result.warnings, checkPlausibility(project.indicators, values));
  const summary = {
    ok: true,
    indicators: project.indicators.length,
    sources: Object.keys(project.sources).length,
    targets: project.indicators.reduce((n, i) => n + i.targets.length, 0),
    ...(project.measures.length ? { measures: project.measures.length } : {}),
    warnings: warnings.map((w) => ({ ...w.toJson(run.lang), code: w.reason.code })),
  };
  print(
    o.json
      ? JSON.stringify(summary)
      : words(run.lang).cli.validated(summary.sources, summary.indicators, summary.targets, project.measures.length),
  );
}

/** Load (what changed) and compute: the start of every command that reports on values. */
async function computeValues(run: Run, o: GlobalOptions, opened?: Awaited<ReturnType<typeof openProject>>) {
  const { project, db } = opened ?? (await openProject(o));
  const loaded = await loadProject(project, db, onProgress(run.lang));
  // Indicators whose tables and definition are unchanged come from the cache in the database.
  const { values } = await computeCached(project, db);
  warn(run, o, loaded.warnings, checkPlausibility(project.indicators, values));
  return { project, loaded, values };
}

/**
 * What the checks found worth a look, on stderr (stdout stays a clean table, CSV or JSON); with
 * `--strict`, any warning stops the command with exit 1.
 */
function warn(run: Run, o: GlobalOptions, ...found: { reason: Message; where?: Location | string }[][]): InputError[] {
  const warnings = found.flat().map((w) => new InputError(w.reason, w.where));
  const w = words(run.lang).cli;
  for (const warning of warnings) progress(`${w.warning}: ${warning.format(run.lang, w.hint)}`);
  if (o.strict && warnings.length)
    throw new InputError(msg('warnings-strict', { count: warnings.length }), undefined, msg('hint-strict'));
  return warnings;
}

async function compareProject(run: Run, o: GlobalOptions, opened?: Awaited<ReturnType<typeof openProject>>) {
  const { project, loaded, values } = await computeValues(run, o, opened);
  const comparisons = compareIndicators(project.indicators, values, project.config.method);
  return { project, values, comparisons, loaded };
}

async function printComparisons(lang: Lang, project: Project, comparisons: Comparison[]): Promise<void> {
  const { formatDifference, formatStatus, formatValue } = await import('../core/format.js');
  const w = words(lang);
  const t = w.cli.table;
  notice(lang, project);
  // A caveat (a gap met only because the reference group got worse) is marked at the status and said below.
  const caveats: string[] = [];
  const rows = comparisons.map((c) => {
    const unit = unitOf(project, c.indicator);
    const what = c.series === 'gap' ? t.gap : (c.group ?? t.all);
    const show = (x: number) => (c.series === 'gap' ? formatDifference(x, unit, lang) : formatValue(x, unit, lang));
    const goal = c.target.value === null ? (c.direction === 'higher' ? t.rising : t.falling) : show(c.target.value);
    return [
      c.indicator,
      what,
      c.latest ? `${show(c.latest.value)} (${c.latest.year})` : '–',
      `${goal} (${c.target.year})`,
      c.caveat
        ? `${formatStatus(c.status, lang)} [${caveats.push(`${c.indicator} (${what}): ${say(c.caveat, lang)}`)}]`
        : formatStatus(c.status, lang),
    ];
  });
  print(renderTable([[t.indicator, t.series, t.ist, t.soll, t.status], ...rows]));
  if (caveats.length) print(`\n${caveats.map((text, i) => `[${i + 1}] ${text}`).join('\n')}`);
  const { indicators } = rollUp(
    project.indicators,
    project.fields.map((f) => f.id),
    comparisons,
  );
  const counts = (statuses: Status[]) =>
    statusOrder
      .map((s) => [s, statuses.filter((x) => x === s).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${w.status[s]}`)
      // Semicolons: a status word may hold a comma ("erreicht, aber nicht gesichert").
      .join('; ');
  const method = w.report.methods[project.config.method].name;
  const targets = comparisons.map((c) => c.status);
  const rated = indicators.map((i) => i.status);
  print(`\n${w.cli.summary(targets.length, counts(targets), rated.length, counts(rated), method)}`);
}

function printLoad(lang: Lang, result: LoadResult): void {
  const w = words(lang).cli.load;
  if (result.unchanged) return progress(w.unchanged(result.tables.length));
  const fresh = result.tables.filter((t) => !t.reused);
  const list = fresh.map((t) => w.rows(t.name, t.rows)).join(', ');
  progress(w.loaded(fresh.length, result.tables.length, list, shown(result.db)));
}

function notice(lang: Lang, project: Project): void {
  const n = project.config.notice;
  if (n) print(`${words(lang).cli.notice((lang === 'en' ? n.en : undefined) ?? n.de)}\n`);
}

/** Each measure with its status, whether it is overdue today, and its next open milestone. */
async function measuresJson(project: Project) {
  const { assessMeasures } = await import('../compare/index.js');
  const { measureJson } = await import('./measures.js');
  return assessMeasures(project.measures, new Date()).map(measureJson);
}

/** A value as `compute --json` prints it: its notes as codes with their words. */
function valueJson(v: IndicatorValue, lang: Lang) {
  return { ...v, notes: v.notes.map((n) => toJson(n, lang)) };
}

function comparisonJson(c: Comparison, lang: Lang) {
  return { ...c, reason: c.reason ? toJson(c.reason, lang) : null, caveat: c.caveat ? toJson(c.caveat, lang) : null };
}

/** Notes in two CSV columns: the codes for programs, the words for people. */
function notesCsv(notes: Message[], lang: Lang): [string, string] {
  return [notes.map((n) => n.code).join('; '), notes.map((n) => say(n, lang)).join('; ')];
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

/** Progress lines go to stderr, and only when a person is watching it. */
function onProgress(lang: Lang) {
  const w = words(lang).cli.load;
  return (event: LoadProgress) => {
    if (!process.stderr.isTTY) return;
    if (event.kind === 'reading') progress(w.reading(event.file));
    else progress(w.read(event.file, event.rows.toLocaleString(lang), formatNumber(event.seconds, lang, 1)));
  };
}
