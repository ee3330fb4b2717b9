// The indicator SQL allow list against DuckDB itself (every name is a built-in of its kind), against the
// analysts' guide (which lists the same names), and against random SQL-ish text: the guard only ever
// refuses with an InputError at a place, and what it lets through reads no other table and calls no
// forbidden function.
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowedAggregates, allowedOperators, allowedScalars } from '../src/compute/sqlallow.js';
import { guardAggregates, type SqlText } from '../src/compute/sqlguard.js';
import { openDatabase, type Database } from '../src/core/database.js';
import { InputError } from '../src/core/errors.js';
import { root } from './helpers.js';

let db: Database;
const columns = new Map([
  ['t', ['a', 'b', 'd']],
  ['other', ['secret']],
]);

beforeAll(async () => {
  db = await openDatabase(':memory:', { sandbox: true });
  await db.run('CREATE TABLE t (a INTEGER, b VARCHAR, d DATE)');
  await db.run("CREATE TABLE other AS SELECT 'geheim' AS secret");
});
afterAll(() => db.close());

describe('the allow list', () => {
  it('names only DuckDB built-ins, aggregates as aggregates and the rest as scalar functions', async () => {
    const rows = await db.query<{ name: string; type: string }>(
      'SELECT DISTINCT function_name AS name, function_type AS type FROM duckdb_functions() WHERE internal',
    );
    const kinds = (name: string) => rows.filter((r) => r.name === name).map((r) => r.type);
    for (const name of allowedAggregates)
      expect([name, kinds(name)]).toEqual([name, [expect.stringMatching(/^(aggregate|macro)$/)]]);
    for (const name of [...allowedOperators, ...Object.values(allowedScalars).flat()]) {
      expect(kinds(name).length, name).toBeGreaterThan(0);
      for (const kind of kinds(name)) expect([name, kind]).toEqual([name, expect.stringMatching(/^(scalar|macro)$/)]);
    }
  });

  it('is the list that docs/analysts.md shows, name for name', async () => {
    const guide = await readFile(join(root, 'docs', 'analysts.md'), 'utf8');
    const section = /## What indicator SQL may contain\n([\s\S]*?)\n## /.exec(guide)![1]!;
    const listed = section
      .split('\n- ')
      .filter((b) => /^\*\*(Aggregates|Numbers|Text|Dates)/.test(b))
      .map((b) => b.split('\n\n')[0]!.slice(b.indexOf(':')))
      .flatMap((b) => [...b.matchAll(/`([a-z_0-9]+)`/g)].map((m) => m[1]!));
    const allowed = [...allowedAggregates, ...Object.values(allowedScalars).flat()].filter((n) => n !== 'count_star');
    // extract(… FROM …) is how SQL writes date_part: the parser turns one into the other.
    expect(listed.filter((n) => n !== 'extract').sort()).toEqual(allowed.sort());
  });
});

const forbiddenFunctions = [
  'current_setting',
  'getenv',
  'getvariable',
  'version',
  'read_csv',
  'read_text',
  'query_table',
  'random',
  'now',
  'any_value',
  'string_agg',
];
const tableWords = ['other', 'other.secret', 'secret', 'SELECT', 'FROM', 'UNION', 'JOIN'];
/** Tokens that can hide the rest of the text from the parser: with them, words may sit in a string or comment. */
const hiding = ["'", '"', '--', '/*', '*/', '$$', "E'", '\u0000'];
const vocabulary = [
  ...['a', 'b', 'd', 't.a', '"a"', '1', '2.5', '1e-3', "'x'", "'it''s'", "DATE '2020-01-01'", 'TRUE', 'NULL'],
  ...['sum', 'count', 'avg', 'min', 'lower', 'round', 'coalesce', 'abs', 'nullif', 'year', 'if'],
  ...['(', ')', '(', ')', ',', '+', '-', '*', '/', '=', '<>', '<', '||', '::', ';', '->', '$1', '?', '#1', '[1]'],
  ...['AND', 'OR', 'NOT', 'IN', 'IS', 'BETWEEN', 'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'CAST', 'AS', 'INTEGER'],
  ...['DISTINCT', 'FILTER', 'WHERE', 'LIKE', 'GROUP', 'BY', 'ALL', 'ORDER', 'LIMIT', 'HAVING', 'WITH', 'OVER'],
  ...['CURRENT_DATE', 'current_user', 'COLUMNS', 'TRY', '\n', "U&'\\0041'"],
  ...forbiddenFunctions,
  ...tableWords,
  ...hiding,
];

/** Random tokens, joined by nothing, a space or a line break. */
const soup = fc
  .array(fc.tuple(fc.constantFrom(...vocabulary), fc.constantFrom('', ' ', ' ', '\n')), { maxLength: 14 })
  .map((parts) => ({ tokens: parts.map(([t]) => t), text: parts.map(([t, sep]) => t + sep).join('') }));

/** Mostly well-formed expressions, some with a forbidden function, another table or an injected tail. */
const { expression } = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('a', 'b', 'd', '1', "'x'", 'NULL', 'CURRENT_DATE', 'secret', 'other.secret', 't.a', '*'),
    fc
      .tuple(fc.constantFrom('sum', 'count', 'min', 'lower', 'abs', 'round', ...forbiddenFunctions), tie('expression'))
      .map(([f, e]) => `${f}(${e})`),
    fc
      .tuple(tie('expression'), fc.constantFrom('+', '=', 'AND', '||', '<', 'IN'), tie('expression'))
      .map(([l, op, r]) => (op === 'IN' ? `${l} IN (${r})` : `${l} ${op} ${r}`)),
    tie('expression').map((e) => `(SELECT ${e} FROM other)`),
    fc
      .tuple(
        tie('expression'),
        fc.constantFrom(
          ') FROM other --',
          ') UNION ALL BY NAME SELECT secret FROM other --',
          ') GROUP BY ALL UNION ALL SELECT * FROM other WHERE (true',
          ' -- note',
          ' /* note */',
          '; SELECT 1',
          ' OVER ()',
          ' FILTER (WHERE a > 1)',
        ),
      )
      .map(([e, tail]) => e + tail),
  ),
}));

