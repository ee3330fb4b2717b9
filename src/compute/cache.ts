// The value cache: an indicator's values are kept in the project's database, under a key made of what
// they depend on: the content hashes of the tables the indicator reads (file bytes and source entry, as
// the load recorded them), the source entries as they are now, the parts of the indicator's definition
// that change its values, the suppression rules, and istsoll's version (and compute's code). A target or
// a measure is not part of any key: editing one recomputes nothing. Entries the latest run did not use
// are removed.
import { createHash } from 'node:crypto';
import { openDatabase, type Database } from '../core/database.js';
import { acquireLock } from '../core/lockfile.js';
import type { IndicatorFile, Project } from '../core/project.js';
import type { IndicatorValue } from '../core/types.js';
import { codeFingerprint, istsollVersion } from '../core/version.js';
import { readTableHashes, VALUE_CACHE } from '../load/index.js';

/** An indicator's values and, when it compares groups, the values its group column takes in the data. */
export interface Computed {
  values: IndicatorValue[];
  groups: string[] | null;
}

/** The key of each indicator that can be cached, what the cache holds for them, and whether it holds more. */
export interface CachePlan {
  keys: Map<string, string>;
  hits: Map<string, Computed>;
  /** The hits as the cache holds them (encodeValues), for a caller that keeps them in memory. */
  stored: Map<string, string>;
  /** The cache holds entries this run does not use (other keys, indicators no longer in the project). */
  stale: boolean;
}

/**
 * What the indicator's values do not depend on: its targets, words and owner. Everything else is part of
 * the key, so that a setting added to indicators later invalidates the cache rather than being missed.
 */
const valueNeutral = new Set([
  'file',
  'targets',
  'title',
  'description',
  'field',
  'direction',
  'baseline',
  'department',
  'source',
]);

function cacheKey(project: Project, ind: IndicatorFile, hashes: Map<string, string>): string | null {
  const tables = [...new Set([ind.numerator.table, ind.denominator?.table].filter((t) => t !== undefined))].sort();
  if (tables.some((t) => !hashes.has(t))) return null;
  const definition = Object.fromEntries(Object.entries(ind).filter(([k]) => !valueNeutral.has(k)));
  const key = {
    version: istsollVersion(),
    code: codeFingerprint(new URL('.', import.meta.url)),
    indicator: definition,
    tables: tables.map((t) => ({ name: t, hash: hashes.get(t)!, source: project.sources[t] ?? null })),
    suppression: project.config.suppression,
  };
  return createHash('sha256').update(stableJson(key)).digest('hex');
}

/** The cache entries of this project's indicators whose keys match. */
export async function readCache(db: Database, project: Project): Promise<CachePlan> {
  const hashes = await readTableHashes(db);
  const keys = new Map<string, string>();
  for (const ind of project.indicators) {
    const key = cacheKey(project, ind, hashes);
    if (key) keys.set(ind.id, key);
  }
  const rows = await db
    .query<{ indicator: string; key: string; groups: string | null; values: string }>(
      `SELECT indicator, key, groups, "values" FROM ${VALUE_CACHE}`,
    )
    .catch(() => []);
  const hits = new Map<string, Computed>();
  const stored = new Map<string, string>();
  for (const r of rows) {
    if (keys.get(r.indicator) !== r.key) continue;
    hits.set(r.indicator, { values: decodeValues(r.values), groups: r.groups === null ? null : JSON.parse(r.groups) });
    stored.set(r.indicator, r.values);
  }
  return { keys, hits, stored, stale: rows.length > hits.size };
}

/**
 * The cache entries a long-running caller (istsoll serve) keeps in memory, by key: with the tables'
 * hashes from its load, it answers a run in which nothing needs computing without opening the database.
 * Entries are kept encoded and decoded for every run, so that no run can change another's values.
 */
export type ValueMemory = Map<string, { values: string; groups: string[] | null }>;

