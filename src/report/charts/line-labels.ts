// The texts inside a line chart, placed where they collide with nothing (place.ts): first the latest value
// of each series (the highest first), then the rule's ("kein Abstand"), then the targets' labels. A
// label is drawn at its pixel position (scale: null), as the chart's layout is fixed.
import { plotWidth, rightRoom, type Layer } from './config.js';
import type { Frame } from './line-input.js';
import { targetColor } from './line-layers.js';
import { Layout, pointBox, spots, type Placed } from './place.js';

interface Label {
  text: string;
  color: string;
  size: number;
  bold: boolean;
  at: Placed;
}

export function labelLayers(frame: Frame): Layer[] {
  return placeLabels(frame).map((l) => ({
    data: { values: [{ px: Math.round(l.at.x * 10) / 10, py: Math.round(l.at.y * 10) / 10, text: l.text }] },
    mark: {
      type: 'text',
      align: l.at.align,
      baseline: l.at.baseline,
      fontSize: l.size,
      fontWeight: l.bold ? 'bold' : 'normal',
      color: l.color,
    },
    encoding: {
      x: { field: 'px', type: 'quantitative', scale: null },
      y: { field: 'py', type: 'quantitative', scale: null },
      text: { field: 'text' },
    },
  }));
}

function placeLabels(frame: Frame): Label[] {
  const { input, rows, labels, colors, height, px, py, first, end } = frame;
  const layout = new Layout({ x0: -2, y0: -18, x1: plotWidth + rightRoom, y1: height + 4 });
  for (const r of rows) if (r.value !== null) layout.block(pointBox(px(r.year), py(r.value), 5));
  for (const t of input.targets) layout.block(pointBox(px(t.year), py(t.value), 7));
  for (const [a, b] of lines(frame)) layout.blockLine(px(a.year), py(a.value), px(b.year), py(b.value));
  const placed: Label[] = [];
  const add = (x: number, y: number, text: string, color: string, tries: typeof spots.end, bold = true) => {
    const at = layout.place(x, y, text, 12, bold, tries);
    if (at) placed.push({ text, color, size: 12, bold, at });
  };
  const latest = rows
    .filter((r) => r.latest && r.value !== null)
    .sort((a, b) => b.value! - a.value! || a.series.localeCompare(b.series));
  for (const r of latest) add(px(r.year), py(r.value!), r.text, colors[labels.indexOf(r.series)]!.text, spots.end);
  if (input.rule) {
    // At the line's start, or else at its end.
    const [y, text] = [py(input.rule.value), input.rule.label];
    const at =
      layout.place(Math.max(0, px(first) - 4), y, text, 12, false, spots.rule) ??
      layout.place(px(end) + 4, y, text, 12, false, spots.ruleEnd);
    if (at) placed.push({ text, color: '#59636e', size: 12, bold: false, at });
  }
  for (const t of input.targets)
    add(px(t.year), py(t.value), t.label, targetColor(t, labels, colors).text, spots.target);
  return placed;
}

type Point = { year: number; value: number };

/** The lines drawn: each series between its neighbouring values, the trends, the comparison series. */
function lines({ input, rows, labels }: Frame): [Point, Point][] {
  const segments: [Point, Point][] = [];
  const chain = (points: (Point | { year: number; value: null })[]) =>
    points.forEach((p, i) => {
      const next = points[i + 1];
      if (p.value !== null && next && next.value !== null) segments.push([p as Point, next as Point]);
    });
  for (const series of labels) chain(rows.filter((r) => r.series === series).sort((a, b) => a.year - b.year));
  for (const p of input.projections ?? []) segments.push([p.from, p.to]);
  for (const r of input.references ?? []) chain(r.points.toSorted((a, b) => a.year - b.year));
  return segments;
}
