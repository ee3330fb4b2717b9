import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../src/core/project.js';
import { listTargets, setTarget } from '../src/cli/targets.js';
import { copyFixture, runCli } from './helpers.js';

const commented = `# Employment rate of the test town.
id: employment
title: { de: Beschäftigungsquote, en: Employment rate }
field: work
unit: percent
direction: higher
numerator: { table: emp, expr: sum(employed) }   # employees at place of residence
denominator: { table: pop, expr: sum(persons) }
by: [area, nat]
groups: { column: nat, compared: X, reference: D }
baseline: 2020
targets:
  # Agreed by the council on 12 March 2025.
  - year: 2030
    group: X
    value: 70    # percent
  - { year: 2030, gap: 2 }   # points

department: Amt für Tests
source: Testdaten
`;

async function project() {
  const dir = await copyFixture('mini');
  const file = join(dir, 'indicators', 'employment.yaml');
  await writeFile(file, commented);
  return { dir, file };
}

function changedLines(a: string, b: string): [string, string][] {
  const x = a.split('\n');
  const y = b.split('\n');
  expect(y.length).toBe(x.length);
  return x.flatMap((line, i) => (line === y[i] ? [] : [[line, y[i]!] as [string, string]]));
}

describe('targets set', () => {
  it('changes only the edited value, keeping comments and layout', async () => {
    const { dir, file } = await project();
    const result = await setTarget(await readProject(dir), {
      indicator: 'employment',
      year: 2030,
      group: 'X',
      value: 72.5,
    });
    expect(result).toMatchObject({ action: 'changed', before: 70 });
    expect(changedLines(commented, await readFile(file, 'utf8'))).toEqual([
      ['    value: 70    # percent', '    value: 72.5    # percent'],
    ]);
  });

  it('changes a gap target written in flow style', async () => {
    const { dir, file } = await project();
    await setTarget(await readProject(dir), { indicator: 'employment', year: 2030, gap: true, value: 1.5 });
    expect(changedLines(commented, await readFile(file, 'utf8'))).toEqual([
      ['  - { year: 2030, gap: 2 }   # points', '  - { year: 2030, gap: 1.5 }   # points'],
    ]);
  });

  it('adds a milestone after the last target in the list style', async () => {
    const { dir, file } = await project();
    const result = await setTarget(await readProject(dir), {
      indicator: 'employment',
      year: 2027,
      group: 'X',
      value: 60,
    });
    expect(result.action).toBe('added');
    const text = await readFile(file, 'utf8');
    expect(text).toContain(
      '  - { year: 2030, gap: 2 }   # points\n  - { year: 2027, group: "X", value: 60 }\n\ndepartment',
    );
    expect((await readProject(dir)).indicators.find((i) => i.id === 'employment')!.targets).toHaveLength(3);
  });

  it('computes the edit from the file as it is now, not as the project read it', async () => {
    const { dir, file } = await project();
    const read = await readProject(dir);
    // An editor adds lines above the targets after the project was read: old positions would be wrong.
    const edited = commented.replace('baseline: 2020\n', 'baseline: 2020\n# Reviewed in May.\n# Still valid.\n');
    await writeFile(file, edited);
    await setTarget(read, { indicator: 'employment', year: 2030, group: 'X', value: 71 });
    expect(changedLines(edited, await readFile(file, 'utf8'))).toEqual([
      ['    value: 70    # percent', '    value: 71    # percent'],
    ]);
  });

  it('writes nothing when an editor rewrites the file while the change is made', async () => {
    const { dir, file } = await project();
    const editor = commented.replace('value: 70    # percent', 'value: 68    # percent, revised');
    const change = { indicator: 'employment', year: 2030, group: 'X', value: 72 };
    await expect(
      setTarget(await readProject(dir), change, { beforeWrite: () => writeFile(file, editor) }),
    ).rejects.toThrow('another program changed the file while istsoll was editing it');
    expect(await readFile(file, 'utf8')).toBe(editor);
  });

  it('says so when another istsoll command holds the file, and goes ahead when that one has ended', async () => {
    const { dir, file } = await project();
    const { currentOwner } = await import('../src/core/lockfile.js');
    await writeFile(`${file}.lock`, JSON.stringify(currentOwner()));
    const args = ['targets', 'set', 'employment', '--value', '71', '--year', '2030', '--group', 'X', '--project', dir];
    const busy = await runCli(...args);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('employment.yaml: another istsoll command is changing this file');
    expect(busy.stderr).toContain('employment.yaml.lock');
    await writeFile(`${file}.lock`, JSON.stringify({ ...currentOwner(), started: 'long ago' }));
    expect((await runCli(...args)).code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('    value: 71    # percent');
  });

  it('refuses a change that would break the file, and leaves it as it was', async () => {
    const { dir, file } = await project();
    await expect(
      setTarget(await readProject(dir), { indicator: 'employment', year: 2019, group: 'X', value: 60 }),
    ).rejects.toThrow('target year 2019 is not after the baseline year 2020');
    expect(await readFile(file, 'utf8')).toBe(commented);
  });

  it('refuses a group that the data do not have, at its place in the file, and writes nothing', async () => {
    const { dir, file } = await project();
    const r = await runCli(
      'targets',
      'set',
      'employment',
      '--value',
      '71',
      '--year',
      '2035',
      '--group',
      'Y',
      '--project',
      dir,
      '--db',
      join(dir, 'x.duckdb'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/employment\.yaml:\d+:\d+: group `Y` does not occur in column `nat` of table `emp`/);
    expect(await readFile(file, 'utf8')).toBe(commented);
    const ok = await runCli(
      'targets',
      'set',
      'employment',
      '--value',
      '71',
      '--year',
      '2035',
      '--group',
      'D',
      '--project',
      dir,
      '--db',
      join(dir, 'x.duckdb'),
    );
    expect(ok.code).toBe(0);
  });

  it('names an unknown indicator with a suggestion', async () => {
    const { dir } = await project();
    const r = await runCli('targets', 'set', 'employmnt', '--value', '3', '--year', '2030', '--project', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no indicator `employmnt`');
    expect(r.stderr).toContain('did you mean `employment`?');
  });

  it('takes a decimal comma from the command line', async () => {
    const { dir, file } = await project();
    const r = await runCli(
      'targets',
      'set',
      'employment',
      '--value',
      '71,5',
      '--year',
      '2030',
      '--group',
      'X',
      '--project',
      dir,
    );
    expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining('changed: employment (X) 2030 70 → 71.5') });
    expect(await readFile(file, 'utf8')).toContain('value: 71.5    # percent');
  });

  it('rejects a value that is no number as wrong usage', async () => {
    const { dir } = await project();
    expect(
      (await runCli('targets', 'set', 'employment', '--value', 'viel', '--year', '2030', '--project', dir)).code,
    ).toBe(2);
  });
});

describe('targets list', () => {
  it('lists every target with its owner', async () => {
    const { dir } = await project();
    expect(
      listTargets(await readProject(dir)).map((t) => [t.indicator, t.kind, t.group, t.year, t.value, t.owner]),
    ).toEqual([
      ['agree', 'value', null, 2030, 80, 'Amt für Tests'],
      ['employment', 'value', 'X', 2030, 70, 'Amt für Tests'],
      ['employment', 'gap', null, 2030, 2, 'Amt für Tests'],
    ]);
    const r = await runCli('targets', 'list', '--json', '--project', dir);
    expect(JSON.parse(r.stdout)).toHaveLength(3);
  });
});
