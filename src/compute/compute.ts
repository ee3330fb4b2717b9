// Stage 2: DuckDB tables → indicator values. One set-based query per indicator covers every year and
// every combination of its disaggregations (CUBE); no raw rows ever reach JavaScript. Values whose
// tables and definition have not changed since they were computed come from the cache (cache.ts).
import { openDatabase, type Database } from '../core/database.js';
import { InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { requireIndicators, type IndicatorFile, type Project } from '../core/project.js';
import type { IndicatorValue } from '../core/types.js';
import { readCatalog, type Catalog } from './catalog.js';
import {
  readCache,
  recallValues,
  rememberValues,
  writeCache,
  type CachePlan,
  type Computed,
  type ValueMemory,
} from './cache.js';
import { checkGroupsIn, checkIndicatorSql } from './indicator-checks.js';
import { checkSharedYears, computeIndicator, computeIndicators } from './indicators.js';

/** What a run of compute gives: the values, and which indicators it computed and which it took from the cache. */
export interface ComputeResult {
  values: IndicatorValue[];
  /** Ids of the indicators computed in this run, in the project's order. */
  computed: string[];
  /** Ids of the indicators whose values came from the cache (cache.ts), in the project's order. */
  cached: string[];
}

/** Every indicator computed from the tables; nothing is read from or written to the cache. */
export async function computeProject(project: Project, dbPath: string): Promise<IndicatorValue[]> {
  return (await computeValues(project, dbPath, false)).values;
}

/**
 * The values of every indicator: those whose tables and definition are unchanged since they were last
 * computed come from the cache in the database, the others are computed and cached.
 */
export async function computeCached(
  project: Project,
  dbPath: string,
  /** For a caller that runs again and again (istsoll serve): the load's table hashes and its memory. */
  keep?: { tables: Map<string, string>; memory: ValueMemory },
): Promise<ComputeResult> {
  requireIndicators(project);
  const recalled = keep ? recallValues(project, keep.tables, keep.memory) : null;
  if (recalled) {
    for (const ind of project.indicators) checkGroupsIn(ind, recalled.get(ind.id)!.groups ?? []);
    const ids = project.indicators.map((i) => i.id);
    return { values: ids.flatMap((id) => recalled.get(id)!.values), computed: [], cached: ids };
  }
  return computeValues(project, dbPath, true, keep?.memory);
}

async function computeValues(
  project: Project,
  dbPath: string,
  useCache: boolean,
  memory?: ValueMemory,
): Promise<ComputeResult> {
  requireIndicators(project);
  const db = await openSandbox(dbPath);
  // A second view of the same file on one thread, opened only if an indicator needs it (see exactSums).
  let serial: Promise<Database> | undefined;
  let plan: CachePlan | undefined;
  const computed = new Map<string, Computed>();
  try {
    plan = useCache ? await readCache(db, project) : undefined;
    const hits = plan?.hits ?? new Map<string, Computed>();
    // Errors come in the project's order, whatever is cached: a cached indicator whose targets name a
    // group missing from the data stops the run where computing it would have.
    const failing = project.indicators.findIndex((ind) => hits.has(ind.id) && groupsFail(ind, hits.get(ind.id)!));
    const todo = project.indicators.filter((ind, i) => !hits.has(ind.id) && (failing < 0 || i < failing));
    if (todo.length) {
      const catalog = await readCatalog(db);
      const single = () => (serial ??= openSandbox(dbPath, 1));
      for (const [id, result] of await computeIndicators(db, project, todo, catalog, single)) computed.set(id, result);
    }
    if (failing >= 0) checkGroupsIn(project.indicators[failing]!, hits.get(project.indicators[failing]!.id)!.groups!);
  } finally {
    db.close();
    if (serial) (await serial).close();
  }
  if (plan) await writeCache(dbPath, plan, computed);
  if (plan && memory) rememberValues(memory, plan, computed);
  const ids = project.indicators.map((i) => i.id);
  return {
    values: ids.flatMap((id) => (computed.get(id) ?? plan!.hits.get(id)!).values),
    computed: ids.filter((id) => computed.has(id)),
    cached: ids.filter((id) => !computed.has(id)),
  };
}

function groupsFail(ind: IndicatorFile, hit: Computed): boolean {
  try {
    if (hit.groups) checkGroupsIn(ind, hit.groups);
    return false;
  } catch {
    return true;
  }
}

/**
 * Checks every indicator against the loaded tables, with what needs the data (groups occur, numerator
 * and denominator share years and codes), then computes them. `db` is a database a load filled in
 * memory: it is closed to the outside world first, as compute's database is.
 */
export async function validateIndicators(project: Project, db: Database): Promise<IndicatorValue[]> {
  requireIndicators(project);
  await db.run('SET enable_external_access = false');
  // One thread: the order of floating-point sums, and so their digits, is the same in every run.
  await db.run('SET threads = 1');
  await db.run('SET lock_configuration = true');
  const catalog = await readCatalog(db);
  for (const ind of project.indicators) {
    await checkIndicatorSql(db, project, ind, catalog.columns);
    await checkSharedYears(db, project, ind);
  }
  return computeAll(db, project, catalog);
}

async function computeAll(db: Database, project: Project, catalog: Catalog): Promise<IndicatorValue[]> {
  const values: IndicatorValue[] = [];
  for (const indicator of project.indicators)
    values.push(...(await computeIndicator(db, project, indicator, catalog)).values);
  return values;
}

async function openSandbox(dbPath: string, threads?: number): Promise<Database> {
  return openDatabase(dbPath, { readOnly: true, sandbox: true, threads }).catch((e) => {
    throw new InputError(
      msg('db-unopenable', { detail: (e as Error).message.split('\n')[0]! }),
      dbPath,
      msg('hint-run-load'),
    );
  });
}
