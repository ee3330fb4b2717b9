// Survey estimates: weighted ratios, means, proportions and totals with design-based standard errors,
// computed in DuckDB over the microdata for every year and disaggregation at once.
import { quoteIdent } from '../core/database.js';
import type { IndicatorFile, Project } from '../core/project.js';
import { periodColumn, type Aggregate } from '../core/schema.js';
import { isEmpty, withEmptyCells, type Catalog } from './catalog.js';
import type { IndicatorColumns } from './indicator-checks.js';

/**
 * A weighted ratio R = Σw·y / Σw·x over survey microdata with its Taylor-linearised variance, for the
 * design that sources.yaml declares: weights only, or with strata, clusters (primary sampling units) and
 * a finite population correction. With z = w·(y − R·x) / Σw·x summed to cluster totals z_hc:
 *   var(R) = Σ_h (1 − f_h) · n_h / (n_h − 1) · Σ_c (z_hc − z̄_h)²
 * where n_h counts the clusters of stratum h in the whole wave (domain estimation: respondents outside
 * the cell have z = 0) and f_h = n_h / N_h. A mean is the ratio with x = 1, a proportion the mean of 0/1.
 * A total (unit `total`, R's svytotal) is Σw·y with z = w·y, not divided by anything.
 * The sums of squares are expanded so that every disaggregation is computed in the same grouped query.
 *
 * Floating-point sums depend on the order of their terms: compute runs these queries on one thread
 * (compute.ts), so that the same data give the same digits in every run.
 */
export function surveySql(project: Project, ind: IndicatorFile, catalog: Catalog, read: IndicatorColumns): string {
  const table = ind.numerator.table;
  const source = project.sources[table]!;
  const year = quoteIdent(periodColumn(source));
  const w = quoteIdent(ind.weight!);
  const by = ind.by.map(quoteIdent);
  const total = ind.unit === 'total';
  const den = ind.denominator;
  const rowValue = (agg: Aggregate) =>
    `CASE WHEN ${agg.filter ? `(${agg.filter})` : 'true'} THEN ${summand(agg)} ELSE 0 END`;
  const stratum = source.strata ? `${quoteIdent(source.strata)}::VARCHAR` : "''";
  const cluster = source.cluster ? `${quoteIdent(source.cluster)}::VARCHAR` : 'rowid::VARCHAR';
  // fpc: the population size of the stratum (in clusters), or the sampling fraction when it is at most 1.
  const fraction = source.fpc
    ? `CASE WHEN any_value(${quoteIdent(source.fpc)}) <= 1 THEN any_value(${quoteIdent(source.fpc)}) ELSE ` +
      `count(DISTINCT _c) / any_value(${quoteIdent(source.fpc)}) END`
    : '0';
  const cell = ['year', ...by, ...by.map((_, i) => `_g${i}`)];
  const { undecided, emptyNum } = emptySql(ind, catalog, read);
  // A respondent whose numerator cannot be decided (an empty answer) is left out of both sides.
  return `WITH base AS (
      SELECT *, ${year}::INTEGER AS _year, ${stratum} AS _h, ${cluster} AS _c, ${w}::DOUBLE AS _w,
        ${undecided} AS _undecided, coalesce((${den?.filter ?? 'true'}), false) AND ${emptyNum} AS _empty
      FROM ${quoteIdent(table)}
    ), rows AS (
      SELECT *, CASE WHEN _empty THEN 0 ELSE (${rowValue(ind.numerator)})::DOUBLE END AS _y,
        CASE WHEN _empty THEN 0 ELSE ${den ? `(${rowValue(den)})::DOUBLE` : '0::DOUBLE'} END AS _x,
        coalesce((${den?.filter ?? 'true'}), false) AND NOT _empty AS _in
      FROM base
    ), design AS (
      SELECT _year, _h, count(DISTINCT _c) AS n_h, ${fraction} AS f_h FROM rows GROUP BY _year, _h
    ), clusters AS (
      SELECT ${[
        '_year AS year',
        ...by.map((c) => `${c}::VARCHAR AS ${c}`),
        ...by.map((c, i) => `grouping(${c}) AS _g${i}`),
      ].join(', ')}, _h, _c,
        count(*) FILTER (WHERE _in) AS n, sum(_w) FILTER (WHERE _in) AS sw,
        sum(_w * _w) FILTER (WHERE _in) AS sw2,
        sum(_w * _y) AS y, sum(_w * _x) AS x,
        count(*) FILTER (WHERE _in OR _undecided OR _empty) AS cells,
        count(*) FILTER (WHERE _undecided OR _empty) AS empty
      FROM rows GROUP BY ${by.length ? `_year, _h, _c, CUBE(${by.join(', ')})` : '_year, _h, _c'}
    ), strata AS (
      SELECT ${cell.join(', ')}, _h, sum(n) AS n, sum(sw) AS sw, sum(sw2) AS sw2,
        sum(y) AS y, sum(x) AS x, sum(y * y) AS yy,
        sum(x * y) AS xy, sum(x * x) AS xx, sum(cells) AS cells, sum(empty) AS empty
      FROM clusters GROUP BY ${cell.join(', ')}, _h
    ), sums AS (
      SELECT ${cell.join(', ')}, sum(y) AS sy, sum(x) AS sx FROM strata GROUP BY ${cell.join(', ')}
    ), terms AS (
      SELECT s.*, d.n_h, d.f_h, ${total ? '0' : 'sums.sy / sums.sx'} AS r, ${total ? '1' : 'sums.sx'} AS total_x
      FROM strata s JOIN design d ON d._year = s.year AND d._h = s._h
        JOIN sums ON ${cell.map((c) => `sums.${c} IS NOT DISTINCT FROM s.${c}`).join(' AND ')}
    )
    SELECT ${cell.join(', ')}, sum(n) AS n, sum(y) AS numerator, ${total ? 'NULL::DOUBLE' : 'sum(x)'} AS denominator,
      sum(sw) * sum(sw) / nullif(sum(sw2), 0) AS n_eff,
      sqrt(greatest(sum(CASE WHEN n_h > 1
        THEN (1 - f_h) * n_h / (n_h - 1) * ((yy - 2 * r * xy + r * r * xx) - (y - r * x) * (y - r * x) / n_h)
        ELSE 0 END), 0)) / nullif(any_value(total_x), 0) AS se,
      sum(cells) AS _cells, sum(empty) AS _empty
    FROM terms GROUP BY ${cell.join(', ')} ORDER BY ALL`;
}

