// The bundled example: the generator is deterministic and plausible, and every YAML file of the example
// project is valid and its SQL runs against the generated tables.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultSeed, generateExample, writeExample, writePersons } from '../scripts/generate-example.js';
import { Fields, Indicator, ProjectConfig, Sources, type Aggregate } from '../src/core/schema.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readYaml = async (path: string): Promise<unknown> => parse(await readFile(join(root, path), 'utf8'));

let dir: string;
let files: Record<string, string>;
let db: DuckDBConnection;
let sources: Sources['sources'];
let indicators: Indicator[];

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const rows = (await db.runAndReadAll(sql)).getRowObjectsJS();
  return rows.map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'istsoll-example-'));
  await writeExample(dir);
  files = generateExample();
  sources = Sources.parse(await readYaml('data/sources.yaml')).sources;
  const names = (await readdir(join(root, 'indicators'))).filter((f) => f.endsWith('.yaml') && f !== 'fields.yaml');
  indicators = await Promise.all(names.map(async (f) => Indicator.parse(await readYaml(join('indicators', f)))));
  db = await (await DuckDBInstance.create(':memory:')).connect();
  for (const [table, source] of Object.entries(sources)) {
    await db.run(
      `CREATE TABLE ${table} AS SELECT * FROM read_csv('${join(dir, source.file)}', delim=';', header=true)`,
    );
  }
});

afterAll(async () => {
  db?.closeSync();
  await rm(dir, { recursive: true, force: true });
});

describe('generator', () => {
  it('gives the same bytes for the same seed and other bytes for another', async () => {
    expect(generateExample(defaultSeed)).toEqual(files);
    const other = generateExample(defaultSeed + 1);
    expect(Object.keys(other)).toEqual(Object.keys(files));
    expect(other['bevoelkerung.csv']).not.toEqual(files['bevoelkerung.csv']);
    expect(other['buergerbefragung.csv']).not.toEqual(files['buergerbefragung.csv']);
    for (const [name, text] of Object.entries(files)) expect(await readFile(join(dir, name), 'utf8'), name).toBe(text);
  });

  it('writes ;-separated UTF-8 with LF line endings and modest sizes', () => {
    const bytes = Object.values(files).reduce((n, text) => n + Buffer.byteLength(text), 0);
    expect(bytes).toBeLessThan(2_000_000);
    for (const text of Object.values(files)) {
      expect(text).not.toContain('\r');
      expect(text.endsWith('\n')).toBe(true);
      const [header, ...lines] = text.trimEnd().split('\n');
      const width = header!.split(';').length;
      expect(lines.filter((line) => line.split(';').length !== width)).toEqual([]);
    }
    expect(files['bevoelkerung.csv']).toContain('Hämelerwald');
  });

  it('writes a person-level extract in a stream, deterministically', async () => {
    const [a, b] = [join(dir, 'persons-a.csv'), join(dir, 'persons-b.csv')];
    await writePersons(a, 20_000);
    await writePersons(b, 20_000);
    const text = await readFile(a, 'utf8');
    expect(await readFile(b, 'utf8')).toBe(text);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('year;person_id;district;sex;age;migration;nationality');
    expect(lines).toHaveLength(20_001);
    expect(lines.filter((l) => l.endsWith(';ohne;nichtdeutsch'))).toHaveLength(0);
  });
});

describe('example tables', () => {
  it('has about 45,000 residents in 2025 in ten districts, two of them small', async () => {
    const rows = await query(
      `SELECT ortschaft, sum(personen) AS n FROM bevoelkerung WHERE berichtsjahr = 2025 GROUP BY ortschaft`,
    );
    expect(rows).toHaveLength(10);
    const total = rows.reduce((n, r) => n + (r.n as number), 0);
    expect(total).toBeGreaterThan(43_000);
    expect(total).toBeLessThan(47_000);
    const size = (name: string) => rows.find((r) => r.ortschaft === name)?.n as number;
    expect(size('Lehrte') / total).toBeGreaterThan(0.45);
    for (const small of ['Kolshorn', 'Röddensen']) {
      expect(size(small)).toBeGreaterThan(200);
      expect(size(small)).toBeLessThan(1000);
    }
  });

  it('has a share with a migration history of 25–30 %, rising', async () => {
    const rows = await query(
      `SELECT berichtsjahr, sum(personen) FILTER (WHERE migrationshintergrund = 'mit') / sum(personen) AS share FROM ` +
        `bevoelkerung GROUP BY berichtsjahr ORDER BY berichtsjahr`,
    );
    expect(rows).toHaveLength(11);
    expect(rows[0]!.share).toBeGreaterThan(0.22);
    expect(rows.at(-1)!.share).toBeLessThan(0.31);
    expect(rows.at(-1)!.share).toBeGreaterThan(rows[0]!.share as number);
    expect(
      await query(
        `SELECT * FROM bevoelkerung WHERE staatsangehoerigkeit = 'nichtdeutsch' AND migrationshintergrund = 'ohne'`,
      ),
    ).toHaveLength(0);
  });

  it('never counts more children in day care, or workers, than live there', async () => {
    const daycare = await query(`
      SELECT d.kinder, p.n FROM kindertagesbetreuung d
      JOIN (SELECT berichtsjahr, ortschaft, altersband, migrationshintergrund, sum(personen) AS n
            FROM bevoelkerung GROUP BY ALL) p
        USING (berichtsjahr, ortschaft, altersband, migrationshintergrund)`);
    expect(daycare).toHaveLength(11 * 10 * 2 * 2);
    for (const r of daycare) expect(r.kinder).toBeLessThanOrEqual(r.n as number);
    const work = await query(`
      SELECT e.beschaeftigte + e.arbeitslose AS busy, p.n FROM beschaeftigung e
      JOIN (SELECT berichtsjahr, ortschaft, geschlechtsangabe, migrationshintergrund, sum(personen) AS n
            FROM bevoelkerung
            WHERE altersband IN ('15-17', '18-24', '25-44', '45-64') GROUP BY ALL) p
        USING (berichtsjahr, ortschaft, geschlechtsangabe, migrationshintergrund)`);
    expect(work).toHaveLength(11 * 10 * 2 * 2);
    for (const r of work) expect(r.busy).toBeLessThanOrEqual(r.n as number);
  });

  it('has survey waves of about 2,000 with positive weights and unique ids', async () => {
    const waves = await query(`
      SELECT befragungsjahr, count(*) AS n, count(DISTINCT befragten_nr) AS ids,
        min(gewicht) AS low, max(gewicht) AS high,
        count(*) FILTER (WHERE (migrationshintergrund = 'ohne') <> (deutsch_selbsteinschaetzung IS NULL)) AS misplaced
      FROM buergerbefragung GROUP BY befragungsjahr ORDER BY befragungsjahr`);
    expect(waves.map((w) => w.befragungsjahr)).toEqual([2019, 2022, 2025]);
    for (const w of waves) {
      expect(w.n).toBeGreaterThan(1800);
      expect(w.n).toBeLessThan(2200);
      expect(w.ids).toBe(w.n);
      expect(w.low).toBeGreaterThan(0);
      expect(w.high).toBeGreaterThan(2 * (w.low as number));
      expect(w.misplaced).toBe(0);
    }
    const small = await query(
      `SELECT count(*) AS n FROM buergerbefragung WHERE befragungsjahr = 2025 AND ortschaft = 'Röddensen'`,
    );
    expect(small[0]!.n).toBeLessThan(100);
  });
});

