// Measures for staff: list them (by field, office, status, overdue), or record a measure's new state in its
// YAML file through the safe editor, leaving every other byte of the file as it was.
import type { MeasureState } from '../compare/index.js';
import { parsePlanDate } from '../core/dates.js';
import { didYouMean, InputError, UsageError } from '../core/errors.js';
import { checkMeasureFile, checkMeasures, normaliseStatus, statusHint, type MeasureStatus } from '../core/measures.js';
import { localize } from '../core/format.js';
import { msg, words, type Lang } from '../core/messages/index.js';
import type { Project } from '../core/project.js';
import { MeasuresFile } from '../core/schema.js';
import { editYaml } from '../core/yamledit.js';
import type { YamlFile } from '../core/yamlfile.js';
import { applyChanges, type YamlChange } from '../core/yamlsplice.js';

export interface MeasureFilter {
  field?: string;
  /** Part of the responsible office's name, in any case. */
  office?: string;
  status?: string;
  overdue?: boolean;
}

/** The measures that pass every filter given; an unknown field or status is wrong usage, not an empty list. */
export function filterMeasures(project: Project, states: MeasureState[], filter: MeasureFilter): MeasureState[] {
  const fields = project.fields.map((f) => f.id);
  if (filter.field !== undefined && !fields.includes(filter.field))
    throw new UsageError(
      msg('indicator-unknown-field', { field: filter.field }),
      '--field',
      didYouMean(filter.field, fields, msg('hint-known-fields', { fields })),
    );
  const status = filter.status === undefined ? undefined : statusOption(filter.status);
  const office = filter.office?.toLowerCase();
  return states.filter(
    ({ measure: m, overdue }) =>
      (filter.field === undefined || m.field === filter.field) &&
      (office === undefined || m.responsible.toLowerCase().includes(office)) &&
      (status === undefined || m.status === status) &&
      (!filter.overdue || overdue),
  );
}

/** A measure as `--json` prints it (and `compare --json` under `measures`). */
export function measureJson({ measure: m, overdue, nextMilestone }: MeasureState) {
  return {
    id: m.id,
    field: m.field,
    title: m.title,
    responsible: m.responsible,
    partners: m.partners,
    start: m.start,
    due: m.due ?? null,
    status: m.status,
    overdue,
    nextMilestone,
    milestones: m.milestones,
    indicators: m.indicators,
    budget: m.budget ?? null,
    updated: { date: m.updated.date, by: m.updated.by ?? null },
    note: m.note ?? null,
    file: m.source.file.path,
  };
}

export const measureCsvHeader = [
  'id',
  'field',
  'title',
  'responsible',
  'partners',
  'start',
  'due',
  'status',
  'status_label',
  'overdue',
  'next_milestone_date',
  'next_milestone',
  'indicators',
  'budget',
  'updated',
  'updated_by',
  'note',
];

/** A measure as a CSV row: codes as in the file, labels and titles in the language of the command line. */
export function measureCsvRow({ measure: m, overdue, nextMilestone }: MeasureState, lang: Lang) {
  return [
    m.id,
    m.field,
    localize(m.title, lang),
    m.responsible,
    m.partners.join('; '),
    m.start,
    m.due,
    m.status,
    words(lang).measureStatus[m.status],
    overdue,
    nextMilestone?.date,
    nextMilestone && localize(nextMilestone.title, lang),
    m.indicators.join('; '),
    m.budget,
    m.updated.date,
    m.updated.by,
    m.note,
  ];
}

export interface MeasureChange {
  id: string;
  status?: string;
  note?: string;
  /** A milestone by its number in the list (1 for the first) or its date; marked done. */
  milestone?: string;
  by?: string;
  /** The day the change is recorded on (`updated.date`), as YYYY-MM-DD. */
  today: string;
}

export interface MeasureChangeResult {
  file: string;
  before: MeasureStatus;
  status: MeasureStatus;
  note: boolean;
  /** The milestone marked done: its number and date. */
  milestone: { number: number; date: string } | null;
}

/** Records a measure's new state: status, note, a milestone done, and the day (and person) of the update. */
export async function setMeasure(
  project: Project,
  change: MeasureChange,
  hooks: { beforeWrite?: () => Promise<void> } = {},
): Promise<MeasureChangeResult> {
  const status = change.status === undefined ? undefined : statusOption(change.status);
  const found = project.measures.find((m) => m.id === change.id);
  if (!found)
    throw new InputError(
      msg('measure-unknown', { id: change.id }),
      'measures set',
      didYouMean(
        change.id,
        project.measures.map((m) => m.id),
        msg('hint-measures-list'),
      ),
    );
  const path = found.source.file.path;
  const context = { fields: project.fields.map((f) => f.id), indicators: project.indicators.map((i) => i.id) };
  return editYaml({
    path,
    schema: MeasuresFile,
    beforeWrite: hooks.beforeWrite,
    edit: (file, text) => {
      // Positions come from this reading of the file, made under the lock, not from the project's.
      const index = file.data.measures.findIndex((m) => m.id === change.id);
      if (index < 0) throw new InputError(msg('measure-unknown', { id: change.id }), path, msg('hint-measures-list'));
      const measure = checkMeasureFile(file, context)[index]!;
      const at = ['measures', index];
      const milestone = change.milestone === undefined ? null : findMilestone(file, index, change.milestone);
      const changes: YamlChange[] = [
        ...(status ? [{ path: [...at, 'status'], value: status }] : []),
        ...(change.note !== undefined ? [{ path: [...at, 'note'], value: change.note, quoted: true }] : []),
        ...(milestone ? [{ path: [...at, 'milestones', milestone.number - 1, 'done'], value: true }] : []),
        { path: [...at, 'updated', 'date'], value: change.today },
        ...(change.by !== undefined ? [{ path: [...at, 'updated', 'by'], value: change.by }] : []),
      ];
      return {
        text: applyChanges(text, file.doc, changes, path),
        result: {
          file: path,
          before: measure.status,
          status: status ?? measure.status,
          note: change.note !== undefined,
          milestone,
        },
      };
    },
    check: (edited) => {
      const files = [...new Set(project.measures.map((m) => m.source.file))];
      checkMeasures(
        files.map((f) => (f.path === path ? edited : f)),
        context,
      );
    },
  });
}

/** A status from the command line, German or English; anything else is wrong usage with a suggestion. */
function statusOption(word: string): MeasureStatus {
  const status = normaliseStatus(word);
  if (status) return status;
  throw new UsageError(msg('measure-status-unknown', { status: word }), '--status', statusHint(word));
}

/** A milestone by its number (1 for the first) or by its date, as the file has it now. */
function findMilestone(file: YamlFile<MeasuresFile>, index: number, which: string) {
  const milestones = file.data.measures[index]!.milestones;
  const dates = milestones.map((m) => parsePlanDate(m.date));
  const number = /^\d+$/.test(which)
    ? Number(which)
    : (() => {
        const date = parsePlanDate(which);
        const matches = dates.flatMap((d, i) => (date !== null && d === date ? [i + 1] : []));
        if (matches.length > 1)
          throw new UsageError(
            msg('milestone-ambiguous', { date: which, count: matches.length }),
            '--milestone',
            msg('hint-milestone'),
          );
        return matches[0] ?? 0;
      })();
  if (number < 1 || number > milestones.length)
    throw new UsageError(
      msg('milestone-unknown', { milestone: which, count: milestones.length }),
      '--milestone',
      msg('hint-milestone'),
    );
  return { number, date: dates[number - 1]! };
}
