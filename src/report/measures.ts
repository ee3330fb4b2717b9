// Measures in the report: each with its state on the report's day (overdue or not, the next milestone),
// listed per field of action beside the field's indicators, under every indicator it is meant to move,
// and counted by state in the council summary. Pure: the day is the report's `now`.
import { isOverdue, nextMilestone } from '../compare/index.js';
import { localize, type Lang } from '../core/format.js';
import type { Measure, MeasureStatus } from '../core/measures.js';
import { locales, words } from '../core/messages/index.js';
import type { Project } from '../core/project.js';
import { measureStatusWords } from '../core/schema.js';
import type { Badge, SectionRef } from './council-types.js';

export interface MeasureItem {
  id: string;
  anchor: string;
  title: string;
  description: string | null;
  /** The field of action's id and title. */
  field: string;
  fieldTitle: string;
  status: MeasureStatus;
  statusWord: string;
  /** Past its due date and neither done nor dropped, on the report's day. */
  overdue: boolean;
  responsible: string;
  partners: string[];
  start: string;
  /** Null for a standing task. */
  due: string | null;
  next: { date: string; title: string } | null;
  indicators: { id: string; title: string; anchor: string }[];
  note: string | null;
}

/** A field of action with its indicators and its measures, side by side. */
export interface FieldMeasures {
  id: string;
  anchor: string;
  title: string;
  indicators: { id: string; title: string; anchor: string; status: Badge }[];
  measures: MeasureItem[];
}

export interface MeasureSummary {
  total: number;
  /** Every status, in the order of the catalogue, zeros included: the counts add up to `total`. */
  byStatus: { status: MeasureStatus; word: string; count: number }[];
  overdue: MeasureItem[];
}

export const measureAnchor = (id: string) => `massnahme-${id}`;

export function buildMeasureItems(project: Project, now: Date, lang: Lang): MeasureItem[] {
  const titleOf = (id: string) => project.indicators.find((i) => i.id === id)!;
  return project.measures.map((m: Measure): MeasureItem => {
    const next = nextMilestone(m);
    const field = project.fields.find((f) => f.id === m.field);
    return {
      id: m.id,
      anchor: measureAnchor(m.id),
      title: localize(m.title, lang),
      description: m.description ? localize(m.description, lang) : null,
      field: m.field,
      fieldTitle: field ? localize(field.title, lang) : m.field,
      status: m.status,
      statusWord: words(lang).measureStatus[m.status],
      overdue: isOverdue(m, now),
      responsible: m.responsible,
      partners: m.partners,
      start: formatPlanDate(m.start, lang),
      due: m.due === undefined ? null : formatPlanDate(m.due, lang),
      next: next ? { date: formatPlanDate(next.date, lang), title: localize(next.title, lang) } : null,
      indicators: m.indicators.map((id) => ({
        id,
        title: localize(titleOf(id).title, lang),
        anchor: `indikator-${id}`,
      })),
      note: m.note ?? null,
    };
  });
}

/** Each field of action that has measures, with its indicators; fields without measures are left out. */
export function fieldMeasures(
  fields: { id: string; title: string }[],
  sections: SectionRef[],
  items: MeasureItem[],
): FieldMeasures[] {
  return fields.flatMap((f) => {
    const measures = items.filter((m) => m.field === f.id);
    if (!measures.length) return [];
    const indicators = sections
      .filter((s) => s.field === f.id)
      .map(({ id, title, anchor, status }) => ({ id, title, anchor, status }));
    return [{ id: f.id, anchor: `handlungsfeld-${f.id}`, title: f.title, indicators, measures }];
  });
}

/** The counts by status for the council summary, and the overdue measures; null for a project without measures. */
export function summariseMeasures(items: MeasureItem[], lang: Lang): MeasureSummary | null {
  if (!items.length) return null;
  const statuses = Object.keys(measureStatusWords) as MeasureStatus[];
  return {
    total: items.length,
    byStatus: statuses.map((status) => ({
      status,
      word: words(lang).measureStatus[status],
      count: items.filter((m) => m.status === status).length,
    })),
    overdue: items.filter((m) => m.overdue),
  };
}

/** A date of a plan as people write it: "2027", "März 2027", "31. März 2027" (German) or "31 March 2027". */
function formatPlanDate(date: string, lang: Lang): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return String(year);
  const at = new Date(Date.UTC(year, month - 1, day ?? 1));
  const format: Intl.DateTimeFormatOptions =
    day === undefined ? { month: 'long', year: 'numeric' } : { day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(locales[lang], { ...format, timeZone: 'UTC' }).format(at);
}
