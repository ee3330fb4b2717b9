// Checks of an indicator's SQL against the loaded tables, before anything is computed: each problem is
// reported at its place in the indicator's YAML file, with the column or table it most likely meant.
import { quoteIdent, type Database } from '../core/database.js';
import { didYouMean, InputError, type Location } from '../core/errors.js';
import { msg, type Message } from '../core/messages/index.js';
import type { IndicatorFile, Project } from '../core/project.js';
import { periodColumn, type Aggregate } from '../core/schema.js';
import { guardIndicatorSql, type ReadColumns } from './sqlguard.js';
import { locate } from '../core/yamlfile.js';

/**
 * Every check of one indicator. The aggregates are only bound (prepared), never run. The checks that need
 * the data (groups occur, numerator and denominator use the same codes) run here for `validate`; compute
 * reads the same facts off its result instead of scanning the tables again (`checkGroupsIn`).
 */
export async function checkIndicatorSql(
  db: Database,
  project: Project,
  ind: IndicatorFile,
  columns: Map<string, string[]>,
  withData = true,
): Promise<IndicatorColumns> {
  const parts = ind.denominator ? (['numerator', 'denominator'] as const) : (['numerator'] as const);
  for (const part of parts) checkColumns(ind, part, columns);
  // Nothing of the indicator's SQL reaches DuckDB's binder before the allow list has passed it.
  const read = await guardIndicatorSql(db, ind, columns);
  for (const part of parts) await checkAggregate(db, ind, part, columns.get(ind[part]!.table)!, read[part]!);
  if (!withData) return read;
  if (ind.groups) checkGroupsIn(ind, await groupValues(db, ind));
  if (ind.denominator && !ind.weight) await checkKeysMatch(db, project, ind);
  return read;
}

/** The columns each side of an indicator reads (what compute counts empty cells and sign notes in). */
export type IndicatorColumns = Awaited<ReturnType<typeof guardIndicatorSql>>;

/** The part's table is loaded and has the columns that the indicator names outside its SQL. */
export function checkColumns(
  ind: IndicatorFile,
  part: 'numerator' | 'denominator',
  columns: Map<string, string[]>,
): void {
  const agg = ind[part]!;
  const where = (key: PropertyKey[]) => ({
    file: ind.file.path,
    ...locate(ind.file.doc, ind.file.lines, [part, ...key]),
  });
  const have = columns.get(agg.table);
  if (!have)
    throw new InputError(msg('table-not-loaded', { table: agg.table }), where(['table']), msg('hint-run-load'));
  for (const [i, col] of ind.by.entries()) {
    if (!have.includes(col)) {
      throw new InputError(
        msg('by-column-missing', { column: col, table: agg.table }),
        { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['by', i]) },
        didYouMean(col, have, msg('hint-columns-found', { columns: have })),
      );
    }
  }
  if (ind.weight && !have.includes(ind.weight)) {
    throw new InputError(
      msg('weight-column-missing', { column: ind.weight, table: agg.table }),
      { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['weight']) },
      didYouMean(ind.weight, have, msg('hint-columns-found', { columns: have })),
    );
  }
}

/** Binds the part's SQL (already through the allow list) against its table: wrong types show here. */
async function checkAggregate(
  db: Database,
  ind: IndicatorFile,
  part: 'numerator' | 'denominator',
  have: string[],
  reads: ReadColumns,
): Promise<void> {
  const agg = ind[part]!;
  const where = (key: PropertyKey[]) => ({
    file: ind.file.path,
    ...locate(ind.file.doc, ind.file.lines, [part, ...key]),
  });
  for (const key of ['expr', 'filter'] as const) {
    try {
      // `WHERE false` returns one row for an aggregate and none otherwise, without reading the table.
      if (
        key === 'expr' &&
        (await db.query(`SELECT (${agg.expr}) AS v FROM ${quoteIdent(agg.table)} WHERE false`)).length !== 1
      ) {
        throw new InputError(msg('sql-not-aggregate', { expr: agg.expr }), where(['expr']), msg('hint-aggregate'));
      }
      // Preparing binds the filter (unknown columns, wrong types) without scanning the table.
      if (key === 'filter' && agg.filter)
        await db.connection.prepare(`SELECT count(*) FROM ${quoteIdent(agg.table)} WHERE (${agg.filter})`);
    } catch (e) {
      if (e instanceof InputError) throw e;
      // Mostly a column of numbers with a word in it, which the reader then took as text.
      const text = /VARCHAR/.test(String(e)) ? await findTextCell(db, agg.table, reads[key]) : null;
      if (text) throw textCellError(agg.table, text, where([key]));
      throw new InputError(
        msg('sql-binding', { part: key, table: agg.table, detail: explainSqlError(e) }),
        where([key]),
        columnHint(e, have),
      );
    }
  }
}

/**
 * The first cell that is no number in a text column that otherwise holds numbers, among `columns` of
 * `table`: the likely reason why an aggregate or a comparison fails on that column.
 */
