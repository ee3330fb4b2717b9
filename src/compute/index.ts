// Stage 2, DuckDB tables → indicator values: the door through which other stages compute.
export { computeProject, validateIndicators } from './compute.js';
export { checkGroupsIn, groupValues } from './indicator-checks.js';
export { computeReferences, readReferences } from './references.js';
