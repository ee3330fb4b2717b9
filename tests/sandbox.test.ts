// Indicator SQL is an expression over its own table, checked by an allow list before anything binds or
// runs; and the database opened for indicators can neither read nor write files, attach databases, nor
// install or load extensions.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/core/database.js';
import { copyFixture, runCli, tempDb, type CliResult } from './helpers.js';

const numerator = 'numerator: { table: emp, expr: sum(employed) }';
const denominator = 'denominator: { table: pop, expr: sum(persons) }';

/** A YAML scalar as an analyst would quote it: double quotes, or single ones when the SQL has `"`. */
const quote = (sql: string) => (/["\\]/.test(sql) ? `'${sql.replaceAll("'", "''")}'` : `"${sql}"`);
const num = (expr: string, filter?: string) =>
  `numerator: { table: emp, expr: ${quote(expr)}${filter === undefined ? '' : `, filter: ${quote(filter)}`} }`;

/** The mini project, loaded once: each case rewrites one line of employment.yaml and validates. */
let project: { dir: string; db: string; file: string; original: string };

beforeAll(async () => {
  const dir = await copyFixture('mini');
  const db = await tempDb();
  expect((await runCli('load', '--project', dir, '--db', db)).code).toBe(0);
  const file = join(dir, 'indicators', 'employment.yaml');
  project = { dir, db, file, original: await readFile(file, 'utf8') };
});

async function runWith(line: string, replaced = numerator, ...command: string[]): Promise<CliResult> {
  expect(project.original).toContain(replaced);
  await writeFile(project.file, project.original.replace(replaced, line));
  return runCli(...(command.length ? command : ['validate']), '--project', project.dir, '--db', project.db);
}

/** Exit 1, one message at file:line:column (the column where `part` starts in the line), a hint, no stack. */
function expectRefused(r: CliResult, line: string, lineNo: number, part: string, message: RegExp): void {
  const column = line.indexOf(part) + 1;
  expect(column, `${part} is in ${line}`).toBeGreaterThan(0);
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(new RegExp(`^error: \\S*indicators/employment\\.yaml:${lineNo}:${column}: `));
  expect(r.stderr).toMatch(message);
  expect(r.stderr).toMatch(/\n {2}hint: \S/);
  expect(r.stderr).not.toMatch(/^\s+at |unexpected/m);
}

// [what, numerator line, where the message points (first occurrence in the line), message]
const refused: [string, string, string, RegExp][] = [
  [
    'UNION ALL BY NAME with another table in the filter',
    num('sum(employed)', 'false) GROUP BY ALL UNION ALL BY NAME SELECT * FROM pop --'),
    '" }', // the `--` comment swallows the `)` that closes the filter: the error is at its end
    /the filter \(filter\) is not valid SQL: syntax error at or near "\)"/,
  ],
  ['a `--` comment that ends expr', num('sum(employed) -- Summe'), '--', /expr\) ends in a `--` comment/],
  ['a `--` comment that ends the filter', num('sum(employed)', "area = 'A' --"), '--', /filter\) ends in a `--`/],
  ['expr that ends the query early', num('sum(employed)) FROM pop --'), '" }', /syntax error at or near "\)"/],
  [
    'a /* */ pair spanning expr and filter',
    num("sum(employed)) FROM emp WHERE (area = 'A' /*", '*/ OR true'),
    '/*',
    /expr\) is not valid SQL: unterminated \/\* comment/,
  ],
  [
    "current_setting('temp_directory') in the filter",
    num('sum(employed)', "current_setting('temp_directory') <> ''"),
    'current_setting',
    /function `current_setting` is not allowed in indicator SQL: it reads settings/,
  ],
  [
    'current_setting in expr',
    num("sum(employed) + length(current_setting('temp_directory'))"),
    'current_setting',
    /function `current_setting` is not allowed/,
  ],
  ['getenv', num('sum(employed)', "area = getenv('HOME')"), 'getenv', /function `getenv` is not allowed/],
  ['version()', num('sum(employed) + length(version())'), 'version', /function `version` is not allowed/],
  [
    'read_csv in a subquery',
    num("(SELECT count(*) FROM read_csv('/etc/hostname'))"),
    '(SELECT',
    /a subquery \(SELECT …\) is not allowed in indicator SQL/,
  ],
  [
    'read_text in a subquery of the filter',
    num('sum(employed)', "area IN (SELECT content FROM read_text('/etc/hostname'))"),
    'IN (SELECT',
    /a subquery \(SELECT …\) is not allowed/,
  ],
  [
    'another table in a subquery of FILTER (WHERE …)',
    num('sum(employed) FILTER (WHERE area IN (SELECT area FROM pop))'),
    'IN (SELECT',
    /a subquery/,
  ],
  [
    'read_csv as a function',
    num("sum(employed) + count(read_csv('/etc/hostname'))"),
    'read_csv',
    /function `read_csv` is not allowed in indicator SQL: it reads tables or files/,
  ],
  ['query_table', num('sum(employed)', "query_table('pop') IS NULL"), 'query_table', /`query_table` is not allowed/],
  [
    'a second statement (COPY)',
    num("sum(employed)); COPY emp TO '/tmp/leak.csv'; SELECT (1"),
    ';',
    /a `;` is not allowed in indicator SQL/,
  ],
  ['a second statement (ATTACH)', num("sum(employed)); ATTACH '/tmp/x.duckdb'; SELECT (1"), ';', /a `;`/],
  ['a second SELECT', num('sum(employed)); SELECT (1'), ';', /a `;` is not allowed/],
  ['a `;` at the end of the filter', num('sum(employed)', "area = 'A';"), ';', /a `;` is not allowed/],
  ['a window function', num('sum(employed) OVER ()'), 'sum(employed) OVER', /a window function \(OVER …\)/],
  ['a lambda', num('sum(employed)', "area -> 'A'"), '->', /a lambda \(x -> …\) is not allowed/],
  ['a function taking a lambda', num('sum(list_sum(list_transform([1], x -> x)))'), 'list_sum', /`list_sum`/],
  [
    'CURRENT_DATE, which parses as a column',
    num('sum(employed)', 'year < year(CURRENT_DATE)'),
    'CURRENT_DATE',
    /the table `emp` has no column `CURRENT_DATE`\n {2}hint: the date, the time and session values change/,
  ],
  ['current_user', num('sum(employed)', 'nat = current_user'), 'current_user', /no column `current_user`/],
  ['now()', num('sum(employed)', 'year < year(now())'), 'now', /`now` is not allowed.*on the time or on chance/],
  ['random()', num('sum(employed) * random()'), 'random', /`random` is not allowed/],
  ['any_value', num('any_value(employed)'), 'any_value', /`any_value` is not allowed.*order of the rows/],
  ['string_agg with ORDER BY', num("max(length(string_agg(area, ',' ORDER BY area)))"), 'string_agg', /ORDER BY/],
  ['a column of another table', num('sum(pop.persons)'), 'pop.persons', /`pop.persons` refers to another table/],
  ['a quoted column of another table', num('sum("pop"."persons")'), '"pop"', /refers to another table/],
  ['a misspelt column', num('sum(employd)'), 'employd', /no column `employd`\n {2}hint: did you mean `employed`\?/],
  ['no aggregate', num('employed'), 'employed', /`employed` is not an aggregate/],
  ['an aggregate inside another', num('sum(sum(employed))'), 'sum(employed))', /inside another aggregate/],
  ['an aggregate in the filter', num('sum(employed)', 'sum(employed) > 1'), 'sum(employed) >', /in a filter/],
  ['a star', num('sum(COLUMNS(*))'), 'COLUMNS', /a star \(\*, COLUMNS\(…\)\)/],
  ['a parameter', num('sum(employed)', 'area = $1'), '= $1', /a parameter/],
  ['a positional reference', num('sum(#1)'), '#1', /a column by its number/],
  ['TRY', num('TRY(sum(employed))'), 'TRY', /TRY\(…\), which silently turns errors/],
  ['a cast to JSON', num('sum(employed::JSON::INTEGER)'), '::JSON', /a cast to the type `JSON` is not allowed/],
  ['a function of another catalog', num('system.main.sum(employed)'), 'system', /`system.main.sum` is not/],
  ['a pg_catalog function', num('count(*) + length(pg_catalog.version())'), 'pg_catalog', /`pg_catalog.version`/],
  ['EXPORT_STATE', num('sum(employed) EXPORT_STATE'), 'sum(employed) EXPORT', /EXPORT_STATE is not allowed/],
  ['an alias', num('sum(employed) AS beschaeftigte'), 'AS', /syntax error at or near "AS"/],
  ['a second column', num('sum(employed), count(*)'), 'sum(employed), count', /a list, struct or tuple/],
  ['an operator off the list', num('sum(employed) & 1'), '&', /the operator `&` is not allowed/],
  ['GROUP BY in the filter', num('sum(employed)', 'true) GROUP BY (area'), 'area', /`GROUP BY` would change/],
  ['HAVING in the filter', num('sum(employed)', 'true) HAVING (true'), 'true"', /`HAVING` would change the query/],
  ['UNION in the filter', num('sum(employed)', 'true) UNION (SELECT 1'), '1"', /`UNION` would change the query/],
  ['ORDER BY and LIMIT', num('sum(employed)', 'true) ORDER BY 1 LIMIT 1 --'), '" }', /syntax error/],
  ['an unterminated string', num('sum(employed)', "area = 'A"), "'A", /unterminated quoted string/],
  ['a syntax error', num('sum(employed)', 'area = = 1'), '= 1', /syntax error at or near "="/],
  [
    'a NUL, which would end the statement early for the parser',
    'numerator: { table: emp, expr: "sum(employed)) FROM \\"emp\\"\\0" }',
    '"sum',
    /a NUL character \(\\0\) is not allowed/,
  ],
  ['an unknown function', num('sm(employed)'), 'sm', /`sm` is not allowed.*\n {2}hint: did you mean `sum`\?/],
];

describe('indicator SQL passes an allow list, or is refused at its place', () => {
  it.each(refused)('%s', async (_, line, part, message) => {
    expectRefused(await runWith(line), line, 7, part, message);
  });

  it('refuses in the denominator as well, at its line', async () => {
    const line = 'denominator: { table: pop, expr: sum(persons), filter: "area <> getenv(\'USER\')" }';
    expectRefused(await runWith(line, denominator), line, 8, 'getenv', /function `getenv` is not allowed/);
  });

  it('refuses in compute as in validate', async () => {
    const line = num('sum(employed) -- Summe');
    expectRefused(await runWith(line, numerator, 'compute'), line, 7, '--', /ends in a `--` comment/);
  });

  it('places what it refuses inside a literal block, a single-quoted value and a plain value', async () => {
    const block = "numerator:\n  table: emp\n  expr: sum(employed)\n  filter: |\n    area = 'A'\n      AND now() > 1\n";
    expectRefused(await runWith(block), '      AND now() > 1', 12, 'now', /`now` is not allowed/);
    const single = "numerator: { table: emp, expr: sum(employed), filter: 'area = ''A'' AND now() > 1' }";
    expectRefused(await runWith(single), single, 7, 'now', /`now` is not allowed/);
    const plain = "numerator: { table: emp, expr: sum(employed), filter: area = 'A' AND now() > 1 }";
    expectRefused(await runWith(plain), plain, 7, 'now', /`now` is not allowed/);
  });

  it('reports a folded value at its start, where the text no longer matches the file', async () => {
    const folded = "numerator:\n  table: emp\n  expr: sum(employed)\n  filter: >\n    area = 'A'\n    AND now() > 1\n";
    expectRefused(await runWith(folded), '  filter: >', 10, '>', /`now` is not allowed/);
  });

  it('still binds what passes: a text column in sum() is reported by DuckDB at the expression', async () => {
    const line = num('sum(area)');
    const r = await runWith(line);
    expectRefused(r, line, 7, '"sum(area)"', /expression does not work on table `emp`: .*sum\(VARCHAR\)/);
  });

  it('lets ordinary indicator SQL through and computes it from the text as written', async () => {
    const plain = await runWith(num('sum(employed)', "nat = 'X' AND area = 'A'"), numerator, 'compute', '--json');
    const rich = await runWith(
      'numerator: { table: emp, expr: "round(sum(employed) FILTER (WHERE nat IN (\'X\')) * 1e0, 6) /* Ausländer */",' +
        " filter: \"lower(area) LIKE 'a%' AND coalesce(nat, '') <> ''\\n-- nur Ortsteil A\\n\" }",
      numerator,
      'compute',
      '--json',
    );
    expect([plain.code, rich.code], plain.stderr + rich.stderr).toEqual([0, 0]);
    // The totals of both agree (the cells do not: FILTER keeps nat D as 0, a filter drops it).
    type Value = { indicator: string; year: number; cell: object; numerator: number | null };
    const totals = (out: string) =>
      (JSON.parse(out) as Value[])
        .filter((v) => v.indicator === 'employment' && Object.keys(v.cell).length === 0)
        .map((v) => [v.year, v.numerator]);
    expect(totals(rich.stdout).length).toBeGreaterThan(0);
    expect(totals(rich.stdout)).toEqual(totals(plain.stdout));
    expect(totals(rich.stdout).every(([, n]) => typeof n === 'number' && n > 0)).toBe(true);
  });
});

describe('a weighted indicator', () => {
  it.each([
    ['sum(q) + 1', /a weighted indicator needs `count\(\*\)` or `sum\(…\)`, found `sum\(q\) \+ 1`/],
    ['sum(q) FILTER (WHERE q = 1)', /a weighted indicator needs/],
    ['count()', /a weighted indicator needs/],
    ['sum(q /* ) */)', null],
  ])('with expr %s', async (expr, message) => {
    const dir = await copyFixture('mini');
    const file = join(dir, 'indicators', 'agree.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('expr: count(*), filter: q = 1', `expr: "${expr}"`));
    const r = await runCli('validate', '--project', dir, '--db', await tempDb());
    if (message === null) expect(r.code, r.stderr).toBe(0);
    else {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/agree\.yaml:7:\d+: /);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('a database whose functions were redefined', () => {
  // agree.yaml is the first indicator checked: the refusal names the use there, or the start of its SQL.
  const agree = 'numerator: { table: poll, expr: count(*), filter: q = 1 }';
  it.each([
    ['json_serialize_sql, which would forge the parse', "CREATE MACRO json_serialize_sql(x) AS '{}'", agree, 'count'],
    [
      'a function the indicator uses',
      'CREATE MACRO "Lower"(x) AS 42',
      agree.replace('q = 1', "lower(nat) = 'x'"),
      'lower',
    ],
    ['a function of istsoll’s own queries', "CREATE MACRO concat_ws(a, b, c) AS 'x'", agree, 'count'],
    ['an aggregate', 'CREATE MACRO count_star() AS 42', agree, 'count'],
  ])('is refused: %s', async (_, macro, line, part) => {
    const dir = await copyFixture('mini');
    const db = await tempDb();
    expect((await runCli('load', '--project', dir, '--db', db)).code).toBe(0);
    const file = join(dir, 'indicators', 'agree.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(agree, line));
    const handle = await openDatabase(db);
    await handle.run(macro);
    handle.close();
    const r = await runCli('compute', '--project', dir, '--db', db);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/the database replaces the built-in function `\w+` with one of its own/);
    expect(r.stderr).toContain(`agree.yaml:7:${line.indexOf(part) + 1}: `);
    expect(r.stderr).toMatch(/hint: delete the database file/);
  });
});

describe('the database opened for indicators', () => {
  it.each([
    ["SELECT * FROM read_csv('/etc/hostname')", /file system operations are disabled/],
    ["COPY (SELECT 1) TO '/tmp/istsoll-leak.csv'", /file system operations are disabled/],
    ["ATTACH '/tmp/istsoll-other.duckdb'", /file system operations are disabled/],
    ['INSTALL httpfs', /disabled/],
    ['LOAD httpfs', /disabled/],
    ['SET enable_external_access = true', /the configuration has been locked/],
  ])('refuses %s', async (sql, message) => {
    const db = await openDatabase(':memory:', { sandbox: true });
    try {
      await expect(db.run(sql)).rejects.toThrow(message);
    } finally {
      db.close();
    }
  });
});
