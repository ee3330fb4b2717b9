// Files as towns really get them (tests/fixtures/realworld, see its MANIFEST.md): a district-level
// Regionaldatenbank export, a city open-data file, an R write.csv survey and single quirks. For each
// quirk: the correct loaded value, or the error at its line and column. The expected facts are read
// from the fixtures' *.facts.json, which the generators computed independently of istsoll.
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { renderInspection } from '../src/cli/inspect.js';
import { openDatabase, type Row } from '../src/core/database.js';
import { InputError } from '../src/core/errors.js';
import { say } from '../src/core/messages/index.js';
import { readProject } from '../src/core/project.js';
import { inspectFile } from '../src/load/inspect.js';
import { loadProject } from '../src/load/load.js';
import { fixture, runCli } from './helpers.js';

const dir = fixture('realworld');
const facts = async <T>(name: string): Promise<T> => JSON.parse(await readFile(join(dir, name), 'utf8')) as T;

/** A project of one source `t` around a fixture file; `entry` is the source's YAML entry without `file`. */
async function project(file: string, entry: Record<string, unknown>, indicators: Record<string, string> = {}) {
  const root = await mkdtemp(join(tmpdir(), 'istsoll-realworld-'));
  await mkdir(join(root, 'data'));
  await mkdir(join(root, 'indicators'));
  await copyFile(join(dir, file), join(root, 'data', file));
  await writeFile(join(root, 'istsoll.yaml'), 'title: { de: Test }\n');
  await writeFile(join(root, 'indicators', 'fields.yaml'), 'fields: [{ id: f, title: { de: F } }]\n');
  await writeFile(join(root, 'data', 'sources.yaml'), stringify({ sources: { t: { file, ...entry } } }));
  for (const [name, text] of Object.entries(indicators)) await writeFile(join(root, 'indicators', name), text);
  return root;
}

async function load(file: string, entry: Record<string, unknown>, sql: string): Promise<Row[]> {
  const root = await project(file, entry);
  const db = join(root, 't.duckdb');
  await loadProject(await readProject(root), db);
  const d = await openDatabase(db, { readOnly: true });
  try {
    return await d.query(sql);
  } finally {
    d.close();
  }
}

async function loadError(file: string, entry: Record<string, unknown>): Promise<string> {
  const root = await project(file, entry);
  const error = await loadProject(await readProject(root), join(root, 't.duckdb')).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).format('en');
}

describe('a district-level Regionaldatenbank export (ISO-8859-1, 585 data lines, footer at line 596)', () => {
  const file = 'regionaldatenbank_12411-02-03-5.csv';

  it('inspect finds the layout with the footer far down and prints an entry that loads as printed', async () => {
    const f = await facts<{ footer_line: number; tidy_rows: number; first_data_line: number; last_data_line: number }>(
      'regionaldatenbank_12411-02-03-5.facts.json',
    );
    const i = await inspectFile(join(dir, file), tmpdir());
    expect(i.format).toBe('genesis');
    expect(i.entry).toMatchObject({
      year: 'stichtag',
      format: 'genesis',
      markers: 'official',
      dialect: { delimiter: ';', decimal: ',', thousands: '.', encoding: 'windows-1252' },
      genesis: { columns: ['stichtag', 'ags', 'gemeinde'], dimensions: ['nationalitaet', 'geschlecht'] },
    });
    const text = renderInspection(i, 'en');
    expect(text).toContain(`data on lines ${f.first_data_line}–${f.last_data_line}, footer from line ${f.footer_line}`);
    expect(text).toContain(`${f.tidy_rows} values in a long table`);
    const { file: _, ...entry } = i.entry;
    const rows = await load(file, entry, 'SELECT count(*) AS n, min(stichtag) AS first, max(stichtag) AS last FROM t');
    expect(rows).toEqual([{ n: f.tidy_rows, first: 2021, last: 2023 }]);
  });

  it('loads the values right: Lehrte 31.12.2022, foreigners in all = 6412 (line 248, written 6.412)', async () => {
    const entry = {
      year: 'stichtag',
      format: 'genesis',
      genesis: { columns: ['stichtag', 'ags', 'gemeinde'], dimensions: ['nationalitaet', 'geschlecht'] },
    };
    const rows = await load(
      file,
      entry,
      "SELECT stichtag, value, value__note FROM t WHERE ags = '03241011' AND nationalitaet = 'Ausländer' AND " +
        "geschlecht = 'insgesamt' ORDER BY stichtag",
    );
    expect(rows).toEqual([
      { stichtag: 2021, value: 5717, value__note: null },
      { stichtag: 2022, value: 6412, value__note: null },
      { stichtag: 2023, value: 6729, value__note: 'provisional' },
    ]);
    const sums = await load(
      file,
      entry,
      'SELECT stichtag, sum(value) AS total, count(*) FILTER (WHERE value IS NULL) AS hidden FROM t WHERE ' +
        "length(ags) = 8 AND nationalitaet = 'Ausländer' AND geschlecht = 'insgesamt' GROUP BY ALL ORDER BY ALL",
    );
    // The manifest's sums over the cells that load as numbers; the `...` cell of 2023 stays unknown, not 0.
    expect(sums).toEqual([
      { stichtag: 2021, total: 441196, hidden: 1 },
      { stichtag: 2022, total: 486900, hidden: 0 },
      { stichtag: 2023, total: 505321, hidden: 1 },
    ]);
  });
});

