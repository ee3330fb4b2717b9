import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, fixture, runCli, tempDb } from './helpers.js';

const mini = fixture('mini');

async function edit(dir: string, file: string, from: string, to: string): Promise<void> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${from}`);
  await writeFile(path, text.replace(from, to));
}

describe('usage', () => {
  it('shows help with an example and exits 0', async () => {
    const r = await runCli('compare', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Example:');
  });
  it.each([[['frobnicate']], [['compute', '--no-such-option']], [['report', '--lang', 'fr']]])(
    'exits 2 on %j',
    async (args) => {
      expect((await runCli(...args)).code).toBe(2);
    },
  );
});

describe('commands on the mini project', () => {
  it('validate checks everything and says what it found', async () => {
    const r = await runCli('validate', '--project', mini, '--db', await tempDb());
    expect(r).toMatchObject({ code: 0, stdout: 'ok: 3 sources, 2 indicators, 3 targets\n' });
  });
  it('compute --json prints every value as JSON', async () => {
    const r = await runCli('compute', '--json', '--project', mini, '--db', await tempDb());
    expect(r.code).toBe(0);
    const values = JSON.parse(r.stdout);
    expect(
      values.find(
        (v: { indicator: string; year: number; cell: object }) =>
          v.indicator === 'employment' && v.year === 2020 && Object.keys(v.cell).length === 0,
      ).value,
    ).toBeCloseTo(58.333, 3);
  });
  it('compute --format csv writes a table for German spreadsheets on request', async () => {
    const r = await runCli(
      'compute',
      '--format',
      'csv',
      '--decimal-comma',
      '--bom',
      '--project',
      mini,
      '--db',
      await tempDb(),
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFindicator;year;nat;area;value;numerator;denominator;n;n_eff_kish;se;ci_low;ci_high;' +
        'cells;empty_cells;note_codes;notes',
    );
    expect(lines).toContain('employment;2020;;;58,3333333333;105;180;;;;;;8;0;;');
    expect(lines).toContain('employment;2021;X;B;;;;;;;;;;;value-suppressed-count;suppressed: a count below 5');
    const plain = await runCli('compute', '--format', 'csv', '--project', mini, '--db', await tempDb());
    expect(plain.stdout.split('\r\n')).toContain('employment,2020,,,58.3333333333,105,180,,,,,,8,0,,');
  });
  it('compare --json names the method of every row', async () => {
    const r = await runCli('compare', '--json', '--project', mini, '--db', await tempDb());
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    const rows = result.comparisons;
    expect(rows).toHaveLength(3);
    expect(result.fields).toEqual([
      { id: 'work', counts: expect.objectContaining({ on_track: 1 }) },
      { id: 'voice', counts: expect.objectContaining({ not_assessable: 1 }) },
    ]);
    expect(rows.every((c: { method: string }) => c.method === 'growth-ratio')).toBe(true);
    expect(rows.find((c: { series: string }) => c.series === 'gap')).toMatchObject({
      target: { year: 2030, value: 2 },
      direction: 'lower',
    });
  });
  it('compare prints a table with the notice', async () => {
    const r = await runCli('compare', '--project', mini, '--db', await tempDb());
    expect(r.stdout).toContain('NOTE: Test data.');
    expect(r.stdout).toMatch(/employment\s+X\s+/);
    // Both counts add up: every row of the table once, every indicator once with its worst target.
    expect(r.stdout).toMatch(/^3 targets \(method: .*\): 2 on track; 1 not assessable$/m);
    expect(r.stdout).toMatch(/^2 indicators, each counted with its worst target: 1 on track; 1 not assessable$/m);
  });
});

describe('bad input gives one clear line and exit 1', () => {
  it('malformed YAML names file, line and column', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'indicators/employment.yaml', 'unit: percent', 'unit: [percent');
    const r = await runCli('validate', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*indicators\/employment\.yaml:6:\d+: invalid YAML: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('an unknown column in an indicator is reported at its place with a suggestion', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'indicators/employment.yaml', 'sum(employed)', 'sum(employd)');
    const r = await runCli('compute', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/employment\.yaml:7:36: the table `emp` has no column `employd`/);
    expect(r.stderr).toContain('hint: did you mean `employed`?');
  });
  it('a misspelt key is reported with the key it resembles', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'indicators/agree.yaml', 'targets:', 'targts:');
    const r = await runCli('validate', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/agree\.yaml:1\d:1: unknown key `targts`/);
    expect(r.stderr).toContain('did you mean `targets`?');
  });
  it('a target for a group that does not occur in the data', async () => {
    const dir = await copyFixture('mini');
    await edit(
      dir,
      'indicators/employment.yaml',
      '{ year: 2030, value: 70, group: X }',
      '{ year: 2030, value: 70, group: x }',
    );
    const r = await runCli('validate', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/employment\.yaml:13:37: group `x` does not occur in column `nat` of table `emp`/);
    expect(r.stderr).toContain('did you mean `X`?');
  });
  it('a target year before the baseline', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'indicators/employment.yaml', '{ year: 2030, gap: 2 }', '{ year: 2019, gap: 2 }');
    const r = await runCli('validate', '--project', dir, '--db', await tempDb());
    expect(r.stderr).toMatch(/employment\.yaml:14:13: target year 2019 is not after the baseline year 2020/);
  });
  it('a duplicate indicator id', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'indicators/agree.yaml', 'id: agree', 'id: employment');
    const r = await runCli('validate', '--project', dir, '--db', await tempDb());
    expect(r.stderr).toMatch(
      /indicators\/employment\.yaml:2:5: duplicate indicator id `employment` \(also in .*agree\.yaml\)/,
    );
  });
  it('an unknown table, with the table it resembles', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'indicators/employment.yaml', 'table: emp,', 'table: empl,');
    const r = await runCli('validate', '--project', dir, '--db', await tempDb());
    expect(r.stderr).toMatch(/employment\.yaml:7:21: unknown table `empl`/);
    expect(r.stderr).toContain('did you mean `emp`?');
  });
  it('numerator and denominator with different codes for the same column', async () => {
    const dir = await copyFixture('mini');
    const file = join(dir, 'data', 'emp.csv');
    await writeFile(file, (await readFile(file, 'utf8')).replaceAll(',A,', ',01,').replaceAll(',B,', ',02,'));
    for (const command of ['compute', 'validate']) {
      const r = await runCli(command, '--project', dir, '--db', await tempDb());
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        'employment.yaml:9:6: numerator and denominator do not match on `area`: ' +
          '`01`, `02` from table `emp` is not in table `pop`',
      );
      expect(r.stderr).toContain('`pop`.area has values like `A`, `B`: both tables must use the same codes');
    }
  });
  it('a missing CSV names the sources.yaml entry', async () => {
    const dir = await copyFixture('mini');
    await rm(join(dir, 'data', 'pop.csv'));
    const r = await runCli('run', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/data\/sources\.yaml:3:11: the file .*pop\.csv of source `pop` does not exist/);
  });
  it('--json puts the error on stdout as JSON too', async () => {
    const dir = await copyFixture('mini');
    await rm(join(dir, 'data', 'pop.csv'));
    const r = await runCli('compute', '--json', '--project', dir, '--db', await tempDb());
    expect(JSON.parse(r.stdout)).toEqual({
      error: expect.stringMatching(/the file .*pop\.csv of source `pop` does not exist/),
      code: 'source-file-missing',
      file: expect.stringMatching(/data\/sources\.yaml$/),
      line: 3,
      column: 11,
      hint: 'check the path: it is relative to the data/ folder',
    });
  });
});

describe('more bad input from the review', () => {
  it('a `by` list naming a column twice, or the period column', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'indicators/employment.yaml', 'by: [area, nat]', 'by: [area, nat, nat]');
    expect((await runCli('validate', '--project', dir, '--db', await tempDb())).stderr).toMatch(
      /employment\.yaml:9:5: `by`: every column once/,
    );
    await edit(dir, 'indicators/employment.yaml', 'by: [area, nat, nat]', 'by: [area, nat, year]');
    expect((await runCli('validate', '--project', dir, '--db', await tempDb())).stderr).toMatch(
      /employment\.yaml:9:17: `year` is the period column of table `emp`/,
    );
  });
  it('codes for a column the file does not have', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'data/sources.yaml', '    id: id', '    id: id\n    codes: { qq: { labels: { "1": ja } } }');
    const r = await runCli('load', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/sources\.yaml:\d+:\d+: codes are declared for column `qq`, which is not in .*poll\.csv/);
  });
  it('a file with a header and no rows', async () => {
    const dir = await copyFixture('mini');
    await writeFile(join(dir, 'data', 'emp.csv'), 'year,area,nat,employed\n');
    const r = await runCli('load', '--project', dir, '--db', await tempDb());
    expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/emp\.csv: the file has no data rows/) });
  });
  it('a project without indicators, and sources named alike but for case', async () => {
    const dir = await copyFixture('mini');
    await rm(join(dir, 'indicators', 'employment.yaml'));
    await rm(join(dir, 'indicators', 'agree.yaml'));
    expect((await runCli('run', '--project', dir, '--db', await tempDb())).stderr).toContain(
      'the project has no indicators yet',
    );
    const other = await copyFixture('mini');
    await edit(other, 'data/sources.yaml', '  emp:', '  Pop:\n    file: pop.csv\n    year: year\n  emp:');
    expect((await runCli('validate', '--project', other, '--db', await tempDb())).stderr).toMatch(
      /two sources are named `Pop` apart from case/,
    );
  });
  it('targets set on a range target says what it is', async () => {
    const dir = await copyFixture('mini');
    await edit(
      dir,
      'indicators/employment.yaml',
      '{ year: 2030, value: 70, group: X }',
      '{ year: 2030, range: [60, 75], group: X }',
    );
    const r = await runCli(
      'targets',
      'set',
      'employment',
      '--value',
      '65',
      '--year',
      '2030',
      '--group',
      'X',
      '--project',
      dir,
    );
    expect(r.stderr).toContain('the 2030 target for X is a range [60, 75], not a single value');
  });
});
