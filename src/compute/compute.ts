// Stage 2: DuckDB tables → indicator values. One set-based query per indicator covers every year and
// every combination of its disaggregations (CUBE); no raw rows ever reach JavaScript.
import { openDatabase, quoteIdent, type Database, type Row } from '../core/database.js';
import { InputError } from '../core/errors.js';
import { msg, type Message } from '../core/messages/index.js';
import { checkGroupsIn, checkIndicatorSql, checkKeysMatch } from './indicator-checks.js';
import type { Cell, IndicatorValue } from '../core/types.js';
import { requireIndicators, type IndicatorFile, type Project } from '../core/project.js';
import { periodColumn, type Aggregate, type Unit } from '../core/schema.js';
import { suppressSecondary } from './suppress.js';
import { logitInterval, surveySql } from './survey.js';
import { locate } from '../core/yamlfile.js';

export const unitScale: Record<Unit, number> = { percent: 100, per_1000: 1000, count: 1, mean: 1, ratio: 1, total: 1 };

export async function computeProject(project: Project, dbPath: string): Promise<IndicatorValue[]> {
  requireIndicators(project);
  const db = await openSandbox(dbPath);
  try {
    const columns = await readColumns(db);
    const values: IndicatorValue[] = [];
    for (const indicator of project.indicators)
      values.push(...(await computeIndicator(db, project, indicator, columns)));
    return values;
  } finally {
    db.close();
  }
}

/** Binds every indicator's SQL against the loaded tables without computing anything. */
export async function validateIndicators(project: Project, dbPath: string): Promise<void> {
  requireIndicators(project);
  const db = await openSandbox(dbPath);
  try {
    const columns = await readColumns(db);
    for (const ind of project.indicators) await checkIndicatorSql(db, project, ind, columns);
  } finally {
    db.close();
  }
}

async function openSandbox(dbPath: string): Promise<Database> {
  return openDatabase(dbPath, { readOnly: true, sandbox: true }).catch((e) => {
    throw new InputError(
      msg('db-unopenable', { detail: (e as Error).message.split('\n')[0]! }),
      dbPath,
      msg('hint-run-load'),
    );
  });
}

export async function computeIndicator(
  db: Database,
  project: Project,
  ind: IndicatorFile,
  columns: Map<string, string[]>,
): Promise<IndicatorValue[]> {
  await checkIndicatorSql(db, project, ind, columns, false);
  let rows: Row[];
  try {
    rows = await db.query(ind.weight ? surveySql(project, ind) : ratioSql(project, ind, columns));
  } catch (e) {
    // Binding passed, so this is the data: a text value compared with a number, say.
    throw new InputError(
      msg('compute-failed', { detail: (e as Error).message.split('\n')[0]!.replace(/^[A-Za-z ]+Error: /, '') }),
      { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['numerator']) },
      msg('hint-filter-types'),
    );
  }
  // Numerator cells without a denominator cell mean the two tables use different codes: find out where.
  if (rows.some((r) => r._orphan)) {
    await checkKeysMatch(db, project, ind);
    throw new InputError(
      msg('keys-mismatch-cells'),
      { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['by']) },
      msg('hint-same-codes-by'),
    );
  }
  if (ind.groups)
    checkGroupsIn(ind, [
      ...new Set(
        rows
          .map((r) => r[ind.groups!.column])
          .filter((v) => v !== null)
          .map(String),
      ),
    ]);
  const values = rows.map((row) => toValue(project, ind, row));
  // Weighted sums add up like counts: a total and its published siblings would give a hidden survey cell away too.
  return suppressSecondary(values, ind.by);
}

/** Numerator and denominator are aggregated separately (they may come from different tables) and matched on year and cell. */
export function ratioSql(project: Project, ind: IndicatorFile, columns: Map<string, string[]> = new Map()): string {
  const side = (agg: Aggregate) => {
    const year = quoteIdent(periodColumn(project.sources[agg.table]!));
    const by = ind.by.map(quoteIdent);
    const grouping = by.map((c, i) => `grouping(${c}) AS _g${i}`);
    const { missing, flags } = signNotes(agg, columns.get(agg.table) ?? []);
    return `SELECT ${[`${year}::INTEGER AS year`, ...by.map((c) => `${c}::VARCHAR AS ${c}`), ...grouping, `(${agg.expr})::DOUBLE AS v`, `${missing} AS missing`, `${flags} AS flags`].join(', ')}
    FROM ${quoteIdent(agg.table)}${agg.filter ? ` WHERE (${agg.filter})` : ''}
    GROUP BY ${by.length ? `${year}, CUBE(${by.join(', ')})` : year}`;
  };
  // Totals carry NULL in their disaggregation columns, so the match must treat NULL as equal.
  const keys = ['year', ...ind.by.map(quoteIdent), ...ind.by.map((_, i) => `_g${i}`)].map(
    (k) => `num.${k} IS NOT DISTINCT FROM den.${k}`,
  );
  if (!ind.denominator)
    return `SELECT * EXCLUDE (v), v AS numerator, NULL::DOUBLE AS denominator FROM (${side(ind.numerator)}) ORDER BY ALL`;
  // Every cell of the denominator gets a value; a cell missing from the numerator's table counts as 0 there.
  // Numerator cells that no denominator cell matches come back marked `_orphan`: the codes differ.
  return `WITH num AS MATERIALIZED (${side(ind.numerator)}), den AS MATERIALIZED (${side(ind.denominator)})
    SELECT den.* EXCLUDE (v, missing, flags), coalesce(num.v, 0) AS numerator, den.v AS denominator,
      concat_ws('; ', num.missing, den.missing) AS missing, concat_ws('; ', num.flags, den.flags) AS flags, false AS _orphan
    FROM den LEFT JOIN num ON ${keys.join(' AND ')}
    WHERE den.year IN (SELECT DISTINCT year FROM num)
    UNION ALL
    SELECT num.* EXCLUDE (v, missing, flags), num.v, NULL, NULL, NULL, true
    FROM num ANTI JOIN den ON ${keys.join(' AND ')}
    WHERE num.year IN (SELECT DISTINCT year FROM den)
    ORDER BY ALL`;
}

