// Where the labels of a chart go. Charts are laid out at a fixed size (config.ts: the plot's width, the
// y axis's extent), so the position of every point is known here, before Vega draws anything, and the
// same in Node's SVG and in the browser's live chart. Each label tries its places in turn (right of its
// point, above, below, left, …) and takes the first one that stays inside the chart and clear of every
// label, point and line placed before it (crossing a line only where nothing else is free); a label
// with no such place is dropped rather than drawn over another. Text widths are estimated as in Node's
// SVG (text-width.ts), with room to spare for wider fonts.
import { textWidth } from '../text-width.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A label placed: its anchor in pixels of the plot, and how the text stands to it. */
export interface Placed {
  x: number;
  y: number;
  align: 'left' | 'center' | 'right';
  baseline: 'middle';
}

/** A place to try, relative to the anchor: an offset and an alignment. */
interface Spot {
  dx: number;
  dy: number;
  align: Placed['align'];
}

const around = (gap: number, rise: number): Spot[] => [
  { dx: gap, dy: 0, align: 'left' },
  { dx: gap - 2, dy: -rise, align: 'left' },
  { dx: gap - 2, dy: rise, align: 'left' },
  { dx: 0, dy: -rise - 2, align: 'center' },
  { dx: 0, dy: rise + 2, align: 'center' },
  { dx: -gap, dy: 0, align: 'right' },
  { dx: -gap + 2, dy: -rise, align: 'right' },
  { dx: -gap + 2, dy: rise, align: 'right' },
];

/**
 * Rings of places, nearest first: right of the point first (an end label), or above and to the left
 * first (a target's label, 10 pixels aside so as to clear its diamond). A label takes a place in a nearer
 * ring across a line before one further out.
 */
export const spots: Record<'end' | 'target' | 'rule' | 'ruleEnd', Spot[][]> = {
  end: [around(8, 13), around(8, 26)],
  target: [14, 28, 42].map((d): Spot[] =>
    [-d, d].flatMap((dy) => [
      { dx: -10, dy, align: 'right' as const },
      { dx: 0, dy: dy + Math.sign(dy) * 2, align: 'center' as const },
      { dx: 10, dy, align: 'left' as const },
    ]),
  ),
  rule: [
    [
      { dx: 4, dy: -10, align: 'left' },
      { dx: 4, dy: 11, align: 'left' },
    ],
  ],
  ruleEnd: [
    [
      { dx: -4, dy: -10, align: 'right' },
      { dx: -4, dy: 11, align: 'right' },
    ],
  ],
};

/** Estimated widths get this much more, and every box this margin: system fonts differ. */
const widthFactor = 1.15;
const margin = 2;

function labelBox(p: Placed, text: string, size: number, bold: boolean): Box {
  const w = textWidth(text, size, bold) * widthFactor;
  const h = size * 1.25;
  const x0 = p.align === 'left' ? p.x : p.align === 'right' ? p.x - w : p.x - w / 2;
  return { x0: x0 - margin, y0: p.y - h / 2 - margin, x1: x0 + w + margin, y1: p.y + h / 2 + margin };
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const inside = (a: Box, area: Box) => a.x0 >= area.x0 && a.x1 <= area.x1 && a.y0 >= area.y0 && a.y1 <= area.y1;

/** The boxes already taken in a chart, and the area labels must keep to. */
export class Layout {
  private taken: Box[] = [];
  /** Lines: a label keeps clear of them where it can, and crosses one rather than be dropped. */
  private lines: Box[] = [];
  constructor(private readonly area: Box) {}

  /** A point or another mark that labels must not cover. */
  block(box: Box): void {
    this.taken.push(box);
  }

  /** A line between two points, as a chain of small boxes. */
  blockLine(x0: number, y0: number, x1: number, y1: number): void {
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / 3));
    for (let i = 0; i <= steps; i++)
      this.lines.push(pointBox(x0 + ((x1 - x0) * i) / steps, y0 + ((y1 - y0) * i) / steps, 1));
  }

  /**
   * Ring by ring, the first place around (x, y) where the label fits clear of everything, else the first
   * where it fits across a line only; null when no ring has room.
   */
  place(x: number, y: number, text: string, size: number, bold: boolean, rings: Spot[][]): Placed | null {
    for (const ring of rings)
      for (const avoid of [[this.taken, this.lines], [this.taken]])
        for (const s of ring) {
          const p: Placed = { x: x + s.dx, y: y + s.dy, align: s.align, baseline: 'middle' };
          const box = labelBox(p, text, size, bold);
          if (inside(box, this.area) && !avoid.some((boxes) => boxes.some((t) => overlaps(t, box)))) {
            this.taken.push(box);
            return p;
          }
        }
    return null;
  }
}

/** A box of `r` pixels around a point. */
export const pointBox = (x: number, y: number, r: number): Box => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });

/** Round ends for a linear scale, as Vega's `nice` would make them for about `count` ticks. */
export function niceDomain(min: number, max: number, count = 6): [number, number] {
  if (!(max > min)) return [min - 1, max + 1];
  const step = tickStep(min, max, count);
  const round = (x: number) => Number(x.toPrecision(12));
  return [round(Math.floor(min / step) * step), round(Math.ceil(max / step) * step)];
}

function tickStep(min: number, max: number, count: number): number {
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
}
