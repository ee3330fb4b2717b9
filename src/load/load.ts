// Stage 1: files → DuckDB tables. A load builds a new database file beside the old one and renames it
// into place, so a failed or killed load leaves the previous database exactly as it was. Tables whose
// file and source entry are unchanged (content hash) are copied over instead of read again.
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { openDatabase, quoteIdent, quoteString, type Database } from '../core/database.js';
import { displayPath, InputError } from '../core/errors.js';
import { acquireLock } from '../core/lockfile.js';
import { msg } from '../core/messages/index.js';
import type { Project } from '../core/project.js';
import { checkTable } from './checks.js';
import {
  carryValueCache,
  copyTable,
  createMeta,
  readTables,
  readWarnings,
  TABLES,
  writeTableMeta,
  type LoadWarning,
  type PreviousTable,
} from './meta.js';
import { readSource } from './read.js';
import { describeInputs, type SourceFile } from './sources.js';

interface LoadedTable {
  name: string;
  file: string;
  rows: number;
  hash: string;
  /** Size and time stamp of the file(s) and the source entry's hash, to skip unchanged files without reading them. */
  stamp: string;
  /** Copied from the previous database because nothing changed. */
  reused: boolean;
}

/** What a long load tells while it runs: a file it has started reading, and one it has read. */
export type LoadProgress =
  { kind: 'reading'; file: string } | { kind: 'read'; file: string; rows: number; seconds: number };

export interface LoadResult {
  db: string;
  tables: LoadedTable[];
  /** Nothing changed: the database was left as it was. */
  unchanged: boolean;
  /** What the checks found worth a look, for every table (also for tables loaded in an earlier run). */
  warnings: LoadWarning[];
}

export async function loadProject(
  project: Project,
  dbPath: string,
  onProgress: (event: LoadProgress) => void = () => {},
): Promise<LoadResult> {
  const inputs = await describeInputs(project);
  const previous = await readPrevious(dbPath);
  const current = await currentTables(inputs, previous.tables);
  if (previous.tables.size === inputs.length && current.every(Boolean)) {
    return {
      db: dbPath,
      unchanged: true,
      tables: inputs.map((i) => ({ ...previous.tables.get(i.name)!, name: i.name, file: i.label, reused: true })),
      warnings: previous.warnings,
    };
  }
  await mkdir(dirname(dbPath), { recursive: true });
  const lock = `${dbPath}.lock`;
  const taken = await acquireLock(lock);
  if ('busy' in taken)
    throw taken.busy
      ? new InputError(msg('db-in-use', { pid: taken.busy.pid }), lock, msg('hint-wait-load'))
      : new InputError(msg('db-lock-failed'), lock, msg('hint-remove-lock'));
  const release = taken.release;
  const temp = `${dbPath}.loading`;
  try {
    await removeDatabase(temp);
    const db = await openDatabase(temp);
    let result: Omit<LoadResult, 'db' | 'unchanged'>;
    try {
      result = await fillDatabase(db, inputs, current, previous.tables.size ? dbPath : null, onProgress);
      await db.run('CHECKPOINT');
    } finally {
      db.close();
    }
    await rename(temp, dbPath);
    await rm(`${dbPath}.wal`, { force: true });
    return { db: dbPath, unchanged: false, ...result };
  } catch (e) {
    await removeDatabase(temp);
    throw e;
  } finally {
    await release();
    await inputs[0]?.temp.remove();
  }
}

/**
 * Loads the project into a database in memory, for `validate`: every file is read and checked as a load
 * would, unchanged tables are copied from the project's database (opened read-only), and nothing is
 * written but the load's temporary files, which are removed before this returns.
 */
export async function loadInMemory(project: Project, dbPath: string): Promise<{ db: Database; result: LoadResult }> {
  const inputs = await describeInputs(project);
  const previous = await readPrevious(dbPath);
  const current = await currentTables(inputs, previous.tables);
  const db = await openDatabase(':memory:');
  try {
    const result = await fillDatabase(db, inputs, current, previous.tables.size ? dbPath : null, () => {});
    return { db, result: { db: ':memory:', unchanged: false, ...result } };
  } catch (e) {
    db.close();
    throw e;
  } finally {
    await inputs[0]?.temp.remove();
  }
}

