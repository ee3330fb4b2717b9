// Comparison series in the time series figure: a grey line each in the chart, a column each in the table
// of the years, and the source under the chart's title. Only the years the indicator itself spans are
// shown, so that a long reference series does not stretch the town's chart.
import { formatValue, localize, type Lang } from '../../core/format.js';
import { words } from '../../core/messages/index.js';
import type { ReferenceSeries } from '../../core/references.js';
import type { Indicator } from '../../core/schema.js';
import type { ChartReference } from '../charts/line-input.js';
import type { DataTable } from './types.js';

/** A reference as the figure shows it: its name, its legend entry, its source and its points. */
export interface ShownReference extends ChartReference {
  name: string;
  /** The heading of its column in the table: "Niedersachsen (Vergleich)". */
  column: string;
}

export function referencesWithin(
  references: ReferenceSeries[],
  span: number[],
  ind: Indicator,
  lang: Lang,
): ShownReference[] {
  if (!span.length) return [];
  const [first, last] = [span[0]!, span.at(-1)!];
  return references.flatMap((r) => {
    const points = r.points
      .filter((p) => p.year >= first && p.year <= last)
      .map((p) => ({ ...p, text: formatValue(p.value, ind.unit, lang) }));
    const name = localize(r.label, lang);
    const column = words(lang).report.referenceLabel(name);
    return points.length ? [{ name, label: name, column, source: r.source, points }] : [];
  });
}

/** A column per reference beside the town's own: its value in the row's year, or "–" for a year without one. */
export function withReferenceColumns(table: DataTable, references: ShownReference[]): DataTable {
  if (!references.length) return table;
  return {
    ...table,
    columns: [...table.columns, ...references.map((r) => r.column)],
    rows: table.rows.map((row) => ({
      ...row,
      cells: [
        ...row.cells,
        ...references.map((r) => ({ text: r.points.find((p) => String(p.year) === row.head)?.text ?? '–' })),
      ],
    })),
  };
}
