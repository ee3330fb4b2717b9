// Vega-Lite specs for the report: the time series of an indicator (also used for the gap between the
// groups) and the breakdown of the latest year by district or another column. The input is already
// cleaned by the report model (labels, formatted texts, suppressed values removed), so this module only
// decides looks. Every project text reaches a spec as data or as a field predicate, never inside an
// expression string.
import type { TopLevelSpec } from 'vega-lite';
import { words, type Lang } from '../core/messages/index.js';
import type { Unit } from '../core/schema.js';

export interface ChartPoint {
  year: number;
  /** Null for a year without a shown value: the line breaks there. */
  value: number | null;
  /** Survey indicators: the 95 % interval. */
  low?: number | null;
  high?: number | null;
  /** The value as the report writes it ("58,3 %"), and its interval ("52,0–64,1 %"). */
  text?: string;
  intervalText?: string;
}

export interface ChartSeries {
  label: string;
  points: ChartPoint[];
}

export interface ChartTarget {
  year: number;
  value: number;
  /** "Ziel 2030: 55 %". */
  label: string;
  /** The series the target is for: the diamond and its label then take the series' colour. */
  series?: string;
  /** The label with the group's name, for the tooltip. */
  tooltip?: string;
}

/** The straight-line trend of a series, continued to the target year; drawn dashed in the series' colour. */
export interface ChartProjection {
  series: string;
  from: { year: number; value: number };
  to: { year: number; value: number };
  /** "Trend bis 2030: 53,2 %", for the tooltip. */
  text: string;
}

export interface ChartInput {
  lang: Lang;
  unit: Unit;
  /** What a screen reader announces for the chart. */
  description: string;
  series: ChartSeries[];
  targets: ChartTarget[];
  projections?: ChartProjection[];
  /** A labelled horizontal line, such as "no gap" at 0 (the scale then includes it). */
  rule?: { value: number; label: string };
  yTitle?: string;
  height?: number;
  /** Colours per series instead of the palette (the gap chart has a colour of its own). */
  colors?: { line: string; text: string }[];
}

/** Okabe–Ito blue and vermillion, then further colours that stay apart for colour-blind readers. */
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00'];
/** The same hues dark enough for text on white (contrast of at least 4.5:1, WCAG AA). */
export const textPalette = ['#0072B2', '#B34700', '#007A5A', '#A8507F', '#1F6FA8', '#8A5F00'];
/** The gap between the groups: neither group's colour. */
export const gapColor = { line: '#5E3C99', text: '#5E3C99' };
const shapes = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'];
const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const ink = '#222';

interface Row {
  year: number;
  series: string;
  value: number | null;
  low: number | null;
  high: number | null;
  text: string;
  interval: string;
  /** The latest point of its series gets a label, above or below so that two labels do not collide. */
  tag: 'above' | 'below' | '';
}

type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** Shared looks: system fonts only (nothing may be fetched), quiet axes, legend below. */
export function chartConfig() {
  return {
    font,
    view: { stroke: null },
    axis: {
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: 'normal' as const,
      titleColor: '#444',
      labelColor: '#333',
      gridColor: '#e5e5e5',
    },
    legend: { labelFontSize: 12, orient: 'bottom' as const, title: null, symbolStrokeWidth: 2, labelLimit: 400 },
  };
}

