// The plain data that flows between the stages: indicator values (compute) and their judgement
// against the targets (compare). The report model is built from these alone.
import type { Message } from './messages/index.js';

/** The disaggregation a value belongs to: column → value; a column left out means "all". */
export type Cell = Record<string, string>;

export interface IndicatorValue {
  indicator: string;
  year: number;
  cell: Cell;
  /** Null when not computable or suppressed; `notes` say why. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Survey indicators: unweighted respondents, effective sample size, standard error, 95 % interval. */
  n?: number;
  /** Kish's effective sample size, (Σw)² / Σw²: what the weights alone cost, not the clustering. */
  nEffKish?: number;
  se?: number | null;
  low?: number | null;
  high?: number | null;
  /** Why the value is missing or to be read with care (suppressed, small sample, …). */
  notes: Message[];
  /** Source cells the value read, and how many of them were empty (computed from the others, and flagged). */
  cells?: number;
  empty?: number;
  suppressed?: boolean;
}

export { isInTime, statusOrder, type MethodStatus, type Status } from './status.js';
import type { Status } from './status.js';

export interface Point {
  year: number;
  value: number;
}

export interface Comparison {
  indicator: string;
  /**
   * `value`: the indicator itself (for `group` or everyone); `gap`: how far the compared group lags behind
   * the reference group, in the indicator's unit (positive = compared group worse off, whichever direction is better).
   */
  series: 'value' | 'gap';
  group: string | null;
  direction: 'higher' | 'lower';
  /** `value` is null for a direction-only target ("should rise"). */
  target: { year: number; value: number | null };
  baseline: Point | null;
  latest: Point | null;
  /** Target minus latest value, signed so that a positive gap means "still to go". */
  gap: number | null;
  relativeGap: number | null;
  /** Share of the way from baseline to target covered by the latest value (1 = there). */
  progress: number | null;
  projection: Projection | null;
  status: Status;
  /** Why not assessable, or what qualifies the status. */
  reason: Message | null;
  method: string;
  /** The method's own measure (growth ratio R, or projected shortfall share). */
  score: number | null;
  /**
   * The years the status rests on: the base year (growth ratio) or the first year of the method's window
   * (weather) to the latest year. Every sentence about reaching the target starts from these years.
   */
  basis: { from: number; to: number } | null;
  /** For the gap: how each group moved over the basis years, which is why the gap changed. */
  groups: GroupMoves | null;
  /**
   * What the status alone would hide, said wherever the status is shown: the gap target is met (or on
   * track) only because the reference group got worse.
   */
  caveat: Message | null;
}

/** The two groups of a gap comparison at the start and the end of the basis years. */
export interface GroupMoves {
  from: number;
  to: number;
  compared: GroupMove;
  reference: GroupMove;
}

export interface GroupMove {
  group: string;
  from: number;
  to: number;
  /** The change lies within the 95 % margin of error of the two survey estimates. */
  withinMargin: boolean;
}

export interface Projection {
  method: string;
  from: number;
  to: number;
  /** Average change per year over the years used. */
  slope: number;
  /** Projected value in the target year. */
  value: number;
  /** First year in which the trend reaches the target; null when it never does. */
  reachYear: number | null;
}
