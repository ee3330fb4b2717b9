// Charts as SVG, drawn in Node by Vega's own renderer: the report shows them without JavaScript and prints
// them crisply. The markup is made lean (the page's stylesheet gives the font, the figure's wrapper the
// description for screen readers) and checked: an SVG that could run or fetch anything is refused.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Lang } from '../core/format.js';

/** Number formats of the charts, in the browser (vega-embed) and here. */
export const vegaLocales = {
  de: { decimal: ',', thousands: '.', grouping: [3], currency: ['', '\u00a0€'] },
  en: { decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''] },
};

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

interface SvgNode {
  name: string;
  attrs: Map<string, string>;
  children: (SvgNode | string)[];
}

/** Presentation attributes that children inherit, so that a group can hold what all its children share. */
const inherited = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
];

/** The elements and attributes Vega's SVG renderer writes for the report's charts; anything else is refused. */
const elements = new Set(['svg', 'g', 'path', 'rect', 'line', 'text', 'tspan', 'circle', 'defs', 'clipPath']);
const attributes = new Set([
  ...inherited,
  ...[
    'xmlns',
    'width',
    'height',
    'viewBox',
    'transform',
    'd',
    'x',
    'y',
    'x1',
    'x2',
    'y1',
    'y2',
    'dx',
    'dy',
    'r',
    'cx',
    'cy',
    'rx',
    'ry',
  ],
  ...[
    'opacity',
    'fill-opacity',
    'stroke-opacity',
    'stroke-dashoffset',
    'stroke-miterlimit',
    'clip-path',
    'id',
    'display',
  ],
]);
/** Dropped: the page gives the font; the figure's wrapper describes the chart for screen readers. */
const dropped = new Set([
  'font-family',
  'role',
  'class',
  'pointer-events',
  'version',
  'xmlns:xlink',
  'aria-hidden',
  'aria-label',
  'aria-roledescription',
  'aria-describedby',
]);

/**
 * Parses Vega's SVG, refuses anything that could run or fetch (only known elements and attributes, no
 * references outside the SVG), and writes it back lean: shared attributes move to their group, hidden
 * and empty elements go, coordinates keep one decimal.
 */
export function compactSvg(svg: string): string {
  const root = parseSvg(svg);
  hoist(root);
  return serialize(root);
}

