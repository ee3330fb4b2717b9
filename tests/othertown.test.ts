// A second town that shares nothing with the bundled example: district codes, nationality only, no
// survey, a GENESIS table export, the Employment Agency's signs and the weather method. The whole chain
// runs on it.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, IndicatorValue } from '../src/core/types.js';
import { fixture, noteOf, runCli } from './helpers.js';

const project = fixture('othertown');
let work: string;
let values: IndicatorValue[];
let comparisons: Comparison[];
const value = (indicator: string, year: number, cell: Record<string, string> = {}) =>
  values.find((v) => v.indicator === indicator && v.year === year && JSON.stringify(v.cell) === JSON.stringify(cell))!;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'istsoll-othertown-'));
  const db = join(work, 'db.duckdb');
  const compute = await runCli('compute', '--json', '--project', project, '--db', db);
  expect(compute.code).toBe(0);
  values = JSON.parse(compute.stdout);
  comparisons = JSON.parse((await runCli('compare', '--json', '--project', project, '--db', db)).stdout).comparisons;
});

describe('Neustadt am Testbach', () => {
  it('computes shares over district codes', () => {
    // 2019: 1,950 foreign nationals among 29,250 residents.
    expect(value('auslaenderanteil', 2019).value).toBeCloseTo((1950 / 29250) * 100, 9);
    expect(
      Object.keys(values.find((v) => v.indicator === 'auslaenderanteil' && Object.keys(v.cell).length)!.cell),
    ).toEqual(['Bezirk']);
    // District 01: 312 foreign nationals among 1,950 residents.
    expect(value('auslaenderanteil', 2019, { Bezirk: '01' }).value).toBeCloseTo((312 / 1950) * 100, 9);
  });

  it('matches a numerator from the Employment Agency with a denominator from the register', () => {
    // 2024, foreign nationals aged 18–64: 271 recipients of 1,439.
    expect(value('sgb2_quote', 2024, { Staatsang: 'A' }).value).toBeCloseTo((271 / 1439) * 100, 9);
  });

  it('carries the reasons of the signs into the values', () => {
    expect(value('sgb2_quote', 2020, { Staatsang: 'A', Bezirk: '01' }).value).toBeNull();
    expect(noteOf(value('sgb2_quote', 2020, { Staatsang: 'A', Bezirk: '01' }))).toBe(
      'not computable: source cell suppressed for confidentiality',
    );
    expect(value('ohne_abschluss', 2021, { nationalitaet: 'Ausländer' }).value).toBeNull();
    expect(noteOf(value('ohne_abschluss', 2021, { nationalitaet: 'Ausländer' }))).toBe(
      'not computable: source cell secret or unknown',
    );
    // 2019 from the GENESIS table: 14 of 100 foreign leavers without a certificate.
    expect(value('ohne_abschluss', 2019, { nationalitaet: 'Ausländer' }).value).toBeCloseTo(14, 9);
  });

  it('rates with the weather method, which needs four consecutive years', () => {
    expect(comparisons.every((c) => c.method === 'weather')).toBe(true);
    const leavers = comparisons.find((c) => c.indicator === 'ohne_abschluss')!;
    // 2021 is secret, so 2022–2024 is the longest run: too short for a rating.
    expect(leavers).toMatchObject({
      status: 'not_assessable',
      reason: expect.objectContaining({
        message: 'fewer than four consecutive yearly values in the last six years',
      }),
    });
    expect(comparisons.find((c) => c.indicator === 'sgb2_quote' && c.series === 'gap')).toMatchObject({
      direction: 'lower',
      target: { value: 6 },
    });
  });

  it('has no measures, and its output says nothing about them', async () => {
    const db = join(work, 'db.duckdb');
    const compare = JSON.parse((await runCli('compare', '--json', '--project', project, '--db', db)).stdout);
    expect(Object.keys(compare)).toEqual(['method', 'comparisons', 'indicators', 'fields', 'gaps']);
    const validate = await runCli('validate', '--project', project, '--db', db);
    expect(validate.stdout).toMatch(/^ok: 3 sources, 3 indicators, \d+ targets\n$/);
    expect(await runCli('measures', 'list', '--project', project)).toMatchObject({ code: 0, stdout: 'no measures\n' });
  });

  it('writes its report', async () => {
    const out = join(work, 'bericht.html');
    const r = await runCli(
      'report',
      '--project',
      project,
      '--db',
      join(work, 'db.duckdb'),
      '--out',
      out,
      '--no-history',
    );
    expect(r.code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('Integrationsbericht Neustadt am Testbach');
    expect(html).toContain('ausländische Staatsangehörigkeit');
    expect(html).toContain('Nach Stadtbezirk, 2024');
    // The project supplies borough boundaries: a map of the latest year, drawn as SVG in the file too.
    const map = html.slice(html.indexOf('figure-map'), html.indexOf('</figure>', html.indexOf('figure-map')));
    expect(map).toContain('<svg');
    expect(map.match(/<path/g)!.length).toBeGreaterThanOrEqual(10); // five grey areas and five coloured ones
    expect(html).toContain('Altstadt');
  });
});

describe('map boundaries', () => {
  it('turns GeoJSON outer rings clockwise and holes counter-clockwise, as d3-geo draws them', async () => {
    const { rewind } = await import('../src/report/charts/map.js');
    const ccw = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    const hole = [
      [0.2, 0.2],
      [0.2, 0.8],
      [0.8, 0.8],
      [0.8, 0.2],
      [0.2, 0.2],
    ];
    expect(rewind({ type: 'Polygon', coordinates: [ccw, hole] })).toEqual({
      type: 'Polygon',
      coordinates: [[...ccw].reverse(), [...hole].reverse()],
    });
    const cw = [...ccw].reverse();
    expect(rewind({ type: 'MultiPolygon', coordinates: [[cw]] })).toEqual({
      type: 'MultiPolygon',
      coordinates: [[cw]],
    });
  });
  it('a boundaries file without the named property is reported', async () => {
    const { cp } = await import('node:fs/promises');
    const copy = join(work, 'copy');
    await cp(project, copy, { recursive: true });
    const config = join(copy, 'istsoll.yaml');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(config, (await readFile(config, 'utf8')).replace('property: bezirk', 'property: code'));
    const r = await runCli('validate', '--project', copy, '--db', join(work, 'copy.duckdb'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/istsoll\.yaml:\d+:\d+: feature 1 of .*bezirke\.geojson has no property `code`/);
  });
});
