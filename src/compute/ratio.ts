// The SQL of a register indicator: numerator and denominator aggregated separately (they may come from
// different tables) by year and every combination of the disaggregations (CUBE), then matched cell by
// cell. Besides the sums, each side counts what it read: rows, and empty cells — in the columns its
// expression reads, and rows whose filter cannot be decided because a column it reads is empty.
import { quoteIdent } from '../core/database.js';
import type { IndicatorFile, Project } from '../core/project.js';
import { periodColumn, type Aggregate } from '../core/schema.js';
import { isEmpty, withEmptyCells, type Catalog } from './catalog.js';
import type { IndicatorColumns } from './indicator-checks.js';
import type { ReadColumns } from './sqlguard.js';

export function ratioSql(project: Project, ind: IndicatorFile, catalog: Catalog, read: IndicatorColumns): string {
  const by = ind.by.map(quoteIdent);
  const cellKeys = ['year', ...by, ...by.map((_, i) => `_g${i}`)];
  // Totals carry NULL in their disaggregation columns, so the match must treat NULL as equal.
  const match = (a: string, b: string) => cellKeys.map((k) => `${a}.${k} IS NOT DISTINCT FROM ${b}.${k}`).join(' AND ');
  const num = sideSql(project, ind, ind.numerator, catalog, read.numerator);
  if (!ind.denominator)
    return `SELECT * EXCLUDE (v, _rows, _empty, _fempty, _k), v AS numerator, NULL::DOUBLE AS denominator,
      _rows * _k + _fempty AS _cells, _empty + _fempty AS _empty FROM (${num}) ORDER BY ALL`;
  const den = sideSql(project, ind, ind.denominator, catalog, read.denominator!);
  const cells = (s: string) => `coalesce(${s}._rows * ${s}._k + ${s}._fempty, 0)`;
  const empty = (s: string) => `coalesce(${s}._empty + ${s}._fempty, 0)`;
  // Every cell of the denominator gets a value; a cell the numerator's table has no rows for counts as 0
  // there (a count of nothing), but rows whose numerator is empty do not: that sum stays NULL.
  // Numerator cells that no denominator cell matches come back marked `_orphan`: the codes differ.
  return `WITH num AS MATERIALIZED (${num}), den AS MATERIALIZED (${den})
    SELECT ${cellKeys.map((k) => `den.${k}`).join(', ')},
      CASE WHEN num.year IS NULL THEN 0 ELSE num.v END AS numerator, den.v AS denominator,
      concat_ws('; ', num.withheld, den.withheld) AS withheld, concat_ws('; ', num.flags, den.flags) AS flags,
      ${cells('num')} + ${cells('den')} AS _cells, ${empty('num')} + ${empty('den')} AS _empty, false AS _orphan
    FROM den LEFT JOIN num ON ${match('num', 'den')}
    WHERE den.year IN (SELECT DISTINCT year FROM num)
    UNION ALL
    SELECT ${cellKeys.map((k) => `num.${k}`).join(', ')}, num.v, NULL, NULL, NULL, 0, 0, true
    FROM num ANTI JOIN den ON ${match('num', 'den')}
    WHERE num.year IN (SELECT DISTINCT year FROM den)
    ORDER BY ALL`;
}

/**
 * One side (numerator or denominator): its aggregate by year and cell, the reasons of withheld source
 * cells and the flags of the values it read (signs.ts), and its counts of rows and empty cells.
 */
function sideSql(project: Project, ind: IndicatorFile, agg: Aggregate, catalog: Catalog, reads: ReadColumns): string {
  const table = agg.table;
  const columns = catalog.columns.get(table) ?? [];
  const year = quoteIdent(periodColumn(project.sources[table]!));
  const by = ind.by.map(quoteIdent);
  const keys = [
    `${year}::INTEGER AS year`,
    ...by.map((c) => `${c}::VARCHAR AS ${c}`),
    ...by.map((c, i) => `grouping(${c}) AS _g${i}`),
  ];
  const group = by.length ? `${year}, CUBE(${by.join(', ')})` : year;
  const read = reads.expr;
  const emptyRead = withEmptyCells(catalog, table, read);
  const emptyCount = emptyRead.length
    ? emptyRead.map((c) => `count(*) FILTER (WHERE ${isEmpty(catalog, table, c)})`).join(' + ')
    : '0';
  const { withheld, flags } = signNotes(read, columns);
  const main = `SELECT ${keys.join(', ')}, (${agg.expr})::DOUBLE AS v, ${withheld} AS withheld, ${flags} AS flags,
      count(*) AS _rows, ${emptyCount} AS _empty, ${Math.max(1, read.length)} AS _k
    FROM ${quoteIdent(table)}${agg.filter ? ` WHERE (${agg.filter})` : ''}
    GROUP BY ${group}`;
  const filterEmpty = withEmptyCells(catalog, table, reads.filter);
  if (!filterEmpty.length) return `SELECT *, 0 AS _fempty FROM (${main})`;
  // Rows whose filter is neither true nor false because a column it reads is empty: each an empty cell.
  const undecided = `SELECT ${keys.join(', ')}, count(*) AS _fempty FROM ${quoteIdent(table)}
    WHERE (${agg.filter}) IS NULL AND (${filterEmpty.map((c) => isEmpty(catalog, table, c)).join(' OR ')})
    GROUP BY ${group}`;
  const cellKeys = ['year', ...by, ...by.map((_, i) => `_g${i}`)];
  const on = cellKeys.map((k) => `m.${k} IS NOT DISTINCT FROM f.${k}`).join(' AND ');
  return `SELECT ${cellKeys.map((k) => `coalesce(m.${k}, f.${k}) AS ${k}`).join(', ')}, m.v, m.withheld, m.flags,
      coalesce(m._rows, 0) AS _rows, coalesce(m._empty, 0) AS _empty, ${Math.max(1, read.length)} AS _k,
      coalesce(f._fempty, 0) AS _fempty
    FROM (${main}) m FULL JOIN (${undecided}) f ON ${on}`;
}

/**
 * A cell that the source marks as withheld (secret, not applicable, …) makes an aggregate over it not
 * computable rather than silently smaller; flags such as "provisional" are carried along. Both come from
 * the `<column>__note` columns that load writes for columns with special signs.
 */
function signNotes(read: string[], columns: string[]): { withheld: string; flags: string } {
  const used = read.filter((c) => columns.includes(`${c}__note`));
  if (!used.length) return { withheld: 'NULL::VARCHAR', flags: 'NULL::VARCHAR' };
  const notes = (valueIs: string) =>
    `nullif(concat_ws('; ', ${used
      .map(
        (c) =>
          `string_agg(DISTINCT ${quoteIdent(`${c}__note`)}, '; ' ORDER BY ${quoteIdent(`${c}__note`)}) FILTER (WHERE ` +
          `${quoteIdent(c)} ${valueIs})`,
      )
      .join(', ')}), '')`;
  return { withheld: notes('IS NULL'), flags: notes('IS NOT NULL') };
}
