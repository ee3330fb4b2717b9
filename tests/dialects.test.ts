// Every dialect and sign convention of ../shared/reference/official-statistics-csv.md, each with a fixture
// file written like the real exports, loaded through the real load stage.
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Row } from '../src/core/database.js';
import { InputError } from '../src/core/errors.js';
import { loadProject } from '../src/load/load.js';
import { readProject } from '../src/core/project.js';
import { fixture, noteOf, words } from './helpers.js';

/** A one-source project around a fixture file; `entry` is the source's YAML without `file`. */
async function project(file: string, entry: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'istsoll-dialect-'));
  await mkdir(join(dir, 'data'));
  await mkdir(join(dir, 'indicators'));
  await copyFile(join(fixture('dialects'), file), join(dir, 'data', basename(file)));
  await writeFile(join(dir, 'istsoll.yaml'), 'title: { de: Test }\n');
  await writeFile(join(dir, 'indicators', 'fields.yaml'), 'fields: [{ id: f, title: { de: F } }]\n');
  await writeFile(
    join(dir, 'data', 'sources.yaml'),
    `sources:\n  t:\n    file: ${basename(file)}\n${entry.replace(/^/gm, '    ')}\n`,
  );
  return dir;
}

async function load(file: string, entry: string, sql = 'SELECT * FROM t ORDER BY ALL'): Promise<Row[]> {
  const dir = await project(file, entry);
  const db = join(dir, 'test.duckdb');
  await loadProject(await readProject(dir), db);
  const d = await openDatabase(db, { readOnly: true });
  try {
    return await d.query(sql);
  } finally {
    d.close();
  }
}

