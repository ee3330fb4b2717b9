// Stage 2: DuckDB tables → indicator values. One set-based query per indicator covers every year and
// every combination of its disaggregations (CUBE); no raw rows ever reach JavaScript.
import { openDatabase, quoteIdent, type Database, type Row } from './database.js';
import { didYouMean, InputError } from './errors.js';
import type { Cell, IndicatorValue } from './model.js';
import type { IndicatorFile, Project } from './project.js';
import { periodColumn, type Aggregate, type Unit } from './schema.js';
import { refuseSql } from './sqlguard.js';
import { suppressSecondary } from './suppress.js';
import { locate } from './yamlfile.js';

export const unitScale: Record<Unit, number> = { percent: 100, per_1000: 1000, count: 1, mean: 1, ratio: 1 };

export async function computeProject(project: Project, dbPath: string): Promise<IndicatorValue[]> {
  const db = await openSandbox(dbPath);
  try {
    const columns = await readColumns(db);
    const values: IndicatorValue[] = [];
    for (const indicator of project.indicators) values.push(...(await computeIndicator(db, project, indicator, columns)));
    return values;
  } finally {
    db.close();
  }
}

/** Binds every indicator's SQL against the loaded tables without computing anything. */
export async function validateIndicators(project: Project, dbPath: string): Promise<void> {
  const db = await openSandbox(dbPath);
  try {
    const columns = await readColumns(db);
    for (const ind of project.indicators) {
      for (const part of ind.denominator ? (['numerator', 'denominator'] as const) : (['numerator'] as const)) await checkAggregate(db, project, ind, part, columns);
      if (ind.denominator && !ind.weight) await checkKeysMatch(db, project, ind);
      await checkGroups(db, ind);
    }
  } finally {
    db.close();
  }
}

async function openSandbox(dbPath: string): Promise<Database> {
  return openDatabase(dbPath, { readOnly: true, sandbox: true }).catch((e) => {
    throw new InputError(`cannot open the database (${(e as Error).message.split('\n')[0]})`, dbPath, 'run `istsoll load` first');
  });
}

export async function computeIndicator(db: Database, project: Project, ind: IndicatorFile, columns: Map<string, string[]>): Promise<IndicatorValue[]> {
  const parts = ind.denominator ? (['numerator', 'denominator'] as const) : (['numerator'] as const);
  for (const part of parts) await checkAggregate(db, project, ind, part, columns);
  await checkGroups(db, ind);
  const rows = await db.query(ind.weight ? surveySql(project, ind) : ratioSql(project, ind, columns));
  if (ind.denominator && !ind.weight) await checkKeysMatch(db, project, ind);
  const values = rows.map((row) => toValue(project, ind, row));
  // Survey cells are estimates, not counts: their totals do not give a hidden cell away exactly.
  return ind.weight ? values : suppressSecondary(values, ind.by);
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
  const keys = ['year', ...ind.by.map(quoteIdent), ...ind.by.map((_, i) => `_g${i}`)].map((k) => `num.${k} IS NOT DISTINCT FROM den.${k}`);
  if (!ind.denominator) return `SELECT * EXCLUDE (v), v AS numerator, NULL::DOUBLE AS denominator FROM (${side(ind.numerator)}) ORDER BY ALL`;
  // Every cell of the denominator gets a value; a cell missing from the numerator's table counts as 0 there.
  return `WITH num AS (${side(ind.numerator)}), den AS (${side(ind.denominator)})
    SELECT den.* EXCLUDE (v, missing, flags), coalesce(num.v, 0) AS numerator, den.v AS denominator,
      concat_ws('; ', num.missing, den.missing) AS missing, concat_ws('; ', num.flags, den.flags) AS flags
    FROM den LEFT JOIN num ON ${keys.join(' AND ')}
    WHERE den.year IN (SELECT DISTINCT year FROM num)
    ORDER BY ALL`;
}

/**
 * A cell that the source marks as missing (secret, not applicable, …) makes an aggregate over it not
 * computable rather than silently smaller; flags such as "provisional" are carried along. Both come from
 * the `<column>__note` columns that load writes for columns with special signs.
 */
function signNotes(agg: Aggregate, columns: string[]): { missing: string; flags: string } {
  const used = columns.filter((c) => columns.includes(`${c}__note`) && new RegExp(`(^|[^A-Za-z0-9_])"?${c}"?([^A-Za-z0-9_]|$)`).test(agg.expr));
  if (!used.length) return { missing: 'NULL::VARCHAR', flags: 'NULL::VARCHAR' };
  const notes = (valueIs: string) => `nullif(concat_ws('; ', ${used.map((c) => `string_agg(DISTINCT ${quoteIdent(`${c}__note`)}, '; ' ORDER BY ${quoteIdent(`${c}__note`)}) FILTER (WHERE ${quoteIdent(c)} ${valueIs})`).join(', ')}), '')`;
  return { missing: notes('IS NULL'), flags: notes('IS NOT NULL') };
}