export function buildChart(input: ChartInput): TopLevelSpec {
  const rows = toRows(input);
  const labels = input.series.map((s) => s.label);
  const colors = labels.map(
    (_, i) => input.colors?.[i] ?? { line: palette[i % palette.length]!, text: textPalette[i % textPalette.length]! },
  );
  const projections = input.projections ?? [];
  const years = [...rows.map((r) => r.year), ...input.targets.map((t) => t.year), ...projections.map((p) => p.to.year)];
  const first = Math.min(...years);
  const last = Math.max(...years);
  // Room to the right of the latest value for its label when no target lies further ahead.
  const end =
    input.targets.some((t) => t.year === last) || projections.some((p) => p.to.year === last) ? last : last + 1;
  const hasBand = rows.some((r) => r.low !== null && r.high !== null);
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
  // Missing years are null rows: the line and band break there instead of bridging the gap.
  const invalid = 'break-paths-filter-domains' as const;
  const value = { field: 'value', type: 'quantitative' as const };
  const ofSeries = (name: string) => ({ field: 'series', equal: name });

  const layers: Layer[] = [];
  if (input.rule) {
    // Across the whole time axis: the rule carries its own years, as every layer shares the x encoding.
    const data = { values: [{ year: first, end, value: input.rule.value, label: input.rule.label }] };
    layers.push({
      data,
      mark: { type: 'rule', color: '#8c959f', strokeWidth: 1.5 },
      encoding: { x2: { field: 'end' }, y: value },
    });
    layers.push({
      data,
      mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -3, fontSize: 11, color: '#59636e' },
      encoding: { y: value, text: { field: 'label' } },
    });
  }
  // One band per series in a fixed colour: a colour encoding here would merge the pale band into the legend.
  labels.forEach((name, i) => {
    if (!rows.some((r) => r.series === name && r.low !== null)) return;
    layers.push({
      transform: [{ filter: ofSeries(name) }],
      mark: { type: 'area', opacity: 0.16, color: colors[i]!.line, invalid },
      encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
    });
  });
  projections.forEach((p) => {
    const i = labels.indexOf(p.series);
    if (i < 0) return;
    const data = { values: [p.from, p.to].map((point) => ({ ...point, text: p.text })) };
    layers.push({
      data,
      mark: { type: 'line', strokeWidth: 1.75, strokeDash: [6, 4], color: colors[i]!.line, opacity: 0.9 },
      encoding: { y: value, tooltip: { field: 'text', type: 'nominal' } },
    });
  });
  const zero = input.rule !== undefined && input.rule.value === 0;
  layers.push({
    mark: { type: 'line', strokeWidth: 2.5, invalid },
    encoding: {
      y: { ...value, title: input.yTitle ?? titles[input.unit], scale: { zero, nice: true }, axis: { format: ',~f' } },
      color: color(),
    },
  });
  layers.push({
    mark: { type: 'point', filled: true, size: 55, opacity: 1, invalid },
    encoding: {
      y: value,
      color: color(),
      shape: {
        field: 'series',
        type: 'nominal',
        scale: { domain: labels, range: labels.map((_, i) => shapes[i % shapes.length]!) },
        ...legend,
      },
      tooltip: [
        ...(labels.length > 1 ? [{ field: 'series', type: 'nominal' as const, title: tip.series }] : []),
        { field: 'year', type: 'ordinal', title: titles.year },
        { field: 'text', type: 'nominal', title: tip.value },
        ...(hasBand ? [{ field: 'interval', type: 'nominal' as const, title: tip.interval }] : []),
      ],
    },
  });
  // The latest value of each series, written beside its point in a colour dark enough to read.
  labels.forEach((name, i) => {
    const tag = rows.find((r) => r.series === name && r.tag !== '')?.tag;
    if (!tag) return;
    layers.push({
      transform: [{ filter: { and: [ofSeries(name), { field: 'tag', equal: tag }] } }],
      mark: {
        type: 'text',
        align: 'left',
        dx: 7,
        dy: tag === 'above' ? -10 : 12,
        fontWeight: 'bold',
        fontSize: 12,
        color: colors[i]!.text,
      },
      encoding: { y: value, text: { field: 'text' } },
    });
  });
  // Targets in the colour of the series they are for (black when there is one series or none is named).
  const black = { line: ink, text: ink };
  const targetColor = (t: ChartTarget) =>
    labels.length > 1 && t.series !== undefined && labels.includes(t.series)
      ? colors[labels.indexOf(t.series)]!
      : black;
  for (const c of [...new Set(input.targets.map((t) => targetColor(t)))]) {
    const data = {
      values: input.targets
        .filter((t) => targetColor(t) === c)
        .map((t) => ({ year: t.year, value: t.value, label: t.label, tooltip: t.tooltip ?? t.label })),
    };
    layers.push({
      data,
      mark: { type: 'point', shape: 'diamond', filled: true, size: 130, color: c.line, opacity: 1 },
      encoding: { y: value, tooltip: { field: 'tooltip', type: 'nominal' } },
    });
    layers.push({
      data,
      mark: { type: 'text', align: 'right', dx: -9, dy: -12, fontSize: 12, fontWeight: 'bold', color: c.text },
      encoding: { y: value, text: { field: 'label' } },
    });
  }

  return {
    description: input.description,
    width: 'container',
    height: input.height ?? 260,
    autosize: { type: 'fit-x', contains: 'padding' },
    config: chartConfig(),
    data: { values: rows },
    encoding: {
      x: {
        field: 'year',
        type: 'quantitative',
        title: titles.year,
        // A little room before the first and after the last year, so that their labels sit under them.
        scale: { domain: [first - 0.4, end + 0.4], nice: false, zero: false },
        // About one year label per 56 pixels, at round years (every year, every second, every fifth).
        axis: {
          format: 'd',
          tickMinStep: 1,
          tickCount: { expr: 'ceil(width / 56)' },
          labelOverlap: true,
          grid: false,
          ticks: false,
          labelPadding: 6,
        },
      },
    },
    layer: layers,
  };
}

