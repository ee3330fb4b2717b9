// Charts as SVG, drawn in Node by Vega's own renderer: the report shows them without JavaScript and prints
// them crisply. The markup is made lean (the page's stylesheet gives the font, the figure's wrapper the
// description for screen readers) and checked: an SVG that could run or fetch anything is refused.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Lang } from '../core/format.js';
import { compactSvg } from './svg-compact.js';
import { vegaLocales } from './vega-locales.js';

// Moved into files of their own, which the report page reads without loading Vega (svg-cache.ts).
export { compactSvg } from './svg-compact.js';
export { vegaLocales } from './vega-locales.js';

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

type TextItem = { fontSize?: number; fontWeight?: string | number; text?: unknown };
(vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics.width = (
  item,
  text = item.text,
) => {
  const lines = Array.isArray(text) ? text.map(String) : [String(text ?? '')];
  const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
  return Math.max(0, ...lines.map((line) => textWidth(line, item.fontSize ?? 11, bold)));
};

/** The width a chart of the container's width is laid out for; it scales to its figure through its viewBox. */
const svgWidth = 720;

/** A chart with a width of its own (the report's are laid out at a fixed size, charts/config.ts) keeps it. */
export async function renderSvg(spec: TopLevelSpec, lang: Lang): Promise<string> {
  const fixed = ('width' in spec && spec.width === 'container' ? { ...spec, width: svgWidth } : spec) as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(fixed, { logger: silent }).spec), {
    renderer: 'none',
    locale: { number: vegaLocales[lang] },
  } as unknown as vega.ViewOptions);
  try {
    return compactSvg(await view.toSVG());
  } finally {
    view.finalize();
  }
}

const silent = {
  level: () => silent,
  error: () => silent,
  warn: () => silent,
  info: () => silent,
  debug: () => silent,
} as unknown as NonNullable<Parameters<typeof compile>[1]>['logger'];
