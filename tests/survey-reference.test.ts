// Survey estimates and their standard errors against the published outputs of R's `survey` package
// (Thomas Lumley) on its own reference data: `apistrat`, `apiclus1` and `fpc` (tests/fixtures/
// survey-reference/README.md names each source: tests/api.Rout.save, the vignette survey.tex,
// tests/fpc.Rout.save and domain.Rout.save). Every figure must agree to 4 significant digits.
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeProject } from '../src/compute/compute.js';
import { loadProject } from '../src/load/load.js';
import type { IndicatorValue } from '../src/core/types.js';
import { readProject } from '../src/core/project.js';
import { fixture } from './helpers.js';

interface Case {
  id: string;
  source: string;
  unit: 'mean' | 'ratio' | 'total';
  numerator: string;
  denominator?: string;
  filter?: string;
  by?: string;
}

/** A project over one reference file with the given design, and one indicator per case. */
async function estimate(
  file: string,
  design: string,
  cases: Case[],
  edit?: (text: string) => string,
): Promise<IndicatorValue[]> {
  const dir = await mkdtemp(join(tmpdir(), 'istsoll-svyref-'));
  await mkdir(join(dir, 'data'));
  await mkdir(join(dir, 'indicators'));
  if (edit)
    await writeFile(join(dir, 'data', file), edit(await readFile(join(fixture('survey-reference'), file), 'utf8')));
  else await copyFile(join(fixture('survey-reference'), file), join(dir, 'data', file));
  await writeFile(
    join(dir, 'istsoll.yaml'),
    'title: { de: Referenz }\nsuppression: { min_count: 0, min_respondents: 0, flag_respondents: 0 }\n',
  );
  await writeFile(join(dir, 'indicators', 'fields.yaml'), 'fields: [{ id: f, title: { de: F } }]\n');
  await writeFile(
    join(dir, 'data', 'sources.yaml'),
    `sources:\n  d:\n    file: ${file}\n    year: 2000\n    dialect: { missing: ["NA"] }\n` +
      `${design.replace(/^/gm, '    ')}\n`,
  );
  for (const c of cases) {
    const filter = c.filter ? `, filter: ${JSON.stringify(c.filter)}` : '';
    await writeFile(
      join(dir, 'indicators', `${c.id}.yaml`),
      `id: ${c.id}\ntitle: { de: ${c.id} }\nfield: f\nunit: ${c.unit}\ndirection: higher\nweight: ${c.source}\n` +
        `numerator: { table: d, expr: ${JSON.stringify(c.numerator)}${filter} }\n` +
        (c.unit === 'total'
          ? ''
          : `denominator: { table: d, expr: ${JSON.stringify(c.denominator ?? 'count(*)')}${filter} }\n`) +
        `by: [${c.by ?? ''}]\nbaseline: 1999\ntargets: [{ year: 2030, value: 1 }]\ndepartment: R\nsource: survey\n`,
    );
  }
  const project = await readProject(dir);
  const db = join(dir, 'ref.duckdb');
  await loadProject(project, db);
  return computeProject(project, db);
}

const at = (values: IndicatorValue[], id: string, cell: Record<string, string> = {}) =>
  values.find((v) => v.indicator === id && JSON.stringify(v.cell) === JSON.stringify(cell))!;

/** Agreement to `digits` significant digits, as the published figure is printed. */
function expectSignificant(actual: number | null | undefined, published: number, digits = 4): void {
  expect(actual).not.toBeNull();
  const scale = 10 ** (Math.floor(Math.log10(Math.abs(published))) - digits + 1);
  expect(Math.abs(actual! - published)).toBeLessThanOrEqual(scale / 2);
}

describe('apistrat: stratified by school type, with finite population correction', () => {
  let values: IndicatorValue[];
  beforeAll(async () => {
    values = await estimate('apistrat.csv', 'weight: pw\nstrata: stype\nfpc: fpc\nid: snum', [
      { id: 'api00', source: 'pw', unit: 'mean', numerator: 'sum(api00)' },
    ]);
  });
  it('svymean(~api00, dstrat) = 662.29, SE 9.4089 (tests/api.Rout.save)', () => {
    expectSignificant(at(values, 'api00').value, 662.29, 5);
    expectSignificant(at(values, 'api00').se, 9.4089, 5);
  });
});

describe('apistrat: weights only', () => {
  let values: IndicatorValue[];
  beforeAll(async () => {
    values = await estimate('apistrat.csv', 'weight: pw\nid: snum', [
      { id: 'api00', source: 'pw', unit: 'mean', numerator: 'sum(api00)', by: 'stype' },
      { id: 'growth', source: 'pw', unit: 'ratio', numerator: 'sum(api00)', denominator: 'sum(api99)' },
    ]);
  });
  it('svymean(~api00) = 662.2874, SE 9.585429', () => {
    expectSignificant(at(values, 'api00').value, 662.2874);
    expectSignificant(at(values, 'api00').se, 9.585429);
  });
  it('svyby(~api00, ~stype, svymean): E 674.43 (12.49343), H 625.82 (15.34078), M 636.60 (16.50239)', () => {
    expectSignificant(at(values, 'api00', { stype: 'E' }).value, 674.43);
    expectSignificant(at(values, 'api00', { stype: 'E' }).se, 12.49343);
    expectSignificant(at(values, 'api00', { stype: 'H' }).se, 15.34078);
    expectSignificant(at(values, 'api00', { stype: 'M' }).value, 636.6);
    expectSignificant(at(values, 'api00', { stype: 'M' }).se, 16.50239);
  });
  it('svyratio(~api00, ~api99) = 1.052261, SE 0.00379243', () => {
    expectSignificant(at(values, 'growth').value, 1.052261);
    expectSignificant(at(values, 'growth').se, 0.00379243);
  });
});

