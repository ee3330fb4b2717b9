import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/core/database.js';
import { InputError } from '../src/core/errors.js';
import { loadProject } from '../src/load/load.js';
import { readProject } from '../src/core/project.js';
import { startTime } from '../src/core/lockfile.js';
import { copyFixture, runCli, tempDb } from './helpers.js';

async function rows(db: string, sql: string) {
  const d = await openDatabase(db, { readOnly: true });
  try {
    return await d.query(sql);
  } finally {
    d.close();
  }
}

describe('load', () => {
  it('loads every source into a table of its name', async () => {
    const dir = await copyFixture('mini');
    const db = await tempDb();
    const result = await loadProject(await readProject(dir), db);
    expect(result.unchanged).toBe(false);
    expect(Object.fromEntries(result.tables.map((t) => [t.name, t.rows]))).toEqual({ pop: 8, emp: 8, poll: 6 });
    expect(await rows(db, 'SELECT sum(persons) AS s FROM pop WHERE year = 2020')).toEqual([{ s: 180 }]);
  });

  it('skips unchanged files and reloads only what changed', async () => {
    const dir = await copyFixture('mini');
    const db = await tempDb();
    await loadProject(await readProject(dir), db);
    expect((await loadProject(await readProject(dir), db)).unchanged).toBe(true);
    const file = join(dir, 'data', 'emp.csv');
    await writeFile(file, (await readFile(file, 'utf8')).replace('2021,A,D,62', '2021,A,D,63'));
    const result = await loadProject(await readProject(dir), db);
    expect(result.tables.filter((t) => !t.reused).map((t) => t.name)).toEqual(['emp']);
    expect(await rows(db, "SELECT employed FROM emp WHERE year = 2021 AND area = 'A' AND nat = 'D'")).toEqual([
      { employed: 63 },
    ]);
    expect(await rows(db, 'SELECT count(*) AS n FROM poll')).toEqual([{ n: 6 }]);
  });

  it('reads a Windows-1252 file with umlauts without being told', async () => {
    const dir = await copyFixture('mini');
    await writeFile(
      join(dir, 'data', 'pop.csv'),
      iconv.encode('year;area;nat;persons\n2020;Hämelerwald;D;100\n2020;Röddensen;X;20\n', 'windows-1252'),
    );
    const db = await tempDb();
    await loadProject(await readProject(dir), db);
    expect(await rows(db, 'SELECT area FROM pop ORDER BY area')).toEqual([
      { area: 'Hämelerwald' },
      { area: 'Röddensen' },
    ]);
  });

  it('names the sources.yaml entry of a missing file', async () => {
    const dir = await copyFixture('mini');
    const sources = join(dir, 'data', 'sources.yaml');
    await writeFile(sources, (await readFile(sources, 'utf8')).replace('file: emp.csv', 'file: employment.csv'));
    const error = await loadProject(await readProject(dir), await tempDb()).catch((e) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.format('en')).toMatch(/sources\.yaml:7:11: the file .*employment\.csv of source `emp` does not exist/);
  });

  it('leaves the previous database as it was when a load fails', async () => {
    const dir = await copyFixture('mini');
    const db = await tempDb();
    await loadProject(await readProject(dir), db);
    await writeFile(join(dir, 'data', 'poll.csv'), 'wave;id;nat;w;q\n2022;1;D;1;1\n2022;1;X;2;0\n');
    const error = await loadProject(await readProject(dir), db).catch((e) => e);
    expect(error.format('en')).toMatch(
      /poll\.csv:3: the key wave = 2022, id = 1 is delivered 2 times \(lines 2 and 3\)/,
    );
    expect(await rows(db, 'SELECT count(*) AS n FROM poll')).toEqual([{ n: 6 }]);
  });

  it('rejects weights that are not positive', async () => {
    const dir = await copyFixture('mini');
    await writeFile(join(dir, 'data', 'poll.csv'), 'wave;id;nat;w;q\n2022;1;D;1;1\n2022;2;X;-2;0\n');
    const error = await loadProject(await readProject(dir), await tempDb()).catch((e) => e);
    expect(error.format('en')).toContain('the weight column `w` holds `-2`');
  });

  it('fails at once while another process is loading', async () => {
    const dir = await copyFixture('mini');
    const db = await tempDb();
    // Another live process holds the lock.
    const other = spawn('sleep', ['30']);
    try {
      await writeFile(`${db}.lock`, String(other.pid));
      const error = await loadProject(await readProject(dir), db).catch((e) => e);
      expect(error.message).toBe(`the database is in use: process ${other.pid} is loading into it`);
    } finally {
      other.kill();
    }
  });

  it.skipIf(process.platform !== 'linux')(
    'takes over a lock whose process id now belongs to another process (a reused pid)',
    async () => {
      const dir = await copyFixture('mini');
      const db = await tempDb();
      const other = spawn('sleep', ['30']);
      try {
        const started = startTime(other.pid!)!;
        expect(started).toMatch(/^\d+$/);
        // The lock of the process that really runs under that pid holds ...
        await writeFile(`${db}.lock`, JSON.stringify({ host: hostname(), pid: other.pid, started }));
        const busy = await runCli('load', '--project', dir, '--db', db);
        expect(busy.code).toBe(1);
        expect(busy.stderr).toContain(`the database is in use: process ${other.pid} is loading into it`);
        // ... but a lock written by a process of the same id that started at another time is stale.
        const reused = { host: hostname(), pid: other.pid, started: String(Number(started) - 1) };
        await writeFile(`${db}.lock`, JSON.stringify(reused));
        const load = await runCli('load', '--project', dir, '--db', db);
        expect(load.code, load.stderr).toBe(0);
        expect(existsSync(`${db}.lock`)).toBe(false);
        expect(await rows(db, 'SELECT count(*) AS n FROM emp')).toEqual([{ n: 8 }]);
      } finally {
        other.kill();
      }
    },
  );

  it('never replaces a file at --db that is not a database', async () => {
    const dir = await copyFixture('mini');
    const db = await tempDb();
    await writeFile(db, 'notes that must survive\n');
    const error = await loadProject(await readProject(dir), db).catch((e) => e);
    expect(error.message).toBe('this file is not a DuckDB database, and a load would replace it');
    expect(await readFile(db, 'utf8')).toBe('notes that must survive\n');
  });
});
