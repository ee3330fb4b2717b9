// Checks on a freshly read table, set-based (a few aggregate queries, however large the table):
// declared columns exist, weights are sound, no key is delivered twice, text was decoded with the right
// encoding and holds no control characters. Each failure names the file, the line and what to do.
// What is worth a look but no proof of an error becomes a warning: negative counts, a column that mixes
// whole numbers with values like 1.399. The empty cells of every column are counted for compute.
import { quoteIdent, type Database } from '../core/database.js';
import { didYouMean, InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { periodColumn } from '../core/schema.js';
import type { Input } from './input.js';
import type { EmptyCells, LoadWarning } from './meta.js';
import type { ReadResult, RowLocator } from './input.js';
import type { ByteHints } from './sources.js';

type Column = {
  column_name: string;
  data_type: string;
};

/**
 * Checks the table; warnings go into `warnings` as they are
 * found, so that a caller keeps them when a later check throws.
 */
export async function checkTable(
  db: Database,
  input: Input,
  read: ReadResult,
  warnings: LoadWarning[] = [],
  hints?: ByteHints,
): Promise<{ empty: EmptyCells; warnings: LoadWarning[] }> {
  const { name, source, label } = input;
  const columns = await db.query<Column>(
    `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $1 AND database_name = ` +
      `current_database() ORDER BY column_index`,
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
    if (col !== undefined && !names.includes(col))
      throw new InputError(
        msg('column-not-in-file', { column: col, file: label }),
        input.where([key]),
        didYouMean(col, names, msg('hint-columns-found', { columns: names })),
      );
  }
  (source.key ?? []).forEach((col, i) => {
    if (!names.includes(col))
      throw new InputError(
        msg('key-column-not-in-file', { column: col, file: label }),
        input.where(['key', String(i)]),
        didYouMean(col, names, msg('hint-columns-found', { columns: names })),
      );
  });
  if (source.weight) await checkWeights(db, input, source.weight, read.locate);
  const own = columns.filter((c) => !/__(note|label)$/.test(c.column_name));
  const text = own.filter((c) => c.data_type === 'VARCHAR').map((c) => c.column_name);
  await checkText(db, input, text, read.locate, textChecks(hints, read.encoding));
  const profile = await profileColumns(db, input, own, names, read.locate);
  warnings.push(...profile.warnings);
  const measures = own.some((c) => /INT|DOUBLE|DECIMAL|FLOAT/.test(c.data_type) && c.column_name !== year);
  const key = source.key ?? (source.id ? [year, source.id] : [year, ...text]);
  await checkKey(db, input, key, own, measures, read.locate);
  return { empty: profile.empty, warnings };
}

async function checkWeights(db: Database, input: Input, weight: string, locate: RowLocator): Promise<void> {
  const w = quoteIdent(weight);
  const value = `TRY_CAST(${w} AS DOUBLE)`;
  const [bad] = await db.query<{ v: string; row: number }>(
    `SELECT ${w}::VARCHAR AS v, rowid AS row FROM ${quoteIdent(input.name)} WHERE ${value} IS NULL OR NOT ` +
      `isfinite(${value}) OR ${value} <= 0 ORDER BY rowid LIMIT 1`,
  );
  if (bad)
    throw new InputError(
      msg('weight-invalid', { column: weight, cell: bad.v ?? null }),
      await locate(bad.row, weight),
      msg('hint-weights'),
    );
}

/**
 * The same key twice means double counting later: a respondent id, or year × district × group in an aggregated table.
 */
async function checkKey(
  db: Database,
  input: Input,
  key: string[],
  columns: Column[],
  hasMeasures: boolean,
  locate: RowLocator,
): Promise<void> {
  // A table with no numbers besides the year has nothing to double count; a key of the year alone is no key.
  if (!hasMeasures && !input.source.id && !input.source.key) return;
  if (key.length < 2 && !input.source.key) return;
  if (await provenUnique(db, input.name, key, columns)) return;
  const cols = key.map(quoteIdent).join(', ');
  // Counting alone is the cheap part over millions of rows;
  // where the repeats are is looked up only when there are some.
  const [any] = await db.query(`SELECT 1 FROM ${quoteIdent(input.name)} GROUP BY ${cols} HAVING count(*) > 1 LIMIT 1`);
  if (!any) return;
  const [dup] = await db.query<Record<string, string | number> & { _n: number; _first: number; _second: number }>(
    `SELECT ${cols}, count(*) AS _n, min(rowid) AS _first, max(rowid) AS _second FROM ${quoteIdent(input.name)} ` +
      `GROUP BY ${cols} HAVING count(*) > 1 ORDER BY _first LIMIT 1`,
  );
  if (!dup) return;
  const what = key.map((k) => `${k} = ${dup[k]}`).join(', ');
  const [first, second] = [await locate(dup._first, key[0]!), await locate(dup._second, key[0]!)];
  throw new InputError(
    msg('key-twice', { key: what, times: dup._n, first: first.line ?? null, second: second.line ?? null }),
    { file: input.label, line: second.line },
    input.source.id ? msg('hint-key-id', { column: input.source.id }) : msg('hint-key-declare'),
  );
}

const integerType = /^U?(TINYINT|SMALLINT|INTEGER|BIGINT)$/;
/** The largest bitmap the fast key check builds: 2^27 bits are 16 MB. */
const bitmapBits = 2n ** 27n;

/**
 * A key of whole numbers (year and person id, say) over a range small enough is proven unique in one pass
 * that sets a bit per row and counts the bits: without the hash table of a GROUP BY, several times faster
 * over millions of rows. False when that cannot prove it (other types, empty cells, a wide range, or a
 * repeat); the GROUP BY then decides and finds the repeat.
 */
export async function provenUnique(db: Database, table: string, key: string[], columns: Column[]): Promise<boolean> {
  const types = new Map(columns.map((c) => [c.column_name, c.data_type]));
  if (!key.every((k) => integerType.test(types.get(k) ?? ''))) return false;
  const t = quoteIdent(table);
  const q = key.map(quoteIdent);
  const [range] = await db.query(
    `SELECT count(*)::VARCHAR AS n, ${q
      .map((c, i) => `count(${c})::VARCHAR AS c${i}, min(${c})::VARCHAR AS lo${i}, max(${c})::VARCHAR AS hi${i}`)
      .join(', ')} FROM ${t}`,
  );
  if (!range || range.n === '0' || key.some((_, i) => range[`c${i}`] !== range.n)) return false;
  const low = key.map((_, i) => BigInt(String(range[`lo${i}`])));
  const spans = key.map((_, i) => BigInt(String(range[`hi${i}`])) - low[i]! + 1n);
  const bits = spans.reduce((a, b) => a * b, 1n);
  if (bits > bitmapBits) return false;
  // Mixed radix: each key column a digit of its own span, so that different keys get different bits. Each
  // digit is taken in a type wide enough for the column (a no-op for BIGINT), and every sum stays below `bits`.
  const wide = (k: string) => (types.get(k) === 'UBIGINT' ? 'HUGEINT' : 'BIGINT');
  const index = q
    .map((c, i) => `(${c}::${wide(key[i]!)} - (${low[i]}))`)
    .reduce((acc, digit, i) => `(${acc}) * ${spans[i]} + ${digit}`);
  // A proof that cannot be run proves nothing: the GROUP BY decides.
  const proof = await db
    .query(`SELECT bit_count(bitstring_agg((${index})::BIGINT, 0, ${bits - 1n})) = count(*) AS u FROM ${t}`)
    .catch(() => []);
  return proof[0]?.u === true;
}

/**
 * Mojibake such as "Ã¼" is UTF-8 read as Latin-1; a control character (a NUL byte, an escape) in a name
 * is invisible in a table and dangerous in a terminal. Trailing spaces in names are trimmed.
 */
/** Which text checks a table needs, by what its file's bytes showed (all of them when nothing was scanned). */
function textChecks(hints: ByteHints | undefined, encoding: string | undefined): TextChecks {
  if (!hints) return { control: true, padded: true, mojibake: true };
  return {
    control: hints.control,
    padded: hints.padded,
    mojibake: encoding === 'utf-8' ? hints.utf8Mojibake : hints.leadC3,
  };
}

interface TextChecks {
  control: boolean;
  padded: boolean;
  mojibake: boolean;
}

async function checkText(
  db: Database,
  input: Input,
  text: string[],
  locate: RowLocator,
  checks: TextChecks,
): Promise<void> {
  if (!text.length || !(checks.control || checks.padded || checks.mojibake)) return;
  const t = quoteIdent(input.name);
  const moji = "'Ã[\\x{80}-\\x{BF}¼¶¤Ÿ„–œ©§]'";
  const control = "'[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]'";
  // contains() is cheap over millions of rows; the regular expression for mojibake runs only where an Ã occurs.
  const [found] = await db.query(
    `SELECT ${text
      .map((c, i) => {
        const q = quoteIdent(c);
        return [
          checks.mojibake ? `bool_or(contains(${q}, 'Ã')) AS m${i}` : null,
          checks.padded ? `bool_or(${q} <> trim(${q})) AS s${i}` : null,
          checks.control ? `bool_or(regexp_matches(${q}, ${control})) AS c${i}` : null,
        ]
          .filter(Boolean)
          .join(', ');
      })
      .join(', ')} FROM ${t}`,
  );
  for (const [i, c] of text.entries()) {
    const first = async (pattern: string) =>
      (
        await db.query<{ v: string; row: number }>(
          `SELECT ${quoteIdent(c)} AS v, rowid AS row FROM ${t} WHERE regexp_matches(${quoteIdent(c)}, ${pattern}) ` +
            `ORDER BY rowid LIMIT 1`,
        )
      )[0];
    if (found?.[`c${i}`]) {
      const bad = await first(control);
      if (bad) throw new InputError(msg('cell-control', { column: c }), await locate(bad.row, c), msg('hint-control'));
    }
    if (found?.[`m${i}`]) {
      const bad = await first(moji);
      if (bad)
        throw new InputError(
          msg('cell-mojibake', { column: c, cell: bad.v }),
          await locate(bad.row, c),
          msg('hint-utf8', { source: input.name }),
        );
    }
  }
  const untrimmed = text.filter((_, i) => found?.[`s${i}`]);
  if (untrimmed.length)
    await db.run(`UPDATE ${t} SET ${untrimmed.map((c) => `${quoteIdent(c)} = trim(${quoteIdent(c)})`).join(', ')}`);
}

/**
 * One pass over every column: its empty cells (NULL without a sign's reason), negative values in
 * whole-number columns, and decimal columns whose only fractions have three digits (`1.399` among
 * `4.0`): most likely thousands separators read as decimal points.
 */
async function profileColumns(
  db: Database,
  input: Input,
  columns: Column[],
  names: string[],
  locate: RowLocator,
): Promise<{ empty: EmptyCells; warnings: LoadWarning[] }> {
  const period = periodColumn(input.source);
  const t = quoteIdent(input.name);
  const parts = columns.map((c, i) => {
    const q = quoteIdent(c.column_name);
    const note = names.includes(`${c.column_name}__note`) ? ` AND ${quoteIdent(`${c.column_name}__note`)} IS NULL` : '';
    const checks = [`count(*) FILTER (WHERE ${q} IS NULL${note}) AS e${i}`];
    const measure = c.column_name !== period && c.column_name !== input.source.id;
    if (measure && /INT/.test(c.data_type)) checks.push(`min(${q}) AS n${i}`);
    // Three decimals and not two: 1.399, not 1.390; compared with a tolerance, as 1.399 · 1000 is no whole double.
    const decimals = (n: number) => `abs(${q} * ${10 ** n} - round(${q} * ${10 ** n})) < 1e-6`;
    if (measure && c.data_type === 'DOUBLE')
      checks.push(
        `bool_or(${q} <> trunc(${q})) ` +
          `AND bool_and(${q} = trunc(${q}) OR (${decimals(3)} AND NOT ${decimals(2)})) AS t${i}`,
      );
    return checks.join(', ');
  });
  const [profile = {}] = await db.query(`SELECT ${parts.join(', ')} FROM ${t}`);
  const empty: EmptyCells = {};
  const warnings: LoadWarning[] = [];
  for (const [i, c] of columns.entries()) {
    const q = quoteIdent(c.column_name);
    empty[c.column_name] = Number(profile[`e${i}`] ?? 0);
    const low = profile[`n${i}`];
    if (typeof low === 'number' && low < 0) {
      const [row] = await db.query<{ row: number }>(
        `SELECT rowid AS row FROM ${t} WHERE ${q} < 0 ORDER BY rowid LIMIT 1`,
      );
      warnings.push({
        table: input.name,
        reason: msg('warn-negative', { table: input.name, column: c.column_name, cell: low }),
        where: await locate(row!.row, c.column_name),
      });
    }
    if (profile[`t${i}`]) {
      const [row] = await db.query<{ row: number; v: number }>(
        `SELECT rowid AS row, ${q} AS v FROM ${t} WHERE ${q} <> trunc(${q}) ORDER BY rowid LIMIT 1`,
      );
      warnings.push({
        table: input.name,
        reason: msg('warn-thousands-ambiguous', { table: input.name, column: c.column_name, cell: row!.v }),
        where: await locate(row!.row, c.column_name),
      });
    }
  }
  return { empty, warnings };
}
