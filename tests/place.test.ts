// Where a chart's labels go (src/report/charts/place.ts): clear of points, labels and lines where there is
// room, across a line rather than not at all, and never over a point or another label.
import { describe, expect, it } from 'vitest';
import { Layout, pointBox, spots } from '../src/report/charts/place.js';

const area = { x0: 0, y0: 0, x1: 400, y1: 200 };

describe('Layout.place', () => {
  it('puts an end label right of its point when nothing is there', () => {
    const layout = new Layout(area);
    expect(layout.place(100, 100, '58,3 %', 12, true, spots.end)).toMatchObject({ x: 108, y: 100, align: 'left' });
  });

  it('moves a label off a line that runs through its first place', () => {
    const layout = new Layout(area);
    layout.blockLine(100, 100, 300, 100); // a trend running on to the right, level with the point
    const at = layout.place(100, 100, '58,3 %', 12, true, spots.end)!;
    expect(at.y).not.toBe(100);
    expect(Math.abs(at.y - 100)).toBeLessThanOrEqual(13); // still in the nearest ring
  });

  it('crosses a line in the nearest ring rather than go further out, and not over a point or a label', () => {
    const layout = new Layout(area);
    // Lines through every place of the nearest ring.
    for (const y of [87, 100, 113]) layout.blockLine(0, y, 400, y);
    layout.blockLine(100, 0, 100, 200);
    const at = layout.place(100, 100, '58,3 %', 12, true, spots.end)!;
    expect(at).toMatchObject({ x: 108, y: 100, align: 'left' });
    // The next label has to find room elsewhere: the first place is taken by a label now.
    const next = layout.place(100, 100, '12,0 %', 12, true, spots.end)!;
    expect(next).not.toMatchObject({ x: 108, y: 100 });
  });

  it('keeps a target label clear of its own diamond, and drops a label that has no room at all', () => {
    const layout = new Layout(area);
    layout.block(pointBox(200, 100, 7));
    const at = layout.place(200, 100, 'Ziel 2030: 55 %', 12, true, spots.target)!;
    expect(at).toMatchObject({ x: 190, y: 86, align: 'right' });
    const tiny = new Layout({ x0: 0, y0: 0, x1: 40, y1: 20 });
    expect(tiny.place(20, 10, 'Ziel 2030: höchstens 12 Pp.', 12, true, spots.target)).toBeNull();
  });
});
