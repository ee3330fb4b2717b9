// The value cache: each kind of input is changed in turn, and exactly the indicators that depend on it are
// computed again; the rest come from the cache, byte for byte what a fresh computation gives.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { computeCached, computeProject } from '../src/compute/compute.js';
import { decodeValues, encodeValues, type ValueMemory } from '../src/compute/cache.js';
import { openDatabase } from '../src/core/database.js';
import { readProject } from '../src/core/project.js';
import type { IndicatorValue } from '../src/core/types.js';
import { loadProject } from '../src/load/load.js';
import { setTarget } from '../src/cli/targets.js';
import { copyFixture, fixture, root, runCli, tempDb } from './helpers.js';

const version = vi.hoisted(() => ({ current: '0.1.0-test' }));
vi.mock('../src/core/version.js', async (original) => ({
  ...(await original<typeof import('../src/core/version.js')>()),
  istsollVersion: () => version.current,
}));

let dir: string;
let db: string;

/** What `istsoll run` does before it compares: load what changed, then compute with the cache. */
async function rerun() {
  const project = await readProject(dir);
  await loadProject(project, db);
  const result = await computeCached(project, db);
  // Whatever came from the cache, the values are those of a computation from scratch.
  expect(result.values).toStrictEqual(await computeProject(project, db));
  return { computed: result.computed, cached: result.cached };
}

async function edit(file: string, from: string | RegExp, to: string): Promise<void> {
  const path = join(dir, file);
  // The GENESIS export is Latin-1; everything else is UTF-8.
  const encoding = file.includes('genesis') ? 'latin1' : 'utf8';
  const text = await readFile(path, encoding);
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  await writeFile(path, next, encoding);
}

async function cacheRows(): Promise<string[]> {
  const handle = await openDatabase(db, { readOnly: true });
  try {
    return (await handle.query<{ indicator: string }>('SELECT indicator FROM _istsoll_values ORDER BY 1')).map(
      (r) => r.indicator,
    );
  } finally {
    handle.close();
  }
}

const all = ['auslaenderanteil', 'ohne_abschluss', 'sgb2_quote'];

describe('the value cache', () => {
  beforeAll(async () => {
    dir = await copyFixture('othertown');
    db = await tempDb();
  });

  it('computes everything the first time and nothing when nothing changed', async () => {
    expect(await rerun()).toEqual({ computed: all, cached: [] });
    expect(await rerun()).toEqual({ computed: [], cached: all });
  });

  it('computes nothing after a target is changed', async () => {
    await setTarget(await readProject(dir), { indicator: 'sgb2_quote', year: 2030, value: 9.5 });
    expect(await rerun()).toEqual({ computed: [], cached: all });
  });

  it('computes nothing after a measure is added or changed', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'measures'));
    const measure = (status: string) =>
      `field: bevoelkerung\nmeasures:\n  - id: beratung\n    title: { de: Beratung }\n    responsible: Amt\n` +
      `    start: 2025\n    status: ${status}\n    indicators: [auslaenderanteil]\n    updated: { date: 2026-01-02 }\n`;
    await writeFile(join(dir, 'measures', 'bevoelkerung.yaml'), measure('geplant'));
    expect(await rerun()).toEqual({ computed: [], cached: all });
    await writeFile(join(dir, 'measures', 'bevoelkerung.yaml'), measure('laufend'));
    expect(await rerun()).toEqual({ computed: [], cached: all });
  });

  it('computes an indicator again after its SQL, unit or disaggregation changed, and only that one', async () => {
    await edit('indicators/auslaenderanteil.yaml', `filter: "Staatsang = 'A'"`, `filter: "Staatsang <> 'D'"`);
    expect(await rerun()).toEqual({ computed: ['auslaenderanteil'], cached: ['ohne_abschluss', 'sgb2_quote'] });
    await edit('indicators/auslaenderanteil.yaml', 'unit: percent', 'unit: per_1000');
    expect(await rerun()).toEqual({ computed: ['auslaenderanteil'], cached: ['ohne_abschluss', 'sgb2_quote'] });
    await edit('indicators/sgb2_quote.yaml', 'by: [Staatsang, Bezirk]', 'by: [Staatsang]');
    expect(await rerun()).toEqual({ computed: ['sgb2_quote'], cached: ['auslaenderanteil', 'ohne_abschluss'] });
    // The cache keeps one entry per indicator: the one the latest run used.
    expect(await cacheRows()).toEqual(all);
  });

  it('still checks the groups that targets name against the data when the values come from the cache', async () => {
    await edit('indicators/ohne_abschluss.yaml', 'group: Ausländer', 'group: Auslaender');
    const project = await readProject(dir);
    await expect(computeCached(project, db)).rejects.toMatchObject({
      reason: { code: 'group-not-in-data', group: 'Auslaender' },
    });
    await edit('indicators/ohne_abschluss.yaml', 'group: Auslaender', 'group: Ausländer');
    expect(await rerun()).toEqual({ computed: [], cached: all });
  });

  it('does not compute an indicator again for a change of its words', async () => {
    await edit('indicators/auslaenderanteil.yaml', 'Anteil ausländischer', 'Anteil der ausländischen');
    expect(await rerun()).toEqual({ computed: [], cached: all });
  });

  it('computes the indicators that read a data file again after it changed', async () => {
    await edit('data/sgb2.csv', '2019;01;A;42', '2019;01;A;43');
    expect(await rerun()).toEqual({ computed: ['sgb2_quote'], cached: ['auslaenderanteil', 'ohne_abschluss'] });
    await edit('data/bestand.csv', '2019;01;A;u18;64', '2019;01;A;u18;65');
    expect(await rerun()).toEqual({ computed: ['auslaenderanteil', 'sgb2_quote'], cached: ['ohne_abschluss'] });
  });

  it('computes the indicators of a source again after its entry in sources.yaml changed', async () => {
    await edit(
      'data/sources.yaml',
      'genesis: { dimensions',
      'dialect: { delimiter: ";", encoding: latin-1 }\n    genesis: { dimensions',
    );
    expect(await rerun()).toEqual({ computed: ['ohne_abschluss'], cached: ['auslaenderanteil', 'sgb2_quote'] });
  });

  it('computes everything again after the suppression rules changed', async () => {
    await edit('istsoll.yaml', 'method: weather', 'method: weather\nsuppression: { min_count: 3 }');
    expect(await rerun()).toEqual({ computed: all, cached: [] });
  });

  it('drops the cache of another version of istsoll', async () => {
    version.current = '0.1.1-test';
    expect(await rerun()).toEqual({ computed: all, cached: [] });
    expect(await rerun()).toEqual({ computed: [], cached: all });
  });

  it('forgets an indicator that was removed', async () => {
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, 'indicators', 'ohne_abschluss.yaml'));
    expect(await rerun()).toEqual({ computed: [], cached: ['auslaenderanteil', 'sgb2_quote'] });
    expect(await cacheRows()).toEqual(['auslaenderanteil', 'sgb2_quote']);
  });
});

