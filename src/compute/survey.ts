// Survey estimates: weighted ratios, means and proportions with design-based standard errors, computed
// in DuckDB over the microdata for every year and disaggregation at once.
import { quoteIdent } from '../core/database.js';
import type { IndicatorFile, Project } from '../core/project.js';
import { periodColumn, type Aggregate } from '../core/schema.js';

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
  const rowValue = (agg: Aggregate) =>
    `CASE WHEN ${agg.filter ? `(${agg.filter})` : 'true'} THEN ${summand(agg)} ELSE 0 END`;
  const stratum = source.strata ? `${quoteIdent(source.strata)}::VARCHAR` : "''";
  const cluster = source.cluster ? `${quoteIdent(source.cluster)}::VARCHAR` : 'rowid::VARCHAR';
  // fpc: the population size of the stratum (in clusters), or the sampling fraction when it is at most 1.
  const fraction = source.fpc
    ? `CASE WHEN any_value(${quoteIdent(source.fpc)}) <= 1 THEN any_value(${quoteIdent(source.fpc)}) ELSE count(DISTINCT _c) / any_value(${quoteIdent(source.fpc)}) END`
    : '0';
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

/** A 95 % interval for a proportion on the logit scale: it stays inside [0, 1] however small the sample. */
export function logitInterval(p: number, se: number): [number, number] {
  if (p <= 0 || p >= 1 || se === 0) return [p, p];
  const l = Math.log(p / (1 - p));
  const h = (1.96 * se) / (p * (1 - p));
  const inv = (x: number) => 1 / (1 + Math.exp(-x));
  return [inv(l - h), inv(l + h)];
}