/**
 * A weighted ratio R = Σw·y / Σw·x over survey microdata with its Taylor-linearised variance, for the
 * design that sources.yaml declares: weights only, or with strata, clusters (primary sampling units) and
 * a finite population correction. With z = w·(y − R·x) / Σw·x summed to cluster totals z_hc:
 *   var(R) = Σ_h (1 − f_h) · n_h / (n_h − 1) · Σ_c (z_hc − z̄_h)²
 * where n_h counts the clusters of stratum h in the whole wave (domain estimation: respondents outside
 * the cell have z = 0) and f_h = n_h / N_h. A mean is the ratio with x = 1, a proportion the mean of 0/1.
 * The sums of squares are expanded so that every disaggregation is computed in the same grouped query.
 */
export function surveySql(project: Project, ind: IndicatorFile): string {
  const table = ind.numerator.table;
  const source = project.sources[table]!;
  const year = quoteIdent(periodColumn(source));
  const w = quoteIdent(ind.weight!);
  const by = ind.by.map(quoteIdent);
  const den = ind.denominator!;
  const rowValue = (agg: Aggregate) => `CASE WHEN ${agg.filter ? `(${agg.filter})` : 'true'} THEN ${summand(agg)} ELSE 0 END`;
  const stratum = source.strata ? `${quoteIdent(source.strata)}::VARCHAR` : "''";
  const cluster = source.cluster ? `${quoteIdent(source.cluster)}::VARCHAR` : 'rowid::VARCHAR';
  // fpc: the population size of the stratum (in clusters), or the sampling fraction when it is at most 1.
  const fraction = source.fpc ? `CASE WHEN any_value(${quoteIdent(source.fpc)}) <= 1 THEN any_value(${quoteIdent(source.fpc)}) ELSE count(DISTINCT _c) / any_value(${quoteIdent(source.fpc)}) END` : '0';
  const cell = ['year', ...by, ...by.map((_, i) => `_g${i}`)];
  return `WITH rows AS (
      SELECT *, ${year}::INTEGER AS _year, ${stratum} AS _h, ${cluster} AS _c, ${w}::DOUBLE AS _w,
        (${rowValue(ind.numerator)})::DOUBLE AS _y, (${rowValue(den)})::DOUBLE AS _x, (${den.filter ?? 'true'}) AS _in
      FROM ${quoteIdent(table)}
    ), design AS (
      SELECT _year, _h, count(DISTINCT _c) AS n_h, ${fraction} AS f_h FROM rows GROUP BY _year, _h
    ), clusters AS (
      SELECT ${['_year AS year', ...by.map((c) => `${c}::VARCHAR AS ${c}`), ...by.map((c, i) => `grouping(${c}) AS _g${i}`)].join(', ')}, _h, _c,
        count(*) FILTER (WHERE _in) AS n, sum(_w) FILTER (WHERE _in) AS sw, sum(_w * _w) FILTER (WHERE _in) AS sw2,
        sum(_w * _y) AS y, sum(_w * _x) AS x
      FROM rows GROUP BY ${by.length ? `_year, _h, _c, CUBE(${by.join(', ')})` : '_year, _h, _c'}
    ), strata AS (
      SELECT ${cell.join(', ')}, _h, sum(n) AS n, sum(sw) AS sw, sum(sw2) AS sw2,
        sum(y) AS y, sum(x) AS x, sum(y * y) AS yy, sum(x * y) AS xy, sum(x * x) AS xx
      FROM clusters GROUP BY ${cell.join(', ')}, _h
    ), terms AS (
      SELECT s.*, d.n_h, d.f_h, sum(s.y) OVER cell / sum(s.x) OVER cell AS r, sum(s.x) OVER cell AS total_x
      FROM strata s JOIN design d ON d._year = s.year AND d._h = s._h
      WINDOW cell AS (PARTITION BY ${cell.map((c) => `s.${c}`).join(', ')})
    )
    SELECT ${cell.join(', ')}, sum(n) AS n, sum(y) AS numerator, sum(x) AS denominator, sum(sw) * sum(sw) / nullif(sum(sw2), 0) AS n_eff,
      sqrt(greatest(sum(CASE WHEN n_h > 1 THEN (1 - f_h) * n_h / (n_h - 1) * ((yy - 2 * r * xy + r * r * xx) - (y - r * x) * (y - r * x) / n_h) ELSE 0 END), 0)) / nullif(any_value(total_x), 0) AS se
    FROM terms GROUP BY ${cell.join(', ')} ORDER BY ALL`;
}

