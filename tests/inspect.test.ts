import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/core/database.js';
import { inspectFile } from '../src/load/inspect.js';
import { renderInspection } from '../src/cli/inspect.js';
import { loadProject } from '../src/load/load.js';
import { readProject } from '../src/core/project.js';
import { fixture, runCli } from './helpers.js';

describe('istsoll inspect', () => {
  it('recognises a GENESIS table export', async () => {
    const i = await inspectFile(join(fixture('dialects'), 'genesis_bevoelkerung.csv'), tmpdir());
    expect(i).toMatchObject({ format: 'genesis', encoding: 'windows-1252', bom: false });
    expect(renderInspection(i, 'en')).toContain(
      'GENESIS table: 5 title line(s), 3 header row(s), data on lines 9–13, footer from line 14',
    );
    expect(renderInspection(i, 'en')).toContain('Paste under `sources:` in data/sources.yaml:');
  });

  // The printed entry is ready to paste: loading a project made of it gives the table.
  it.each([
    ['genesis_bevoelkerung.csv', 30],
    ['ba_arbeitslose.csv', 4],
    ['register_bom.csv', 4],
    ['ffcsv_auslaender.csv', 4],
    ['lsn_einbuergerungen.csv', 4],
  ])('%s: the entry it prints loads as it is', async (file, rows) => {
    const i = await inspectFile(join(fixture('dialects'), file), tmpdir());
    const dir = await mkdtemp(join(tmpdir(), 'istsoll-inspect-'));
    await mkdir(join(dir, 'data'));
    await mkdir(join(dir, 'indicators'));
    await copyFile(join(fixture('dialects'), file), join(dir, 'data', file));
    await writeFile(join(dir, 'istsoll.yaml'), 'title: { de: Test }\n');
    await writeFile(join(dir, 'indicators', 'fields.yaml'), 'fields: [{ id: f, title: { de: F } }]\n');
    await writeFile(join(dir, 'data', 'sources.yaml'), stringify({ sources: { [i.name]: i.entry } }));
    const db = join(dir, 't.duckdb');
    await loadProject(await readProject(dir), db);
    const d = await openDatabase(db, { readOnly: true });
    expect(await d.query(`SELECT count(*) AS n FROM ${i.name}`)).toEqual([{ n: rows }]);
    d.close();
  });

  it('is a CLI command with --json', async () => {
    const r = await runCli('inspect', '--json', join(fixture('dialects'), 'ba_arbeitslose.csv'));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).entry).toMatchObject({
      markers: 'employment-agency',
      columns: { Arbeitslose: 'INTEGER', Quote: 'DOUBLE' },
    });
  });

  it('names a missing file', async () => {
    const r = await runCli('inspect', 'no/such.csv');
    expect(r).toMatchObject({
      code: 1,
      stderr:
        'error: no/such.csv: no such file\n' +
        '  hint: name a CSV or Parquet file, e.g. `istsoll inspect data/12411-0015.csv`\n',
    });
  });
});