function parseSvg(svg: string): SvgNode {
  const top: SvgNode = { name: '#root', attrs: new Map(), children: [] };
  const stack = [top];
  for (const [token] of svg.matchAll(/<[^>]*>|[^<]+/g)) {
    const parent = stack.at(-1)!;
    if (!token.startsWith('<')) {
      parent.children.push(token);
      continue;
    }
    const tag = /^<(\/?)([A-Za-z][\w:-]*)([^>]*?)(\/?)>$/.exec(token);
    if (!tag || !elements.has(tag[2]!)) throw new Error(`refusing a chart SVG that contains \`${token.slice(0, 40)}\``);
    const [, closing, name, rest, selfClosing] = tag as unknown as [string, string, string, string, string];
    if (closing) {
      if (stack.length < 2 || parent.name !== name) throw new Error(`refusing a chart SVG with a stray </${name}>`);
      stack.pop();
      continue;
    }
    const node: SvgNode = { name, attrs: new Map(), children: [] };
    const list = rest.replace(/\s([\w:-]+)="([^"]*)"/g, (_, key: string, value: string) => {
      if (dropped.has(key)) return '';
      if (!attributes.has(key) || /url\((?!#)|javascript:/i.test(value))
        throw new Error(`refusing a chart SVG with the attribute ${key}="${value.slice(0, 40)}"`);
      node.attrs.set(
        key,
        /^(?:d|transform|x|y|x1|x2|y1|y2|width|height)$/.test(key)
          ? value.replace(/\d+\.\d+/g, (n) => decimal(Number(n)))
          : value,
      );
      return '';
    });
    if (list.trim()) throw new Error(`refusing a chart SVG with the attributes \`${list.trim().slice(0, 40)}\``);
    parent.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  if (stack.length !== 1 || top.children.length !== 1 || (top.children[0] as SvgNode).name !== 'svg')
    throw new Error('refusing a chart SVG that is not one <svg> element');
  return top.children[0] as SvgNode;
}

function hoist(node: SvgNode): void {
  node.children = node.children
    .filter((c) => typeof c === 'string' || !isEmpty(c))
    .map((c) => (typeof c === 'string' ? c : simpleShape(c)));
  for (const child of node.children) if (typeof child !== 'string') hoist(child);
  const elements = node.children.filter((c): c is SvgNode => typeof c !== 'string');
  if (node.name !== 'g' || elements.length < 2 || elements.length !== node.children.length) return;
  for (const key of inherited) {
    // Only where every child sets the attribute: the group's value then reaches none that had another.
    if (node.attrs.has(key) || !elements.every((e) => e.attrs.has(key))) continue;
    const counts = new Map<string, number>();
    for (const e of elements) counts.set(e.attrs.get(key)!, (counts.get(e.attrs.get(key)!) ?? 0) + 1);
    const [value, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    if (count < 2) continue;
    node.attrs.set(key, value);
    for (const e of elements) if (e.attrs.get(key) === value) e.attrs.delete(key);
  }
}

/**
 * Vega moves every mark into place with a transform: a text or a line can say where it is itself, and a
 * point drawn as a path is a circle or a square in a third of the bytes.
 */
function simpleShape(node: SvgNode): SvgNode {
  const at = /^translate\((-?[\d.]+),(-?[\d.]+)\)$/.exec(node.attrs.get('transform') ?? '');
  const d = node.attrs.get('d') ?? '';
  if (!at || !['path', 'text', 'line'].includes(node.name)) return node;
  const [x, y] = [Number(at[1]), Number(at[2])];
  const circle = /^M([\d.]+),0A\1,\1,0,1,1,-\1,0A\1,\1,0,1,1,\1,0$/.exec(d);
  const square = /^M-([\d.]+),-\1h([\d.]+)v\2h-\2Z$/.exec(d);
  const rest = [...node.attrs].filter(([k]) => k !== 'transform' && k !== 'd');
  if (node.name === 'text' && !node.attrs.has('x') && !node.attrs.has('y'))
    return { ...node, attrs: new Map([['x', decimal(x)], ['y', decimal(y)], ...rest]) };
  if (node.name === 'line') {
    const end = (key: string, offset: number) => decimal(Number(node.attrs.get(key) ?? 0) + offset);
    const ends = ['x1', 'y1', 'x2', 'y2']
      .map((k, i) => [k, end(k, i % 2 ? y : x)] as [string, string])
      .filter(([, v]) => v !== '0');
    return { ...node, attrs: new Map([...ends, ...rest.filter(([k]) => !/^[xy][12]$/.test(k))]) };
  }
  if (circle)
    return {
      ...node,
      name: 'circle',
      attrs: new Map([['cx', decimal(x)], ['cy', decimal(y)], ['r', circle[1]!], ...rest]),
    };
  if (square) {
    const half = Number(square[1]);
    return {
      ...node,
      name: 'rect',
      attrs: new Map([
        ['x', decimal(x - half)],
        ['y', decimal(y - half)],
        ['width', square[2]!],
        ['height', square[2]!],
        ...rest,
      ]),
    };
  }
  return node;
}

/** One decimal at most, and none when it is zero: 12.34 → "12.3", 12.04 → "12". */
function decimal(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** Invisible or empty: a label Vega hid to avoid overlap, an empty path, an empty group. */
function isEmpty(node: SvgNode): boolean {
  if (node.attrs.get('opacity') === '0' || node.attrs.get('display') === 'none') return true;
  if (node.name === 'path' && (!node.attrs.get('d') || node.attrs.get('d') === 'M0,0h0v0h0Z')) return true;
  return node.name === 'g' && node.children.every((c) => typeof c !== 'string' && isEmpty(c));
}

const defaults: Record<string, string> = {
  opacity: '1',
  'fill-opacity': '1',
  'stroke-opacity': '1',
  'stroke-miterlimit': '4',
  transform: 'translate(0,0)',
};

function serialize(node: SvgNode): string {
  const attrs = [...node.attrs]
    .filter(([k, v]) => defaults[k] !== v)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
  if (!node.children.length) return `<${node.name}${attrs}/>`;
  const inner = node.children.map((c) => (typeof c === 'string' ? c : serialize(c))).join('');
  // A group that only passes nothing on is just its children.
  return node.name === 'g' && !attrs ? inner : `<${node.name}${attrs}>${inner}</${node.name}>`;
}

const silent = {
  level: () => silent,
  error: () => silent,
  warn: () => silent,
  info: () => silent,
  debug: () => silent,
} as unknown as NonNullable<Parameters<typeof compile>[1]>['logger'];
