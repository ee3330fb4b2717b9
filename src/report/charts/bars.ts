// The latest year of an indicator by district (or another column) as horizontal bars: one per category,
// or one per group side by side, with the survey interval as a whisker and the whole town as a line.
import type { TopLevelSpec } from 'vega-lite';
import { words, type Lang } from '../../core/messages/index.js';
import type { Unit } from '../../core/schema.js';
import { axisExtent, chartConfig, ink, palette, plotWidth, rightRoom, textPalette, type Layer } from './config.js';
import { niceDomain } from './place.js';
import { textWidth } from '../text-width.js';

/** The category names take the place of the time chart's y axis and some of its plot: the chart is as wide. */
const categoryExtent = 110;
const barWidth = plotWidth + axisExtent - categoryExtent;

export interface Bar {
  category: string;
  series: string;
  /** Null for a value not shown (suppressed or missing): no bar, a "–" at the axis instead. */
  value: number | null;
  text: string;
  low?: number | null;
  high?: number | null;
  intervalText?: string;
  /** A value to be read with caution: a pale bar with a dashed outline. */
  flagged?: boolean;
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
  const ui = words(input.lang).report;
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
    flag: b.value !== null && b.flagged === true,
    aria:
      b.value === null
        ? ''
        : ui.barDescription(b.category, grouped ? b.series : null, b.text, b.value !== null && b.flagged === true),
    // The interval's upper end pushes a survey label past the whisker.
    label_at: Math.max(b.value ?? 0, b.value !== null ? (b.high ?? 0) : 0),
  }));
  const place = placeBars(input);
  const domain = valueDomain(rows, input.rule);
  return {
    description: input.description,
    width: barWidth,
    height: input.categories.length * (grouped ? 36 : 24),
    config: chartConfig(),
    data: { values: rows },
    layer: [
      barLayer(input, place, hasInterval, domain),
      ...(hasInterval ? [whiskerLayer(place)] : []),
      ...input.series.map((name, i) => valueLabelLayer(name, i, place)),
      ...ruleLayers(input, domain),
    ],
  };
}

/**
 * From zero to a round number far enough past the longest bar that its label fits beside it, so that no
 * label runs out of the chart.
 */
function valueDomain(rows: { label_at: number; text: string }[], rule: BarsInput['rule']): [number, number] {
  const needed = rows.map((r) => (r.label_at * barWidth) / (barWidth + rightRoom - 6 - textWidth(r.text, 12, false)));
  const [, top] = niceDomain(0, Math.max(...needed, rule?.value ?? 0, 1e-9));
  return [0, top];
}

type Place = ReturnType<typeof placeBars>;

/** The encodings that place a bar: its category, and beside it the other group's bar when there are two. */
function placeBars(input: BarsInput) {
  const y = {
    field: 'category',
    type: 'nominal' as const,
    sort: input.categories,
    title: null,
    axis: {
      labelLimit: categoryExtent - 8,
      labelFontSize: 12,
      ticks: false,
      labelPadding: 6,
      minExtent: categoryExtent,
      maxExtent: categoryExtent,
    },
  };
  if (input.series.length < 2) return { y };
  return {
    y,
    yOffset: { field: 'series', type: 'nominal' as const, sort: input.series, scale: { paddingInner: 0.1 } },
  };
}

function barLayer(input: BarsInput, place: Place, hasInterval: boolean, domain: [number, number]): Layer {
  const tip = words(input.lang).report.tooltip;
  const grouped = input.series.length > 1;
  const flagged = <T>(yes: T, no: T) => ({ condition: { test: 'datum.flag', value: yes }, value: no });
  return {
    mark: { type: 'bar', height: { band: 0.85 }, stroke: ink, aria: true },
    encoding: {
      ...place,
      x: {
        field: 'value',
        type: 'quantitative',
        title: words(input.lang).report.axis[input.unit],
        scale: { domain, nice: false, zero: true },
        axis: { format: ',~f', grid: true, tickCount: 4 },
      },
      ...(input.bars.some((b) => b.flagged && b.value !== null)
        ? { opacity: flagged(0.4, 1), strokeWidth: flagged(1.5, 0), strokeDash: flagged([3, 2], [1, 0]) }
        : {}),
      description: { field: 'aria' },
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
function valueLabelLayer(name: string, i: number, place: Place): Layer {
  return {
    transform: [{ filter: { field: 'series', equal: name } }],
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'middle',
      dx: 4,
      fontSize: 12,
      color: textPalette[i % textPalette.length]!,
    },
    encoding: {
      ...place,
      x: { field: 'label_at', type: 'quantitative' },
      text: { field: 'text' },
    },
  };
}

/** The line of the whole town, labelled above the bars: right of the line, or left of it where it would not fit. */
function ruleLayers({ rule }: BarsInput, domain: [number, number]): Layer[] {
  if (!rule) return [];
  const data = { values: [{ value: rule.value, label: rule.label }] };
  const x = (rule.value / domain[1]) * barWidth;
  const right = x + 4 + textWidth(rule.label, 12, true) * 1.15 <= barWidth + rightRoom;
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
        align: right ? 'left' : 'right',
        baseline: 'bottom',
        dx: right ? 4 : -4,
        y: -6,
        fontSize: 12,
        fontWeight: 'bold',
        color: ink,
      },
      encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
}
