// The period column becomes a whole year, whichever way the file writes it: `2016`, `2016-12-31`,
// `31.12.2016`, `2016_12_31`, `20161231`, a date column, or a school year `2015/16` (counted as the year
// it starts, the autumn count day of the school statistics, unless the source says `school_year: end`).
// A value that is no such period, or a year outside 1900–2100, stops the load at its line and column.
import { quoteIdent, quoteString, type Database } from '../core/database.js';
import { InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { Input } from './input.js';
import type { RowLocator } from './input.js';

export const firstYear = 1900;
export const lastYear = 2100;

export async function normalisePeriod(db: Database, input: Input, locate: RowLocator): Promise<void> {
  const t = quoteIdent(input.name);
  if (typeof input.source.year === 'number') {
    const [clash] = await db.query(
      `SELECT 1 FROM duckdb_columns() WHERE database_name = current_database() AND table_name = $1 ` +
        `AND column_name = 'year'`,
      [input.name],
    );
    if (clash) throw new InputError(msg('year-column-clash'), input.where(['year']), msg('hint-year-column'));
    await db.run(`ALTER TABLE ${t} ADD COLUMN year INTEGER DEFAULT ${input.source.year}`);
    return;
  }
  const column = input.source.year;
  const [info] = await db.query<{ data_type: string }>(
    `SELECT data_type FROM duckdb_columns() WHERE database_name = current_database() AND table_name = $1 ` +
      `AND column_name = $2`,
    [input.name, column],
  );
  if (!info) return; // reported by the checks, with the columns that are there
  const c = quoteIdent(column);
  // A column of plain years needs neither a pattern nor a rewrite: a large register costs one cheap scan.
  if (/INT/.test(info.data_type)) {
    const [range] = await db.query<{ low: number; high: number; empty: number }>(
      `SELECT min(${c}) AS low, max(${c}) AS high, count(*) - count(${c}) AS empty FROM ${t}`,
    );
    if (range && range.empty === 0 && range.low >= firstYear && range.high <= lastYear) return;
  }
  const year = yearSql(c, info.data_type, input.source.school_year ?? 'start');
  const valid = `(${year}) BETWEEN ${firstYear} AND ${lastYear}`;
  const [bad] = await db.query<{ v: string | null; row: number }>(
    `SELECT ${c}::VARCHAR AS v, rowid AS row FROM ${t} WHERE (${valid}) IS NOT TRUE ORDER BY rowid LIMIT 1`,
  );
  if (bad)
    throw new InputError(
      msg('period-invalid', { column, cell: bad.v }),
      await locate(bad.row, column),
      msg('hint-period-forms', { first: firstYear, last: lastYear }),
    );
  await db.run(`ALTER TABLE ${t} ALTER ${c} TYPE INTEGER USING (${year})`);
}

/** SQL for the year of a period cell; NULL for anything that is no period. */
export function yearSql(column: string, type: string, schoolYear: 'start' | 'end'): string {
  if (/^(DATE|TIMESTAMP.*)$/.test(type)) return `year(${column})`;
  const integer = /INT/.test(type);
  const t = integer ? `${column}::VARCHAR` : `trim(${column}::VARCHAR)`;
  const date = (pattern: string, format: string, year: string) =>
    `WHEN regexp_full_match(${t}, ${quoteString(pattern)}) AND try_strptime(${t}, ${quoteString(format)}) ` +
    `IS NOT NULL THEN ${year}`;
  const start = `left(${t}, 4)::INTEGER`;
  const next = `(left(${t}, 4)::INTEGER + 1)`;
  return `CASE
    WHEN regexp_full_match(${t}, '\\d{4}') THEN ${t}::INTEGER
    ${date('\\d{4}-\\d{2}-\\d{2}', '%Y-%m-%d', start)}
    ${date('\\d{1,2}\\.\\d{1,2}\\.\\d{4}', '%d.%m.%Y', `right(${t}, 4)::INTEGER`)}
    ${date('\\d{4}_\\d{2}_\\d{2}', '%Y_%m_%d', start)}
    ${date('\\d{8}', '%Y%m%d', start)}
    WHEN regexp_full_match(${t}, '\\d{4}/\\d{2}') AND right(${t}, 2)::INTEGER = ${next} % 100
      THEN ${schoolYear === 'start' ? start : next}
    WHEN regexp_full_match(${t}, '\\d{4}/\\d{4}') AND right(${t}, 4)::INTEGER = ${next}
      THEN ${schoolYear === 'start' ? start : next}
  END`;
}
