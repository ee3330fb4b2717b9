// One measured load in a process of its own, so that its peak memory is its own:
//   node --import tsx bench/load-child.ts bare|istsoll|profile PROJECT_DIR DB_PATH
// prints {"ms":…,"rows":…,"maxRssKB":…,"cpuUs":…} (profile: istsoll's load with every SQL statement
// timed, and "statements" added). The clock starts after the modules are imported.
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { quoteString } from '../src/core/database.js';
import { loadProject } from '../src/load/load.js';
import { readProject } from '../src/core/project.js';
import { timeStatements, type TimedStatement } from './sql-timing.js';

const [mode, dir, dbPath] = process.argv.slice(2);
if ((mode !== 'bare' && mode !== 'istsoll' && mode !== 'profile') || !dir || !dbPath) {
  console.error('usage: load-child.ts bare|istsoll|profile PROJECT_DIR DB_PATH');
  process.exit(2);
}

/** DuckDB alone: open a file database, read the CSV into a table, close (which checkpoints). */
async function bare(): Promise<number> {
  const file = join(dir!, 'data', 'register.csv');
  const instance = await DuckDBInstance.create(dbPath!);
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(
    `CREATE TABLE register AS SELECT * FROM read_csv(${quoteString(file)}, delim=';', header=true)`,
  );
  const rows = Number(reader.getRowsJS()[0]?.[0]);
  connection.closeSync();
  instance.closeSync();
  return rows;
}

async function istsoll(): Promise<number> {
  const result = await loadProject(await readProject(dir!), dbPath!);
  return result.tables.find((t) => t.name === 'register')?.rows ?? Number.NaN;
}

const statements: TimedStatement[] | undefined = mode === 'profile' ? timeStatements() : undefined;
const started = performance.now();
const rows = mode === 'bare' ? await bare() : await istsoll();
const ms = performance.now() - started;
const { user, system } = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({
    ms,
    rows,
    maxRssKB: process.resourceUsage().maxRSS,
    cpuUs: user + system,
    ...(statements ? { statements } : {}),
  })}\n`,
);