describe('example project files', () => {
  it('match the schemas', async () => {
    const config = ProjectConfig.parse(await readYaml('istsoll.yaml'));
    expect(Object.keys(config.labels.migrationshintergrund ?? {})).toEqual(['mit', 'ohne']);
    const fields = Fields.parse(await readYaml('indicators/fields.yaml')).fields;
    expect(fields.map((f) => f.id)).toEqual([
      'sprache',
      'diskriminierung',
      'arbeit',
      'freizeit',
      'bildung',
      'demokratie',
      'gesundheit',
      'wohnen',
      'verwaltung',
    ]);
    expect(indicators.length).toBeGreaterThanOrEqual(16);
    expect(new Set(indicators.map((i) => i.field)).size).toBeGreaterThanOrEqual(8);
    for (const ind of indicators) expect(fields.map((f) => f.id)).toContain(ind.field);
    expect(indicators.flatMap((i) => i.targets).filter((t) => t.gap !== undefined).length).toBeGreaterThanOrEqual(3);
  });

  it('name one source per generated file, with the file stem as table name', () => {
    expect(Object.keys(files).sort()).toEqual(
      Object.values(sources)
        .map((s) => s.file)
        .sort(),
    );
    for (const [table, source] of Object.entries(sources)) expect(source.file).toBe(`${table}.csv`);
  });

  it('have indicator SQL that runs and gives sane values', async () => {
    for (const ind of indicators) {
      for (const by of [[], ind.groups ? [ind.groups.column] : [], ind.by]) {
        const rows = await computeValues(ind, by);
        expect(rows.length, ind.id).toBeGreaterThan(0);
        const max = ind.unit === 'percent' ? 100 : ind.unit === 'per_1000' ? 1000 : Infinity;
        for (const r of rows) {
          if (r.value === null) continue;
          expect(r.value, `${ind.id} ${JSON.stringify(r)}`).toBeGreaterThanOrEqual(0);
          expect(r.value, `${ind.id} ${JSON.stringify(r)}`).toBeLessThanOrEqual(max);
        }
        if (by.length === 0)
          expect(
            rows.some((r) => r.year === ind.baseline),
            `${ind.id} has its baseline year`,
          ).toBe(true);
      }
    }
  });
});

/**
 * The engine's semantics, written out plainly: each side is aggregated by its table's period column and
 * `by`, the sides are matched on those, and value = numerator / denominator × the unit's scale. With a
 * survey weight, count(*) becomes sum(w) and sum(e) becomes sum(w * e).
 */
async function computeValues(ind: Indicator, by: string[]): Promise<{ year: number; value: number | null }[]> {
  const side = (agg: Aggregate) => {
    const expr = ind.weight
      ? `sum(${ind.weight} * ${/^count\(\*\)$/i.test(agg.expr) ? '1' : agg.expr.replace(/^sum\((.*)\)$/i, '($1)')})`
      : agg.expr;
    const keys = [`${sources[agg.table]!.year} AS year`, ...by].join(', ');
    return `SELECT ${keys}, ${expr} AS v FROM ${agg.table}${agg.filter ? ` WHERE ${agg.filter}` : ''} GROUP BY ALL`;
  };
  const scale = { percent: 100, per_1000: 1000, count: 1, mean: 1, ratio: 1, total: 1 }[ind.unit];
  const sql = ind.denominator
    ? `WITH num AS (${side(ind.numerator)}), den AS (${side(ind.denominator)})
       SELECT year, ${scale} * coalesce(num.v, 0) / nullif(den.v, 0) AS value
       FROM den LEFT JOIN num USING (${['year', ...by].join(', ')})`
    : `SELECT year, v AS value FROM (${side(ind.numerator)})`;
  return (await query(sql)) as { year: number; value: number | null }[];
}
