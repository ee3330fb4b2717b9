// Text cells into typed columns, in one SQL statement: declared or recognisably numeric columns become
// numbers (with a `<column>__note` column for special signs), text is trimmed. A cell that is no
// number in a number column, or no whole number in a column declared whole, is an error at its place.
import { quoteIdent, quoteString, type Database } from '../core/database.js';
import { InputError, type Location } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { periodColumn, type ColumnType } from '../core/schema.js';
import type { Input, ResolvedDialect } from './input.js';
import { notWholeNumber } from './locate.js';
import { valueSql, type MarkerRules } from './markers.js';

export interface TextTable {
  /** The temporary table of text cells, with a `_record` column (1-based data record). */
  raw: string;
  names: string[];
  dialect: ResolvedDialect;
  rules: MarkerRules;
  /** Where a cell of `column` in data record `record` is in the file (asked only when there is an error). */
  locate: (column: string, record: number) => Promise<Location>;
  /** Types that hold whatever sources.yaml says (the value column of a GENESIS table). */
  forced?: Record<string, ColumnType>;
}

const numericType = (t: ColumnType | undefined) => t === 'INTEGER' || t === 'BIGINT' || t === 'DOUBLE';
const wholeType = (t: ColumnType | undefined) => t === 'INTEGER' || t === 'BIGINT';

export async function convertText(db: Database, input: Input, table: TextTable): Promise<void> {
  const { raw, names, dialect, rules } = table;
  const declared = { ...input.source.columns, ...table.forced };
  const period = periodColumn(input.source);
  // The dialect's strings for an empty cell (`NA`, say) are empty cells here too: the text was read raw.
  const empties = [...new Set(['', ...dialect.missing])].map(quoteString).join(', ');
  const cell = (c: string) =>
    `CASE WHEN trim(${quoteIdent(c)}) IN (${empties}) THEN NULL ELSE trim(${quoteIdent(c)}) END`;
  const sql = Object.fromEntries(names.map((c) => [c, valueSql(cell(c), rules, dialect)]));
  const candidates = names.filter((c) => c !== period && (declared[c] === undefined || numericType(declared[c])));
  // One pass decides which columns hold numbers, and whether only whole ones.
  const profile = candidates.length
    ? ((
        await db.query(
          `SELECT ${candidates
            .map(
              (c, i) =>
                `bool_and(${sql[c]!.valid}) AS ok${i}, count(${sql[c]!.value}) AS n${i}, bool_and(${sql[c]!.value} ` +
                `IS NULL OR ${sql[c]!.value} = floor(${sql[c]!.value})) AS int${i}`,
            )
            .join(', ')} FROM ${quoteIdent(raw)}`,
        )
      )[0] ?? {})
    : {};
  const numeric = new Map<string, ColumnType>();
  candidates.forEach((c, i) => {
    if (numericType(declared[c])) numeric.set(c, declared[c]!);
    else if (profile[`ok${i}`] && Number(profile[`n${i}`]) > 0)
      numeric.set(c, profile[`int${i}`] ? 'BIGINT' : 'DOUBLE');
  });
  for (const [c, type] of numeric) {
    const i = candidates.indexOf(c);
    if (profile[`ok${i}`] === false) {
      const bad = await firstRecord(db, raw, c, `NOT ${sql[c]!.valid}`);
      throw new InputError(
        msg('cell-not-number', { column: c, signs: Object.keys(rules.signs), cell: bad.v }),
        await table.locate(c, bad.record),
        msg('hint-declare-sign'),
      );
    }
    if (wholeType(type) && profile[`int${i}`] === false) {
      const bad = await firstRecord(
        db,
        raw,
        c,
        `NOT (${sql[c]!.value} IS NULL OR ${sql[c]!.value} = floor(${sql[c]!.value}))`,
      );
      throw notWholeNumber(input, c, bad.v, await table.locate(c, bad.record));
    }
  }
  // Without signs (a file read as text for its thousands separators alone) there are no reasons to keep.
  const signs = Object.keys(rules.signs).length + Object.keys(rules.suffixes).length > 0 || rules.parentheses !== null;
  const select = names.flatMap((c) => {
    const type = numeric.get(c);
    if (!type)
      return [`${cell(c)}${declared[c] && declared[c] !== 'VARCHAR' ? `::${declared[c]}` : ''} AS ${quoteIdent(c)}`];
    const value = `(${sql[c]!.value})::${type} AS ${quoteIdent(c)}`;
    return signs ? [value, `${sql[c]!.note} AS ${quoteIdent(`${c}__note`)}`] : [value];
  });
  await db.run(
    `CREATE TABLE ${quoteIdent(input.name)} AS SELECT ${select.join(', ')} FROM ${quoteIdent(raw)} ORDER BY _record`,
  );
  await db.run(`DROP TABLE ${quoteIdent(raw)}`);
}

async function firstRecord(
  db: Database,
  raw: string,
  column: string,
  where: string,
): Promise<{ v: string; record: number }> {
  const [bad] = await db.query<{ v: string; record: number }>(
    `SELECT ${quoteIdent(column)} AS v, _record AS record FROM ${quoteIdent(raw)} WHERE ${where} ORDER BY _record ` +
      `LIMIT 1`,
  );
  return bad!;
}
