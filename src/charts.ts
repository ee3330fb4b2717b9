// Vega-Lite specs for the report: one time series per indicator. The input is already cleaned by the
// report model (labels, formatted texts, suppressed values removed), so this module only decides looks.
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from './format.js';
import type { Unit } from './schema.js';

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
}

export interface ChartInput {
  lang: Lang;
  unit: Unit;
  /** What a screen reader announces for the chart. */
  description: string;
  series: ChartSeries[];
  targets: ChartTarget[];
}

/** Okabe–Ito blue and vermillion, then further colours that stay apart for colour-blind readers. */
const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#56B4E9', '#E69F00'];
const shapes = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down'];
const dashes = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2], [4, 4], [1, 3]];
const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const axisTitles: Record<Lang, Record<Unit | 'year', string>> = {
  de: { year: 'Jahr', percent: 'Anteil in %', per_1000: 'je 1.000', count: 'Anzahl', mean: 'Mittelwert', ratio: 'Verhältnis' },
  en: { year: 'Year', percent: 'Share in %', per_1000: 'per 1,000', count: 'Number', mean: 'Mean', ratio: 'Ratio' },
};

const tooltipTitles: Record<Lang, { series: string; value: string; interval: string }> = {
  de: { series: 'Gruppe', value: 'Wert', interval: '95-%-Intervall' },
  en: { series: 'Group', value: 'Value', interval: '95% interval' },
};

interface Row {
  year: number;
  series: string;
  /** The series again, for the line dash (see the strokeDash encoding). */
  dash: string;
  value: number | null;
  low: number | null;
  high: number | null;
  text: string;
  interval: string;
  /** The latest point of its series gets a label, above or below so that two labels do not collide. */
  tag: 'above' | 'below' | '';
}

type Layer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

export function buildChart(input: ChartInput): TopLevelSpec {
  const rows = toRows(input);
  const labels = input.series.map((s) => s.label);
  const years = [...rows.map((r) => r.year), ...input.targets.map((t) => t.year)];
  const first = Math.min(...years);
  const last = Math.max(...years);
  // Room to the right of the latest value for its label when no target lies further ahead.
  const end = input.targets.some((t) => t.year === last) ? last : last + 1;
  const hasBand = rows.some((r) => r.low !== null && r.high !== null);
  const titles = axisTitles[input.lang];
  const tip = tooltipTitles[input.lang];
  // Colour, dash and shape share one field and domain, so Vega-Lite merges them into a single legend.
  // A single series needs no legend: the text says what it is.
  const legend = labels.length > 1 ? {} : { legend: null };
  const color = () => ({ field: 'series', type: 'nominal' as const, scale: { domain: labels, range: labels.map((_, i) => palette[i % palette.length]!) }, ...legend });
  // Missing years are null rows: the line and band break there instead of bridging the gap.
  const invalid = 'break-paths-filter-domains' as const;
  const value = { field: 'value', type: 'quantitative' as const };

  const layers: Layer[] = [];
  // One band per series in a fixed colour: a colour encoding here would merge the pale band into the legend.
  labels.forEach((name, i) => {
    if (!rows.some((r) => r.series === name && r.low !== null)) return;
    layers.push({
      transform: [{ filter: { field: 'series', equal: name } }],
      mark: { type: 'area', opacity: 0.16, color: palette[i % palette.length], invalid },
      encoding: { y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
    });
  });
  layers.push({
    mark: { type: 'line', strokeWidth: 2.5, invalid },
    encoding: {
      y: { ...value, title: titles[input.unit], scale: { zero: false, nice: true }, axis: { format: ',~f' } },
      color: color(),
      // A field of its own, so that the dash stays out of the legend (a dashed outline makes a square look crossed).
      strokeDash: { field: 'dash', type: 'nominal', legend: null, scale: { domain: labels, range: labels.map((_, i) => dashes[i % dashes.length]!) } },
    },
  });
  layers.push({
    mark: { type: 'point', filled: true, size: 55, opacity: 1, invalid },
    encoding: {
      y: value,
      color: color(),
      shape: { field: 'series', type: 'nominal', scale: { domain: labels, range: labels.map((_, i) => shapes[i % shapes.length]!) }, ...legend },
      tooltip: [
        { field: 'series', type: 'nominal', title: tip.series },
        { field: 'year', type: 'ordinal', title: titles.year },
        { field: 'text', type: 'nominal', title: tip.value },
        ...(hasBand ? [{ field: 'interval', type: 'nominal' as const, title: tip.interval }] : []),
      ],
    },
  });
  for (const tag of (['above', 'below'] as const).filter((t) => rows.some((r) => r.tag === t))) {
    layers.push({
      transform: [{ filter: `datum.tag === '${tag}'` }],
      mark: { type: 'text', align: 'left', dx: 7, dy: tag === 'above' ? -10 : 12, fontWeight: 'bold', fontSize: 12 },
      encoding: { y: value, text: { field: 'text' }, color: color() },
    });
  }
  if (input.targets.length) {
    const data = { values: input.targets.map((t) => ({ ...t })) };
    layers.push({
      data,
      mark: { type: 'point', shape: 'diamond', filled: true, size: 130, color: '#222', opacity: 1 },
      encoding: { y: value, tooltip: { field: 'label', type: 'nominal' } },
    });
    layers.push({
      data,
      mark: { type: 'text', align: 'right', dx: -9, dy: -12, fontSize: 12, fontWeight: 'bold', color: '#222' },
      encoding: { y: value, text: { field: 'label' } },
    });
  }

  return {
    description: input.description,
    width: 'container',
    height: 260,
    autosize: { type: 'fit-x', contains: 'padding' },
    config: {
      font,
      view: { stroke: null },
      axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', titleColor: '#444', labelColor: '#333', gridColor: '#e5e5e5' },
      legend: { labelFontSize: 12, orient: 'bottom', title: null, symbolStrokeWidth: 2, labelLimit: 400 },
    },
    data: { values: rows },
    encoding: {
      x: {
        field: 'year',
        type: 'quantitative',
        title: titles.year,
        scale: { domain: [first, end], nice: false, zero: false },
        axis: { format: 'd', tickMinStep: 1, labelFlush: true, grid: false },
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
        dash: s.label,
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
