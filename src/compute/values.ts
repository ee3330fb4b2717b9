// A result row of an indicator query → an indicator value: the ratio in the indicator's unit, the notes
// that qualify it (empty or withheld source cells, flags, few respondents), and primary suppression.
import { msg, type Message } from '../core/messages/index.js';
import type { IndicatorFile, Project } from '../core/project.js';
import type { Unit } from '../core/schema.js';
import type { Cell, IndicatorValue } from '../core/types.js';
import type { Row } from '../core/database.js';
import { logitInterval } from './survey.js';

const unitScale: Record<Unit, number> = { percent: 100, per_1000: 1000, count: 1, mean: 1, ratio: 1, total: 1 };

export function toValue(project: Project, ind: IndicatorFile, row: Row): IndicatorValue {
  const cell: Cell = {};
  ind.by.forEach((c, i) => {
    if (row[`_g${i}`] === 0) cell[c] = String(row[c]);
  });
  const scale = unitScale[ind.unit];
  const num = row.numerator as number | null;
  const den = row.denominator as number | null;
  const ratio = !ind.denominator ? num : num !== null && den ? num / den : null;
  const empty = Number(row._empty ?? 0);
  const cells = Number(row._cells ?? 0);
  const value: IndicatorValue = {
    indicator: ind.id,
    year: row.year as number,
    cell,
    value: ratio === null ? null : ratio * scale,
    numerator: num,
    denominator: den,
    cells,
    empty,
    notes: [],
  };
  if (den === 0) value.notes.push(msg('value-denominator-zero'));
  const share = ind.unit === 'percent' || ind.unit === 'per_1000';
  if (share && num !== null && den !== null && num > den) value.notes.push(msg('value-share-over'));
  // Numerator and denominator may both rest on the same marked cell: say each reason once.
  const distinct = (s: unknown) => [...new Set(String(s).split('; '))];
  if (row.flags) value.notes.push(msg('value-source-flags', { flags: distinct(row.flags) }));
  if (row.withheld) return withhold(value, msg('value-source-missing', { reasons: distinct(row.withheld) }));
  if (empty > 0) {
    if (value.value === null && empty >= cells) return withhold(value, msg('value-all-cells-missing', { cells }));
    if (ind.missing === 'refuse') return withhold(value, msg('value-cells-missing-refused', { missing: empty, cells }));
    value.notes.push(msg('value-cells-missing', { missing: empty, cells }));
  }
  const rule = project.config.suppression;
  if (ind.weight) {
    const n = row.n as number;
    const se = row.se as number | null;
    Object.assign(value, { n, nEffKish: row.n_eff as number, se: se === null ? null : se * scale });
    if (ratio !== null && se !== null) {
      const [low, high] =
        ind.unit === 'percent' || ind.unit === 'per_1000'
          ? logitInterval(ratio, se)
          : [ratio - 1.96 * se, ratio + 1.96 * se];
      Object.assign(value, { low: low * scale, high: high * scale });
    }
    if (n < rule.min_respondents) suppress(value, msg('value-suppressed-respondents', { min: rule.min_respondents }));
    else if (n < rule.flag_respondents) value.notes.push(msg('value-few-respondents', { n }));
  } else if (isSmall(ind.unit, num, den, rule.min_count)) {
    suppress(value, msg('value-suppressed-count', { min: rule.min_count }));
  }
  return value;
}

/**
 * A count is small when it is above 0 and below the threshold. For a share, its complement is a count
 * too: 98 of 100 tells that 2 are not, so the cell is small when the complement is.
 */
function isSmall(unit: Unit, num: number | null, den: number | null, min: number): boolean {
  const share = unit === 'percent' || unit === 'per_1000';
  const counts = unit === 'mean' ? [den] : [num, den, share && num !== null && den !== null ? den - num : null];
  return counts.some((c) => c !== null && c > 0 && c < min);
}

/** Not computed, with the reason: nothing of the value is shown. */
function withhold(value: IndicatorValue, reason: Message): IndicatorValue {
  return { ...value, value: null, numerator: null, denominator: null, notes: [reason] };
}

/** Suppressed: the value and everything it could be worked back from (counts, respondents, intervals). */
export function suppress(value: IndicatorValue, reason: Message): void {
  Object.assign(value, {
    value: null,
    numerator: null,
    denominator: null,
    se: undefined,
    low: undefined,
    high: undefined,
    n: undefined,
    nEffKish: undefined,
    empty: undefined,
    cells: undefined,
    suppressed: true,
    notes: [reason],
  });
}
