// One indicator after another: checked (all at once where they pass, see batch.ts), queried, and the rows
// made values. The next indicator's query runs in DuckDB while JavaScript turns this one's rows into values.
import type { DuckDBResultReader } from '@duckdb/node-api';
import { plainRows, quoteIdent, type Database, type Row } from '../core/database.js';
import { InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { IndicatorFile, Project } from '../core/project.js';
import { periodColumn, type Aggregate } from '../core/schema.js';
import { locate } from '../core/yamlfile.js';
import { checkIndicators } from './batch.js';
import type { Computed } from './cache.js';
import type { Catalog } from './catalog.js';
import {
  checkGroupsIn,
  checkIndicatorSql,
  checkKeysMatch,
  findTextCell,
  textCellError,
  type IndicatorColumns,
} from './indicator-checks.js';
import { ratioSql } from './ratio.js';
import { suppressSecondary } from './suppress.js';
import { surveySql } from './survey.js';
import { toValue } from './values.js';

/**
 * The indicators' values, in order. The checks run in a few statements for all of them (batch.ts); when
 * one fails, each indicator is checked and computed in turn, so that the first problem is found and
 * reported as it would be without the batch.
 */
export async function computeIndicators(
  db: Database,
  project: Project,
  inds: IndicatorFile[],
  catalog: Catalog,
  single?: () => Promise<Database>,
): Promise<Map<string, Computed>> {
  const out = new Map<string, Computed>();
  const checked = await checkIndicators(db, inds, catalog);
  if (!checked) {
    for (const ind of inds) out.set(ind.id, await computeIndicator(db, project, ind, catalog, single));
    return out;
  }
  // The next indicator's query runs in DuckDB while JavaScript turns this one's rows into values.
  const start = async (i: number) => {
    const runner = single && !checked[i]!.exact ? await single() : db;
    return runIndicatorQuery(runner, project, inds[i]!, catalog, checked[i]!.read);
  };
  let pending: Promise<DuckDBResultReader> | undefined = start(0);
  try {
    for (const [i, ind] of inds.entries()) {
      const result = await pending!;
      pending = i + 1 < inds.length ? start(i + 1) : undefined;
      pending?.catch(() => {});
      const rows = plainRows(result);
      // The checks after an unexpected result query the database: not while another query runs on it.
      if (pending && (!rows.length || rows.some((r) => r._orphan))) await pending.catch(() => {});
      out.set(ind.id, await valuesOf(db, project, ind, rows));
    }
  } finally {
    await pending?.catch(() => {});
  }
  return out;
}

/**
 * Whether the indicator's sums come out the same whatever order their terms are added in: sums of whole
 * numbers and decimals do; floating-point sums (a survey's weights, a column of rates, a division inside
 * a sum) change in their last digits with the order that parallel threads happen to take. Those run on
 * one thread, so that the same files give the same digits in every run. (batch.ts reads the same types
 * off its binding query.)
 */
async function exactSums(db: Database, ind: IndicatorFile): Promise<boolean> {
  if (ind.weight) return false;
  for (const agg of [ind.numerator, ind.denominator]) {
    if (!agg) continue;
    const prepared = await db.connection.prepare(`SELECT (${agg.expr}) FROM ${quoteIdent(agg.table)}`);
    if (/DOUBLE|FLOAT/.test(prepared.columnType(0).toString())) return false;
  }
  return true;
}

/** One indicator: checked, then computed (on `single` when its sums need one thread, see exactSums). */
export async function computeIndicator(
  db: Database,
  project: Project,
  ind: IndicatorFile,
  catalog: Catalog,
  /** A single-threaded view of the database, for sums whose digits depend on their order. */
  single?: () => Promise<Database>,
): Promise<Computed> {
  const read = await checkIndicatorSql(db, project, ind, catalog.columns, false);
  const runner = single && !(await exactSums(db, ind)) ? await single() : db;
  return queryIndicator(db, project, ind, catalog, read, runner);
}

/** An indicator whose SQL passed its checks: its query run on `runner`, its rows made values. */
async function queryIndicator(
  db: Database,
  project: Project,
  ind: IndicatorFile,
  catalog: Catalog,
  read: IndicatorColumns,
  runner: Database,
): Promise<Computed> {
  return valuesOf(db, project, ind, plainRows(await runIndicatorQuery(runner, project, ind, catalog, read)));
}

async function runIndicatorQuery(
  runner: Database,
  project: Project,
  ind: IndicatorFile,
  catalog: Catalog,
  read: IndicatorColumns,
): Promise<DuckDBResultReader> {
  try {
    return await runner.connection.runAndReadAll(
      ind.weight ? surveySql(project, ind, catalog, read) : ratioSql(project, ind, catalog, read),
    );
  } catch (e) {
    // Binding passed, so this is the data: a text value compared with a number, say.
    for (const part of ['numerator', 'denominator'] as const) {
      const agg = ind[part];
      const side = read[part];
      const text = agg && side ? await findTextCell(runner, agg.table, [...side.expr, ...side.filter]) : null;
      if (text)
        throw textCellError(agg!.table, text, { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, [part]) });
    }
    throw new InputError(
      msg('compute-failed', { detail: (e as Error).message.split('\n')[0]!.replace(/^[A-Za-z ]+Error: /, '') }),
      { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['numerator']) },
      msg('hint-filter-types'),
    );
  }
}

/** The rows of an indicator's query as values, after the checks that its rows call for. */
async function valuesOf(db: Database, project: Project, ind: IndicatorFile, rows: Row[]): Promise<Computed> {
  // Numerator cells without a denominator cell mean the two tables use different codes: find out where.
  if (rows.some((r) => r._orphan)) {
    await checkKeysMatch(db, project, ind);
    throw new InputError(
      msg('keys-mismatch-cells'),
      { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['by']) },
      msg('hint-same-codes-by'),
    );
  }
  if (!rows.length) await checkSharedYears(db, project, ind);
  let groups: string[] | null = null;
  if (ind.groups) {
    const column = ind.groups.column;
    groups = [
      ...new Set(
        rows
          .map((r) => r[column])
          .filter((v) => v !== null)
          .map(String),
      ),
    ];
    checkGroupsIn(ind, groups);
  }
  const values = rows.map((row) => toValue(project, ind, row));
  // Weighted sums add up like counts: a total and its published siblings would give a hidden survey cell away too.
  return { values: suppressSecondary(values, ind.by), groups };
}

/**
 * Numerator and denominator that share no year give no value at all: an error naming both tables and
 * the years each has (say a file whose dates were read as 20161231), not an empty report.
 */
export async function checkSharedYears(db: Database, project: Project, ind: IndicatorFile): Promise<void> {
  if (!ind.denominator) return;
  const years = async (agg: Aggregate) =>
    (
      await db.query<{ y: number }>(
        `SELECT DISTINCT ${quoteIdent(periodColumn(project.sources[agg.table]!))}::INTEGER AS y FROM ` +
          `${quoteIdent(agg.table)}${agg.filter ? ` WHERE (${agg.filter})` : ''} ORDER BY 1`,
      )
    ).map((r) => r.y);
  const [num, den] = [await years(ind.numerator), await years(ind.denominator)];
  if (num.some((y) => den.includes(y))) return;
  throw new InputError(
    msg('no-shared-years', {
      numerator: ind.numerator.table,
      denominator: ind.denominator.table,
      numeratorYears: num,
      denominatorYears: den,
    }),
    { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['denominator', 'table']) },
    msg('hint-shared-years'),
  );
}
