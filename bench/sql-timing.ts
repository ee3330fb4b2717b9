// Where istsoll's time goes, without copying its SQL: every statement that runs through DuckDB's
// connection is timed (by wrapping DuckDBConnection's run methods), then grouped by what it is for.
// Time outside all statements is JavaScript: reading the project, sniffing, hashing, building values.
import { DuckDBConnection } from '@duckdb/node-api';
import { table } from './common.js';

export interface TimedStatement {
  sql: string;
  ms: number;
}

/** Starts timing every statement of every connection in this process; the returned list fills up. */
export function timeStatements(): TimedStatement[] {
  const timed: TimedStatement[] = [];
  const proto = DuckDBConnection.prototype;
  // runAndReadAll calls run: only the outermost call of a connection is timed.
  const busy = new WeakSet<object>();
  for (const name of ['run', 'runAndReadAll'] as const) {
    const original = proto[name] as (this: DuckDBConnection, sql: string, ...rest: unknown[]) => Promise<unknown>;
    const wrapped = async function (this: DuckDBConnection, sql: string, ...rest: unknown[]): Promise<unknown> {
      if (busy.has(this)) return original.call(this, sql, ...rest);
      busy.add(this);
      const started = performance.now();
      try {
        return await original.call(this, sql, ...rest);
      } finally {
        busy.delete(this);
        timed.push({ sql, ms: performance.now() - started });
      }
    };
    (proto as unknown as Record<string, unknown>)[name] = wrapped;
  }
  return timed;
}

/** What a statement is for, by its shape; statements of unknown shape are shown by their beginning. */
const kinds: [RegExp, string][] = [
  [/^CREATE (TEMP )?TABLE .*\bread_(csv|parquet)\(/, 'read the file (CREATE TABLE … read_csv/read_parquet)'],
  [/^CREATE TABLE .* AS SELECT \* FROM previous\./, 'copy an unchanged table'],
  [/GROUP BY .* HAVING count\(\*\) > 1/, 'key/id unique check (GROUP BY key HAVING count(*) > 1)'],
  [/bitstring_agg\(|^SELECT count\(\*\)::VARCHAR AS n, count\(/, 'key/id unique proof (range, then a bit per row)'],
  [/bool_or\(contains\(/, 'text check (mojibake, untrimmed cells)'],
  [/^UPDATE /, 'UPDATE (trim text)'],
  [/^ALTER TABLE /, 'ALTER TABLE (year column)'],
  [/TRY_CAST\(.*AS (INTEGER|DOUBLE)\) IS NULL/i, 'value check (year, weight)'],
  [/duckdb_columns\(\)|\(DESCRIBE /, 'catalog look-ups'],
  [/^SELECT count\(\*\) AS rows FROM/, 'row count'],
  [/_istsoll_tables/, 'metadata table'],
  [/^(CHECKPOINT|ATTACH|DETACH|SET )/, 'CHECKPOINT, ATTACH, SET'],
  [/json_serialize_sql/, 'indicator SQL guard (json_serialize_sql)'],
  [/ WHERE false LIMIT 1$/, 'indicator check: expr binds (WHERE false)'],
  [/^SELECT count\(\*\) FROM \S+ WHERE \(.*\) LIMIT 1$/, 'indicator check: filter (count(*) over the table)'],
  [/NOT IN \(SELECT DISTINCT/, 'indicator check: numerator/denominator keys match'],
  [/^SELECT DISTINCT \S+::VARCHAR AS v FROM \S+ WHERE \S+ IS NOT NULL ORDER BY 1$/, 'indicator check: groups occur'],
  [/^SELECT \* FROM \(SELECT \(.*\) AS "0" FROM .* WHERE false\)/, 'indicator checks: every expr bound at once'],
  [/^SELECT function_name AS name FROM system\.main\.duckdb_functions\(\)/, 'indicator SQL guard: redefined functions'],
  [/^WITH num AS (MATERIALIZED )?\(|^SELECT \* EXCLUDE \(v, /, 'indicator value (ratioSql)'],
  [/^WITH rows AS \(/, 'indicator value (surveySql)'],
];

function kindOf(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return kinds.find(([re]) => re.test(flat))?.[1] ?? `other: ${flat.slice(0, 70)}${flat.length > 70 ? '…' : ''}`;
}

/** A table of statement kinds by time, with the rest of `totalMs` as time outside SQL. */
export function profileTable(statements: TimedStatement[], totalMs: number): string {
  const groups = new Map<string, { n: number; ms: number }>();
  for (const s of statements) {
    const g = groups.get(kindOf(s.sql)) ?? { n: 0, ms: 0 };
    groups.set(kindOf(s.sql), { n: g.n + 1, ms: g.ms + s.ms });
  }
  const inSql = statements.reduce((sum, s) => sum + s.ms, 0);
  const rows = [...groups]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([kind, g]) => [kind, String(g.n), `${g.ms.toFixed(0)} ms`, `${((g.ms / totalMs) * 100).toFixed(0)} %`]);
  rows.push([
    'outside SQL (JavaScript: project, sniffing, hashing, values)',
    '',
    `${Math.max(0, totalMs - inSql).toFixed(0)} ms`,
    `${((Math.max(0, totalMs - inSql) / totalMs) * 100).toFixed(0)} %`,
  ]);
  rows.push(['total', String(statements.length), `${totalMs.toFixed(0)} ms`, '']);
  return table([['what', 'statements', 'time', 'share'], ...rows]);
}
