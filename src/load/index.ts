// Stage 1, files → DuckDB tables: the door through which other stages use the loader.
export { loadProject, type LoadProgress, type LoadResult } from './load.js';
export { inspectFile, type Finding, type Inspection } from './inspect.js';
export { loadInMemory } from './load.js';
export { readEmptyCells, readTableHashes, VALUE_CACHE, type EmptyCells } from './meta.js';
