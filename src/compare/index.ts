// Stage 3, indicator values → comparisons with the targets: the door through which other stages compare.
export { compareIndicators, rollUp, targetValue, worstStatus } from './compare.js';
export { gapSeries, gapTable, gapTrend, sameCell } from './gaps.js';
export { assessMeasures, isOverdue, nextMilestone, type MeasureState } from './measures.js';
export { checkPlausibility } from './plausibility.js';
