// The width of a label in a chart, without Vega: the chart layout (charts/place.ts, charts/bars.ts) places
// labels with it when a report is made from cached SVGs, and svg.ts lends it to Vega when it draws.

/**
 * Without a canvas, Vega guesses every character at 0.8 em and cuts labels that would fit. Widths of a
 * Helvetica-like sans serif (in 1/1000 em, for the characters from space to ~), a little generous for
 * wider system fonts, lay the SVG out as the browser does; Vega supports replacing its estimate so.
 */
const widths = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

export function textWidth(text: string, size: number, bold: boolean): number {
  let em = 0;
  for (const c of text.normalize('NFD')) {
    const code = c.codePointAt(0)!;
    if (code >= 0x300 && code < 0x370) continue; // a combining accent: the base letter was counted
    em += (widths[code - 32] ?? 600) / 1000;
  }
  return Math.ceil(em * size * 1.08 * (bold ? 1.07 : 1));
}
