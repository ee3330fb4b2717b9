// The parts of the report for the council and for readers who take data away, built beside the indicator
// sections: the summary page, the changes since the last report, the measures, each indicator's texts,
// references and CSV, and the calculations for the appendix. model.ts calls this once and merges the parts.
import type { Lang } from '../core/format.js';
import type { Project } from '../core/project.js';
import { literalReferences, type ReferenceSeries } from '../core/references.js';
import type { Comparison, IndicatorValue } from '../core/types.js';
import { describeChanges } from './changes.js';
import type { Badge, SectionRef } from './council-types.js';
import { indicatorDownload, overviewDownload, type Download } from './downloads.js';
import { takeSnapshot, type EarlierReport, type ReportSnapshot } from './history.js';
import {
  buildMeasureItems,
  fieldMeasures,
  summariseMeasures,
  type FieldMeasures,
  type MeasureItem,
} from './measures.js';
import { buildCouncilPage, type CouncilPage } from './summary.js';
import {
  calculation,
  calculationAnchor,
  indicatorTexts,
  referenceSentence,
  type Calculation,
  type IndicatorText,
} from './texts.js';

/** What the report knows of earlier reports: the one to compare with (if any) and what this one says. */
export interface ReportHistory {
  earlier: EarlierReport | null;
  snapshot: ReportSnapshot;
}

/** What an indicator section gets besides its figures and sentences. */
export interface SectionExtras {
  texts: IndicatorText[];
  /** "Zum Vergleich: Niedersachsen 62,2 % (2024)." */
  referenceText: string | null;
  /** The measures meant to move the indicator, from every field of action. */
  measures: MeasureItem[];
  download: Download | null;
  /** The anchor of its calculation in the appendix. */
  calculation: string;
}

export interface CouncilParts {
  sections: Map<string, SectionExtras>;
  council: CouncilPage;
  fieldMeasures: FieldMeasures[];
  calculations: Calculation[];
}

export interface CouncilInput {
  /** The whole project, and the part the report is about (one field of action, or all). */
  whole: Project;
  project: Project;
  /** All values and comparisons, and those of the report's part (suppressed values already emptied). */
  allValues: IndicatorValue[];
  allComparisons: Comparison[];
  values: IndicatorValue[];
  comparisons: Comparison[];
  sections: SectionRef[];
  fields: { id: string; title: string }[];
  legend: Badge[];
  lang: Lang;
  now: Date;
  references?: ReferenceSeries[];
  history?: ReportHistory;
}

/** The references of an indicator: those given (read from tables and files), else those written in the file. */
export function referencesOf(project: Project, id: string, given?: ReferenceSeries[]): ReferenceSeries[] {
  if (given) return given.filter((r) => r.indicator === id);
  const ind = project.indicators.find((i) => i.id === id);
  return ind ? literalReferences(ind) : [];
}

export function buildCouncilParts(input: CouncilInput): CouncilParts {
  const { whole, project, lang, sections } = input;
  const items = buildMeasureItems(whole, input.now, lang);
  const inScope = items.filter((m) => project.fields.some((f) => f.id === m.field));
  const extras = new Map(
    project.indicators.map((ind): [string, SectionExtras] => {
      const mine = input.values.filter((v) => v.indicator === ind.id);
      return [
        ind.id,
        {
          texts: indicatorTexts(ind, lang),
          referenceText: referenceSentence(referencesOf(whole, ind.id, input.references), ind, lang),
          measures: items.filter((m) => m.indicators.some((i) => i.id === ind.id)),
          download: mine.length ? indicatorDownload(project, ind, mine, lang) : null,
          calculation: calculationAnchor(ind.id),
        },
      ];
    }),
  );
  const byField = fieldMeasures(input.fields, sections, inScope);
  const snapshot = input.history?.snapshot ?? takeSnapshot(whole, input.allValues, input.allComparisons, input.now);
  const earlier = input.history?.earlier ?? null;
  const council = buildCouncilPage({
    lang,
    legend: input.legend,
    fields: input.fields,
    sections,
    comparisons: input.comparisons,
    values: input.values,
    measures: inScope,
    measureSummary: summariseMeasures(inScope, lang),
    measureFields: byField.map((f) => f.id),
    changes: earlier
      ? describeChanges(
          whole,
          earlier,
          snapshot,
          project.fields.map((f) => f.id),
          lang,
        )
      : null,
    firstReport: input.history !== undefined && earlier === null,
    download: overviewDownload(project, sections, input.comparisons, lang),
  });
  const calculations = sections.map((s) =>
    calculation(
      project,
      project.indicators.find((i) => i.id === s.id)!,
      lang,
    ),
  );
  return { sections: extras, council, fieldMeasures: byField, calculations };
}
