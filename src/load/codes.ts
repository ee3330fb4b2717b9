// Survey answer codes: "no answer" codes become missing values with their reason in `<column>__note`,
// the labels of valid answers go to `<column>__label`, and a code nobody declared stops the load.
import { quoteIdent, quoteString, type Database } from '../core/database.js';
import { didYouMean, InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { Input } from './input.js';
import type { RowLocator } from './input.js';

export async function applyCodes(db: Database, input: Input, locate: RowLocator): Promise<void> {
  const t = quoteIdent(input.name);
  const replace: string[] = [];
  const added: string[] = [];
  const names = (
    await db.query<{ column_name: string }>(
      `SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND table_name = $1`,
      [input.name],
    )
  ).map((r) => r.column_name);
  for (const [column, codes] of Object.entries(input.source.codes ?? {})) {
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
      const [bad] = await db.query<{ v: string; row: number }>(
        `SELECT ${c}::VARCHAR AS v, rowid AS row FROM ${t} WHERE ${c} IS NOT NULL AND ${c}::VARCHAR NOT IN ` +
          `(${known.join(', ')}) ORDER BY rowid LIMIT 1`,
      );
      if (bad)
        throw new InputError(
          msg('answer-code-undeclared', { column, answer: bad.v }),
          await locate(bad.row, column),
          msg('hint-declare-codes', { column, codes: [...labels, ...missing].map(([k]) => k) }),
        );
    }
    if (missing.length) {
      const list = missing.map(([k]) => quoteString(k)).join(', ');
      replace.push(`CASE WHEN ${c}::VARCHAR IN (${list}) THEN NULL ELSE ${c} END AS ${c}`);
      added.push(
        `CASE ${c}::VARCHAR ${missing.map(([k, v]) => `WHEN ${quoteString(k)} THEN ${quoteString(v)}`).join(' ')} ` +
          `END AS ${quoteIdent(`${column}__note`)}`,
      );
    }
    if (labels.length)
      added.push(
        `CASE ${c}::VARCHAR ${labels.map(([k, v]) => `WHEN ${quoteString(k)} THEN ${quoteString(v)}`).join(' ')} END ` +
          `AS ${quoteIdent(`${column}__label`)}`,
      );
  }
  const replaced = replace.length ? ` REPLACE (${replace.join(', ')})` : '';
  await db.run(
    `CREATE OR REPLACE TABLE ${t} AS SELECT *${replaced}${added.length ? `, ${added.join(', ')}` : ''} FROM ${t} ` +
      `ORDER BY rowid`,
  );
}
