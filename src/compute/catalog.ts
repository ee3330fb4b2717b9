// What compute knows about the loaded tables before it writes SQL: their columns, and how many empty
// cells each column has (counted at load), so that empty cells are counted in a query only where there
// are any.
import type { Database } from '../core/database.js';
import { readEmptyCells, type EmptyCells } from '../load/index.js';

export interface Catalog {
  columns: Map<string, string[]>;
  /** Empty cells per column; a table without a count (never the case after a load) counts as unknown. */
  empty: Map<string, EmptyCells>;
}

export async function readCatalog(db: Database): Promise<Catalog> {
  const rows = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() AND NOT internal ` +
      `AND NOT starts_with(table_name, '_istsoll_') ORDER BY table_name, column_index`,
  );
  const columns = new Map<string, string[]>();
  for (const r of rows) columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
  return { columns, empty: await readEmptyCells(db) };
}

/** Of `columns` (of `table`), those that may hold empty cells: any with a count above 0, or without a count. */
export function withEmptyCells(catalog: Catalog, table: string, columns: string[]): string[] {
  const counts = catalog.empty.get(table);
  return columns.filter((c) => counts?.[c] === undefined || counts[c]! > 0);
}

/** SQL true for a row whose `column` is empty: NULL without the reason a special sign or answer code gives. */
export function isEmpty(catalog: Catalog, table: string, column: string): string {
  const q = `"${column.replaceAll('"', '""')}"`;
  const note = `${column}__note`;
  return catalog.columns.get(table)?.includes(note)
    ? `(${q} IS NULL AND "${note.replaceAll('"', '""')}" IS NULL)`
    : `${q} IS NULL`;
}