/**
 * Like git's index: an entry whose file has the same size and time stamp is taken as unchanged without
 * reading it; otherwise its content hash decides.
 */
async function currentTables(inputs: SourceFile[], previous: Map<string, PreviousTable>): Promise<boolean[]> {
  return Promise.all(
    inputs.map(async (i) => {
      const before = previous.get(i.name);
      if (!before) return false;
      return before.stamp === i.fingerprint || before.hash === (await i.scan()).hash;
    }),
  );
}

/** Reads (or copies from `previousPath`) every table, checks it, and writes what later runs need to know. */
async function fillDatabase(
  db: Database,
  inputs: SourceFile[],
  current: boolean[],
  previousPath: string | null,
  onProgress: (event: LoadProgress) => void,
): Promise<Omit<LoadResult, 'db' | 'unchanged'>> {
  const tables: LoadedTable[] = [];
  if (previousPath) await db.run(`ATTACH ${quoteString(previousPath)} AS previous (READ_ONLY)`);
  await createMeta(db);
  if (previousPath) await carryValueCache(db);
  for (const [k, input] of inputs.entries()) {
    const reused = current[k]!;
    const started = Date.now();
    // Only work that takes more than a second is worth a line.
    const slow = setTimeout(() => onProgress({ kind: 'reading', file: input.label }), 1000);
    // The file is hashed (and its bytes scanned) while DuckDB reads it: the two overlap instead of adding up.
    const scan = input.scan();
    try {
      if (reused) await copyTable(db, input.name);
      else {
        const read = await readSource(db, input);
        const checked = await checkTable(db, input, read, [], (await scan).hints);
        await writeTableMeta(db, input.name, checked.empty, checked.warnings);
      }
    } finally {
      clearTimeout(slow);
    }
    const [{ rows }] = (await db.query<{ rows: number }>(`SELECT count(*) AS rows FROM ${quoteIdent(input.name)}`)) as [
      { rows: number },
    ];
    if (rows === 0)
      throw new InputError(
        msg('source-no-rows', { source: input.name }),
        input.label,
        msg('hint-data-rows', { source: input.name }),
      );
    tables.push({
      name: input.name,
      file: input.label,
      rows,
      hash: (await scan).hash,
      stamp: input.fingerprint,
      reused,
    });
    if (!reused && Date.now() - started > 1000)
      onProgress({ kind: 'read', file: input.label, rows, seconds: (Date.now() - started) / 1000 });
  }
  for (const t of tables)
    await db.connection.run(`INSERT INTO ${TABLES} VALUES ($1, $2, $3, $4, $5)`, [
      t.name,
      t.file,
      t.hash,
      t.stamp,
      t.rows,
    ]);
  if (previousPath) await db.run('DETACH previous');
  return { tables, warnings: await readWarnings(db) };
}

/** The tables and warnings of the database at `dbPath`, when it is one that this istsoll wrote. */
async function readPrevious(dbPath: string): Promise<{ tables: Map<string, PreviousTable>; warnings: LoadWarning[] }> {
  if (!(await stat(dbPath).catch(() => null))) return { tables: new Map(), warnings: [] };
  await refuseNonDatabase(dbPath);
  let db: Database | undefined;
  try {
    db = await openDatabase(dbPath, { readOnly: true });
    return { tables: await readTables(db), warnings: await readWarnings(db) };
  } catch {
    return { tables: new Map(), warnings: [] };
  } finally {
    db?.close();
  }
}

/** A load replaces the file at the database path: never when that file is something else (a typo in --db). */
async function refuseNonDatabase(dbPath: string): Promise<void> {
  const info = await stat(dbPath);
  if (info.isDirectory()) throw new InputError(msg('db-is-folder'), displayPath(dbPath), msg('hint-db-path'));
  const handle = await open(dbPath);
  try {
    const head = Buffer.alloc(12);
    await handle.read(head, 0, 12, 0);
    if (head.subarray(8, 12).toString('latin1') !== 'DUCK')
      throw new InputError(msg('db-not-duckdb'), displayPath(dbPath), msg('hint-db-path'));
  } finally {
    await handle.close();
  }
}

async function removeDatabase(path: string): Promise<void> {
  await Promise.all([rm(path, { force: true }), rm(`${path}.wal`, { force: true })]);
}
