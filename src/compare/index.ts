// Stage 3, indicator values → comparisons with the targets: the door through which other stages compare.
export { compareIndicators, methods, rollUp, targetValue, worstStatus, type Rollup } from './compare.js';
export { gapSeries, gapTable, gapTrend, sameCell, type GapRow, type GapTrend } from './gaps.js';
export { assessMeasures, closedStatuses, isOverdue, nextMilestone, type MeasureState } from './measures.js';
export { checkPlausibility, type Finding } from './plausibility.js';
