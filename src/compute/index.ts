// Stage 2, DuckDB tables → indicator values: the door through which other stages compute.
export { computeCached, computeProject, validateIndicators, type ComputeResult } from './compute.js';
export type { ValueMemory } from './cache.js';
export { checkGroupsIn, groupValues } from './indicator-checks.js';
export { computeReferences, readReferences } from './references.js';
