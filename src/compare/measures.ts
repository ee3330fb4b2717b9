// Stage 3 for measures: where each measure stands against its plan on a given day. Pure: the day is a
// parameter (the report and the command line pass "now", the tests a fixed clock).
import { dayOf, firstDay, lastDay } from '../core/dates.js';
import type { Measure, MeasureStatus, Milestone } from '../core/measures.js';

/** A measure in one of these states is closed: it can no longer be overdue. */
const closedStatuses: readonly MeasureStatus[] = ['umgesetzt', 'eingestellt'];

export interface MeasureState {
  measure: Measure;
  /** Past the end of its due date and neither done nor dropped. */
  overdue: boolean;
  /** The earliest milestone not yet done (it may lie in the past); null when none is open or the measure is closed. */
  nextMilestone: Milestone | null;
}

/**
 * Overdue: the due date is over (a due date of 2026-12 is over on 1 January 2027, one of 2026 at the end
 * of the year) and the measure is not `umgesetzt` or `eingestellt`. A permanent measure (no due date)
 * is never overdue. The day is the day of `now` in Germany.
 */
export function isOverdue(measure: Pick<Measure, 'due' | 'status'>, now: Date): boolean {
  return measure.due !== undefined && !closedStatuses.includes(measure.status) && lastDay(measure.due) < dayOf(now);
}

/**
 * The earliest open milestone by date; of two on the same date, the one written first. A measure done or
 * dropped has none: what it left open will not come.
 */
export function nextMilestone(measure: Pick<Measure, 'milestones' | 'status'>): Milestone | null {
  if (closedStatuses.includes(measure.status)) return null;
  let next: Milestone | null = null;
  for (const m of measure.milestones)
    if (!m.done && (next === null || firstDay(m.date) < firstDay(next.date))) next = m;
  return next;
}

export function assessMeasures(measures: Measure[], now: Date): MeasureState[] {
  return measures.map((measure) => ({
    measure,
    overdue: isOverdue(measure, now),
    nextMilestone: nextMilestone(measure),
  }));
}
