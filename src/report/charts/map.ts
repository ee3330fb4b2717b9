// A map of the latest year by district, when the project supplies district boundaries as GeoJSON
// (istsoll.yaml: `map`). Districts without a shown value stay grey; the legend has steps, not a
// gradient, so the SVG drawn in Node stays within the elements the report allows.
import type { TopLevelSpec } from 'vega-lite';
import { words, type Lang } from '../../core/messages/index.js';
import type { GeoFeature } from '../../core/project.js';
import { axisExtent, chartConfig, plotWidth } from './config.js';

interface MapArea {
  /** The district's code in the data, matched against the GeoJSON feature property. */
  code: string;
  name: string;
  value: number | null;
  text: string;
}

export interface MapInput {
  lang: Lang;
  description: string;
  /** The GeoJSON features of the project's boundaries file. */
  features: GeoFeature[];
  property: string;
  areas: MapArea[];
  valueTitle: string;
}

export function buildMapChart(input: MapInput): TopLevelSpec {
  const t = words(input.lang).report.map;
  const byCode = new Map(input.areas.map((a) => [a.code, a]));
  // Only what the map shows travels with it: the geometry, the name and the shown value.
  const features = input.features.map((f) => {
    const area = byCode.get(String(f.properties?.[input.property] ?? ''));
    return {
      type: 'Feature',
      geometry: rewind(f.geometry),
      properties: {
        name: area?.name ?? String(f.properties?.[input.property] ?? ''),
        value: area?.value ?? null,
        text: area && area.value !== null ? area.text : t.none,
        aria: `${area?.name ?? String(f.properties?.[input.property] ?? '')}: ${
          area && area.value !== null ? area.text : t.none
        }`,
      },
    };
  });
  const shape = { type: 'geoshape' as const, stroke: '#ffffff', strokeWidth: 1 };
  const tooltip = [
    { field: 'properties.name', type: 'nominal' as const, title: t.area },
    { field: 'properties.text', type: 'nominal' as const, title: t.value },
  ];
  return {
    description: input.description,
    width: plotWidth + axisExtent,
    height: 260,
    config: chartConfig(),
    data: { values: features },
    projection: { type: 'mercator' },
    layer: [
      {
        mark: { ...shape, fill: '#d9d9d9', aria: true },
        encoding: { tooltip, description: { field: 'properties.aria', type: 'nominal' } },
      },
      {
        transform: [{ filter: 'isValid(datum.properties.value)' }],
        mark: shape,
        encoding: {
          color: {
            field: 'properties.value',
            type: 'quantitative',
            title: input.valueTitle,
            scale: { type: 'quantize', scheme: 'blues', nice: true },
            legend: { format: ',~f' },
          },
          tooltip,
        },
      },
    ],
  };
}

type Ring = [number, number][];

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo, which draws Vega's maps, takes the
 * opposite on the sphere and would fill the whole globe but the district. So outer rings are turned
 * clockwise and holes counter-clockwise.
 */
export function rewind(geometry: unknown): unknown {
  const g = geometry as { type?: string; coordinates?: unknown };
  const polygon = (rings: Ring[]) =>
    rings.map((ring, i) => (signedArea(ring) > 0 === (i === 0) ? [...ring].reverse() : ring));
  if (g?.type === 'Polygon') return { ...g, coordinates: polygon(g.coordinates as Ring[]) };
  if (g?.type === 'MultiPolygon') return { ...g, coordinates: (g.coordinates as Ring[][]).map(polygon) };
  return geometry;
}

/** Positive for a counter-clockwise ring in longitude/latitude. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum / 2;
}
