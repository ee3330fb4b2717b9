// Checks on a freshly read table: declared columns exist, weights are sound, no key is delivered twice,
// text was decoded with the right encoding. Each failure names the file, the row and what to do.
import { quoteIdent, type Database } from '../core/database.js';
import { didYouMean, InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { Format, Input } from './input.js';
import { periodColumn } from '../core/schema.js';

export async function checkTable(db: Database, input: Input, format: Format): Promise<void> {
  // The file line of a table row, for a CSV file read in order (header and skipped lines before it); reshaped and Parquet sources have none.
  const lineOf: LineOf = (rowid) => (format === 'csv' ? rowid + 2 + (input.source.dialect?.skip ?? 0) : undefined);
  const { name, source, label } = input;
  const columns = await db.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $1 AND database_name = current_database() ORDER BY column_index`,
    [name],
  );
  const names = columns.map((c) => c.column_name);
  const garbled = names.find((n) => /^ï»¿|Ã[\x80-\xBF¼¶¤Ÿ„–œ©§]/.test(n));
  if (garbled)
    throw new InputError(msg('header-mojibake', { cell: garbled }), label, msg('hint-utf8', { source: name }));
  const year = periodColumn(source);
  const declared: [string, string | undefined][] = [
    ['year', year],
    ['strata', source.strata],
    ['cluster', source.cluster],
    ['fpc', source.fpc],
    ['weight', source.weight],
    ['id', source.id],
  ];
  for (const [key, col] of declared) {
    if (col !== undefined && !names.includes(col)) {
      throw new InputError(
        msg('column-not-in-file', { column: col, file: label }),
        input.where([key]),
        didYouMean(col, names, msg('hint-columns-found', { columns: names })),
      );
    }
  }
  (source.key ?? []).forEach((col, i) => {
    if (!names.includes(col))
      throw new InputError(
        msg('key-column-not-in-file', { column: col, file: label }),
        input.where(['key', String(i)]),
        didYouMean(col, names, msg('hint-columns-found', { columns: names })),
      );
  });
  const t = quoteIdent(name);
  if (source.weight) {
    const w = quoteIdent(source.weight);
    const [bad] = await db.query<{ v: string; line: number }>(
      `SELECT ${w}::VARCHAR AS v, rowid AS line FROM ${t} WHERE TRY_CAST(${w} AS DOUBLE) IS NULL OR NOT isfinite(TRY_CAST(${w} AS DOUBLE)) OR TRY_CAST(${w} AS DOUBLE) <= 0 ORDER BY rowid LIMIT 1`,
    );
    if (bad)
      throw new InputError(
        msg('weight-invalid', { column: source.weight, cell: bad.v ?? null }),
        { file: label, line: lineOf(bad.line) },
        msg('hint-weights'),
      );
  }
  const text = columns
    .filter((c) => c.data_type === 'VARCHAR' && !c.column_name.endsWith('__note') && !c.column_name.endsWith('__label'))
    .map((c) => c.column_name);
  await checkText(db, input, text, lineOf);
  await checkKey(
    db,
    input,
    source.key ?? (source.id ? [year, source.id] : [year, ...text]),
    columns.some((c) => /INT|DOUBLE|DECIMAL|FLOAT/.test(c.data_type) && c.column_name !== year),
    lineOf,
  );
}

/** The same key twice means double counting later: a respondent id, or year × district × group in an aggregated table. */
async function checkKey(
  db: Database,
  input: Input,
  key: string[],
  hasMeasures: boolean,
  lineOf: LineOf,
): Promise<void> {
  // A table with no numbers besides the year has nothing to double count; a key of the year alone is no key.
  if (!hasMeasures && !input.source.id && !input.source.key) return;
  if (key.length < 2 && !input.source.key) return;
  const cols = key.map(quoteIdent).join(', ');
  // Counting alone is the cheap part over millions of rows; where the repeats are is looked up only when there are some.
  const [any] = await db.query(`SELECT 1 FROM ${quoteIdent(input.name)} GROUP BY ${cols} HAVING count(*) > 1 LIMIT 1`);
  if (!any) return;
  const [dup] = await db.query<Record<string, string | number> & { _n: number; _first: number; _second: number }>(
    `SELECT ${cols}, count(*) AS _n, min(rowid) AS _first, max(rowid) AS _second FROM ${quoteIdent(input.name)} GROUP BY ${cols} HAVING count(*) > 1 ORDER BY _first LIMIT 1`,
  );
  if (!dup) return;
  const what = key.map((k) => `${k} = ${dup[k]}`).join(', ');
  const hint = input.source.id ? msg('hint-key-id', { column: input.source.id }) : msg('hint-key-declare');
  throw new InputError(
    msg('key-twice', {
      key: what,
      times: dup._n,
      first: lineOf(dup._first) ?? null,
      second: lineOf(dup._second) ?? null,
    }),
    { file: input.label, line: lineOf(dup._second) },
    hint,
  );
}

/** Mojibake such as "Ã¼" is UTF-8 read as Latin-1; trailing spaces in names are trimmed. */
async function checkText(db: Database, input: Input, text: string[], lineOf: LineOf): Promise<void> {
  if (!text.length) return;
  const t = quoteIdent(input.name);
  const moji = "'Ã[\\x{80}-\\x{BF}¼¶¤Ÿ„–œ©§]'";
  // contains() is cheap over millions of rows; the regular expression runs only where an Ã occurs.
  const [found] = await db.query(
    `SELECT ${text.map((c, i) => `bool_or(contains(${quoteIdent(c)}, 'Ã')) AS m${i}, bool_or(${quoteIdent(c)} <> trim(${quoteIdent(c)})) AS s${i}`).join(', ')} FROM ${t}`,
  );
  for (const [i, c] of text.entries()) {
    if (found?.[`m${i}`]) {
      const [bad] = await db.query<{ v: string; line: number }>(
        `SELECT ${quoteIdent(c)} AS v, rowid AS line FROM ${t} WHERE regexp_matches(${quoteIdent(c)}, ${moji}) ORDER BY rowid LIMIT 1`,
      );
      if (!bad) continue;
      throw new InputError(
        msg('cell-mojibake', { column: c, cell: bad.v }),
        { file: input.label, line: lineOf(bad.line) },
        msg('hint-utf8', { source: input.name }),
      );
    }
  }
  const untrimmed = text.filter((_, i) => found?.[`s${i}`]);
  if (untrimmed.length)
    await db.run(`UPDATE ${t} SET ${untrimmed.map((c) => `${quoteIdent(c)} = trim(${quoteIdent(c)})`).join(', ')}`);
}

type LineOf = (rowid: number) => number | undefined;