describe('validate', () => {
  it('still computes in memory and writes nothing, the cache included', async () => {
    const folder = await copyFixture('othertown');
    const path = await tempDb();
    await loadProject(await readProject(folder), path);
    await computeCached(await readProject(folder), path);
    const before = await readFile(path);
    const r = await runCli('validate', '--project', folder, '--db', path);
    expect(r.code).toBe(0);
    expect((await readFile(path)).equals(before)).toBe(true);
  });
});

describe('cached values', () => {
  it('are the values of the example as computed, survey estimates included, byte for byte', async () => {
    const project = await readProject(root);
    const path = await tempDb();
    await loadProject(project, path);
    const fresh = await computeProject(project, path);
    expect((await computeCached(project, path)).computed).toHaveLength(project.indicators.length);
    const cached = await computeCached(project, path);
    expect(cached.computed).toEqual([]);
    expect(cached.values).toStrictEqual(fresh);
    expect(JSON.stringify(cached.values)).toBe(JSON.stringify(fresh));
  });

  it('give the CLI the same JSON as a run that computed them', async () => {
    const db = await tempDb();
    const outputs = [];
    for (let run = 0; run < 2; run++)
      outputs.push([
        (await runCli('compute', '--json', '--project', root, '--db', db)).stdout,
        (await runCli('compare', '--json', '--project', root, '--db', db)).stdout,
      ]);
    expect(outputs[0]![0]).toContain('"indicator"');
    expect(outputs[1]).toEqual(outputs[0]);
  });

  it('come from memory for a caller that keeps them, without sharing objects between runs', async () => {
    const project = await readProject(fixture('othertown'));
    const path = await tempDb();
    const memory: ValueMemory = new Map();
    const run = async () => {
      const loaded = await loadProject(project, path);
      return computeCached(project, path, { tables: new Map(loaded.tables.map((t) => [t.name, t.hash])), memory });
    };
    expect((await run()).computed).toEqual(all);
    expect(memory.size).toBe(all.length);
    const first = await run();
    expect(first.cached).toEqual(all);
    expect(first.values).toStrictEqual(await computeProject(project, path));
    first.values[0]!.value = -1;
    expect((await run()).values[0]!.value).not.toBe(-1);
  });

  it('keep what JSON alone would lose: keys set to undefined, -0, NaN and infinities', () => {
    const value: IndicatorValue = {
      indicator: 'x',
      year: 2024,
      cell: {},
      value: -0,
      numerator: Number.NaN,
      denominator: Number.POSITIVE_INFINITY,
      se: undefined,
      notes: [],
    };
    const back = decodeValues(encodeValues([value]));
    expect(back).toStrictEqual([value]);
    expect(Object.is(back[0]!.value, -0)).toBe(true);
    expect('se' in back[0]!).toBe(true);
  });
});
