// Indicator SQL is written by staff in YAML and runs against the database: it may only be an expression
// over the indicator's own table. DuckDB's own parser decides what the text is; anything but one
// SELECT over that table (a subquery, a table function, a second statement) is refused before it runs.
// The database itself is opened with external access disabled and its configuration locked as well.
import { quoteIdent, type Database } from '../core/database.js';
import { msg, type Message } from '../core/messages/index.js';

/** Why the expression (and filter) are not allowed, or null when they are. */
export async function refuseSql(db: Database, table: string, expr: string, filter?: string): Promise<Message | null> {
  if (/;/.test(expr + (filter ?? ''))) return msg('sql-semicolon');
  const sql = `SELECT (${expr}) FROM ${quoteIdent(table)}${filter ? ` WHERE (${filter})` : ''}`;
  const [row] = await db.query<{ ast: string }>('SELECT json_serialize_sql($1::VARCHAR) AS ast', [sql]);
  const ast = JSON.parse(row!.ast) as { error: boolean; error_message?: string; statements?: unknown[] };
  if (ast.error) return null; // a syntax error: binding reports it with DuckDB's own message
  if (ast.statements?.length !== 1) return msg('sql-one-expression');
  const found = findForbidden(ast.statements[0]);
  return found ? msg('sql-forbidden', { what: found }) : null;
}

type Forbidden = 'subquery' | 'table-function' | 'join' | 'other-schema';

function findForbidden(node: unknown): Forbidden | null {
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = findForbidden(n);
      if (f) return f;
    }
    return null;
  }
  if (!node || typeof node !== 'object') return null;
  const n = node as Record<string, unknown>;
  if (n.class === 'SUBQUERY' || n.type === 'SUBQUERY') return 'subquery';
  if (n.type === 'TABLE_FUNCTION') return 'table-function';
  if (n.type === 'JOIN') return 'join';
  if (n.type === 'BASE_TABLE' && (n.schema_name || n.catalog_name)) return 'other-schema';
  return Object.values(n).reduce<Forbidden | null>((found, v) => found ?? findForbidden(v), null);
}