describe('apiclus1: one-stage cluster sample of school districts, with finite population correction', () => {
  let values: IndicatorValue[];
  beforeAll(async () => {
    values = await estimate('apiclus1.csv', 'weight: pw\ncluster: dnum\nfpc: fpc\nid: snum', [
      { id: 'api00', source: 'pw', unit: 'mean', numerator: 'sum(api00)' },
      { id: 'students', source: 'pw', unit: 'ratio', numerator: 'sum("api.stu")', denominator: 'sum(enroll)' },
      { id: 'ell', source: 'pw', unit: 'mean', numerator: 'sum(ell)', by: 'stype' },
      {
        id: 'high',
        source: 'pw',
        unit: 'ratio',
        numerator: 'sum("api.stu")',
        denominator: 'sum(enroll)',
        filter: "stype = 'H'",
      },
    ]);
  });
  it('svymean(~api00, dclus1) = 644.17, SE 23.542 (tests/api.Rout.save)', () => {
    expectSignificant(at(values, 'api00').value, 644.17, 5);
    expectSignificant(at(values, 'api00').se, 23.542, 5);
  });
  it('svyratio(~api.stu, ~enroll, dclus1) = 0.8497087, SE 0.008386297 (vignette)', () => {
    expectSignificant(at(values, 'students').value, 0.8497087);
    expectSignificant(at(values, 'students').se, 0.008386297);
  });
  it('the same ratio in the domain stype == "H": 0.8300683, SE 0.01472607 (vignette)', () => {
    expectSignificant(at(values, 'high').value, 0.8300683);
    expectSignificant(at(values, 'high').se, 0.01472607);
  });
  it('svyby(~ell, ~stype, dclus1, svymean): E 29.69444 (1.411617), H 15 (5.347065), M 22.68 (2.952862)', () => {
    expectSignificant(at(values, 'ell', { stype: 'E' }).value, 29.69444);
    expectSignificant(at(values, 'ell', { stype: 'E' }).se, 1.411617);
    expectSignificant(at(values, 'ell', { stype: 'H' }).se, 5.347065);
    expectSignificant(at(values, 'ell', { stype: 'M' }).value, 22.68);
    expectSignificant(at(values, 'ell', { stype: 'M' }).se, 2.952862);
  });
});

describe('fpc: strata and clusters nested in them', () => {
  const mean = { id: 'x', source: 'weight', unit: 'mean' as const, numerator: 'sum(x)' };
  // The file names two columns `nh` and `Nh`; SQL names ignore case, so the copy calls the second `N_h`.
  const rename = (text: string) => text.replace('"nh","Nh"', '"nh","N_h"');
  const design = 'weight: weight\nstrata: stratid\ncluster: psuid';
  it('without fpc: 5.4481, SE 0.7413 (tests/fpc.Rout.save)', async () => {
    const values = await estimate('survey_fpc.csv', design, [mean], rename);
    expectSignificant(at(values, 'x').value, 5.4481);
    expectSignificant(at(values, 'x').se, 0.7413);
  });
  it('with fpc = Nh, the population of clusters per stratum: SE 0.616', async () => {
    const values = await estimate('survey_fpc.csv', `${design}\nfpc: N_h`, [mean], rename);
    expectSignificant(at(values, 'x').se, 0.616, 3);
  });
  it('the domain x > 4 as a ratio: 6.195, SE 0.7555129 (tests/domain.Rout.save)', async () => {
    const values = await estimate('survey_fpc.csv', design, [{ ...mean, filter: 'x > 4' }], rename);
    expectSignificant(at(values, 'x').value, 6.195);
    expectSignificant(at(values, 'x').se, 0.7555129);
  });
  it('the file as it is: two column names that differ only in case are reported', async () => {
    const error = await estimate('survey_fpc.csv', design, [mean]).catch((e) => e);
    expect(error.format('en')).toMatch(
      /survey_fpc\.csv:1:6: column `Nh` appears twice in the header \(as `nh` in column 5; names ignore case\)/,
    );
  });
});

describe("totals (unit: total, R's svytotal)", () => {
  it('svytotal(~enroll, dstrat, na.rm=TRUE) = 3687178, SE 114642: strata, finite population correction', async () => {
    const values = await estimate('apistrat.csv', 'weight: pw\nstrata: stype\nfpc: fpc\nid: snum', [
      { id: 'enroll', source: 'pw', unit: 'total', numerator: 'sum(enroll)' },
    ]);
    expectSignificant(at(values, 'enroll').value, 3687178, 7);
    expectSignificant(at(values, 'enroll').se, 114642, 6);
  });
  it('svytotal(~enroll, dclus1) = 3404940, SE 932235; ~stype: E 4873.97 (1333.32), H 473.86 (158.70)', async () => {
    const values = await estimate('apiclus1.csv', 'weight: pw\ncluster: dnum\nfpc: fpc\nid: snum', [
      { id: 'enroll', source: 'pw', unit: 'total', numerator: 'sum(enroll)' },
      { id: 'elementary', source: 'pw', unit: 'total', numerator: 'count(*)', filter: "stype = 'E'" },
      { id: 'high', source: 'pw', unit: 'total', numerator: 'count(*)', filter: "stype = 'H'" },
    ]);
    expectSignificant(at(values, 'enroll').value, 3404940, 7);
    expectSignificant(at(values, 'enroll').se, 932235, 6);
    expectSignificant(at(values, 'elementary').value, 4873.97, 6);
    expectSignificant(at(values, 'elementary').se, 1333.32, 6);
    expectSignificant(at(values, 'high').value, 473.86, 5);
    expectSignificant(at(values, 'high').se, 158.7, 5);
  });
});
