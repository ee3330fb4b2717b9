// What a load writes beside the tables, for the runs after it: each table's file, hash and rows; how
// many empty cells each column has (compute needs to count them only where there are any); and the
// warnings the checks gave, so that every later run reports them too, not only the one that loaded.
import { quoteIdent, quoteString, type Database } from '../core/database.js';
import type { Location } from '../core/errors.js';
import type { Message } from '../core/messages/index.js';
import { istsollVersion } from '../core/version.js';

export const TABLES = '_istsoll_tables';
/** Which istsoll wrote the database: a database of another version is read again, never trusted. */
const BUILD = '_istsoll_build';
const COLUMNS = '_istsoll_columns';
const WARNINGS = '_istsoll_warnings';
/**
 * Indicator values that compute keeps for the runs after it (compute/cache.ts). They are keyed by the
 * content hashes of the tables they were computed from, so a load carries them over unchanged: an entry
 * whose table changed simply matches no key any more.
 */
export const VALUE_CACHE = '_istsoll_values';

export interface LoadWarning {
  table: string;
  reason: Message;
  where?: Location | string;
}

/** Empty cells (NULL without a sign's reason) per column, as the checks count them. */
export type EmptyCells = Record<string, number>;

export async function createMeta(db: Database): Promise<void> {
  await db.run(`CREATE TABLE ${BUILD} AS SELECT ${quoteString(istsollVersion())} AS version`);
  await db.run(
    `CREATE TABLE ${TABLES} (name VARCHAR PRIMARY KEY, file VARCHAR, hash VARCHAR, stamp VARCHAR, rows BIGINT)`,
  );
  await db.run(`CREATE TABLE ${COLUMNS} (table_name VARCHAR, column_name VARCHAR, empty BIGINT)`);
  await db.run(`CREATE TABLE ${WARNINGS} (table_name VARCHAR, position INTEGER, warning VARCHAR)`);
}

/** A table unchanged since the last load, copied over with what was known about it. */
export async function copyTable(db: Database, name: string): Promise<void> {
  await db.run(`CREATE TABLE ${quoteIdent(name)} AS SELECT * FROM previous.${quoteIdent(name)}`);
  for (const meta of [COLUMNS, WARNINGS]) {
    await db.run(`INSERT INTO ${meta} SELECT * FROM previous.${meta} WHERE table_name = ${quoteString(name)}`);
  }
}

/** The value cache of the previous database, when it has one. */
export async function carryValueCache(db: Database): Promise<void> {
  const [found] = await db.query(
    `SELECT 1 FROM duckdb_tables() WHERE database_name = 'previous' AND table_name = ${quoteString(VALUE_CACHE)}`,
  );
  if (found) await db.run(`CREATE TABLE ${VALUE_CACHE} AS SELECT * FROM previous.${VALUE_CACHE}`);
}

export async function writeTableMeta(
  db: Database,
  table: string,
  empty: EmptyCells,
  warnings: LoadWarning[],
): Promise<void> {
  for (const [column, count] of Object.entries(empty))
    await db.connection.run(`INSERT INTO ${COLUMNS} VALUES ($1, $2, $3)`, [table, column, count]);
  for (const [i, w] of warnings.entries())
    await db.connection.run(`INSERT INTO ${WARNINGS} VALUES ($1, $2, $3)`, [table, i, JSON.stringify(w)]);
}

export async function readWarnings(db: Database): Promise<LoadWarning[]> {
  const rows = await db
    .query<{ warning: string }>(`SELECT warning FROM ${WARNINGS} ORDER BY table_name, position`)
    .catch(() => []);
  return rows.map((r) => JSON.parse(r.warning) as LoadWarning);
}

/** Empty cells per table and column, for compute. */
export async function readEmptyCells(db: Database): Promise<Map<string, EmptyCells>> {
  const rows = await db.query<{ table_name: string; column_name: string; empty: number }>(`SELECT * FROM ${COLUMNS}`);
  const map = new Map<string, EmptyCells>();
  for (const r of rows) map.set(r.table_name, { ...map.get(r.table_name), [r.column_name]: r.empty });
  return map;
}

export type PreviousTable = {
  hash: string;
  stamp: string;
  rows: number;
};

/** The tables of a database this version of istsoll wrote; any other database offers nothing to reuse. */
export async function readTables(db: Database): Promise<Map<string, PreviousTable>> {
  const [build] = await db.query<{ version: string }>(`SELECT version FROM ${BUILD}`).catch(() => []);
  if (build?.version !== istsollVersion()) return new Map();
  const rows = await db.query<PreviousTable & { name: string }>(`SELECT name, hash, stamp, rows FROM ${TABLES}`);
  return new Map(rows.map((r) => [r.name, r]));
}

/** The content hash of each loaded table (of its file and its source entry), by table name. */
export async function readTableHashes(db: Database): Promise<Map<string, string>> {
  const rows = await db.query<{ name: string; hash: string }>(`SELECT name, hash FROM ${TABLES}`).catch(() => []);
  return new Map(rows.map((r) => [r.name, r.hash]));
}
