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

/**
 * Every chart has the same fixed layout, in Node and in the browser: a plot 262 pixels wide beside a y axis
 * of fixed extent, about 352 pixels in all with 12-pixel type. The page scales the chart to its box, so the
 * type stays readable on a phone (10 pixels at 320) and the labels placed in Node (place.ts) stay where
 * they were put.
 */
export const plotWidth = 262;
/** The y axis's labels and ticks, and (beside them) its title. */
export const axisExtent = 40;
/** How far labels may reach past the plot's right edge. */
export const rightRoom = 18;

/** One layer of a layered Vega-Lite spec. */
export type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/**
 * Shared looks: system fonts only (nothing may be fetched), quiet axes, legend below. No ARIA of Vega's own:
 * its generated texts are English and read raw numbers; the chart's description and the marks'
 * `description` encodings speak the report's language instead (the axes and legends are in the table).
 */
export function chartConfig() {
  return {
    font,
    aria: false,
    mark: { aria: false },
    view: { stroke: null },
    axis: {
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 'normal' as const,
      titleColor: '#444',
      labelColor: '#333',
      gridColor: '#e5e5e5',
    },
    // One entry a row: two long group names side by side would be wider than the chart.
    legend: {
      labelFontSize: 12,
      orient: 'bottom' as const,
      title: null,
      symbolStrokeWidth: 2,
      labelLimit: 300,
      columns: 1,
    },
  };
}
