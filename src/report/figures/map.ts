// The breakdown by district on the district boundaries, beside its bar chart and with the same table:
// it shows the first line of the bars (the compared group, or everyone).
import { label } from '../../core/format.js';
import { words } from '../../core/messages/index.js';
import type { Project } from '../../core/project.js';
import { buildMapChart } from '../charts/map.js';
import { chartPoint, find } from './cells.js';
import type { Breakdown, Figure, FigureInput } from './types.js';

export function mapFigure(
  { project, ind, values, lang, title }: FigureInput,
  { number, column, columnTitle, year, codes, series }: Breakdown,
  bars: Figure,
  map: NonNullable<Project['map']>,
): Figure {
  const ui = words(lang).report;
  const shown = series[0]!;
  return {
    id: `${ind.id}-map-${number}`,
    kind: 'map',
    title: `${bars.title}: ${shown.label}`,
    notes: [ui.missingBarNote],
    chart: buildMapChart({
      lang,
      description: `${title}: ${ui.barsDescription(columnTitle, year, codes.length, [])}`,
      features: map.features,
      property: map.property,
      valueTitle: ui.axis[ind.unit],
      areas: codes.map((code) => {
        const point = chartPoint(find(values, year, { ...shown.key, [column]: code }), year, ind, lang);
        return { code, name: label(project, column, code, lang), value: point.value, text: point.text ?? '–' };
      }),
    }),
    table: bars.table,
  };
}