async function loadError(file: string, entry: string): Promise<InputError> {
  const error = await load(file, entry).then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('GENESIS table export (ISO-8859-1, title lines, three-row header, footnotes)', () => {
  const entry = 'year: stichtag\ngenesis: { dimensions: [nationality, sex], value: persons }';
  it('is reshaped into a tidy long table with the classic signs applied', async () => {
    const rows = await load(
      'genesis_bevoelkerung.csv',
      entry,
      "SELECT stichtag, ags, gemeinde, nationality, sex, persons, persons__note FROM t WHERE gemeinde = 'Lehrte' AND " +
        "nationality = 'Ausländer' ORDER BY ALL",
    );
    expect(rows).toEqual([
      {
        stichtag: 2023,
        ags: '03241011',
        gemeinde: 'Lehrte',
        nationality: 'Ausländer',
        sex: 'männlich',
        persons: 3102,
        persons__note: null,
      },
      {
        stichtag: 2023,
        ags: '03241011',
        gemeinde: 'Lehrte',
        nationality: 'Ausländer',
        sex: 'weiblich',
        persons: 3026,
        persons__note: null,
      },
      {
        stichtag: 2024,
        ags: '03241011',
        gemeinde: 'Lehrte',
        nationality: 'Ausländer',
        sex: 'männlich',
        persons: 3200,
        persons__note: 'provisional',
      },
      {
        stichtag: 2024,
        ags: '03241011',
        gemeinde: 'Lehrte',
        nationality: 'Ausländer',
        sex: 'weiblich',
        persons: 3110,
        persons__note: 'provisional',
      },
    ]);
  });
  it('keeps the meaning of every sign', async () => {
    const rows = await load(
      'genesis_bevoelkerung.csv',
      entry,
      "SELECT gemeinde, nationality, sex, persons, persons__note FROM t WHERE stichtag = 2024 AND ags <> '03241011' " +
        'ORDER BY ALL',
    );
    const note = (g: string, n: string, s: string) =>
      rows.find((r) => r.gemeinde === g && r.nationality === n && r.sex === s);
    expect(note('Barsinghausen', 'Insgesamt', 'männlich')).toMatchObject({
      persons: 17001,
      persons__note: 'limited-reliability',
    });
    expect(note('Barsinghausen', 'Deutsche', 'männlich')).toMatchObject({
      persons: null,
      persons__note: 'secret',
    });
    expect(note('Barsinghausen', 'Ausländer', 'weiblich')).toMatchObject({
      persons: null,
      persons__note: 'not-applicable',
    });
    expect(note('Gemeindefreies Gebiet', 'Deutsche', 'weiblich')).toMatchObject({ persons: 0, persons__note: null });
    expect(note('Gemeindefreies Gebiet', 'Ausländer', 'männlich')).toMatchObject({
      persons: null,
      persons__note: 'later',
    });
    expect(note('Gemeindefreies Gebiet', 'Ausländer', 'weiblich')).toMatchObject({
      persons: null,
      persons__note: 'unreliable',
    });
  });
  it('reads all 5 data rows × 6 value columns and nothing of the footer', async () => {
    expect(
      await load('genesis_bevoelkerung.csv', entry, 'SELECT count(*) AS n, count(DISTINCT gemeinde) AS places FROM t'),
    ).toEqual([{ n: 30, places: 3 }]);
  });
  it('says when the dimension names do not match the header levels', async () => {
    const error = await loadError('genesis_bevoelkerung.csv', 'year: stichtag\ngenesis: { dimensions: [sex] }');
    expect(error.format('en')).toContain(
      'genesis_bevoelkerung.csv:6: the table has 2 header level(s) above the values, but genesis.dimensions names 1',
    );
    expect(words(error.hint)).toBe('name one dimension per level, top down: [insgesamt, maennlich]');
  });
});

describe('plain CSV dialects', () => {
  it('UTF-8 with byte-order mark, decimal comma, thousands, a quoted line break, trailing spaces', async () => {
    const rows = await load('register_bom.csv', 'year: Jahr');
    expect(rows).toEqual([
      { Jahr: 2023, Ortsteil: 'Hämelerwald', Gruppe: 'mit', Anteil: 12.5, Personen: 1204, Bemerkung: null },
      {
        Jahr: 2023,
        Ortsteil: 'Röddensen',
        Gruppe: 'mit',
        Anteil: 3.25,
        Personen: 4,
        Bemerkung: 'Zuzug einer Familie\r\nim Dezember',
      },
      { Jahr: 2024, Ortsteil: 'Hämelerwald', Gruppe: 'mit', Anteil: 13, Personen: 1310, Bemerkung: null },
      { Jahr: 2024, Ortsteil: 'Röddensen', Gruppe: 'mit', Anteil: 4.5, Personen: 6, Bemerkung: null },
    ]);
  });
  it('Windows-1252 with the Employment Agency signs', async () => {
    const rows = await load(
      'ba_arbeitslose.csv',
      'year: Jahr\nmarkers: employment-agency',
      'SELECT Region, "Staatsangehörigkeit" AS s, Arbeitslose, Arbeitslose__note, Quote, Quote__note ' +
        'FROM t ORDER BY ALL',
    );
    expect(rows).toEqual([
      { Region: 'Lehrte', s: 'Ausländer', Arbeitslose: 612, Arbeitslose__note: null, Quote: 12.9, Quote__note: null },
      { Region: 'Lehrte', s: 'Deutsche', Arbeitslose: 1021, Arbeitslose__note: null, Quote: 4.1, Quote__note: null },
      {
        Region: 'Röddensen',
        s: 'Ausländer',
        Arbeitslose: 0,
        Arbeitslose__note: null,
        Quote: null,
        Quote__note: 'not-possible',
      },
      {
        Region: 'Röddensen',
        s: 'Deutsche',
        Arbeitslose: null,
        Arbeitslose__note: 'confidential',
        Quote: null,
        Quote__note: 'not-possible',
      },
    ]);
  });
  it('the GENESIS flat file (long layout) with its quality column', async () => {
    const rows = await load(
      'ffcsv_auslaender.csv',
      'year: time\nmarkers: official\nkey: [time, 1_variable_attribute_code, 2_variable_attribute_code]',
      'SELECT time, "2_variable_attribute_label" AS land, value, value__note, value_q FROM t ORDER BY ALL',
    );
    expect(rows).toEqual([
      { time: 2023, land: 'Syrien', value: 1104, value__note: null, value_q: 'e' },
      { time: 2023, land: 'Türkei', value: 812, value__note: null, value_q: 'e' },
      { time: 2024, land: 'Syrien', value: null, value__note: 'secret', value_q: '.' },
      { time: 2024, land: 'Türkei', value: 830, value__note: null, value_q: 'p' },
    ]);
  });
  it("Lower Saxony's letter code, where 0 is exactly zero", async () => {
    const rows = await load(
      'lsn_einbuergerungen.csv',
      'year: Jahr\nmarkers: lsn',
      'SELECT Jahr, "Einbürgerungen" AS n, "Einbürgerungen__note" AS note FROM t ORDER BY ALL',
    );
    expect(rows).toEqual([
      { Jahr: 2022, n: 0, note: null },
      { Jahr: 2023, n: 0, note: 'rounded' },
      { Jahr: 2024, n: null, note: 'secret' },
      { Jahr: 2025, n: 41, note: 'provisional' },
    ]);
  });
  it('own signs on top of a preset', async () => {
    const rows = await load(
      'ba_arbeitslose.csv',
      'year: Jahr\nmarkers: { preset: employment-agency, signs: { "*": { missing: unter 3 Fälle } } }',
      'SELECT Arbeitslose__note AS note FROM t WHERE Arbeitslose IS NULL',
    );
    expect(rows).toEqual([{ note: 'unter 3 Fälle' }]);
  });
  it('Parquet files, one or a folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'istsoll-parquet-'));
    const db = await openDatabase(':memory:');
    await mkdir(join(dir, 'parts'));
    await db.run(
      `COPY (SELECT 2024 AS year, 'Ahlten' AS district, 3150 AS persons) TO '${join(dir, 'parts', 'a.parquet')}' ` +
        `(FORMAT parquet)`,
    );
    await db.run(
      `COPY (SELECT 2025 AS year, 'Ahlten' AS district, 3170 AS persons) TO '${join(dir, 'parts', 'b.parquet')}' ` +
        `(FORMAT parquet)`,
    );
    db.close();
    const p = await project('empty.csv', 'year: year');
    await import('node:fs/promises').then((fs) =>
      fs.cp(join(dir, 'parts'), join(p, 'data', 'parts'), { recursive: true }),
    );
    await writeFile(join(p, 'data', 'sources.yaml'), 'sources:\n  t:\n    file: parts\n    year: year\n');
    const out = join(p, 'x.duckdb');
    await loadProject(await readProject(p), out);
    const d = await openDatabase(out, { readOnly: true });
    expect(await d.query('SELECT * FROM t ORDER BY year')).toEqual([
      { year: 2024, district: 'Ahlten', persons: 3150 },
      { year: 2025, district: 'Ahlten', persons: 3170 },
    ]);
    d.close();
  });
});

