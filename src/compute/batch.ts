// The checks of many indicators at once, for compute. What indicator-checks.ts asks DuckDB one indicator
// at a time is asked here in three statements for all of them: every piece of SQL parsed in one round
// trip, every expression bound (and its type read) in one query, every filter bound in one prepare.
// When anything fails, nothing is decided here: compute checks again one indicator at a time, which
// finds the problem and places it in its file exactly as before.
import { quoteIdent, type Database } from '../core/database.js';
import type { IndicatorFile } from '../core/project.js';
import type { Aggregate } from '../core/schema.js';
import type { Catalog } from './catalog.js';
import { checkColumns, type IndicatorColumns } from './indicator-checks.js';
import { guardAggregates, indicatorAggregates } from './sqlguard.js';

/** What compute needs to know of an indicator that passed its checks. */
export interface CheckedIndicator {
  read: IndicatorColumns;
  /** Its sums come out the same in any order of their terms (see exactSums in compute.ts). */
  exact: boolean;
}

/** Every indicator's checks in a few statements; null when any of them fails. */
export async function checkIndicators(
  db: Database,
  inds: IndicatorFile[],
  catalog: Catalog,
): Promise<CheckedIndicator[] | null> {
  try {
    for (const ind of inds) {
      checkColumns(ind, 'numerator', catalog.columns);
      if (ind.denominator) checkColumns(ind, 'denominator', catalog.columns);
    }
    const aggregates = inds.map(indicatorAggregates);
    const reads = await guardAggregates(db, aggregates.flat(), catalog.columns);
    const parts = inds.flatMap((ind) => (ind.denominator ? [ind.numerator, ind.denominator] : [ind.numerator]));
    const types = await bindAggregates(db, parts);
    if (!types) return null;
    let at = 0;
    return inds.map((ind) => {
      const [numerator, denominator] = [reads[at]!, ind.denominator ? reads[at + 1] : undefined];
      const sums = types.slice(at, (at += ind.denominator ? 2 : 1));
      return {
        read: { numerator, ...(denominator ? { denominator } : {}) },
        exact: !ind.weight && sums.every((t) => !/DOUBLE|FLOAT/.test(t)),
      };
    });
  } catch {
    return null;
  }
}

/**
 * Binds every aggregate as checkAggregate does, each in a subquery of its own: `SELECT (expr) … WHERE false`
 * gives one row for an aggregate and none otherwise, so the cross join of them all has one row exactly
 * when every expression is an aggregate. The filters are only prepared, never run. Returns the type of
 * each expression, or null when one is not an aggregate.
 */
async function bindAggregates(db: Database, parts: Aggregate[]): Promise<string[] | null> {
  const exprs = parts.map((a, i) => `(SELECT (${a.expr}) AS "${i}" FROM ${quoteIdent(a.table)} WHERE false)`);
  const result = await db.connection.runAndReadAll(`SELECT * FROM ${exprs.join(', ')}`);
  if (result.currentRowCount !== 1) return null;
  const filters = parts.flatMap((a) =>
    a.filter ? [`(SELECT count(*) FROM ${quoteIdent(a.table)} WHERE (${a.filter}))`] : [],
  );
  if (filters.length) await db.connection.prepare(`SELECT ${filters.join(', ')}`);
  return result.columnTypes().map(String);
}
