// Charts as SVG, drawn in Node by Vega's own renderer: the report shows them without JavaScript and prints
// them crisply. The markup is made lean (the page's stylesheet gives the font, the figure's wrapper the
// description for screen readers) and checked: an SVG that could run or fetch anything is refused.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Lang } from '../core/format.js';
import { compactSvg } from './svg-compact.js';
import { textWidth } from './text-width.js';
import { vegaLocales } from './vega-locales.js';

// Moved into files of their own, which the report page reads without loading Vega (svg-cache.ts).
export { compactSvg } from './svg-compact.js';
export { vegaLocales } from './vega-locales.js';

// Vega measures text with the widths of text-width.ts.
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
