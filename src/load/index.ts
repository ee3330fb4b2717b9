// Stage 1, files → DuckDB tables: the door through which other stages use the loader.
export { loadProject, type LoadedTable, type LoadResult } from './load.js';
export { inspectFile, renderInspection, type Inspection } from './inspect.js';
