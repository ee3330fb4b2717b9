import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '../src/core/types.js';
import { suppressSecondary } from '../src/compute/suppress.js';
import { msg } from '../src/core/messages/index.js';
import { noteOf } from './helpers.js';

const v = (cell: Record<string, string>, numerator: number, suppressed = false): IndicatorValue => ({
  indicator: 'x',
  year: 2024,
  cell,
  value: suppressed ? null : numerator,
  numerator: suppressed ? null : numerator,
  denominator: suppressed ? null : 100,
  notes: suppressed ? [msg('value-suppressed-count', { min: 5 })] : [],
  ...(suppressed ? { suppressed: true } : {}),
});
const hidden = (values: IndicatorValue[]) =>
  values
    .filter((x) => x.suppressed)
    .map((x) => JSON.stringify(x.cell))
    .sort();

describe('secondary suppression', () => {
  it('hides the smallest sibling when a total would give the hidden cell away', () => {
    // Districts A, B, C and their total: B is below the threshold, C is the next smallest.
    const values = [v({}, 60), v({ d: 'A' }, 40), v({ d: 'B' }, 3, true), v({ d: 'C' }, 17)];
    const out = suppressSecondary(values, ['d']);
    expect(hidden(out)).toEqual(['{"d":"B"}', '{"d":"C"}']);
    expect(out.find((x) => x.cell.d === 'C')).toMatchObject({ value: null, numerator: null });
    expect(noteOf(out.find((x) => x.cell.d === 'C'))).toBe('suppressed: would reveal a suppressed neighbouring cell');
    expect(out.find((x) => x.cell.d === 'A')!.value).toBe(40);
  });

  it('works through both margins of a two-way table until nothing can be recomputed', () => {
    // district × group: one small cell forces its row, its column and the opposite corner.
    const values = [
      v({}, 100),
      v({ d: 'A' }, 70),
      v({ d: 'B' }, 30),
      v({ g: 'm' }, 40),
      v({ g: 'o' }, 60),
      v({ d: 'A', g: 'm' }, 38),
      v({ d: 'A', g: 'o' }, 32),
      v({ d: 'B', g: 'm' }, 2, true),
      v({ d: 'B', g: 'o' }, 28),
    ];
    const out = suppressSecondary(values, ['d', 'g']);
    expect(hidden(out)).toEqual(['{"d":"A","g":"m"}', '{"d":"A","g":"o"}', '{"d":"B","g":"m"}', '{"d":"B","g":"o"}']);
    // The margins stay published: with every inner cell hidden, none can be recomputed.
    expect(out.filter((x) => Object.keys(x.cell).length < 2).every((x) => !x.suppressed)).toBe(true);
  });

  it('leaves a table alone when two cells are hidden already, or none', () => {
    const two = [v({}, 60), v({ d: 'A' }, 52), v({ d: 'B' }, 4, true), v({ d: 'C' }, 4, true)];
    expect(hidden(suppressSecondary(two, ['d']))).toEqual(['{"d":"B"}', '{"d":"C"}']);
    const none = [v({}, 60), v({ d: 'A' }, 30), v({ d: 'B' }, 30)];
    expect(hidden(suppressSecondary(none, ['d']))).toEqual([]);
  });

  it('needs no secondary suppression when the total is hidden itself', () => {
    const values = [v({}, 7, true), v({ d: 'A' }, 5), v({ d: 'B' }, 2, true)];
    expect(hidden(suppressSecondary(values, ['d']))).toEqual(['{"d":"B"}', '{}']);
  });
});
