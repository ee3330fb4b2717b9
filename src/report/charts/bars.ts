// The latest year of an indicator by district (or another column) as horizontal bars: one per category,
// or one per group side by side, with the survey interval as a whisker and the whole town as a line.
import type { TopLevelSpec } from 'vega-lite';
import { words, type Lang } from '../../core/messages/index.js';
import type { Unit } from '../../core/schema.js';
import { chartConfig, ink, palette, textPalette, type Layer } from './config.js';

export interface Bar {
  category: string;
  series: string;
  /** Null for a value not shown (suppressed or missing): no bar, a "–" at the axis instead. */
  value: number | null;
  text: string;
  low?: number | null;
  high?: number | null;
  intervalText?: string;
}

export interface BarsInput {
  lang: Lang;
  unit: Unit;
  description: string;
  /** Category labels in the order to show them, top down. */
  categories: string[];
  /** One series, or the compared and the reference group. */
  series: string[];
  bars: Bar[];
  /** A labelled vertical line, such as the value of the whole town. */
  rule?: { value: number; label: string };
  /** The column the categories come from ("Ortsteil"), for the tooltip. */
  categoryTitle: string;
}

export function buildBarChart(input: BarsInput): TopLevelSpec {
  const grouped = input.series.length > 1;
  const hasInterval = input.bars.some((b) => b.low != null && b.high != null);
  const rows = input.bars.map((b) => ({
    category: b.category,
    series: b.series,
    value: b.value,
    // Where the label goes: the end of the bar, or the axis for a value that is not shown.
    at: b.value ?? 0,
    text: b.value === null ? '–' : b.text,
    low: b.value !== null ? (b.low ?? null) : null,
    high: b.value !== null ? (b.high ?? null) : null,
    interval: b.value !== null ? (b.intervalText ?? '') : '',
  }));
  const place = placeBars(input);
  return {
    description: input.description,
    width: 'container',
    // A fixed height, not a step: Vega-Lite warns about a step height together with a container width.
    height: input.categories.length * (grouped ? 30 : 22),
    autosize: { type: 'fit-x', contains: 'padding' },
    config: chartConfig(),
    // The interval's upper end pushes a survey label past the whisker.
    data: { values: rows.map((r) => ({ ...r, label_at: Math.max(r.at, r.high ?? r.at) })) },
    layer: [
      barLayer(input, place, hasInterval),
      ...(hasInterval ? [whiskerLayer(place)] : []),
      ...input.series.map((name, i) => valueLabelLayer(name, i, place, hasInterval)),
      ...ruleLayers(input),
    ],
  };
}

type Place = ReturnType<typeof placeBars>;

/** The encodings that place a bar: its category, and beside it the other group's bar when there are two. */
function placeBars(input: BarsInput) {
  const y = {
    field: 'category',
    type: 'nominal' as const,
    sort: input.categories,
    title: null,
    axis: { labelLimit: 220, labelFontSize: 12, ticks: false, labelPadding: 6 },
  };
  if (input.series.length < 2) return { y };
  return {
    y,
    yOffset: { field: 'series', type: 'nominal' as const, sort: input.series, scale: { paddingInner: 0.1 } },
  };
}

function barLayer(input: BarsInput, place: Place, hasInterval: boolean): Layer {
  const tip = words(input.lang).report.tooltip;
  const grouped = input.series.length > 1;
  return {
    mark: { type: 'bar', height: { band: 0.85 } },
    encoding: {
      ...place,
      x: {
        field: 'value',
        type: 'quantitative',
        title: words(input.lang).report.axis[input.unit],
        scale: { zero: true, nice: true },
        axis: { format: ',~f', grid: true, tickCount: 6 },
      },
      color: {
        field: 'series',
        type: 'nominal',
        scale: { domain: input.series, range: input.series.map((_, i) => palette[i % palette.length]!) },
        ...(grouped ? {} : { legend: null }),
      },
      tooltip: [
        { field: 'category', type: 'nominal', title: input.categoryTitle },
        ...(grouped ? [{ field: 'series', type: 'nominal' as const, title: tip.series }] : []),
        { field: 'text', type: 'nominal', title: tip.value },
        ...(hasInterval ? [{ field: 'interval', type: 'nominal' as const, title: tip.interval }] : []),
      ],
    },
  };
}

/** The 95 % interval of a survey estimate. */
function whiskerLayer(place: Place): Layer {
  return {
    mark: { type: 'rule', color: ink, strokeWidth: 1.2 },
    encoding: { ...place, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
  };
}

/** Each bar's value beside it, in its series' colour dark enough to read. */
function valueLabelLayer(name: string, i: number, place: Place, hasInterval: boolean): Layer {
  return {
    transform: [{ filter: { field: 'series', equal: name } }],
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'middle',
      dx: 4,
      fontSize: 11,
      color: textPalette[i % textPalette.length]!,
    },
    encoding: {
      ...place,
      x: { field: hasInterval ? 'label_at' : 'at', type: 'quantitative' },
      text: { field: 'text' },
    },
  };
}

function ruleLayers({ rule }: BarsInput): Layer[] {
  if (!rule) return [];
  const data = { values: [{ value: rule.value, label: rule.label }] };
  return [
    {
      data,
      mark: { type: 'rule', color: ink, strokeDash: [4, 3], strokeWidth: 1.5 },
      encoding: { x: { field: 'value', type: 'quantitative' } },
    },
    {
      data,
      mark: {
        type: 'text',
        align: 'left',
        baseline: 'bottom',
        dx: 4,
        y: -6,
        fontSize: 11,
        fontWeight: 'bold',
        color: ink,
      },
      encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
}
