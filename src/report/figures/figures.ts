// The figures of an indicator section, each a chart with the table of its exact numbers: the time series
// with targets and trend (series.ts), the gap between the groups over time (gap.ts), and the latest year
// by district or any other disaggregation, as bars and as a map (breakdown.ts, map.ts). Pure: plain
// values in, plain localized data and Vega-Lite specs out. Only shown values reach a figure; a suppressed
// or missing cell is a "–" in the table with its reason as a footnote.
import { breakdownFigures } from './breakdown.js';
import { gapFigure } from './gap.js';
import { seriesFigure } from './series.js';
import type { Figure, FigureInput } from './types.js';

export function buildFigures(input: FigureInput): Figure[] {
  if (!input.values.length) return [];
  return [seriesFigure(input), ...(input.ind.groups ? [gapFigure(input)] : []), ...breakdownFigures(input)];
}