/** Every indicator's values from memory, or null when any of them is not there. */
export function recallValues(
  project: Project,
  hashes: Map<string, string>,
  memory: ValueMemory,
): Map<string, Computed> | null {
  const found = new Map<string, Computed>();
  for (const ind of project.indicators) {
    const key = cacheKey(project, ind, hashes);
    const entry = key === null ? undefined : memory.get(key);
    if (!entry) return null;
    found.set(ind.id, { values: decodeValues(entry.values), groups: entry.groups });
  }
  return found;
}

/** Keeps this run's entries in memory, and only those. */
export function rememberValues(memory: ValueMemory, plan: CachePlan, computed: Map<string, Computed>): void {
  memory.clear();
  for (const [id, key] of plan.keys) {
    const fresh = computed.get(id);
    const values = fresh ? encodeValues(fresh.values) : plan.stored.get(id);
    const groups = fresh ? fresh.groups : (plan.hits.get(id)?.groups ?? null);
    if (values !== undefined) memory.set(key, { values, groups });
  }
}

/**
 * Stores what was computed and removes what the run did not use, under the database's lock. The cache only
 * saves time: when a load holds the lock, or the database cannot be written, it is left as it is.
 */
export async function writeCache(dbPath: string, plan: CachePlan, computed: Map<string, Computed>): Promise<void> {
  const fresh = [...computed].filter(([id]) => plan.keys.has(id));
  if (!fresh.length && !plan.stale) return;
  const lock = await acquireLock(`${dbPath}.lock`).catch(() => ({ busy: null }));
  if ('busy' in lock) return;
  let db: Database | undefined;
  try {
    db = await openDatabase(dbPath);
    await db.run(
      `CREATE TABLE IF NOT EXISTS ${VALUE_CACHE} (indicator VARCHAR, key VARCHAR, groups VARCHAR, "values" VARCHAR)`,
    );
    await db.run('BEGIN TRANSACTION');
    // Kept: the entries this run used. Everything else is another key's or an indicator's that is gone.
    const used = [...plan.hits.keys()].flatMap((id) => [id, plan.keys.get(id)!]);
    const pairs = used.length ? used.filter((_, i) => i % 2 === 0).map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`) : [];
    await db.connection.run(
      pairs.length
        ? `DELETE FROM ${VALUE_CACHE} c WHERE NOT EXISTS
            (SELECT 1 FROM (VALUES ${pairs.join(', ')}) k(i, h) WHERE k.i = c.indicator AND k.h = c.key)`
        : `DELETE FROM ${VALUE_CACHE}`,
      used,
    );
    for (const [id, result] of fresh) {
      const groups = result.groups === null ? null : JSON.stringify(result.groups);
      await db.connection.run(`INSERT INTO ${VALUE_CACHE} VALUES ($1, $2, $3, $4)`, [
        id,
        plan.keys.get(id)!,
        groups,
        encodeValues(result.values),
      ]);
    }
    await db.run('COMMIT');
  } catch {
    // A database that another process has open, or a read-only folder: the next run computes again.
  } finally {
    db?.close();
    await lock.release();
  }
}

/**
 * Values as JSON that gives back the very same objects: JSON alone would drop keys set to undefined
 * (a suppressed value's `se`), turn -0 into 0 and NaN into null.
 */
export function encodeValues(values: IndicatorValue[]): string {
  return JSON.stringify(values, (_, v: unknown) => {
    if (v === undefined) return { $: 'undefined' };
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)))
      return { $: String(Object.is(v, -0) ? '-0' : v) };
    return v;
  });
}

export function decodeValues(text: string): IndicatorValue[] {
  // A reviver that returns undefined deletes the key: the marker is replaced by a walk afterwards.
  const special: Record<string, unknown> = { undefined: absent, '-0': -0, NaN, Infinity, '-Infinity': -Infinity };
  const values = JSON.parse(text, (_, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === '$') return special[(v as { $: string }).$];
    }
    return v;
  }) as IndicatorValue[];
  restoreAbsent(values);
  return values;
}

const absent = Symbol('undefined');

function restoreAbsent(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  for (const k of Object.keys(record)) {
    if (record[k] === absent) record[k] = undefined;
    else restoreAbsent(record[k]);
  }
}

/** JSON with the keys of every object sorted: the same definition gives the same key however it was written. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
