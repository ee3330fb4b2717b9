// The plausibility checks of issue 10: what is clearly wrong is an error (exit 1); what is worth a look
// is a warning on stderr, and an error under --strict. Each check with its message and exit code.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, runCli, tempDb } from './helpers.js';

async function edit(dir: string, file: string, from: string | RegExp, to: string): Promise<void> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`${file} does not contain ${from}`);
  await writeFile(path, next);
}

describe('warnings, and errors under --strict', () => {
  it('a negative count in a whole-number column', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'data/emp.csv', '2020,B,X,5', '2020,B,X,-5');
    const r = await runCli('compute', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*emp\.csv:5:4: column `employed` of `emp` holds a negative count \(-5\)/);
    const strict = await runCli('compute', '--strict', '--project', dir, '--db', await tempDb());
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('error: 1 warning, and --strict makes warnings errors');
  });

  it('a share whose numerator is larger than its denominator', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'data/emp.csv', '2020,A,X,10', '2020,A,X,25');
    const r = await runCli('compute', '--json', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(
        /warning: .*employment\.yaml:\d+:\d+: `employment` 2020: /.source +
          /the numerator \(25\) is larger than the denominator \(20\)/.source,
      ),
    );
    const cell = (JSON.parse(r.stdout) as { year: number; cell: object; notes: { code: string }[] }[]).find(
      (v) => v.year === 2020 && JSON.stringify(v.cell) === '{"area":"A","nat":"X"}',
    )!;
    expect(cell.notes.map((n) => n.code)).toContain('value-share-over');
    expect((await runCli('validate', '--strict', '--project', dir, '--db', await tempDb())).code).toBe(1);
  });

  it('a baseline year without a value', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'indicators/employment.yaml', 'baseline: 2020', 'baseline: 2019');
    const r = await runCli('validate', '--json', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).warnings).toEqual([
      expect.objectContaining({
        code: 'warn-baseline-no-data',
        error: '`employment` has no value in its baseline year 2019',
      }),
    ]);
    expect(r.stderr).toMatch(/employment\.yaml:\d+:\d+: `employment` has no value in its baseline year 2019/);
  });
});

describe('errors', () => {
  it('a percent target outside 0–100', async () => {
    const dir = await copyFixture('mini');
    await edit(
      dir,
      'indicators/employment.yaml',
      '{ year: 2030, value: 70, group: X }',
      '{ year: 2030, value: 170, group: X }',
    );
    const r = await runCli('validate', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /employment\.yaml:\d+:\d+: a share cannot be 170 %: a target in percent lies between 0 and 100/,
    );
  });

  it('a target year before the baseline', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'indicators/employment.yaml', '{ year: 2030, gap: 2 }', '{ year: 2019, gap: 2 }');
    const r = await runCli('validate', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/employment\.yaml:\d+:\d+: target year 2019 is not after the baseline year 2020/);
  });

  it('numerator and denominator that share no year name both tables and the years each has', async () => {
    const dir = await copyFixture('mini');
    // The population table delivered for other years than the employment table.
    await edit(dir, 'data/pop.csv', /^2020;/gm, '2098;');
    await edit(dir, 'data/pop.csv', /^2021;/gm, '2099;');
    const r = await runCli('validate', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /employment\.yaml:\d+:\d+: numerator and denominator share no year: `emp` has 2020, 2021, `pop` has 2098, 2099/,
    );
  });

  it('a weighted count, which is a survey total', async () => {
    const dir = await copyFixture('mini');
    await edit(dir, 'indicators/agree.yaml', 'unit: percent', 'unit: count');
    await edit(dir, 'indicators/agree.yaml', /denominator:.*\n/, '');
    const r = await runCli('validate', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/agree\.yaml:\d+:\d+: a weighted count is a survey total: use `unit: total`/);
  });
});
