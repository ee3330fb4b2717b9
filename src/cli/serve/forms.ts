// What the preview's forms write: a target (as `targets set` does) or a measure's status, note and
// milestone (as `measures set` does), through the same locked, checked, comment-preserving editors. The
// project is read afresh for every change, so that the edit starts from the files as they are now.
import { dayOf } from '../../core/dates.js';
import { InputError } from '../../core/errors.js';
import { msg, words, type Lang } from '../../core/messages/index.js';
import { readProject } from '../../core/project.js';
import { setMeasure } from '../measures.js';
import { setTarget } from '../targets.js';

/** What a form did, in the words `targets set` and `measures set` print; or why it was refused. */
export type FormResult = { ok: true; changed: boolean; text: string } | { ok: false; error: InputError };

export async function applyForm(
  kind: 'target' | 'measure',
  fields: URLSearchParams,
  dir: string,
  lang: Lang,
): Promise<FormResult> {
  try {
    return kind === 'target' ? await saveTarget(fields, dir, lang) : await saveMeasure(fields, dir, lang);
  } catch (e) {
    if (e instanceof InputError) return { ok: false, error: e };
    throw e;
  }
}

async function saveTarget(fields: URLSearchParams, dir: string, lang: Lang): Promise<FormResult> {
  const w = words(lang).cli;
  const p = w.serve.page;
  const indicator = required(fields, 'indicator');
  const value = number(fields.get('value'), p.value);
  const year = number(fields.get('year'), p.year);
  if (!Number.isInteger(year))
    throw new InputError(
      msg('form-number', { field: p.year, value: String(year) }),
      undefined,
      msg('hint-form-number'),
    );
  const group = fields.get('group') || undefined;
  const gap = fields.get('gap') === '1';
  const result = await setTarget(await readProject(dir), { indicator, value, year, group, gap });
  const what = `${indicator}${gap ? ` (${w.targets.gap})` : group ? ` (${group})` : ''} ${year}`;
  const shown = String(value);
  if (result.action === 'unchanged')
    return { ok: true, changed: false, text: p.unchanged(w.targets.unchanged(what, shown)) };
  const text =
    result.action === 'added'
      ? w.targets.added(what, shown, result.file)
      : w.targets.changed(what, String(result.before), shown, result.file);
  return { ok: true, changed: true, text };
}

async function saveMeasure(fields: URLSearchParams, dir: string, lang: Lang): Promise<FormResult> {
  const w = words(lang);
  const id = required(fields, 'id');
  const project = await readProject(dir);
  const current = project.measures.find((m) => m.id === id);
  // Only what the form changes is written: the same status again would only move the update's date.
  const status = fields.get('status') || undefined;
  const note = fields.get('note')?.replace(/\r\n/g, '\n');
  const change = {
    status: current && status === current.status ? undefined : status,
    note: current && note === (current.note ?? '') ? undefined : note,
    milestone: fields.get('milestone') || undefined,
  };
  if (current && change.status === undefined && change.note === undefined && change.milestone === undefined)
    throw new InputError(msg('form-nothing'), current.source.file.path);
  const today = dayOf(new Date());
  const result = await setMeasure(project, { id, ...change, by: fields.get('by') || undefined, today });
  const m = w.cli.measures;
  const lines = [
    m.changed(id, result.file),
    ...(change.status !== undefined ? [m.status(w.measureStatus[result.before], w.measureStatus[result.status])] : []),
    ...(result.note ? [m.note] : []),
    ...(result.milestone ? [m.milestone(result.milestone.number, result.milestone.date)] : []),
  ];
  return { ok: true, changed: true, text: lines.join('; ') };
}

function required(fields: URLSearchParams, name: string): string {
  const value = fields.get(name);
  if (!value) throw new InputError(msg('form-missing', { field: name }));
  return value;
}

/** A number as people type it: 65, 12.5 or 12,5. */
function number(text: string | null, field: string): number {
  const trimmed = (text ?? '').trim();
  const n = Number(trimmed.replace(',', '.'));
  if (trimmed === '' || !Number.isFinite(n))
    throw new InputError(msg('form-number', { field, value: trimmed }), undefined, msg('hint-form-number'));
  return n;
}
