// The commands for staff who keep the targets: list them, or change one in its YAML file.
import { words } from '../core/messages/index.js';
import { openProject } from './commands.js';
import type { JsonOptions, TargetSetOptions } from './options.js';
import { print, renderTable } from './output.js';
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
  const { project } = await openProject(o);
  const result = await setTarget(project, { indicator, value: o.value, year: o.year, group: o.group, gap: o.gap });
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
