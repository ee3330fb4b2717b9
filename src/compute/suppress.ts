// Secondary suppression. A cell hidden for being too small could be worked out again from its total and
// its published siblings (total minus the others). So whenever a published total has exactly one hidden
// cell among its children, the smallest other child is hidden too, until no such total remains.
import { msg } from '../core/messages/index.js';
import { suppress } from './values.js';
import type { Cell, IndicatorValue } from '../core/types.js';

export function suppressSecondary(values: IndicatorValue[], by: string[]): IndicatorValue[] {
  const out = values.map((v) => ({ ...v }));
  const index = new Map(out.map((v) => [keyOf(v.year, v.cell), v]));
  // Siblings: cells that differ only in `dim`; their total is the same cell without `dim`. Suppression
  // changes values, never cells, so the families are found once.
  const families = by.map((dim) => {
    const found = new Map<string, IndicatorValue[]>();
    for (const v of out) {
      if (!(dim in v.cell)) continue;
      const { [dim]: _, ...rest } = v.cell;
      const k = keyOf(v.year, rest);
      const family = found.get(k);
      if (family) family.push(v);
      else found.set(k, [v]);
    }
    return found;
  });
  for (let changed = true; changed;) {
    changed = false;
    for (const found of families) {
      for (const [parentKey, children] of found) {
        const parent = index.get(parentKey);
        if (!parent || parent.suppressed || children.length < 2) continue;
        const hidden = children.filter((c) => c.suppressed);
        if (hidden.length !== 1) continue;
        const next = children.filter((c) => !c.suppressed).sort((a, b) => size(a) - size(b))[0];
        if (!next) continue;
        suppress(next, msg('value-suppressed-secondary'));
        changed = true;
      }
    }
  }
  return out;
}

/** Cells are ranked by what is being protected: the smaller count goes first. */
function size(v: IndicatorValue): number {
  return Math.min(v.numerator ?? Infinity, v.denominator ?? Infinity);
}

function keyOf(year: number, cell: Cell): string {
  return `${year}|${Object.keys(cell)
    .sort()
    .map((k) => `${k}=${cell[k]}`)
    .join('|')}`;
}
