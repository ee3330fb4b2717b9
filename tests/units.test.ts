// Each unit on the mini project, worked by hand: percent (see compute.test.ts), per 1,000, count, mean
// and ratio over plain tables; survey answer codes as sources.yaml declares them.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeProject } from '../src/compute/compute.js';
import { openDatabase } from '../src/core/database.js';
import { loadProject } from '../src/load/load.js';
import type { IndicatorValue } from '../src/core/types.js';
import { readProject } from '../src/core/project.js';
import { copyFixture, noteOf, runCli, tempDb } from './helpers.js';

const indicator = (id: string, unit: string, numerator: string, denominator: string | null, by = '[]') =>
  `id: ${id}\ntitle: { de: ${id} }\nfield: work\nunit: ${unit}\ndirection: higher\nnumerator: ${numerator}\n` +
  `${denominator ? `denominator: ${denominator}\n` : ''}` +
  `by: ${by}\nbaseline: 2020\ntargets: [{ year: 2030, value: 1 }]\ndepartment: Amt\nsource: Test\n`;

let values: IndicatorValue[];
let dir: string;
const at = (id: string, year: number, cell: Record<string, string> = {}) =>
  values.find((v) => v.indicator === id && v.year === year && JSON.stringify(v.cell) === JSON.stringify(cell))!;

beforeAll(async () => {
  dir = await copyFixture('mini');
  const add = (id: string, text: string) => writeFile(join(dir, 'indicators', `${id}.yaml`), text);
  await add(
    'per_thousand',
    indicator(
      'per_thousand',
      'per_1000',
      '{ table: emp, expr: sum(employed), filter: "nat = \'X\'" }',
      '{ table: pop, expr: sum(persons) }',
      '[area]',
    ),
  );
  await add('headcount', indicator('headcount', 'count', '{ table: pop, expr: sum(persons) }', null, '[nat]'));
  await add(
    'mean_size',
    indicator('mean_size', 'mean', '{ table: pop, expr: sum(persons) }', '{ table: pop, expr: count(*) }'),
  );
  // Four rows a year would be too few for a mean under the rule of 5; this copy allows 3.
  const config = join(dir, 'istsoll.yaml');
  await writeFile(config, (await readFile(config, 'utf8')).replace('min_count: 5', 'min_count: 3'));
  await add(
    'ratio_emp',
    indicator('ratio_emp', 'ratio', '{ table: emp, expr: sum(employed) }', '{ table: pop, expr: sum(persons) }'),
  );
  const project = await readProject(dir);
  const db = await tempDb();
  await loadProject(project, db);
  values = await computeProject(project, db);
});

describe('units', () => {
  it('per 1,000: 15 foreign employees among 180 residents in 2020 → 83.3 ‰', () => {
    expect(at('per_thousand', 2020).value).toBeCloseTo((15 / 180) * 1000, 9);
    // area A: 10 of 120
    expect(at('per_thousand', 2020, { area: 'A' }).value).toBeCloseTo((10 / 120) * 1000, 9);
  });
  it('count: the numerator alone', () => {
    expect(at('headcount', 2020)).toMatchObject({ value: 180, denominator: null });
    expect(at('headcount', 2021, { nat: 'X' })).toMatchObject({ value: 28 });
    expect(at('headcount', 2020, { nat: 'D' })).toMatchObject({ value: 150 });
  });
  it('mean: 180 residents in 4 rows → 45', () => {
    expect(at('mean_size', 2020).value).toBe(45);
    expect(at('mean_size', 2021).value).toBe(178 / 4);
  });
  it('ratio: 105 employees per 180 residents, unscaled', () => {
    expect(at('ratio_emp', 2020).value).toBeCloseTo(105 / 180, 12);
  });
});

describe('survey answer codes', () => {
  it('turn "no answer" codes into missing values with their reason, and label the others', async () => {
    const sources = join(dir, 'data', 'sources.yaml');
    await writeFile(
      sources,
      `${await readFile(sources, 'utf8')}    codes:\n` +
        `      q: { labels: { "0": nein, "1": ja }, missing: { "9": keine Angabe } }\n`,
    );
    const db = await tempDb();
    await loadProject(await readProject(dir), db);
    const d = await openDatabase(db, { readOnly: true });
    expect(await d.query('SELECT id, q, q__label, q__note FROM poll ORDER BY id')).toEqual([
      { id: 1, q: 1, q__label: 'ja', q__note: null },
      { id: 2, q: 0, q__label: 'nein', q__note: null },
      { id: 3, q: 1, q__label: 'ja', q__note: null },
      { id: 4, q: 1, q__label: 'ja', q__note: null },
      { id: 5, q: 0, q__label: 'nein', q__note: null },
      { id: 6, q: null, q__label: null, q__note: 'keine Angabe' },
    ]);
    d.close();
  });
  it('stop at a code that is not declared', async () => {
    const sources = join(dir, 'data', 'sources.yaml');
    await writeFile(
      sources,
      (await readFile(sources, 'utf8')).replace('missing: { "9": keine Angabe }', 'missing: { "8": weiß nicht }'),
    );
    const r = await runCli('load', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/poll\.csv:7:5: column `q`: answer code `9` is not declared/);
    expect(r.stderr).toContain('declared codes: 0, 1, 8');
  });
});

describe('istsoll run after editing only a target', () => {
  it('does not load again', async () => {
    const project = await copyFixture('mini');
    const db = await tempDb();
    expect((await runCli('run', '--project', project, '--db', db, '--out', join(project, 'r.html'))).stderr).toContain(
      'load: 3 of 3 tables loaded',
    );
    expect(
      (await runCli('targets', 'set', 'agree', '--value', '85', '--year', '2030', '--project', project)).code,
    ).toBe(0);
    const again = await runCli('run', '--project', project, '--db', db, '--out', join(project, 'r.html'));
    expect(again.stderr).toContain('load: 3 tables unchanged, nothing reloaded');
    expect(again.stdout).toMatch(/agree\s+all\s+.*85\.0% \(2030\)/);
  });
});

describe('secondary suppression of survey cells', () => {
  it('hides the sibling whose weighted sums would give a hidden cell away', async () => {
    const project = await copyFixture('mini');
    const config = join(project, 'istsoll.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace('min_respondents: 1', 'min_respondents: 3'));
    const p = await readProject(project);
    const db = await tempDb();
    await loadProject(p, db);
    const survey = (await computeProject(p, db)).filter((v) => v.indicator === 'agree' && v.year === 2022);
    const cell = (nat?: string) => survey.find((v) => v.cell.nat === nat)!;
    // X has 2 respondents (primary); D's weighted sums with the total's would give X back: 5 − 2 of 8 − 4.
    expect(cell('X')).toMatchObject({ value: null, numerator: null, suppressed: true });
    expect(cell('D')).toMatchObject({ value: null, numerator: null, denominator: null });
    expect(noteOf(cell('D'))).toBe('suppressed: would reveal a suppressed neighbouring cell');
    expect(cell(undefined).value).toBeCloseTo(62.5, 9);
  });
});