const piece = (text: string): SqlText => ({
  text,
  place: (offset) => ({ file: 'x.yaml', line: 1, column: offset + 1 }),
});

/** Checks the fragment as `expr` or `filter`: true when accepted, false when refused with an InputError. */
async function accepted(text: string, key: 'expr' | 'filter'): Promise<boolean> {
  const agg =
    key === 'expr' ? { table: 't', expr: piece(text) } : { table: 't', expr: piece('count(*)'), filter: piece(text) };
  try {
    await guardAggregates(db, [agg], columns);
    return true;
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const where = (e as InputError).where as { line?: number; column?: number };
    expect(where.line).toBe(1);
    expect(where.column).toBeGreaterThanOrEqual(1);
    expect(where.column).toBeLessThanOrEqual(text.length + 1);
    return false;
  }
}

/** What DuckDB's parser sees in an accepted fragment: every table, function and column it names. */
async function namesIn(
  text: string,
  key: 'expr' | 'filter',
): Promise<{ tables: string[]; functions: string[]; classes: string[]; columns: string[] }> {
  const sql = key === 'expr' ? `SELECT (\n${text}\n) FROM "t"` : `SELECT 1 FROM "t" WHERE (\n${text}\n)`;
  const [row] = await db.query<{ j: string }>('SELECT json_serialize_sql($1::VARCHAR) AS j', [sql]);
  const found = { tables: [] as string[], functions: [] as string[], classes: [] as string[], columns: [] as string[] };
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (typeof o.table_name === 'string') found.tables.push(o.table_name);
    if (typeof o.function_name === 'string') found.functions.push(o.function_name.toLowerCase());
    if (typeof o.class === 'string') found.classes.push(o.class);
    if (o.class === 'COLUMN_REF') found.columns.push((o.column_names as string[]).join('.'));
    Object.values(o).forEach(visit);
  };
  visit(JSON.parse(row!.j));
  return found;
}

async function expectHarmless(text: string, key: 'expr' | 'filter'): Promise<void> {
  const names = await namesIn(text, key);
  expect(names.tables, text).toEqual(['t']);
  expect(
    names.functions.filter((f) => forbiddenFunctions.includes(f)),
    text,
  ).toEqual([]);
  expect(
    names.classes.filter((c) => ['SUBQUERY', 'WINDOW', 'LAMBDA', 'STAR', 'PARAMETER'].includes(c)),
    text,
  ).toEqual([]);
  expect(
    names.columns.every((c) => /^(t\.)?(a|b|d)$/i.test(c)),
    text,
  ).toBe(true);
  if (key === 'filter')
    expect(
      names.functions.filter((f) => allowedAggregates.has(f)),
      text,
    ).toEqual([]);
}

describe('random SQL-ish fragments', () => {
  it('are refused with an InputError at a place, or contain nothing but allowed parts', async () => {
    await fc.assert(
      fc.asyncProperty(soup, fc.constantFrom('expr' as const, 'filter' as const), async ({ tokens, text }, key) => {
        if (!(await accepted(text, key))) return;
        await expectHarmless(text, key);
        // Where no token can hide the rest in a string or comment, no forbidden word is there at all.
        if (!tokens.some((t) => hiding.includes(t)))
          expect(
            tokens.filter((t) => forbiddenFunctions.includes(t) || tableWords.includes(t)),
            text,
          ).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('built from a grammar with forbidden parts and injected tails are refused or harmless', async () => {
    let passed = 0;
    await fc.assert(
      fc.asyncProperty(expression, fc.constantFrom('expr' as const, 'filter' as const), async (text, key) => {
        if (!(await accepted(text, key))) return;
        passed++;
        await expectHarmless(text, key);
      }),
      { numRuns: 400 },
    );
    // The grammar also writes ordinary SQL: the property must not hold only because everything is refused.
    expect(passed).toBeGreaterThan(10);
  });
});
