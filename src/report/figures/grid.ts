// The values of an indicator laid out as a figure's table: a row for each period (or each code of a column
// such as the district), a column for each shown series (a group, or everyone). Charts and tables read
// their cells from the same grid.
import { from, table } from 'arquero';
import { sameCell } from '../../compare/index.js';
import type { Cell, IndicatorValue } from '../../core/types.js';

export interface GridRow<K> {
  key: K;
  /** One per shown series, in their order; undefined where the series has no value. */
  values: (IndicatorValue | undefined)[];
}

/**
 * Rows in the order of `keys`: by period (`by` = 'year'), the series matched on the whole cell; by a
 * column's codes, the series matched on the rest of the cell.
 */
export function layOut<K extends string | number>(
  values: IndicatorValue[],
  by: 'year' | { column: string },
  keys: K[],
  series: Cell[],
): GridRow<K>[] {
  const names = series.map((_, i) => `s${i}`);
  const long = values.flatMap((v) => {
    const [key, rest] = by === 'year' ? [v.year, v.cell] : [v.cell[by.column], without(v.cell, by.column)];
    const i = series.findIndex((cell) => sameCell(cell, rest));
    return i < 0 || key === undefined ? [] : [{ key, series: names[i], value: v }];
  });
  const wide = table({ key: keys, order: keys.map((_, i) => i) })
    .join_left(from(long, ['key', 'series', 'value']).groupby('key').pivot('series', 'value'), 'key')
    .orderby('order')
    .objects() as Record<string, unknown>[];
  return wide.map((row) => ({ key: row.key as K, values: names.map((s) => row[s] as IndicatorValue | undefined) }));
}

function without(cell: Cell, column: string): Cell {
  const { [column]: _, ...rest } = cell;
  return rest;
}