describe('a city open-data file (UTF-8 with BOM, YYYY_MM_DD dates, three kinds of empty cell)', () => {
  const file = 'opendata_einwohner_ortsteile.csv';
  const dialect = { delimiter: ';', decimal: '.', missing: ['', 'NA', '-'] };

  it('inspect notices the 1.399 among whole numbers, and never reads its `-` as zero without saying so', async () => {
    const i = await inspectFile(join(dir, file), tmpdir());
    const text = renderInspection(i, 'en');
    expect(text).toMatch(/warning \(line 4\): column `Anzahl` of `\w+` holds whole numbers and values such as 1\.399/);
    expect(text).toContain('empty cells: empty, "NA"');
    expect(i.entry.year).toBe('Stichtag');
    expect((i.entry.columns as Record<string, string>).Anzahl).toBe('DOUBLE');
  });

  it('a whole-number column refuses 1.399 at line 4, column 4, with the thousands hint', async () => {
    const message = await loadError(file, {
      year: 'Stichtag',
      dialect,
      columns: { Stichtag: 'VARCHAR', Ortsteil: 'VARCHAR', Merkmal: 'VARCHAR', Anzahl: 'INTEGER', Anteil: 'DOUBLE' },
    });
    expect(message).toMatch(
      /opendata_einwohner_ortsteile\.csv:4:4: column `Anzahl` holds whole numbers, but this cell is `1\.399`/,
    );
    expect(message).toContain('looks like a thousands separator: set `thousands: "."`');
  });

  it('turns 2016_12_31 into the year 2016, trims names, and stops at the year delivered twice', async () => {
    const message = await loadError(file, { year: 'Stichtag', dialect, key: ['Stichtag', 'Ortsteil', 'Merkmal'] });
    // The first repeated key of the second delivery of 2017: line 22 repeated on line 82.
    expect(message).toContain(
      'opendata_einwohner_ortsteile.csv:82: the key Stichtag = 2017, Ortsteil = Ahlten, Merkmal = Einwohner ' +
        'is delivered 2 times (lines 22 and 82)',
    );
  });
});

describe('an R write.csv survey file', () => {
  const file = 'r_writecsv_befragung.csv';

  it('inspect takes the wave as period, not the row names, and NA as empty', async () => {
    const i = await inspectFile(join(dir, file), tmpdir());
    const text = renderInspection(i, 'en');
    expect(i.entry.year).toBe('welle');
    expect(text).toContain('the first column (column0) holds the row names of an R export; it is no period');
    expect(i.entry.dialect).toMatchObject({ delimiter: ',', missing: ['', 'NA'] });
  });

  it('gives the weighted mean of satisfaction per wave, leaving the NA answers out and saying how many', async () => {
    type Wave = { zufrieden: { weighted_mean: number; n_na: number; n_valid: number } };
    const f = await facts<{ waves: Record<string, Wave> }>('r_writecsv_befragung.facts.json');
    const indicator = `id: zufriedenheit
title: { de: Zufriedenheit }
field: f
unit: mean
direction: higher
numerator: { table: t, expr: sum(zufrieden) }
denominator: { table: t, expr: count(*) }
weight: gewicht
baseline: 2019
targets: [{ year: 2030, value: 4 }]
department: Test
source: Test
`;
    const entry = { year: 'welle', id: 'lfd_nr', dialect: { delimiter: ',', missing: ['', 'NA'] } };
    const root = await project(file, entry, {
      'zufriedenheit.yaml': indicator,
    });
    const r = await runCli('compute', '--json', '--project', root, '--db', join(root, 't.duckdb'));
    expect(r.code).toBe(0);
    const values = (
      JSON.parse(r.stdout) as {
        year: number;
        cell: object;
        value: number;
        empty: number;
        notes: { message: string }[];
      }[]
    ).filter((v) => Object.keys(v.cell).length === 0);
    for (const [wave, w] of Object.entries(f.waves)) {
      const v = values.find((x) => x.year === Number(wave))!;
      expect(v.value).toBeCloseTo(w.zufrieden.weighted_mean, 9);
      expect(v.empty).toBe(w.zufrieden.n_na);
      if (w.zufrieden.n_na)
        expect(v.notes.map((n) => n.message)).toContain(
          `${w.zufrieden.n_na} of ${w.zufrieden.n_valid + w.zufrieden.n_na} source cells empty and left out`,
        );
    }
  });
});

