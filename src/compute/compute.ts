// Stage 2: DuckDB tables → indicator values. One set-based query per indicator covers every year and
// every combination of its disaggregations (CUBE); no raw rows ever reach JavaScript.
import { openDatabase, quoteIdent, type Database, type Row } from '../core/database.js';
import { InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { requireIndicators, type IndicatorFile, type Project } from '../core/project.js';
import { periodColumn, type Aggregate } from '../core/schema.js';
import type { IndicatorValue } from '../core/types.js';
import { locate } from '../core/yamlfile.js';
import { readCatalog, type Catalog } from './catalog.js';
import { checkGroupsIn, checkIndicatorSql, checkKeysMatch, findTextCell, textCellError } from './indicator-checks.js';
import { ratioSql } from './ratio.js';
import { suppressSecondary } from './suppress.js';
import { surveySql } from './survey.js';
import { toValue } from './values.js';

export async function computeProject(project: Project, dbPath: string): Promise<IndicatorValue[]> {
  requireIndicators(project);
  const db = await openSandbox(dbPath);
  // A second view of the same file on one thread, opened only if an indicator needs it (see exactSums).
  let serial: Promise<Database> | undefined;
  try {
    const catalog = await readCatalog(db);
    const values: IndicatorValue[] = [];
    const single = () => (serial ??= openSandbox(dbPath, 1));
    for (const ind of project.indicators) values.push(...(await computeIndicator(db, project, ind, catalog, single)));
    return values;
  } finally {
    db.close();
    if (serial) (await serial).close();
  }
}

/**
 * Whether the indicator's sums come out the same whatever order their terms are added in: sums of whole
 * numbers and decimals do; floating-point sums (a survey's weights, a column of rates, a division inside
 * a sum) change in their last digits with the order that parallel threads happen to take. Those run on
 * one thread, so that the same files give the same digits in every run.
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

/**
 * Checks every indicator against the loaded tables, with what needs the data (groups occur, numerator
 * and denominator share years and codes), then computes them. `db` is a database a load filled in
 * memory: it is closed to the outside world first, as compute's database is.
 */
export async function validateIndicators(project: Project, db: Database): Promise<IndicatorValue[]> {
  requireIndicators(project);
  await db.run('SET enable_external_access = false');
  // One thread: the order of floating-point sums, and so their digits, is the same in every run.
  await db.run('SET threads = 1');
  await db.run('SET lock_configuration = true');
  const catalog = await readCatalog(db);
  for (const ind of project.indicators) {
    await checkIndicatorSql(db, project, ind, catalog.columns);
    await checkSharedYears(db, project, ind);
  }
  return computeAll(db, project, catalog);
}

async function computeAll(db: Database, project: Project, catalog: Catalog): Promise<IndicatorValue[]> {
  const values: IndicatorValue[] = [];
  for (const indicator of project.indicators) values.push(...(await computeIndicator(db, project, indicator, catalog)));
  return values;
}

async function openSandbox(dbPath: string, threads?: number): Promise<Database> {
  return openDatabase(dbPath, { readOnly: true, sandbox: true, threads }).catch((e) => {
    throw new InputError(
      msg('db-unopenable', { detail: (e as Error).message.split('\n')[0]! }),
      dbPath,
      msg('hint-run-load'),
    );
  });
}

async function computeIndicator(
  db: Database,
  project: Project,
  ind: IndicatorFile,
  catalog: Catalog,
  /** A single-threaded view of the database, for sums whose digits depend on their order. */
  single?: () => Promise<Database>,
): Promise<IndicatorValue[]> {
  const read = await checkIndicatorSql(db, project, ind, catalog.columns, false);
  const runner = single && !(await exactSums(db, ind)) ? await single() : db;
  let rows: Row[];
  try {
    rows = await runner.query(
      ind.weight ? surveySql(project, ind, catalog, read) : ratioSql(project, ind, catalog, read),
    );
  } catch (e) {
    // Binding passed, so this is the data: a text value compared with a number, say.
    for (const part of ['numerator', 'denominator'] as const) {
      const agg = ind[part];
      const side = read[part];
      const text = agg && side ? await findTextCell(db, agg.table, [...side.expr, ...side.filter]) : null;
      if (text)
        throw textCellError(agg!.table, text, { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, [part]) });
    }
    throw new InputError(
      msg('compute-failed', { detail: (e as Error).message.split('\n')[0]!.replace(/^[A-Za-z ]+Error: /, '') }),
      { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['numerator']) },
      msg('hint-filter-types'),
    );
  }
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
  if (ind.groups) {
    const column = ind.groups.column;
    checkGroupsIn(ind, [
      ...new Set(
        rows
          .map((r) => r[column])
          .filter((v) => v !== null)
          .map(String),
      ),
    ]);
  }
  const values = rows.map((row) => toValue(project, ind, row));
  // Weighted sums add up like counts: a total and its published siblings would give a hidden survey cell away too.
  return suppressSecondary(values, ind.by);
}

/**
 * Numerator and denominator that share no year give no value at all: an error naming both tables and
 * the years each has (say a file whose dates were read as 20161231), not an empty report.
 */
async function checkSharedYears(db: Database, project: Project, ind: IndicatorFile): Promise<void> {
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
