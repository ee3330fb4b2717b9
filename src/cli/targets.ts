// Targets for staff: list them all, or change one in its indicator's YAML file without touching anything
// else in the file (comments, order, quoting and layout stay exactly as they were).
import { isMap, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { targetValue } from '../compare/index.js';
import { checkGroupsIn } from '../compute/index.js';
import { didYouMean, InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { checkIndicator, type Project } from '../core/project.js';
import { Indicator, type Target, type Unit } from '../core/schema.js';
import { editYaml } from '../core/yamledit.js';
import type { YamlFile } from '../core/yamlfile.js';
import { applyChanges, verifyEdit } from '../core/yamlsplice.js';

export interface TargetRow {
  indicator: string;
  title: string;
  kind: 'value' | 'gap' | 'trend';
  group: string | null;
  year: number;
  /** Null for a direction-only target. */
  value: number | null;
  unit: Unit;
  direction: 'higher' | 'lower';
  baseline: number;
  owner: string;
  file: string;
}

export function listTargets(project: Project): TargetRow[] {
  return project.indicators.flatMap((ind) =>
    ind.targets.map((t) => ({
      indicator: ind.id,
      title: ind.title.de,
      kind: t.gap !== undefined ? ('gap' as const) : t.trend ? ('trend' as const) : ('value' as const),
      group: t.group ?? null,
      year: t.year,
      value: targetValue(t, ind.direction),
      unit: ind.unit,
      direction: t.gap !== undefined ? ('lower' as const) : ind.direction,
      baseline: ind.baseline,
      owner: ind.department,
      file: ind.file.path,
    })),
  );
}

export interface TargetChange {
  indicator: string;
  year: number;
  value: number;
  group?: string;
  gap?: boolean;
}

export interface ChangeResult {
  file: string;
  action: 'changed' | 'added' | 'unchanged';
  before: number | null;
}

/**
 * Sets a target: changes the value of the target with the same year, group and kind, or adds one.
 * A changed value is spliced into the file text, so that every other byte stays as it was. The edit is
 * computed from the file as it is read under the editor's lock (core/yamledit.ts), not from the project
 * read before: an editor may have rewritten the file in between. `groupsInData`, the values of the
 * indicator's group column in the loaded data, lets the check refuse a group that the data do not have.
 */
export async function setTarget(
  project: Project,
  change: TargetChange,
  hooks: { beforeWrite?: () => Promise<void>; groupsInData?: string[] } = {},
): Promise<ChangeResult> {
  const ind = project.indicators.find((i) => i.id === change.indicator);
  if (!ind)
    throw new InputError(
      msg('indicator-unknown', { id: change.indicator }),
      'targets set',
      didYouMean(
        change.indicator,
        project.indicators.map((i) => i.id),
        msg('hint-targets-list'),
      ),
    );
  const path = ind.file.path;
  return editYaml({
    path,
    schema: Indicator,
    beforeWrite: hooks.beforeWrite,
    edit: (file, text) => planChange(file, text, change),
    check: (file) => {
      const edited = { ...file.data, file };
      checkIndicator(project, edited);
      if (hooks.groupsInData) checkGroupsIn(edited, hooks.groupsInData);
    },
  });
}

/** The new text of the indicator's file and what it does, from the file as read under the lock. */
function planChange(
  file: YamlFile<Indicator>,
  text: string,
  change: TargetChange,
): { text: string | null; result: ChangeResult } {
  const targets = file.data.targets;
  const kind = change.gap ? 'gap' : 'value';
  const sameGroup = (t: Target) => (t.group ?? null) === (change.group ?? null);
  const other = targets.find((t) => !change.gap && t.year === change.year && sameGroup(t) && (t.range || t.trend));
  if (other)
    throw new InputError(
      msg('target-not-single', {
        year: change.year,
        group: change.group ?? null,
        kind: other.range ? 'range' : 'trend',
        range: other.range ?? null,
      }),
      file.path,
      msg('hint-edit-target'),
    );
  const index = targets.findIndex(
    (t) => t.year === change.year && (change.gap ? t.gap !== undefined : t.value !== undefined && sameGroup(t)),
  );
  if (index < 0)
    return { text: addTarget(text, file, change), result: { file: file.path, action: 'added', before: null } };
  const before = targets[index]![kind]!;
  if (before === change.value) return { text: null, result: { file: file.path, action: 'unchanged', before } };
  const next = applyChanges(text, file.doc, [{ path: ['targets', index, kind], value: change.value }], file.path);
  return { text: next, result: { file: file.path, action: 'changed', before } };
}

/** A new item at the end of the `targets` list, in the style of the list's last item. */
function addTarget(text: string, file: YamlFile<Indicator>, change: TargetChange): string {
  const next = spliceTarget(text, file.doc, change);
  verifyEdit(file.doc, next, file.path, (data) => {
    (data as { targets: unknown[] }).targets.push(
      Object.fromEntries([
        ['year', change.year],
        ...(change.group ? [['group', change.group]] : []),
        [change.gap ? 'gap' : 'value', change.value],
      ]),
    );
  });
  return next;
}

function spliceTarget(text: string, doc: Document, change: TargetChange): string {
  const targets = doc.get('targets', true) as YAMLSeq | undefined;
  if (!isSeq(targets)) throw new InputError(msg('targets-not-list'), 'targets set');
  const entries: [string, string | number][] = [
    ['year', change.year],
    ...(change.group ? ([['group', change.group]] as [string, string][]) : []),
    [change.gap ? 'gap' : 'value', change.value],
  ];
  const last = targets.items[targets.items.length - 1] as YAMLMap | undefined;
  const value = (v: string | number) => (typeof v === 'number' ? formatNumber(v) : JSON.stringify(v));
  if (targets.flow) {
    const end = targets.range![1];
    const close = text.lastIndexOf(']', end);
    const item = `{ ${entries.map(([k, v]) => `${k}: ${value(v)}`).join(', ')} }`;
    return `${text.slice(0, close).trimEnd()}, ${item}${text.slice(close)}`;
  }
  // A block list: insert after the last item, with its indentation and its flow or block style.
  const lineStart = text.lastIndexOf('\n', last?.range?.[0] ?? targets.range![0]) + 1;
  const indent = text.slice(lineStart, last?.range?.[0] ?? lineStart).replace(/-\s*$/, '');
  const endOfLast = last?.range?.[2] ?? targets.range![1];
  const insertAt = text.indexOf('\n', endOfLast - 1) === -1 ? text.length : text.indexOf('\n', endOfLast - 1) + 1;
  const item =
    isMap(last) && !last.flow
      ? `${indent}- ${entries.map(([k, v], i) => `${i ? `${indent}  ` : ''}${k}: ${value(v)}`).join('\n')}\n`
      : `${indent}- { ${entries.map(([k, v]) => `${k}: ${value(v)}`).join(', ')} }\n`;
  const before = text.slice(0, insertAt);
  return `${before}${before.endsWith('\n') ? '' : '\n'}${item}${text.slice(insertAt)}`;
}

function formatNumber(x: number): string {
  return String(x);
}
