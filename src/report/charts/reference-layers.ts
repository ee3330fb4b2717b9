// Comparison series (the Land, the region, comparable towns) behind the town's own lines: grey, dashed,
// told apart by their dashes, with a legend of their own so that nobody takes them for a group of the
// town. The points carry the value and the source in their tooltip.
import { words } from '../../core/messages/index.js';
import type { Layer } from './config.js';
import type { Frame } from './line-input.js';

/** Grey dark enough to read against white, and dashes that stay apart in black and white. */
const referenceColor = '#595959';
const dashes = [
  [6, 3],
  [2, 2],
  [8, 3, 2, 3],
];

export function referenceLayers({ input }: Frame): Layer[] {
  const references = input.references ?? [];
  if (!references.length) return [];
  const ui = words(input.lang).report;
  const labels = references.map((r) => r.label);
  const data = {
    values: references.flatMap((r) =>
      r.points.map((p) => ({ year: p.year, value: p.value, reference: r.label, text: p.text, source: r.source })),
    ),
  };
  const y = { field: 'value', type: 'quantitative' as const };
  return [
    {
      data,
      mark: { type: 'line', strokeWidth: 1.75, color: referenceColor },
      encoding: {
        y,
        strokeDash: {
          field: 'reference',
          type: 'nominal',
          scale: { domain: labels, range: labels.map((_, i) => dashes[i % dashes.length]!) },
          legend: { title: ui.referenceLegend, symbolStrokeWidth: 1.75, symbolStrokeColor: referenceColor },
        },
      },
    },
    {
      data,
      mark: { type: 'point', filled: true, size: 28, color: referenceColor, opacity: 1 },
      encoding: {
        y,
        tooltip: [
          { field: 'reference', type: 'nominal', title: ui.referenceTip.reference },
          { field: 'year', type: 'ordinal', title: ui.axis.year },
          { field: 'text', type: 'nominal', title: ui.tooltip.value },
          { field: 'source', type: 'nominal', title: ui.referenceTip.source },
        ],
      },
    },
  ];
}