/**
 * A cell that the source marks as missing (secret, not applicable, …) makes an aggregate over it not
 * computable rather than silently smaller; flags such as "provisional" are carried along. Both come from
 * the `<column>__note` columns that load writes for columns with special signs.
 */
function signNotes(agg: Aggregate, columns: string[]): { missing: string; flags: string } {
  // SQL names ignore case, and a column name may hold characters that mean something in a pattern.
  const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const used = columns.filter(
    (c) =>
      columns.includes(`${c}__note`) &&
      new RegExp(`(^|[^A-Za-z0-9_])"?${escape(c)}"?([^A-Za-z0-9_]|$)`, 'i').test(agg.expr),
  );
  if (!used.length) return { missing: 'NULL::VARCHAR', flags: 'NULL::VARCHAR' };
  const notes = (valueIs: string) =>
    `nullif(concat_ws('; ', ${used.map((c) => `string_agg(DISTINCT ${quoteIdent(`${c}__note`)}, '; ' ORDER BY ${quoteIdent(`${c}__note`)}) FILTER (WHERE ${quoteIdent(c)} ${valueIs})`).join(', ')}), '')`;
  return { missing: notes('IS NULL'), flags: notes('IS NOT NULL') };
}

function toValue(project: Project, ind: IndicatorFile, row: Row): IndicatorValue {
  const cell: Cell = {};
  ind.by.forEach((c, i) => {
    if (row[`_g${i}`] === 0) cell[c] = String(row[c]);
  });
  const scale = unitScale[ind.unit];
  const num = row.numerator as number | null;
  const den = row.denominator as number | null;
  const ratio = ind.unit === 'count' ? num : num !== null && den ? num / den : null;
  const value: IndicatorValue = {
    indicator: ind.id,
    year: row.year as number,
    cell,
    value: ratio === null ? null : ratio * scale,
    numerator: num,
    denominator: den,
    notes: [],
  };
  if (den === 0) value.notes.push(msg('value-denominator-zero'));
  // Numerator and denominator may both rest on the same marked cell: say each reason once.
  const distinct = (s: unknown) => [...new Set(String(s).split('; '))];
  if (row.flags) value.notes.push(msg('value-source-flags', { flags: distinct(row.flags) }));
  if (row.missing)
    return {
      ...value,
      value: null,
      numerator: null,
      denominator: null,
      notes: [msg('value-source-missing', { reasons: distinct(row.missing) })],
    };
  const rule = project.config.suppression;
  if (ind.weight) {
    const n = row.n as number;
    const se = row.se as number | null;
    Object.assign(value, { n, nEff: row.n_eff as number, se: se === null ? null : se * scale });
    if (ratio !== null && se !== null) {
      const [low, high] =
        ind.unit === 'percent' || ind.unit === 'per_1000'
          ? logitInterval(ratio, se)
          : [ratio - 1.96 * se, ratio + 1.96 * se];
      Object.assign(value, { low: low * scale, high: high * scale });
    }
    if (n < rule.min_respondents) suppress(value, msg('value-suppressed-respondents', { min: rule.min_respondents }));
    else if (n < rule.flag_respondents) value.notes.push(msg('value-few-respondents', { n }));
  } else {
    const counts = ind.unit === 'mean' ? [den] : [num, den];
    if (counts.some((c) => c !== null && c > 0 && c < rule.min_count))
      suppress(value, msg('value-suppressed-count', { min: rule.min_count }));
  }
  return value;
}

function suppress(value: IndicatorValue, reason: Message): void {
  Object.assign(value, {
    value: null,
    numerator: null,
    denominator: null,
    se: undefined,
    low: undefined,
    high: undefined,
    suppressed: true,
    notes: [reason],
  });
}

async function readColumns(db: Database): Promise<Map<string, string[]>> {
  const rows = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() AND NOT internal ORDER BY table_name, column_index`,
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.table_name, [...(map.get(r.table_name) ?? []), r.column_name]);
  return map;
}
