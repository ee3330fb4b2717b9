// The layers of a line chart, back to front: the rule, the survey bands, the trends, the lines with their
// points, the labels of the latest values, and the targets.
import { words } from '../../core/messages/index.js';
import { axisExtent, ink, shapes, type Layer } from './config.js';
import type { ChartTarget, Frame } from './line-input.js';

// Missing years are null rows: the line and band break there instead of bridging the gap.
const invalid = 'break-paths-filter-domains' as const;
const value = { field: 'value', type: 'quantitative' as const };
const ofSeries = (name: string) => ({ field: 'series', equal: name });

/** A line across the whole time axis (its label is placed with the others, line-labels.ts). */
export function ruleLayers({ input, first, end }: Frame): Layer[] {
  if (!input.rule) return [];
  const data = { values: [{ year: first, end, value: input.rule.value }] };
  return [
    {
      data,
      mark: { type: 'rule', color: '#8c959f', strokeWidth: 1.5 },
      encoding: { x2: { field: 'end' }, y: value },
    },
  ];
}

/** One band per series in a fixed colour: a colour encoding here would merge the pale band into the legend. */
export function bandLayers({ rows, labels, colors }: Frame): Layer[] {
  return labels.flatMap((name, i): Layer[] =>
    rows.some((r) => r.series === name && r.low !== null)
      ? [
          {
            transform: [{ filter: ofSeries(name) }],
            mark: { type: 'area', opacity: 0.16, color: colors[i]!.line, invalid },
            encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
          },
        ]
      : [],
  );
}

export function projectionLayers({ input, labels, colors }: Frame): Layer[] {
  return (input.projections ?? []).flatMap((p): Layer[] => {
    const i = labels.indexOf(p.series);
    if (i < 0) return [];
    const data = { values: [p.from, p.to].map((point) => ({ ...point, text: p.text })) };
    return [
      {
        data,
        mark: { type: 'line', strokeWidth: 1.75, strokeDash: [6, 4], color: colors[i]!.line, opacity: 0.9 },
        encoding: { y: value, tooltip: { field: 'text', type: 'nominal' } },
      },
    ];
  });
}

/**
 * The line of each series, and its points, which carry the tooltip and what a screen reader says of each
 * value. A value to be read with caution is a hollow point.
 */
export function seriesLayers({ input, rows, labels, colors, yDomain }: Frame): Layer[] {
  const titles = words(input.lang).report.axis;
  const tip = words(input.lang).report.tooltip;
  // Colour and shape share one field and domain, so Vega-Lite merges them into a single legend.
  // A single series needs no legend: the text says what it is.
  const legend = labels.length > 1 ? {} : { legend: null };
  const color = () => ({
    field: 'series',
    type: 'nominal' as const,
    scale: { domain: labels, range: colors.map((c) => c.line) },
    ...legend,
  });
  const hasBand = rows.some((r) => r.low !== null && r.high !== null);
  const point = (flagged: boolean): Layer => ({
    transform: [{ filter: flagged ? 'datum.flag' : '!datum.flag' }],
    mark: flagged
      ? { type: 'point', filled: false, size: 60, strokeWidth: 2, opacity: 1, invalid, aria: true }
      : { type: 'point', filled: true, size: 55, opacity: 1, invalid, aria: true },
    encoding: {
      y: value,
      color: color(),
      shape: {
        field: 'series',
        type: 'nominal',
        scale: { domain: labels, range: labels.map((_, i) => shapes[i % shapes.length]!) },
        ...(flagged ? { legend: null } : legend),
      },
      description: { field: 'aria' },
      tooltip: [
        ...(labels.length > 1 ? [{ field: 'series', type: 'nominal' as const, title: tip.series }] : []),
        { field: 'year', type: 'ordinal', title: titles.year },
        { field: 'text', type: 'nominal', title: tip.value },
        ...(hasBand ? [{ field: 'interval', type: 'nominal' as const, title: tip.interval }] : []),
      ],
    },
  });
  return [
    {
      mark: { type: 'line', strokeWidth: 2.5, invalid },
      encoding: {
        y: {
          ...value,
          title: input.yTitle ?? titles[input.unit],
          scale: { domain: yDomain, nice: false, zero: false },
          axis: { format: ',~f', tickCount: 5, minExtent: axisExtent, maxExtent: axisExtent },
        },
        color: color(),
      },
    },
    point(false),
    ...(rows.some((r) => r.flag) ? [point(true)] : []),
  ];
}

/** Targets as diamonds in the colour of the series they are for (black with one series or none named). */
export function targetLayers({ input, labels, colors }: Frame): Layer[] {
  return [...new Set(input.targets.map((t) => targetColor(t, labels, colors)))].flatMap((c): Layer[] => {
    const data = {
      values: input.targets
        .filter((t) => targetColor(t, labels, colors) === c)
        .map((t) => ({ year: t.year, value: t.value, tooltip: t.tooltip ?? t.label })),
    };
    return [
      {
        data,
        mark: { type: 'point', shape: 'diamond', filled: true, size: 130, color: c.line, opacity: 1, aria: true },
        encoding: { y: value, tooltip: { field: 'tooltip', type: 'nominal' }, description: { field: 'tooltip' } },
      },
    ];
  });
}

const black = { line: ink, text: ink };

export function targetColor(t: ChartTarget, labels: string[], colors: Frame['colors']): Frame['colors'][number] {
  return labels.length > 1 && t.series !== undefined && labels.includes(t.series)
    ? colors[labels.indexOf(t.series)]!
    : black;
}