describe('checks', () => {
  it('a key delivered twice', async () => {
    const error = await loadError('opendata_doppelt.csv', 'year: year');
    expect(error.format('en')).toMatch(
      /opendata_doppelt\.csv:4: the key year = 2024, district = Haemelerwald is delivered 2 times \(lines 3 and 4\)/,
    );
  });
  it('mojibake from a wrong encoding', async () => {
    const error = await loadError('mojibake.csv', 'year: year');
    expect(error.format('en')).toContain(
      'mojibake.csv:2:2: column `district` holds `HÃ¤melerwald`, ' +
        'which looks like UTF-8 text decoded with the wrong encoding',
    );
  });
  it('a UTF-8 file declared as Latin-1', async () => {
    const error = await loadError('register_bom.csv', 'year: Jahr\ndialect: { encoding: latin-1 }');
    expect(error.message).toMatch(
      /the header holds `ï»¿Jahr`, which looks like UTF-8 text decoded with the wrong encoding/,
    );
  });
  it('an empty file', async () => {
    const error = await loadError('empty.csv', 'year: year');
    expect(error.format('en')).toMatch(
      /empty\.csv:1: the file is empty\n  hint: expected a header line and data rows for source `t`/,
    );
  });
  it('a value that is no number in a number column, with line and column', async () => {
    const error = await loadError(
      'bad_number.csv',
      'year: year\ncolumns: { year: INTEGER, district: VARCHAR, persons: INTEGER }',
    );
    expect(error.format('en')).toMatch(/bad_number\.csv:3:3: column `persons`: expected a whole number, found `3l50`/);
  });
  it('the same, with signs declared', async () => {
    const error = await loadError(
      'bad_number.csv',
      'year: year\nmarkers: official\ncolumns: { year: INTEGER, district: VARCHAR, persons: INTEGER }',
    );
    expect(error.format('en')).toMatch(
      /bad_number\.csv:3:3: column `persons`: expected a number or one of the signs 0 - \. x \.\.\. \/, found `3l50`/,
    );
  });
  it('a duplicate column', async () => {
    const error = await loadError('duplicate_column.csv', 'year: year');
    expect(error.format('en')).toMatch(/duplicate_column\.csv:1:4: column `district` appears twice in the header/);
  });
  it('a declared column that is missing, with a suggestion', async () => {
    const error = await loadError(
      'bad_number.csv',
      'year: year\ncolumns: { year: INTEGER, distrikt: VARCHAR, persons: INTEGER }',
    );
    expect(error.format('en')).toMatch(
      new RegExp(
        /sources\.yaml:\d+:\d+: column `distrikt` is declared but not in .*bad_number\.csv\n/.source +
          /  hint: did you mean `district`\?/.source,
      ),
    );
  });
  it('an extra column that is not declared', async () => {
    const error = await loadError('bad_number.csv', 'year: year\ncolumns: { year: INTEGER, persons: INTEGER }');
    expect(error.message).toMatch(/column `district` in .*bad_number\.csv is not declared/);
  });
});

