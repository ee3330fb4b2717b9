// Reference series of an indicator (the Land, the region): literal values with their source, or a column
// of a loaded table. Each mistake is refused with its place in the YAML, what was expected and a hint; a
// correct table reference is drawn in the report like a literal one.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli, tempDb } from './helpers.js';

/** The mini project with `references` added to its employment indicator (from line 17 on). */
async function withReferences(yaml: string, table?: string): Promise<string> {
  const dir = await copyFixture('mini');
  await appendFile(join(dir, 'indicators', 'employment.yaml'), `references:\n${yaml}`);
  if (table) {
    await writeFile(join(dir, 'data', 'compare.csv'), table);
    await appendFile(join(dir, 'data', 'sources.yaml'), '  compare:\n    file: compare.csv\n    year: year\n');
  }
  return dir;
}

const validate = async (dir: string) => runCli('validate', '--project', dir, '--db', await tempDb());

const literal = (values: string, extra = '') =>
  `  - label: { de: Land, en: State }\n    source: Landesamt (Testwerte)\n${extra}    values: { ${values} }\n`;

const fromTable = (extra: string) =>
  `  - label: { de: Land, en: State }\n    source: Landesamt (Testwerte)\n    table: compare\n${extra}`;

const table = 'year,area,share,name\n2020,Land,55.5,eins\n2021,Land,57.25,zwei\n2020,Bund,60,drei\n2021,Bund,61,vier\n';

describe('references written as values', () => {
  it('are accepted when the years are years and the shares shares', async () => {
    const r = await validate(await withReferences(literal('2020: 55.5, 2021: 57.25')));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it.each([
    [
      'a year outside 1900–2100',
      literal('1850: 55.5'),
      /employment\.yaml:20:15: the year 1850 is not between 1900 and 2100/,
      'write the years as keys',
    ],
    [
      'a share above 100',
      literal('2020: 155.5'),
      /employment\.yaml:20:21: the share 155\.5 for 2020 is not between 0 and 100/,
      '',
    ],
    [
      'a unit other than the indicator’s',
      literal('2020: 5', '    unit: per_1000\n'),
      /employment\.yaml:20:11: the reference has the unit `per_1000` but the indicator `percent`/,
      'convert the values into the unit `percent`',
    ],
    [
      'a year that is no year',
      literal('"20x0": 5'),
      /employment\.yaml:20:23: `references\.0\.values\.20x0`: a year of four digits/,
      '',
    ],
    [
      'a value that is no number',
      literal('2020: viel'),
      /employment\.yaml:20:21: `references\.0\.values\.2020`: expected number/,
      '',
    ],
    [
      'values and a table at once',
      literal('2020: 5', '    table: pop\n    column: persons\n'),
      /employment\.yaml:18:5: `references\.0`: a reference has either `values`/,
      '',
    ],
  ])('refuse %s with its place and a hint', async (_, yaml, message, hint) => {
    const r = await validate(await withReferences(yaml));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(hint);
  });
});

describe('references read from a table', () => {
  it('are checked against the loaded table and drawn in the report like literal ones', async () => {
    const dir = await withReferences(fromTable('    column: share\n    where: { area: Land }\n'), table);
    expect((await validate(dir)).code).toBe(0);
    const out = join(dir, 'r.html');
    const r = await runCli('report', '--project', dir, '--db', await tempDb(), '--out', out, '--no-history');
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(out, 'utf8');
    // A column in the year table, and the sentence: the latest reference value.
    expect(html).toContain('<th scope="col" class="num">Land (Vergleich)</th>');
    expect(html).toContain('Zum Vergleich: Land: 57,3\u00a0% (2021).');
  });

  it.each([
    [
      'an unknown table',
      '  - label: { de: Land }\n    source: Landesamt\n    table: compar\n    column: share\n',
      /employment\.yaml:20:12: unknown table `compar`/,
      'did you mean `compare`',
    ],
    [
      'a column the table lacks',
      fromTable('    column: quote\n'),
      /employment\.yaml:21:13: the table `compare` has no column `quote`/,
      '',
    ],
    [
      'a where column the table lacks',
      fromTable('    column: share\n    where: { region: Land }\n'),
      /employment\.yaml:22:22: the table `compare` has no column `region`/,
      '',
    ],
    [
      'a where that matches no row',
      fromTable('    column: share\n    where: { area: Mond }\n'),
      /employment\.yaml:22:12: no row of the table `compare` matches `where`/,
      'choose exactly one row per year with `where`',
    ],
    [
      'two rows for a year',
      fromTable('    column: share\n'),
      /employment\.yaml:21:13: the table `compare` has 2 rows for 2020; a reference needs exactly one row per year/,
      'choose exactly one row per year',
    ],
    [
      'a column without numbers',
      fromTable('    column: name\n    where: { area: Land }\n'),
      /employment\.yaml:21:13: the column `name` of the table `compare` holds no numbers \(type VARCHAR\)/,
      'number type (DOUBLE)',
    ],
    [
      'a column without a table',
      literal('2020: 5', '    column: share\n'),
      /`references\.0`: `column` and `where` belong to `table`/,
      '',
    ],
  ])('refuse %s with its place and a hint', async (_, yaml, message, hint) => {
    const r = await validate(await withReferences(yaml, table));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(hint);
  });
});