/** count(*) → 1 per row; sum(e) → e. Anything else cannot be weighted. */
function summand(agg: Aggregate): string {
  if (/^\s*count\s*\(\s*\*\s*\)\s*$/i.test(agg.expr)) return '1';
  const sum = /^\s*sum\s*\(([\s\S]*)\)\s*$/i.exec(agg.expr);
  if (sum) return `(${sum[1]})`;
  throw new Error(`unreachable: ${agg.expr} was checked`);
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
  const value: IndicatorValue = { indicator: ind.id, year: row.year as number, cell, value: ratio === null ? null : ratio * scale, numerator: num, denominator: den };
  if (den === 0) value.note = 'denominator is zero';
  // Numerator and denominator may both rest on the same marked cell: say each reason once.
  const distinct = (s: unknown) => [...new Set(String(s).split('; '))].join('; ');
  if (row.flags) value.note = `includes values marked ${distinct(row.flags)}`;
  if (row.missing) return { ...value, value: null, numerator: null, denominator: null, note: `not computable: source cell ${distinct(row.missing)}` };
  const rule = project.config.suppression;
  if (ind.weight) {
    const n = row.n as number;
    const se = row.se as number | null;
    Object.assign(value, { n, nEff: row.n_eff as number, se: se === null ? null : se * scale });
    if (ratio !== null && se !== null) {
      const [low, high] = ind.unit === 'percent' || ind.unit === 'per_1000' ? logitInterval(ratio, se) : [ratio - 1.96 * se, ratio + 1.96 * se];
      Object.assign(value, { low: low * scale, high: high * scale });
    }
    if (n < rule.min_respondents) suppress(value, `fewer than ${rule.min_respondents} respondents`);
    else if (n < rule.flag_respondents) value.note = `only ${n} respondents: read with care`;
  } else {
    const counts = ind.unit === 'mean' ? [den] : [num, den];
    if (counts.some((c) => c !== null && c > 0 && c < rule.min_count)) suppress(value, `a count below ${rule.min_count}`);
  }
  return value;
}

function suppress(value: IndicatorValue, reason: string): void {
  Object.assign(value, { value: null, numerator: null, denominator: null, se: undefined, low: undefined, high: undefined, suppressed: true, note: `suppressed: ${reason}` });
}

/** A 95 % interval for a proportion on the logit scale: it stays inside [0, 1] however small the sample. */
export function logitInterval(p: number, se: number): [number, number] {
  if (p <= 0 || p >= 1 || se === 0) return [p, p];
  const l = Math.log(p / (1 - p));
  const h = (1.96 * se) / (p * (1 - p));
  const inv = (x: number) => 1 / (1 + Math.exp(-x));
  return [inv(l - h), inv(l + h)];
}

async function readColumns(db: Database): Promise<Map<string, string[]>> {
  const rows = await db.query<{ table_name: string; column_name: string }>(`SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() AND NOT internal ORDER BY table_name, column_index`);
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.table_name, [...(map.get(r.table_name) ?? []), r.column_name]);
  return map;
}

/** Binds the part's SQL against its table, so that an unknown column or a non-aggregate is reported at its place in the YAML. */
async function checkAggregate(db: Database, project: Project, ind: IndicatorFile, part: 'numerator' | 'denominator', columns: Map<string, string[]>): Promise<void> {
  const agg = ind[part]!;
  const where = (key: PropertyKey[]) => ({ file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, [part, ...key]) });
  const have = columns.get(agg.table);
  if (!have) throw new InputError(`table \`${agg.table}\` is not loaded`, where(['table']), 'run `istsoll load`');
  for (const [i, col] of ind.by.entries()) {
    if (!have.includes(col)) {
      throw new InputError(`disaggregation column \`${col}\` is not in table \`${agg.table}\``, { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['by', i]) }, didYouMean(col, have) ?? `columns of ${agg.table}: ${have.join(', ')}`);
    }
  }
  if (ind.weight && !have.includes(ind.weight)) {
    throw new InputError(`weight column \`${ind.weight}\` is not in table \`${agg.table}\``, { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['weight']) }, didYouMean(ind.weight, have));
  }
  for (const [key, refused] of [
    ['expr', await refuseSql(db, agg.table, agg.expr)],
    ['filter', agg.filter ? await refuseSql(db, agg.table, 'count(*)', agg.filter) : null],
  ] as const) {
    if (refused) throw new InputError(refused, where([key]), 'for example: expr: sum(persons), filter: "age_band = \'15-64\'"');
  }
  for (const key of ['expr', 'filter'] as const) {
    const sql = key === 'expr' ? `SELECT (${agg.expr}) AS v FROM ${quoteIdent(agg.table)} WHERE false` : agg.filter ? `SELECT count(*) FROM ${quoteIdent(agg.table)} WHERE (${agg.filter})` : null;
    if (!sql) continue;
    let rows: Row[];
    try {
      rows = await db.query(`${sql} LIMIT 1`);
    } catch (e) {
      throw new InputError(`${key === 'expr' ? 'expression' : 'filter'} does not work on table \`${agg.table}\`: ${explainSqlError(e)}`, where([key]), columnHint(e, have));
    }
    if (key === 'expr' && rows.length !== 1) throw new InputError(`\`${agg.expr}\` is not an aggregate`, where(['expr']), 'expected an aggregate such as sum(persons) or count(*)');
  }
  if (ind.weight && !/^\s*(count\s*\(\s*\*\s*\)|sum\s*\([\s\S]*\))\s*$/i.test(agg.expr)) {
    throw new InputError(`a weighted indicator needs \`count(*)\` or \`sum(…)\`, found \`${agg.expr}\``, where(['expr']), 'the weight is applied by istsoll: write the aggregate as if unweighted');
  }
}

