// A load killed with SIGKILL halfway leaves the previous database exactly as it was, and the next load works.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../src/core/database.js';
import { loadProject } from '../src/load/load.js';
import { readProject } from '../src/core/project.js';
import { copyFixture, root, tempDb } from './helpers.js';

it('survives a load killed with SIGKILL', async () => {
  const dir = await copyFixture('mini');
  const db = await tempDb();
  await loadProject(await readProject(dir), db);

  // A large new file, so that the load is still running when it is killed.
  const lines = ['year;area;nat;persons'];
  for (let i = 0; i < 500_000; i++) lines.push(`2020;A${i};D;${i % 97}`);
  await writeFile(join(dir, 'data', 'pop.csv'), `${lines.join('\n')}\n`);

  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src', 'main.ts'), 'load', '--project', dir, '--db', db],
    { cwd: root, stdio: 'ignore' },
  );
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
  const deadline = Date.now() + 30_000;
  while (!existsSync(`${db}.loading`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  expect(existsSync(`${db}.loading`)).toBe(true);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  // The lock of the dead process is still there; the previous database is untouched and usable.
  expect(existsSync(`${db}.lock`)).toBe(true);
  const before = await openDatabase(db, { readOnly: true });
  expect(await before.query('SELECT count(*) AS n, sum(persons) AS s FROM pop')).toEqual([{ n: 8, s: 358 }]);
  before.close();

  // The next load sees that the lock's process is gone and completes.
  const result = await loadProject(await readProject(dir), db);
  expect(result.tables.find((t) => t.name === 'pop')).toMatchObject({ rows: 500_000, reused: false });
  expect(existsSync(`${db}.lock`)).toBe(false);
  expect(existsSync(`${db}.loading`)).toBe(false);
});
