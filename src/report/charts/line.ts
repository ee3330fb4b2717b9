// The time series of an indicator as a Vega-Lite line chart, with targets, trend and the survey interval;
// also the gap between the groups over time. The input is already cleaned by the report model (labels,
// formatted texts, suppressed values removed), so this module only decides looks. Every project text
// reaches a spec as data or as a field predicate, never inside an expression string.
import type { TopLevelSpec } from 'vega-lite';
import { words } from '../../core/messages/index.js';
import { chartConfig, palette, textPalette } from './config.js';
import type { ChartInput, Frame, Row } from './line-input.js';
import {
  bandLayers,
  latestLabelLayers,
  projectionLayers,
  ruleLayers,
  seriesLayers,
  targetLayers,
} from './line-layers.js';
import { referenceLayers } from './reference-layers.js';

/** Back to front: the rule, the bands, the trends, the lines with their points, their labels, the targets. */
export function buildLineChart(input: ChartInput): TopLevelSpec {
  const frame = frameOf(input);
  return {
    description: input.description,
    width: 'container',
    height: input.height ?? 260,
    autosize: { type: 'fit-x', contains: 'padding' },
    config: chartConfig(),
    data: { values: frame.rows },
    encoding: { x: timeAxis(frame, words(input.lang).report.axis.year) },
    layer: [
      ...ruleLayers(frame),
      ...bandLayers(frame),
      ...projectionLayers(frame),
      ...referenceLayers(frame),
      ...seriesLayers(frame),
      ...latestLabelLayers(frame),
      ...targetLayers(frame),
    ],
  };
}

function frameOf(input: ChartInput): Frame {
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
  return { input, rows, labels, colors, first, end };
}

function timeAxis({ first, end }: Frame, title: string) {
  return {
    field: 'year',
    type: 'quantitative' as const,
    title,
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
