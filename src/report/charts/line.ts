// The time series of an indicator as a Vega-Lite line chart, with targets, trend and the survey interval;
// also the gap between the groups over time. The input is already cleaned by the report model (labels,
// formatted texts, suppressed values removed), so this module only decides looks. Every project text
// reaches a spec as data or as a field predicate, never inside an expression string.
import type { TopLevelSpec } from 'vega-lite';
import { words } from '../../core/messages/index.js';
import { chartConfig, palette, plotWidth, textPalette } from './config.js';
import { labelLayers } from './line-labels.js';
import type { ChartInput, Frame, Row } from './line-input.js';
import { bandLayers, projectionLayers, ruleLayers, seriesLayers, targetLayers } from './line-layers.js';
import { niceDomain } from './place.js';
import { referenceLayers } from './reference-layers.js';

/** Back to front: the rule, the bands, the trends, the lines with their points, the targets, the labels. */
export function buildLineChart(input: ChartInput): TopLevelSpec {
  const frame = frameOf(input);
  return {
    description: input.description,
    width: plotWidth,
    height: frame.height,
    config: chartConfig(),
    data: { values: frame.rows },
    encoding: { x: timeAxis(frame, words(input.lang).report.axis.year) },
    layer: [
      ...ruleLayers(frame),
      ...bandLayers(frame),
      ...projectionLayers(frame),
      ...referenceLayers(frame),
      ...seriesLayers(frame),
      ...targetLayers(frame),
      ...labelLayers(frame),
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
  const yDomain = valueDomain(input, rows);
  const height = input.height ?? 190;
  const [x0, x1] = [first - 0.4, end + 0.4];
  return {
    input,
    rows,
    labels,
    colors,
    first,
    end,
    height,
    yDomain,
    px: (year) => ((year - x0) / (x1 - x0)) * plotWidth,
    py: (v) => height - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * height,
  };
}

/** Every value the chart draws, rounded out as Vega would: fixed here, so that labels can be placed. */
function valueDomain(input: ChartInput, rows: Row[]): [number, number] {
  const values = [
    ...rows.flatMap((r) => [r.value, r.low, r.high]),
    ...input.targets.map((t) => t.value),
    ...(input.projections ?? []).flatMap((p) => [p.from.value, p.to.value]),
    ...(input.references ?? []).flatMap((r) => r.points.map((p) => p.value)),
    ...(input.rule ? [input.rule.value] : []),
  ].filter((v): v is number => v !== null && Number.isFinite(v));
  if (!values.length) return [0, 1];
  return niceDomain(Math.min(...values), Math.max(...values));
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
      tickCount: Math.ceil(plotWidth / 56),
      labelOverlap: true,
      grid: false,
      ticks: false,
      labelPadding: 9,
    },
  };
}

function toRows(input: ChartInput): Row[] {
  const ui = words(input.lang).report;
  const named = input.series.length > 1;
  return input.series.flatMap((s) => {
    const latest = s.points.filter((p) => p.value !== null).at(-1);
    return s.points.map((p): Row => {
      const hasInterval = p.value !== null && p.low != null && p.high != null;
      const flag = p.value !== null && p.flagged === true;
      return {
        year: p.year,
        series: s.label,
        value: p.value,
        low: hasInterval ? p.low! : null,
        high: hasInterval ? p.high! : null,
        text: p.text ?? '',
        interval: hasInterval ? (p.intervalText ?? '') : '',
        latest: p === latest,
        flag,
        aria: p.value === null ? '' : ui.pointDescription(p.year, named ? s.label : null, p.text ?? '', flag),
      };
    });
  });
}