export async function findTextCell(
  db: Database,
  table: string,
  columns: string[],
): Promise<{ column: string; cell: string } | null> {
  const types = await db.query<{ column_name: string; column_type: string }>(`DESCRIBE ${quoteIdent(table)}`);
  for (const column of columns) {
    if (types.find((t) => t.column_name === column)?.column_type !== 'VARCHAR') continue;
    const c = quoteIdent(column);
    const number = `TRY_CAST(replace(trim(${c}), ',', '.') AS DOUBLE)`;
    const [found] = await db.query<{ cell: string | null; numbers: number }>(
      `SELECT (SELECT ${c} FROM ${quoteIdent(table)} WHERE trim(${c}) <> '' AND ${number} IS NULL` +
        ` ORDER BY rowid LIMIT 1)
         AS cell, (SELECT count(*) FROM ${quoteIdent(table)} WHERE ${number} IS NOT NULL) AS numbers`,
    );
    if (found?.cell != null && found.numbers > 0) return { column, cell: found.cell };
  }
  return null;
}

export function textCellError(table: string, found: { column: string; cell: string }, where: Location): InputError {
  return new InputError(
    msg('sql-text-column', { table, column: found.column, cell: found.cell }),
    where,
    msg('hint-text-column', found),
  );
}

function explainSqlError(e: unknown): string {
  const m = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  return m.replace(/^[A-Za-z ]+Error: /, '');
}

function columnHint(e: unknown, have: string[]): Message {
  const col = /column "?([^"\s]+)"? not found|Referenced column "([^"]+)"/i.exec(e instanceof Error ? e.message : '');
  const name = col?.[1] ?? col?.[2];
  const columns = msg('hint-columns-found', { columns: have });
  return name ? (didYouMean(name, have) ?? columns) : columns;
}

/** The values of the indicator's group column in its numerator table, as text. */
export async function groupValues(db: Database, ind: IndicatorFile): Promise<string[]> {
  if (!ind.groups) return [];
  const column = quoteIdent(ind.groups.column);
  const rows = await db.query<{ v: string }>(
    `SELECT DISTINCT ${column}::VARCHAR AS v FROM ${quoteIdent(ind.numerator.table)} WHERE ${column} IS NOT NULL
     ORDER BY 1`,
  );
  return rows.map((r) => r.v);
}

/**
 * The compared and reference group, and every group a target names,
 * must occur among `values` (the group column's values in the data).
 */
export function checkGroupsIn(ind: IndicatorFile, values: string[]): void {
  if (!ind.groups) return;
  const { column, compared, reference } = ind.groups;
  const named: [string, PropertyKey[]][] = [
    [compared, ['groups', 'compared']],
    [reference, ['groups', 'reference']],
    ...ind.targets.flatMap((t, i) =>
      t.group !== undefined ? [[t.group, ['targets', i, 'group']] as [string, PropertyKey[]]] : [],
    ),
  ];
  for (const [group, path] of named) {
    if (!values.includes(group)) {
      throw new InputError(
        msg('group-not-in-data', { group, column, table: ind.numerator.table }),
        { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, path) },
        didYouMean(group, values, msg('hint-column-values', { values: values.slice(0, 10) })),
      );
    }
  }
}

/**
 * Numerator cells whose disaggregation values the denominator lacks
 * (district codes against names, say) are an error, not a silent zero.
 */
export async function checkKeysMatch(db: Database, project: Project, ind: IndicatorFile): Promise<void> {
  const num = ind.numerator;
  const den = ind.denominator!;
  for (const [i, col] of ind.by.entries()) {
    const c = quoteIdent(col);
    const yearOf = (a: Aggregate) => quoteIdent(periodColumn(project.sources[a.table]!));
    const missing = await db.query<{ v: string }>(
      `SELECT DISTINCT ${c}::VARCHAR AS v FROM ${quoteIdent(num.table)} WHERE ${num.filter ? `(${num.filter})` : 'true'}
       AND ${yearOf(num)} IN (SELECT ${yearOf(den)} FROM ${quoteIdent(den.table)})
       AND ${c}::VARCHAR NOT IN (SELECT DISTINCT ${c}::VARCHAR FROM ${quoteIdent(den.table)}
         WHERE ${den.filter ? `(${den.filter})` : 'true'} AND ${c} IS NOT NULL)
       ORDER BY 1 LIMIT 3`,
    );
    if (missing.length) {
      const sample = (
        await db.query<{ v: string }>(
          `SELECT DISTINCT ${c}::VARCHAR AS v FROM ${quoteIdent(den.table)} ORDER BY 1 LIMIT 3`,
        )
      ).map((r) => r.v);
      throw new InputError(
        msg('keys-mismatch', {
          column: col,
          values: missing.map((r) => r.v),
          numerator: num.table,
          denominator: den.table,
        }),
        { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['by', i]) },
        msg('hint-same-codes', { table: den.table, column: col, values: sample }),
      );
    }
  }
}