describe('signs carry their meaning into indicator values', () => {
  it('a share over a secret or blocked cell is not computable, and says why', async () => {
    const dir = await project(
      'genesis_bevoelkerung.csv',
      'year: stichtag\ngenesis: { dimensions: [nationality, sex], value: persons }',
    );
    await writeFile(
      join(dir, 'indicators', 'share.yaml'),
      `id: share\ntitle: { de: Ausländeranteil }\nfield: f\nunit: percent\ndirection: higher\n` +
        `numerator: { table: t, expr: sum(persons), filter: "nationality = 'Ausländer'" }\n` +
        `denominator: { table: t, expr: sum(persons), filter: "nationality = 'Insgesamt'" }\n` +
        `by: [gemeinde]\nbaseline: 2023\ntargets: [{ year: 2030, value: 20 }]\n` +
        `department: Statistik\nsource: GENESIS\n`,
    );
    const p = await readProject(dir);
    const db = join(dir, 'test.duckdb');
    await loadProject(p, db);
    const { computeProject } = await import('../src/compute/compute.js');
    const values = await computeProject(p, db);
    const at = (year: number, gemeinde?: string) =>
      values.find((v) => v.year === year && v.cell.gemeinde === gemeinde)!;
    expect(at(2023, 'Lehrte').value).toBeCloseTo((6128 / 44918) * 100, 9);
    expect(at(2024, 'Barsinghausen').value).toBeNull();
    expect(noteOf(at(2024, 'Barsinghausen'))).toBe('not computable: source cell not applicable');
    expect(noteOf(at(2024, 'Lehrte'))).toBe('includes values marked provisional');
    expect(at(2024, 'Lehrte').value).toBeCloseTo((6310 / 45160) * 100, 9);
    // SQL names ignore case: `sum(PERSONS)` rests on the same marked cells.
    await writeFile(
      join(dir, 'indicators', 'share.yaml'),
      (
        await import('node:fs/promises').then((fs) => fs.readFile(join(dir, 'indicators', 'share.yaml'), 'utf8'))
      ).replaceAll('sum(persons)', 'sum(PERSONS)'),
    );
    const upper = await computeProject(await readProject(dir), db);
    const barsinghausen = upper.find((v) => v.year === 2024 && v.cell.gemeinde === 'Barsinghausen');
    expect(barsinghausen?.value).toBeNull();
    expect(noteOf(barsinghausen)).toBe('not computable: source cell not applicable');
    // The town total for 2024 rests on the blocked cells too.
    expect(noteOf(at(2024))).toBe(
      'not computable: source cell not yet available; not applicable; not reliable enough to publish',
    );
  });
});
