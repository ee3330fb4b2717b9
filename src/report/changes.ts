// "What changed since the last report", in words: the targets whose rating changed, whose latest value
// moved beyond its margin of error or whose target was changed, and the measures whose state changed.
import {
  formatDifference,
  formatPoints,
  formatTarget,
  formatValue,
  label,
  localize,
  statusSymbols,
  type Lang,
} from '../core/format.js';
import { locales, words } from '../core/messages/index.js';
import type { Project } from '../core/project.js';
import { statusOrder, type Status } from '../core/types.js';
import type { Badge } from './council-types.js';
import { findChanges, type EarlierReport, type ReportSnapshot, type TargetSnapshot } from './history.js';
import { measureAnchor } from './measures.js';

export interface ChangeRow {
  title: string;
  anchor: string;
  subject: string;
  /** A target the earlier report did not have, or one it had and this one has not. */
  kind: 'changed' | 'new' | 'gone';
  status: { before: Badge; after: Badge; direction: 'better' | 'worse' | 'other' } | null;
  value: { before: string; after: string } | null;
  target: { before: string; after: string } | null;
}

interface MeasureChangeRow {
  title: string;
  anchor: string;
  before: string | null;
  after: string;
}

export interface ChangesPart {
  /** The date of the earlier report. */
  since: string;
  rows: ChangeRow[];
  measures: MeasureChangeRow[];
  better: number;
  worse: number;
  moved: number;
}

/** The changes since `earlier`, within `fields` (all of them, or the one of a report per field). */
export function describeChanges(
  project: Project,
  earlier: EarlierReport,
  now: ReportSnapshot,
  fields: string[],
  lang: Lang,
): ChangesPart {
  const changes = findChanges(earlier.snapshot, now);
  const badge = (s: Status): Badge => ({ status: s, symbol: statusSymbols[s], word: words(lang).status[s] });
  const rows = changes.targets
    .filter((c) => fields.includes(c.field))
    .map((c): ChangeRow => {
      const ind = project.indicators.find((i) => i.id === c.indicator);
      const [was, is] = [c.before, c.after];
      return {
        title: ind ? localize(ind.title, lang) : c.indicator,
        anchor: ind ? `indikator-${c.indicator}` : '',
        subject: subjectOf(project, c.indicator, c.series, c.group, lang),
        kind: was === null ? 'new' : is === null ? 'gone' : 'changed',
        status:
          was && is && c.status
            ? { before: badge(was.status), after: badge(is.status), direction: direction(was.status, is.status) }
            : null,
        value:
          (c.value || !was || !is) && (was?.latest || is?.latest)
            ? { before: latest(was, lang), after: latest(is, lang) }
            : null,
        target: c.target || !was || !is ? { before: goal(was, lang), after: goal(is, lang) } : null,
      };
    });
  const measures = changes.measures
    .filter((m) => fields.includes(m.field))
    .map((m): MeasureChangeRow => {
      const measure = project.measures.find((x) => x.id === m.id)!;
      const state = (s: { status: keyof ReturnType<typeof words>['measureStatus']; overdue: boolean }) =>
        s.overdue
          ? words(lang).report.measureOverdueState(words(lang).measureStatus[s.status])
          : words(lang).measureStatus[s.status];
      return {
        title: localize(measure.title, lang),
        anchor: measureAnchor(m.id),
        before: m.before ? state(m.before) : null,
        after: state(m.after),
      };
    });
  return {
    since: new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(
      new Date(earlier.reported),
    ),
    rows,
    measures,
    better: rows.filter((r) => r.status?.direction === 'better').length,
    worse: rows.filter((r) => r.status?.direction === 'worse').length,
    moved: changes.targets.filter((c) => c.value && fields.includes(c.field)).length,
  };
}

/** Better or worse by the order of the ratings; "not assessable" is neither. */
function direction(before: Status, after: Status): 'better' | 'worse' | 'other' {
  if (before === 'not_assessable' || after === 'not_assessable') return 'other';
  return statusOrder.indexOf(after) > statusOrder.indexOf(before) ? 'better' : 'worse';
}

function subjectOf(project: Project, id: string, series: 'value' | 'gap', group: string | null, lang: Lang): string {
  const ui = words(lang).report;
  const ind = project.indicators.find((i) => i.id === id);
  if (series === 'gap') return ui.gapBetweenGroups;
  if (group === null) return ui.everyone;
  return ind?.groups ? label(project, ind.groups.column, group, lang) : group;
}

/** "48,1 % (2024)", or "–" where there was no value. */
function latest(t: TargetSnapshot | null, lang: Lang): string {
  if (!t?.latest) return '–';
  const { year, value } = t.latest;
  const text = t.series === 'gap' ? formatDifference(value, t.unit, lang) : formatValue(value, t.unit, lang);
  return `${text} (${year})`;
}

/** "55 % (2030)", or "–" for a target that is not there. */
function goal(t: TargetSnapshot | null, lang: Lang): string {
  if (!t) return '–';
  const ui = words(lang).report;
  const { year, value } = t.target;
  if (value === null) return `${ui.trendGoal(t.direction)} (${year})`;
  const text =
    t.series === 'gap' && t.unit === 'percent'
      ? formatPoints(value, lang, 'short', Number.isInteger(value) ? 0 : 1)
      : formatTarget(value, t.unit, lang);
  return `${text} (${year})`;
}