function explainSqlError(e: unknown): string {
  const m = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  return m.replace(/^[A-Za-z ]+Error: /, '');
}

function columnHint(e: unknown, have: string[]): string {
  const col = /column "?([^"\s]+)"? not found|Referenced column "([^"]+)"/i.exec(e instanceof Error ? e.message : '');
  const name = col?.[1] ?? col?.[2];
  return (name && didYouMean(name, have)) ?? `columns: ${have.join(', ')}`;
}

/** The compared and reference group, and every group a target names, must occur in the data. */
async function checkGroups(db: Database, ind: IndicatorFile): Promise<void> {
  if (!ind.groups) return;
  const { column, compared, reference } = ind.groups;
  const values = (await db.query<{ v: string }>(`SELECT DISTINCT ${quoteIdent(column)}::VARCHAR AS v FROM ${quoteIdent(ind.numerator.table)} WHERE ${quoteIdent(column)} IS NOT NULL ORDER BY 1`)).map((r) => r.v);
  const named: [string, PropertyKey[]][] = [
    [compared, ['groups', 'compared']],
    [reference, ['groups', 'reference']],
    ...ind.targets.flatMap((t, i) => (t.group !== undefined ? [[t.group, ['targets', i, 'group']] as [string, PropertyKey[]]] : [])),
  ];
  for (const [group, path] of named) {
    if (!values.includes(group)) {
      throw new InputError(`group \`${group}\` does not occur in column \`${column}\` of table \`${ind.numerator.table}\``, { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, path) }, didYouMean(group, values) ?? `the column holds: ${values.slice(0, 10).join(', ')}`);
    }
  }
}

/** Numerator cells whose disaggregation values the denominator lacks (district codes against names, say) are an error, not a silent zero. */
async function checkKeysMatch(db: Database, project: Project, ind: IndicatorFile): Promise<void> {
  const num = ind.numerator;
  const den = ind.denominator!;
  for (const [i, col] of ind.by.entries()) {
    const c = quoteIdent(col);
    const yearOf = (a: Aggregate) => quoteIdent(periodColumn(project.sources[a.table]!));
    const missing = await db.query<{ v: string }>(
      `SELECT DISTINCT ${c}::VARCHAR AS v FROM ${quoteIdent(num.table)} WHERE ${num.filter ? `(${num.filter})` : 'true'}
       AND ${yearOf(num)} IN (SELECT ${yearOf(den)} FROM ${quoteIdent(den.table)})
       AND ${c}::VARCHAR NOT IN (SELECT DISTINCT ${c}::VARCHAR FROM ${quoteIdent(den.table)} WHERE ${den.filter ? `(${den.filter})` : 'true'} AND ${c} IS NOT NULL)
       ORDER BY 1 LIMIT 3`,
    );
    if (missing.length) {
      const sample = (await db.query<{ v: string }>(`SELECT DISTINCT ${c}::VARCHAR AS v FROM ${quoteIdent(den.table)} ORDER BY 1 LIMIT 3`)).map((r) => r.v);
      throw new InputError(
        `numerator and denominator do not match on \`${col}\`: ${missing.map((r) => `\`${r.v}\``).join(', ')} from table \`${num.table}\` is not in table \`${den.table}\``,
        { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['by', i]) },
        `\`${den.table}\`.${col} has values like ${sample.map((v) => `\`${v}\``).join(', ')}: both tables must use the same codes`,
      );
    }
  }
}
