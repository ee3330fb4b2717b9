// bench load-profile / compute-profile — where istsoll's time goes: every SQL statement of one load
// (in a child process, as in bench:load) or of one computeProject (30 indicators) is timed and grouped
// by what it is for (bench/sql-timing.ts). Not part of `npm run bench`: run them by name.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { computeProject } from '../src/compute/compute.js';
import { loadProject } from '../src/load/load.js';
import { readProject } from '../src/core/project.js';
import { benchRows, fmtInt, log, makeProject, mb, registerFile, removeDatabase, runChild, seconds } from './common.js';
import { indicatorCount, indicatorFiles } from './indicators.js';
import { profileTable, timeStatements, type TimedStatement } from './sql-timing.js';

export interface Options {
  rows?: number;
}

export async function runLoad({ rows = benchRows }: Options = {}): Promise<void> {
  log(`bench:load-profile — one istsoll load of ${fmtInt(rows)} register rows, every SQL statement timed`);
  const dir = await makeProject(await registerFile(rows));
  try {
    const db = join(dir, 'profile.duckdb');
    const m = await runChild<{ ms: number; maxRssKB: number; statements: TimedStatement[] }>('load-child.ts', [
      'profile',
      dir,
      db,
    ]);
    await removeDatabase(db);
    log();
    log(profileTable(m.statements, m.ms));
    log();
    log(`peak memory (RSS) ${mb(m.maxRssKB * 1024)} MB`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runCompute({ rows = benchRows }: Options = {}): Promise<void> {
  log(
    `bench:compute-profile — computeProject for ${indicatorCount} indicators on ${fmtInt(rows)} register rows, every ` +
      `SQL statement timed`,
  );
  const dir = await makeProject(await registerFile(rows), indicatorFiles());
  try {
    const project = await readProject(dir);
    const db = join(dir, 'istsoll.duckdb');
    await loadProject(project, db);
    await computeProject(project, db); // once untimed, so that the database file is in the page cache
    const statements = timeStatements();
    const started = performance.now();
    await computeProject(project, db);
    const ms = performance.now() - started;
    log(`computeProject took ${seconds(ms)}`);
    log();
    log(profileTable(statements, ms));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
