// An indicator in the town's words: what is measured, why this indicator and this target, and the town's
// reading of the numbers (Einordnung), each from the indicator's YAML. The calculation itself (tables,
// SQL expressions and filters) is for analysts and goes to the appendix, linked from each indicator.
import { localize, type Lang } from '../core/format.js';
import { words } from '../core/messages/index.js';
import type { Project } from '../core/project.js';
import type { ReferenceSeries } from '../core/references.js';
import type { Aggregate, Indicator } from '../core/schema.js';
import { formatValue } from '../core/format.js';

export interface IndicatorText {
  /** "definition", "rationale" or "commentary": also the CSS class. */
  kind: 'definition' | 'rationale' | 'commentary';
  heading: string;
  text: string;
}

/** How one indicator is calculated, for the appendix. */
export interface Calculation {
  id: string;
  anchor: string;
  /** The indicator's section. */
  back: string;
  title: string;
  items: { label: string; text: string }[];
}

export const calculationAnchor = (id: string) => `berechnung-${id}`;

export function indicatorTexts(ind: Indicator, lang: Lang): IndicatorText[] {
  const ui = words(lang).report;
  return (['definition', 'rationale', 'commentary'] as const).flatMap((kind) => {
    const text = ind[kind];
    return text ? [{ kind, heading: ui.textHeadings[kind], text: localize(text, lang) }] : [];
  });
}

export function calculation(project: Project, ind: Indicator, lang: Lang): Calculation {
  const ui = words(lang).report;
  const describe = (agg: Aggregate) => {
    const table = project.sources[agg.table]?.description;
    return ui.aggregate(agg.expr, table ? `${agg.table} (${table})` : agg.table, agg.filter ?? null);
  };
  return {
    id: ind.id,
    anchor: calculationAnchor(ind.id),
    back: `indikator-${ind.id}`,
    title: localize(ind.title, lang),
    items: [
      { label: ui.numerator, text: describe(ind.numerator) },
      ...(ind.denominator ? [{ label: ui.denominator, text: describe(ind.denominator) }] : []),
      ...(ind.weight ? [{ label: ui.weight, text: ui.weighted(ind.weight) }] : []),
      ...(ind.by.length ? [{ label: ui.calculationBy, text: ind.by.join(', ') }] : []),
    ],
  };
}

/** "Zum Vergleich: Niedersachsen 62,2 % (2024), Region Hannover 60,5 % (2024)." Null without references. */
export function referenceSentence(references: ReferenceSeries[], ind: Indicator, lang: Lang): string | null {
  const items = references.flatMap((r) => {
    const latest = r.points.at(-1);
    return latest
      ? [{ label: localize(r.label, lang), value: formatValue(latest.value, ind.unit, lang), year: latest.year }]
      : [];
  });
  return items.length ? words(lang).report.referenceSentence(items) : null;
}
