// The commands for staff who keep the targets and the measures: list them, or change one in its YAML file.
import { UsageError } from '../core/errors.js';
import type { Project } from '../core/project.js';
import { msg, words } from '../core/messages/index.js';
import { openProject } from './commands.js';
import type { JsonOptions, MeasureSetOptions, MeasuresListOptions, TargetSetOptions } from './options.js';
import { print, renderTable, write } from './output.js';
import type { Run } from './run.js';
import { listTargets, setTarget } from './targets.js';

export async function targetsList(run: Run, o: JsonOptions): Promise<void> {
  const { project } = await openProject(o);
  const rows = listTargets(project);
  if (o.json) return print(JSON.stringify(rows, null, 2));
  const { formatDifference, formatValue } = await import('../core/format.js');
  const t = words(run.lang).cli.table;
  const goal = (r: (typeof rows)[number]) => {
    if (r.value === null) return r.direction === 'higher' ? t.rising : t.falling;
    const v = r.kind === 'gap' ? formatDifference(r.value, r.unit, run.lang) : formatValue(r.value, r.unit, run.lang);
    return `${r.direction === 'higher' ? '≥' : '≤'} ${v}`;
  };
  print(
    renderTable([
      [t.indicator, t.group, t.year, t.target, t.owner],
      ...rows.map((r) => [
        r.indicator,
        r.kind === 'gap' ? t.gap : (r.group ?? t.all),
        String(r.year),
        goal(r),
        r.owner,
      ]),
    ]),
  );
}

export async function targetsSet(run: Run, indicator: string, o: TargetSetOptions): Promise<void> {
  const { project, db } = await openProject(o);
  const groupsInData = o.group === undefined ? undefined : await readGroups(project, db, indicator);
  const change = { indicator, value: o.value, year: o.year, group: o.group, gap: o.gap };
  const result = await setTarget(project, change, { groupsInData });
  const w = words(run.lang).cli.targets;
  const what = `${indicator}${o.gap ? ` (${w.gap})` : o.group ? ` (${o.group})` : ''} ${o.year}`;
  const value = String(o.value);
  print(
    result.action === 'unchanged'
      ? w.unchanged(what, value)
      : result.action === 'added'
        ? w.added(what, value, result.file)
        : w.changed(what, String(result.before), value, result.file),
  );
}

/**
 * The values of an indicator's group column as the data have them, so that a target for a group the data
 * lack (a typo) is refused before it is written, as `validate` would refuse it afterwards. The data are
 * read in memory like `validate` does: nothing is written into the project.
 */
async function readGroups(project: Project, dbPath: string, indicator: string): Promise<string[] | undefined> {
  const ind = project.indicators.find((i) => i.id === indicator);
  if (!ind?.groups) return undefined;
  const [{ loadInMemory }, { groupValues }] = await Promise.all([
    import('../load/index.js'),
    import('../compute/index.js'),
  ]);
  const { db } = await loadInMemory(project, dbPath);
  try {
    return await groupValues(db, ind);
  } finally {
    db.close();
  }
}

export async function measuresList(run: Run, o: MeasuresListOptions): Promise<void> {
  const { project } = await openProject(o);
  const [{ assessMeasures }, { localize }, { filterMeasures, measureCsvHeader, measureCsvRow, measureJson }] =
    await Promise.all([import('../compare/index.js'), import('../core/format.js'), import('./measures.js')]);
  const states = filterMeasures(project, assessMeasures(project.measures, new Date()), o);
  const w = words(run.lang);
  if (o.json) return print(JSON.stringify(states.map(measureJson), null, 2));
  if (o.csv) {
    const { toCsv } = await import('../core/csv.js');
    const rows = states.map((s) => measureCsvRow(s, run.lang));
    return write(toCsv(measureCsvHeader, rows, { decimalComma: o.decimalComma, bom: o.bom }));
  }
  const t = w.cli.table;
  if (!states.length) return print(w.cli.measures.none);
  print(
    renderTable([
      [t.measure, t.field, t.measureStatus, t.due, t.owner, t.nextMilestone],
      ...states.map(({ measure: m, overdue, nextMilestone }) => [
        m.id,
        m.field,
        `${w.measureStatus[m.status]}${overdue ? ` · ${t.overdue}` : ''}`,
        m.due ?? t.permanent,
        m.responsible,
        nextMilestone ? `${nextMilestone.date} ${localize(nextMilestone.title, run.lang)}` : '–',
      ]),
    ]),
  );
}

export async function measuresSet(run: Run, id: string, o: MeasureSetOptions): Promise<void> {
  if (o.status === undefined && o.note === undefined && o.milestone === undefined)
    throw new UsageError(msg('measure-set-nothing'));
  if ((o.milestone === undefined) !== !o.done) throw new UsageError(msg('milestone-needs-done'));
  const { project } = await openProject(o);
  const [{ setMeasure }, { dayOf }] = await Promise.all([import('./measures.js'), import('../core/dates.js')]);
  const today = dayOf(new Date());
  const result = await setMeasure(project, {
    id,
    status: o.status,
    note: o.note,
    milestone: o.milestone,
    by: o.by,
    today,
  });
  const w = words(run.lang);
  const m = w.cli.measures;
  print(
    [
      m.changed(id, result.file),
      ...(o.status !== undefined ? [m.status(w.measureStatus[result.before], w.measureStatus[result.status])] : []),
      ...(result.note ? [m.note] : []),
      ...(result.milestone ? [m.milestone(result.milestone.number, result.milestone.date)] : []),
      m.updated(today, o.by ?? null),
    ].join('\n  '),
  );
}