/**
 * Empty answers, counted like the register's empty cells: a respondent whose membership of the
 * denominator cannot be decided (its filter reads an empty answer), and one in the denominator whose
 * numerator cannot be decided. Answer codes that mean "no answer" carry their reason and do not count:
 * the indicator's filters leave them out by definition.
 */
function emptySql(
  ind: IndicatorFile,
  catalog: Catalog,
  read: IndicatorColumns,
): { undecided: string; emptyNum: string } {
  const table = ind.numerator.table;
  const empties = (columns: string[]) => withEmptyCells(catalog, table, columns).map((c) => isEmpty(catalog, table, c));
  const denFilter = ind.denominator?.filter;
  const den = empties(read.denominator?.filter ?? []);
  const num = empties([...read.numerator.filter, ...read.numerator.expr]);
  const numValue =
    `(${ind.numerator.filter ? `(${ind.numerator.filter}) IS NULL OR ` : ''}` + `(${summand(ind.numerator)}) IS NULL)`;
  return {
    undecided: den.length ? `coalesce((${denFilter}) IS NULL AND (${den.join(' OR ')}), false)` : 'false',
    emptyNum: num.length ? `coalesce(${numValue} AND (${num.join(' OR ')}), false)` : 'false',
  };
}

/** count(*) → 1 per row; sum(e) → e. Anything else cannot be weighted. */
function summand(agg: Aggregate): string {
  if (/^\s*count\s*\(\s*\*\s*\)\s*$/i.test(agg.expr)) return '1';
  const sum = /^\s*sum\s*\(([\s\S]*)\)\s*$/i.exec(agg.expr);
  if (sum) return `(${sum[1]})`;
  throw new Error(`unreachable: ${agg.expr} was checked`);
}

/** A 95 % interval for a proportion on the logit scale: it stays inside [0, 1] however small the sample. */
export function logitInterval(p: number, se: number): [number, number] {
  if (p <= 0 || p >= 1 || se === 0) return [p, p];
  const l = Math.log(p / (1 - p));
  const h = (1.96 * se) / (p * (1 - p));
  const inv = (x: number) => 1 / (1 + Math.exp(-x));
  return [inv(l - h), inv(l + h)];
}