function toRows(input: ChartInput): Row[] {
  const latest = input.series.map((s) => s.points.filter((p) => p.value !== null).at(-1));
  const ranked = latest.map((p, i) => ({ i, v: p?.value ?? -Infinity })).sort((a, b) => b.v - a.v);
  return input.series.flatMap((s, i) =>
    s.points.map((p): Row => {
      const isLatest = p === latest[i];
      const hasInterval = p.value !== null && p.low != null && p.high != null;
      return {
        year: p.year,
        series: s.label,
        value: p.value,
        low: hasInterval ? p.low! : null,
        high: hasInterval ? p.high! : null,
        text: p.text ?? '',
        interval: hasInterval ? (p.intervalText ?? '') : '',
        tag: isLatest ? (ranked[0]?.i === i || ranked.length < 2 ? 'above' : 'below') : '',
      };
    }),
  );
}

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

/** Horizontal bars of one year: one per category, or one per group side by side. */
export function buildBars(input: BarsInput): TopLevelSpec {
  const tip = words(input.lang).report.tooltip;
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
  const y = {
    field: 'category',
    type: 'nominal' as const,
    sort: input.categories,
    title: null,
    axis: { labelLimit: 220, labelFontSize: 12, ticks: false, labelPadding: 6 },
  };
  const color = {
    field: 'series',
    type: 'nominal' as const,
    scale: { domain: input.series, range: input.series.map((_, i) => palette[i % palette.length]!) },
    ...(grouped ? {} : { legend: null }),
  };
  const offset = grouped
    ? { yOffset: { field: 'series', type: 'nominal' as const, sort: input.series, scale: { paddingInner: 0.1 } } }
    : {};
  const x = {
    field: 'value',
    type: 'quantitative' as const,
    title: words(input.lang).report.axis[input.unit],
    scale: { zero: true, nice: true },
    axis: { format: ',~f', grid: true, tickCount: 6 },
  };
  const layers: Layer[] = [
    {
      mark: { type: 'bar', height: { band: 0.85 } },
      encoding: {
        y,
        ...offset,
        x,
        color,
        tooltip: [
          { field: 'category', type: 'nominal', title: input.categoryTitle },
          ...(grouped ? [{ field: 'series', type: 'nominal' as const, title: tip.series }] : []),
          { field: 'text', type: 'nominal', title: tip.value },
          ...(hasInterval ? [{ field: 'interval', type: 'nominal' as const, title: tip.interval }] : []),
        ],
      },
    },
  ];
  if (hasInterval)
    layers.push({
      mark: { type: 'rule', color: ink, strokeWidth: 1.2 },
      encoding: { y, ...offset, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
    });
  input.series.forEach((name, i) => {
    layers.push({
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
        y,
        ...offset,
        x: { field: hasInterval ? 'label_at' : 'at', type: 'quantitative' },
        text: { field: 'text' },
      },
    });
  });
  if (input.rule) {
    const data = { values: [{ value: input.rule.value, label: input.rule.label }] };
    layers.push({
      data,
      mark: { type: 'rule', color: ink, strokeDash: [4, 3], strokeWidth: 1.5 },
      encoding: { x: { field: 'value', type: 'quantitative' } },
    });
    layers.push({
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
    });
  }
  return {
    description: input.description,
    width: 'container',
    // A fixed height, not a step: Vega-Lite warns about a step height together with a container width.
    height: input.categories.length * (grouped ? 30 : 22),
    autosize: { type: 'fit-x', contains: 'padding' },
    config: chartConfig(),
    // The interval's upper end pushes a survey label past the whisker.
    data: { values: rows.map((r) => ({ ...r, label_at: Math.max(r.at, r.high ?? r.at) })) },
    layer: layers,
  };
}
