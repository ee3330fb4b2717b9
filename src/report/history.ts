// What a report said, kept to compare the next one with: every target's rating, its latest value with its
// standard error, and every measure's state. Language-neutral numbers and codes, so that the German and
// the English report share one history and a comparison is about numbers, not words. Pure: files are
// history-files.ts's business.
import { createHash } from 'node:crypto';
import { gapSeries, isOverdue, sameCell } from '../compare/index.js';
import { unitDigits } from '../core/format.js';
import type { MeasureStatus } from '../core/measures.js';
import type { Project } from '../core/project.js';
import type { Unit } from '../core/schema.js';
import type { Comparison, IndicatorValue, Status } from '../core/types.js';

export interface ReportSnapshot {
  /** Raised when the shape changes; an entry of another format is not compared with. */
  format: 1;
  targets: TargetSnapshot[];
  measures: MeasureSnapshot[];
}

export interface TargetSnapshot {
  indicator: string;
  field: string;
  unit: Unit;
  series: 'value' | 'gap';
  group: string | null;
  direction: 'higher' | 'lower';
  target: { year: number; value: number | null };
  status: Status;
  latest: { year: number; value: number; se: number | null } | null;
}

interface MeasureSnapshot {
  id: string;
  field: string;
  status: MeasureStatus;
  overdue: boolean;
}

/** A report kept in the history: when it was made, and what it said. */
export interface EarlierReport {
  reported: string;
  snapshot: ReportSnapshot;
}

export function takeSnapshot(
  project: Project,
  values: IndicatorValue[],
  comparisons: Comparison[],
  now: Date,
): ReportSnapshot {
  const shown = values.filter((v) => !v.suppressed);
  const targets = comparisons.map((c): TargetSnapshot => {
    const ind = project.indicators.find((i) => i.id === c.indicator)!;
    return {
      indicator: c.indicator,
      field: ind.field,
      unit: ind.unit,
      series: c.series,
      group: c.group,
      direction: c.direction,
      target: c.target,
      status: c.status,
      latest: c.latest ? { ...c.latest, se: standardError(ind, c, shown) } : null,
    };
  });
  const measures = project.measures.map((m) => ({
    id: m.id,
    field: m.field,
    status: m.status,
    overdue: isOverdue(m, now),
  }));
  return { format: 1, targets, measures };
}

/** The standard error of a comparison's latest value: a survey estimate's, or null for a count. */
function standardError(ind: Project['indicators'][number], c: Comparison, values: IndicatorValue[]): number | null {
  const year = c.latest!.year;
  if (c.series === 'gap')
    return (
      gapSeries(
        ind,
        values.filter((v) => v.indicator === ind.id),
      ).find((p) => p.point.year === year)?.se ?? null
    );
  const cell = c.group !== null && ind.groups ? { [ind.groups.column]: c.group } : {};
  return values.find((v) => v.indicator === ind.id && v.year === year && sameCell(v.cell, cell))?.se ?? null;
}

/** Names a snapshot by its content: the same numbers, ratings and states give the same name. */
export function snapshotHash(snapshot: ReportSnapshot): string {
  return createHash('sha256').update(JSON.stringify(snapshot)).digest('hex').slice(0, 16);
}

/** One target whose rating, latest value or target changed, or which is new or gone. */
interface TargetChange {
  indicator: string;
  field: string;
  unit: Unit;
  series: 'value' | 'gap';
  group: string | null;
  /** Null for a target the earlier report did not have. */
  before: TargetSnapshot | null;
  /** Null for a target the earlier report had and this one has not. */
  after: TargetSnapshot | null;
  status: boolean;
  value: boolean;
  target: boolean;
}

interface MeasureChange {
  id: string;
  field: string;
  before: MeasureSnapshot | null;
  after: MeasureSnapshot;
}

export interface Changes {
  targets: TargetChange[];
  measures: MeasureChange[];
}

const keyOf = (t: TargetSnapshot) => `${t.indicator}|${t.series}|${t.group ?? ''}`;

/** What changed between an earlier report and this one, in this report's order (gone targets last). */
export function findChanges(before: ReportSnapshot, after: ReportSnapshot): Changes {
  const earlier = new Map(before.targets.map((t) => [keyOf(t), t]));
  const later = new Set(after.targets.map(keyOf));
  const targets = after.targets.flatMap((now): TargetChange[] => {
    const was = earlier.get(keyOf(now)) ?? null;
    const change = {
      status: was !== null && was.status !== now.status,
      value: was !== null && moved(was, now),
      target: was !== null && (was.target.year !== now.target.year || was.target.value !== now.target.value),
    };
    if (was && !change.status && !change.value && !change.target) return [];
    return [{ ...describe(now), before: was, after: now, ...change }];
  });
  const gone = before.targets
    .filter((t) => !later.has(keyOf(t)))
    .map((was) => ({ ...describe(was), before: was, after: null, status: false, value: false, target: false }));
  const measures = after.measures.flatMap((m): MeasureChange[] => {
    const was = before.measures.find((b) => b.id === m.id) ?? null;
    if (was && was.status === m.status && was.overdue === m.overdue) return [];
    return [{ id: m.id, field: m.field, before: was, after: m }];
  });
  return { targets: [...targets, ...gone], measures };
}

function describe(t: TargetSnapshot) {
  return { indicator: t.indicator, field: t.field, unit: t.unit, series: t.series, group: t.group };
}

/**
 * Whether the latest value moved beyond its margin of error: for survey estimates, by more than the 95 %
 * margin of the difference of two independent estimates; register counts have no sampling error, so any
 * change that shows at the report's precision counts.
 */
export function moved(before: TargetSnapshot, after: TargetSnapshot): boolean {
  const [a, b] = [before.latest, after.latest];
  if (!a || !b) return a !== b;
  const margin = 1.96 * Math.hypot(a.se ?? 0, b.se ?? 0);
  if (margin > 0) return Math.abs(b.value - a.value) > margin;
  const digits = unitDigits[after.unit];
  return a.value.toFixed(digits) !== b.value.toFixed(digits);
}
