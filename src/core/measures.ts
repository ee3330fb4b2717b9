// Measures (Maßnahmen): what the town does to move its indicators, one YAML file per field of action in
// measures/. A project without that folder has no measures and works as before. Read and checked with the
// project: every problem is an error at its file, line and column, with a hint.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { firstDay, lastDay, parsePlanDate } from './dates.js';
import { didYouMean, displayPath, inOrder, InputError } from './errors.js';
import { msg, type Message } from './messages/index.js';
import { MeasuresFile, measureStatusWords, type MeasureStatus, type Text } from './schema.js';
import { locate, readYaml, type YamlFile } from './yamlfile.js';

export type { MeasureStatus } from './schema.js';

export interface Milestone {
  /** 2026, 2026-03 or 2026-03-14 (core/dates.ts). */
  date: string;
  title: Text;
  done: boolean;
}

export interface Measure {
  id: string;
  /** The field of action, from the file's `field`. */
  field: string;
  title: Text;
  description?: Text;
  responsible: string;
  partners: string[];
  /** 2026, 2026-03 or 2026-03-14: a date with less precision stands for its whole period. */
  start: string;
  /** Left out for a permanent measure. */
  due?: string;
  status: MeasureStatus;
  /** In the order of the file. */
  milestones: Milestone[];
  /** Ids of the indicators the measure is meant to move; each exists. */
  indicators: string[];
  budget?: number;
  updated: { date: string; by?: string };
  note?: string;
  /** The file it is written in and its place in the file's list, for error positions and edits. */
  source: { file: YamlFile<MeasuresFile>; index: number };
}

const measureStatuses = Object.keys(measureStatusWords) as MeasureStatus[];

/** A status word of a file or the command line, German or English, in its German form. */
export function normaliseStatus(word: string): MeasureStatus | undefined {
  const w = word.trim().toLowerCase();
  return measureStatuses.find((s) => s === w || measureStatusWords[s] === w);
}

/** Every status word a file may use. */
const statusWords = Object.entries(measureStatusWords).flat();

/** Other words for the statuses, common in monitoring reports: suggested, not accepted, so that files agree. */
const synonyms: Record<string, MeasureStatus> = {
  'in vorbereitung': 'geplant',
  'in umsetzung': 'laufend',
  abgeschlossen: 'umgesetzt',
  erledigt: 'umgesetzt',
  zurückgestellt: 'ausgesetzt',
  entfallen: 'eingestellt',
  'in progress': 'laufend',
  completed: 'umgesetzt',
  'on hold': 'ausgesetzt',
  cancelled: 'eingestellt',
};

/** The hint for a status word that is none: the status it probably means, or the list of them. */
export function statusHint(word: string): Message {
  const meant = synonyms[word.trim().toLowerCase()];
  if (meant) return msg('hint-did-you-mean', { word: meant });
  return didYouMean(word, statusWords, msg('hint-measure-statuses', { statuses: measureStatuses }))!;
}

/** The YAML files of measures/, in name order; none when the project has no such folder. */
export async function readMeasureFiles(dir: string, folder: string): Promise<YamlFile<MeasuresFile>[]> {
  let names: string[];
  try {
    names = (await readdir(join(dir, folder))).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    throw new InputError(msg('file-unreadable', { reason: code ?? String(e) }), displayPath(join(dir, folder)));
  }
  return inOrder(names.map((f) => readYaml(join(dir, folder, f), MeasuresFile, displayPath(join(dir, folder, f)))));
}

/** What the measures are checked against: the project's fields of action and indicators. */
export interface MeasureContext {
  fields: string[];
  indicators: string[];
}

/** The measures of all files, checked against each other and the project. */
export function checkMeasures(files: YamlFile<MeasuresFile>[], context: MeasureContext): Measure[] {
  const seen = new Map<string, string>();
  return files.flatMap((file) => {
    const measures = checkMeasureFile(file, context);
    for (const m of measures) {
      const other = seen.get(m.id);
      if (other !== undefined)
        throw new InputError(
          msg('measure-duplicate-id', { id: m.id, other }),
          at(file, ['measures', m.source.index, 'id']),
          msg('hint-unique-measure-id'),
        );
      seen.set(m.id, file.path);
    }
    return measures;
  });
}

/** The measures of one file, checked against the project (not yet against other files). */
export function checkMeasureFile(file: YamlFile<MeasuresFile>, context: MeasureContext): Measure[] {
  const { field, measures } = file.data;
  if (!context.fields.includes(field))
    throw new InputError(
      msg('indicator-unknown-field', { field }),
      at(file, ['field']),
      didYouMean(field, context.fields, msg('hint-known-fields', { fields: context.fields })),
    );
  return measures.map((m, index) => {
    const path = ['measures', index];
    const date = (value: string | number, where: (string | number)[]) => {
      const parsed = parsePlanDate(value);
      if (parsed === null)
        throw new InputError(
          msg('measure-date-invalid', { path: [...path, ...where].join('.'), value: String(value) }),
          at(file, [...path, ...where]),
          msg('hint-plan-date'),
        );
      return parsed;
    };
    const start = date(m.start, ['start']);
    const due = m.due === undefined ? undefined : date(m.due, ['due']);
    if (due !== undefined && lastDay(due) < firstDay(start))
      throw new InputError(
        msg('measure-due-before-start', { due, start }),
        at(file, [...path, 'due']),
        msg('hint-due-after-start'),
      );
    const status = normaliseStatus(m.status);
    if (!status)
      throw new InputError(
        msg('measure-status-unknown', { status: m.status }),
        at(file, [...path, 'status']),
        statusHint(m.status),
      );
    m.indicators.forEach((id, i) => {
      if (!context.indicators.includes(id))
        throw new InputError(
          msg('indicator-unknown', { id }),
          at(file, [...path, 'indicators', i]),
          didYouMean(id, context.indicators, msg('hint-targets-list')),
        );
    });
    const measure: Measure = {
      ...m,
      field,
      start,
      due,
      status,
      milestones: m.milestones.map((s, j) => ({ ...s, date: date(s.date, ['milestones', j, 'date']) })),
      updated: { ...m.updated, date: date(m.updated.date, ['updated', 'date']) },
      source: { file, index },
    };
    if (due === undefined) delete measure.due;
    return measure;
  });
}

function at(file: YamlFile<unknown>, path: (string | number)[]) {
  return { file: file.path, ...locate(file.doc, file.lines, path) };
}