describe('periods', () => {
  type Quirk = { years?: number[]; einwohner_by_year?: Record<string, number> };
  it.each(['periods_compact.csv', 'periods_german_dates.csv', 'periods_iso_dates.csv'])(
    '%s: every way of writing 31 December gives the year',
    async (file) => {
      const f = (await facts<Record<string, Quirk>>('single-quirk.facts.json'))['periods_compact.csv']!;
      const rows = await load(
        file,
        { year: 'Stichtag' },
        'SELECT Stichtag AS year, sum(Einwohner) AS n FROM t GROUP BY ALL ORDER BY ALL',
      );
      expect(rows).toEqual(Object.entries(f.einwohner_by_year!).map(([year, n]) => ({ year: Number(year), n })));
    },
  );

  it('school years count as the year they start, or end when the source says so', async () => {
    const start = await load(
      'periods_school_years.csv',
      { year: 'Schuljahr' },
      'SELECT DISTINCT Schuljahr AS y FROM t ORDER BY 1',
    );
    expect(start.map((r) => r.y)).toEqual([2015, 2016, 2017, 2018, 2019]);
    const end = await load(
      'periods_school_years.csv',
      { year: 'Schuljahr', school_year: 'end' },
      'SELECT DISTINCT Schuljahr AS y FROM t ORDER BY 1',
    );
    expect(end.map((r) => r.y)).toEqual([2016, 2017, 2018, 2019, 2020]);
  });

  it('a year outside 1900–2100 is an error at its line and column, never a year', async () => {
    const message = await loadError('periods_out_of_range.csv', { year: 'Jahr' });
    expect(message).toMatch(/periods_out_of_range\.csv:6:1: the period column `Jahr` holds `20181`/);
  });
});

describe('broken files', () => {
  it('an unterminated quote is an error at the line where it opens', async () => {
    const message = await loadError('unterminated_quote.csv', { year: 'Jahr' });
    expect(message).toMatch(/unterminated_quote\.csv:4:2: a quoted cell starts here and never ends/);
  });

  it('a control character in a text cell is an error at its place', async () => {
    const message = await loadError('control_char.csv', { year: 'Jahr' });
    expect(message).toMatch(/control_char\.csv:3:2: column `Ortsteil` holds a control character/);
  });

  it('a column mixing 297.0 and 3.652 is refused as whole numbers, and a warning when undeclared', async () => {
    const message = await loadError('mixed_float_thousands.csv', {
      year: 'Jahr',
      columns: { Jahr: 'INTEGER', Ortsteil: 'VARCHAR', Auslaender: 'INTEGER' },
    });
    expect(message).toMatch(
      /mixed_float_thousands\.csv:8:3: column `Auslaender` holds whole numbers, but this cell is `3\.652`/,
    );
    const root = await project('mixed_float_thousands.csv', { year: 'Jahr' });
    const loaded = await loadProject(await readProject(root), join(root, 't.duckdb'));
    expect(loaded.warnings.map((w) => say(w.reason, 'en'))).toEqual([
      'column `Auslaender` of `t` holds whole numbers and values such as 3.652: is the point a thousands separator?',
    ]);
    expect(loaded.warnings[0]!.where).toMatchObject({ line: 8, column: 3 });
  });
});
