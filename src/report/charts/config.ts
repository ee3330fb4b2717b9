// What every chart of the report shares: colours, point shapes, the font and the quiet axes.
import type { TopLevelSpec } from 'vega-lite';

/** Okabe–Ito blue and vermillion, then further colours that stay apart for colour-blind readers. */
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00'];
/** The same hues dark enough for text on white (contrast of at least 4.5:1, WCAG AA). */
export const textPalette = ['#0072B2', '#B34700', '#007A5A', '#A8507F', '#1F6FA8', '#8A5F00'];
/** The gap between the groups: neither group's colour. */
export const gapColor = { line: '#5E3C99', text: '#5E3C99' };
/** A series' point shape, beside its colour, so that the series stay apart in black and white. */
export const shapes = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'];
/** Targets, rules and labels that belong to no series. */
export const ink = '#222';
const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** One layer of a layered Vega-Lite spec. */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** Shared looks: system fonts only (nothing may be fetched), quiet axes, legend below. */
export function chartConfig() {
  return {
    font,
    view: { stroke: null },
    axis: {
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 'normal' as const,
      titleColor: '#444',
      labelColor: '#333',
      gridColor: '#e5e5e5',
    },
    legend: { labelFontSize: 12, orient: 'bottom' as const, title: null, symbolStrokeWidth: 2, labelLimit: 400 },
  };
}
