// After a source is read: its period column becomes a whole year, and survey answer codes are applied.
import { quoteIdent, quoteString, type Database } from '../core/database.js';
import { didYouMean, InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { Input } from './input.js';

/** The period column becomes a whole year: "2024" stays, a date such as "31.12.2024" or "2024-12-31" gives its year. */
export async function normaliseYear(db: Database, input: Input): Promise<void> {
  const t = quoteIdent(input.name);
  if (typeof input.source.year === 'number') {
    const [clash] = await db.query(
      `SELECT 1 FROM duckdb_columns() WHERE database_name = current_database() AND table_name = $1 AND column_name = 'year'`,
      [input.name],
    );
    if (clash) throw new InputError(msg('year-column-clash'), input.where(['year']), msg('hint-year-column'));
    await db.run(`ALTER TABLE ${t} ADD COLUMN year INTEGER DEFAULT ${input.source.year}`);
    return;
  }
  const column = input.source.year;
  const y = quoteIdent(column);
  const [info] = await db.query<{ data_type: string }>(
    `SELECT data_type FROM duckdb_columns() WHERE database_name = current_database() AND table_name = $1 AND column_name = $2`,
    [input.name, column],
  );
  if (!info) return; // reported by the checks, with the columns that are there
  if (/INT/.test(info.data_type)) return;
  const year = `CASE WHEN regexp_matches(trim(${y}::VARCHAR), '^\\d{1,2}\\.\\d{1,2}\\.\\d{4}$') THEN right(trim(${y}::VARCHAR), 4) WHEN regexp_matches(trim(${y}::VARCHAR), '^\\d{4}-\\d{2}-\\d{2}') THEN left(trim(${y}::VARCHAR), 4) ELSE trim(${y}::VARCHAR) END`;
  const [bad] = await db.query<{ v: string }>(
    `SELECT ${y}::VARCHAR AS v FROM ${t} WHERE TRY_CAST(${year} AS INTEGER) IS NULL LIMIT 1`,
  );
  if (bad)
    throw new InputError(msg('year-invalid', { column, cell: bad.v ?? null }), input.label, msg('hint-year-values'));
  await db.run(`ALTER TABLE ${t} ALTER ${y} TYPE INTEGER USING (${year})::INTEGER`);
}

/** Survey answer codes: "no answer" codes become missing (reason in `<column>__note`), labels go to `<column>__label`. */
export async function applyCodes(db: Database, input: Input): Promise<void> {
  const t = quoteIdent(input.name);
  const columns = Object.entries(input.source.codes!);
  const replace: string[] = [];
  const added: string[] = [];
  const names = (
    await db.query<{ column_name: string }>(
      `SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND table_name = $1`,
      [input.name],
    )
  ).map((r) => r.column_name);
  for (const [column, codes] of columns) {
    if (!names.includes(column))
      throw new InputError(
        msg('codes-column-missing', { column, file: input.label }),
        input.where(['codes', column]),
        didYouMean(column, names, msg('hint-columns-found', { columns: names })),
      );
    const c = quoteIdent(column);
    const missing = Object.entries(codes.missing ?? {});
    const labels = Object.entries(codes.labels ?? {});
    const known = [...missing, ...labels].map(([k]) => quoteString(k));
    if (labels.length) {
      const [bad] = await db.query<{ v: string; line: number }>(
        `SELECT ${c}::VARCHAR AS v, rowid + 2 AS line FROM ${t} WHERE ${c} IS NOT NULL AND ${c}::VARCHAR NOT IN (${known.join(', ')}) ORDER BY rowid LIMIT 1`,
      );
      if (bad)
        throw new InputError(
          msg('answer-code-undeclared', { column, answer: bad.v }),
          { file: input.label, line: bad.line + (input.source.dialect?.skip ?? 0) },
          msg('hint-declare-codes', { column, codes: [...labels, ...missing].map(([k]) => k) }),
        );
    }
    if (missing.length) {
      replace.push(
        `CASE WHEN ${c}::VARCHAR IN (${missing.map(([k]) => quoteString(k)).join(', ')}) THEN NULL ELSE ${c} END AS ${c}`,
      );
      added.push(
        `CASE ${c}::VARCHAR ${missing.map(([k, v]) => `WHEN ${quoteString(k)} THEN ${quoteString(v)}`).join(' ')} END AS ${quoteIdent(`${column}__note`)}`,
      );
    }
    if (labels.length)
      added.push(
        `CASE ${c}::VARCHAR ${labels.map(([k, v]) => `WHEN ${quoteString(k)} THEN ${quoteString(v)}`).join(' ')} END AS ${quoteIdent(`${column}__label`)}`,
      );
  }
  await db.run(
    `CREATE OR REPLACE TABLE ${t} AS SELECT * ${replace.length ? `REPLACE (${replace.join(', ')})` : ''}${added.length ? `, ${added.join(', ')}` : ''} FROM ${t} ORDER BY rowid`,
  );
}
