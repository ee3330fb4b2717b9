// Indicator SQL is written by staff in YAML and spliced into istsoll's queries: it must be an expression
// over the indicator's own table and nothing else. DuckDB's own parser decides what the text is: each
// fragment (`expr`, `filter`) is parsed on its own inside a statement built around it, the statement must
// have exactly the shape istsoll built, and every part of the fragment must be on the allow list
// (sqlallow.ts). What runs later is the text that was checked, spliced the way it was checked, not
// DuckDB's re-rendering of it (which turns DOUBLE literals into DECIMAL ones). The database is opened
// with external access disabled and its configuration locked as well (core/database.ts).
import { quoteIdent, type Database } from '../core/database.js';
import { InputError, type Location } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { IndicatorFile } from '../core/project.js';
import { offsetOfByte, placeInYaml, type Wrapped } from './sqlplace.js';
import {
  checkExpression,
  checkShape,
  field,
  hasNamedParameters,
  withoutPlaces,
  type Facts,
  type Json,
  type Refusal,
  type SqlKey,
} from './sqlwalk.js';

/** One piece of indicator SQL and where it was written. */
export interface SqlText {
  text: string;
  /** The place in its file of a character offset into the text. */
  place: (offset: number) => Location;
}

/** An aggregate as the indicator file gives it: `expr` and `filter` over one table. */
export interface SqlAggregate {
  table: string;
  expr: SqlText;
  filter?: SqlText;
  /** Of a weighted indicator: `expr` must have a form that survey.ts can weight. */
  weighted?: boolean;
}

/** The columns an aggregate's expression and filter read, as the parser found them. */
export interface ReadColumns {
  expr: string[];
  filter: string[];
}

/**
 * Checks every piece of an indicator's SQL; the first one refused becomes an InputError at its place.
 * Returns the columns each side reads.
 */
export async function guardIndicatorSql(
  db: Database,
  ind: IndicatorFile,
  columns: Map<string, string[]>,
): Promise<{ numerator: ReadColumns; denominator?: ReadColumns }> {
  const [numerator, denominator] = await guardAggregates(db, indicatorAggregates(ind), columns);
  return { numerator: numerator!, ...(denominator ? { denominator } : {}) };
}

/** The numerator (and denominator) of an indicator as the guard takes them, each placed in the YAML file. */
export function indicatorAggregates(ind: IndicatorFile): SqlAggregate[] {
  const text = (part: 'numerator' | 'denominator', key: SqlKey, value: string): SqlText => ({
    text: value,
    place: (offset) => ({ file: ind.file.path, ...placeInYaml(ind.file, [part, key], offset) }),
  });
  return (ind.denominator ? (['numerator', 'denominator'] as const) : (['numerator'] as const)).map(
    (part): SqlAggregate => {
      const agg = ind[part]!;
      return {
        table: agg.table,
        expr: text(part, 'expr', agg.expr),
        ...(agg.filter !== undefined ? { filter: text(part, 'filter', agg.filter) } : {}),
        weighted: ind.weight !== undefined,
      };
    },
  );
}

/** The statements a fragment is parsed in: with newlines around it, and on one line as queries splice it. */
function wrap(key: SqlKey, table: string, text: string, newline: '\n' | ''): Wrapped & { sql: string } {
  const [prefix, suffix] =
    key === 'expr'
      ? [`SELECT (${newline}`, `${newline}) FROM ${quoteIdent(table)}`]
      : [`SELECT 1 FROM ${quoteIdent(table)} WHERE (${newline}`, `${newline})`];
  return { prefix, text, sql: `${prefix}${text}${suffix}` };
}

/** As compute and survey splice an aggregate into their queries (`(expr)`, `WHERE (filter)`). */
function assembled(agg: SqlAggregate): string {
  const where = agg.filter ? ` WHERE (${agg.filter.text})` : '';
  return `SELECT (${agg.expr.text}) FROM ${quoteIdent(agg.table)}${where}`;
}

/** What survey.ts takes as the summand of a weighted `sum(…)`, and how it recognises `count(*)`. */
const weightedSum = /^\s*sum\s*\(([\s\S]*)\)\s*$/i;
const weightedCount = /^\s*count\s*\(\s*\*\s*\)\s*$/i;

/**
 * Checks the aggregates' SQL against their tables' columns (and, for a weighted indicator, the form that
 * survey.ts can weight). Anything refused is an InputError at its place in the YAML file.
 */
export async function guardAggregates(
  db: Database,
  aggregates: SqlAggregate[],
  columns: Map<string, string[]>,
  weighted = false,
): Promise<ReadColumns[]> {
  // DuckDB reads a statement as a C string: a NUL would end it early, the rest unseen by the parser.
  for (const piece of aggregates.flatMap((a) => (a.filter ? [a.expr, a.filter] : [a.expr]))) {
    const nul = piece.text.indexOf('\u0000');
    if (nul >= 0)
      throw new InputError(
        msg('sql-construct-refused', { construct: 'nul' }),
        piece.place(nul),
        msg('hint-sql-allowed'),
      );
  }
  // Every statement of every aggregate is parsed in one round trip.
  const statements: string[] = [];
  const add = (sql: string) => statements.push(sql) - 1;
  const plan = aggregates.map((agg) => {
    const pieces = (['expr', 'filter'] as const).flatMap((key) => {
      const piece = agg[key];
      if (!piece) return [];
      const guarded = wrap(key, agg.table, piece.text, '\n');
      const oneLine = wrap(key, agg.table, piece.text, '');
      return [{ key, piece, guarded, parsed: add(guarded.sql), oneLine: add(oneLine.sql) }];
    });
    const summand = weighted || agg.weighted ? weightedSum.exec(agg.expr.text)?.[1] : undefined;
    const inner = summand !== undefined ? add(wrap('expr', agg.table, summand, '\n').sql) : null;
    return { agg, pieces, whole: add(assembled(agg)), inner };
  });
  const parsed = await parseAll(db, statements);
  // Where each function is first used, for the message when the database redefines one.
  const used = new Map<string, () => Location>();
  const read: ReadColumns[] = [];
  for (const { agg, pieces, whole, inner } of plan) {
    const have = columns.get(agg.table) ?? [];
    const trees = new Map<SqlKey, Json>();
    const reads: ReadColumns = { expr: [], filter: [] };
    read.push(reads);
    for (const { key, piece, guarded, parsed: i, oneLine } of pieces) {
      const result = checkPiece(parsed[i]!, guarded, agg.table, have, key);
      if ('refusal' in result) throw refusalError(piece, guarded, result.refusal);
      trees.set(key, result.tree);
      reads[key] = [...result.facts.columns].sort();
      for (const [name, at] of result.facts.functions)
        if (!used.has(name)) used.set(name, () => piece.place(at === null ? 0 : offsetOfByte(guarded, at)));
      // Spliced on one line, the fragment must parse to the same tree: else a `--` comment at its end
      // would swallow the rest of the query around it.
      const line = checkShape(parsed[oneLine]!, agg.table, key);
      if ('refusal' in line || withoutPlaces(partOf(line.node, key)) !== withoutPlaces(result.tree)) {
        const lastLine = piece.text.lastIndexOf('\n') + 1;
        const dashes = piece.text.indexOf('--', lastLine);
        throw new InputError(
          msg('sql-trailing-comment', { part: key }),
          piece.place(dashes >= 0 ? dashes : lastLine),
          msg('hint-sql-comment'),
        );
      }
    }
    const all = checkShape(parsed[whole]!, agg.table, agg.filter ? 'filter' : 'expr');
    const same = (key: SqlKey) =>
      'node' in all && withoutPlaces(trees.get(key)) === withoutPlaces(partOf(all.node, key));
    if (!same('expr') || (agg.filter && !same('filter')))
      throw new InputError(msg('sql-shape', { clause: '?' }), agg.expr.place(0), msg('hint-sql-one-expression'));
    if (weighted || agg.weighted) checkWeighted(agg, trees.get('expr')!, inner === null ? null : parsed[inner]!);
  }
  const redefined = (await redefinedFunctions(db))[0];
  if (redefined !== undefined) {
    throw new InputError(
      msg('sql-function-redefined', { name: redefined }),
      used.get(redefined)?.() ?? aggregates[0]!.expr.place(0),
      msg('hint-sql-rebuild-database'),
    );
  }
  return read;
}

/**
 * Parses each statement with json_serialize_sql: the statements are bound parameters, never spliced. The
 * function is named with its catalog: a macro of the same name in the database would otherwise answer in
 * its place, with any parse tree it likes.
 */
async function parseAll(db: Database, statements: string[]): Promise<Json[]> {
  const columns = statements.map((_, i) => `system.main.json_serialize_sql($${i + 1}::VARCHAR) AS "${i}"`);
  const [row] = await db.query<Record<string, string>>(`SELECT ${columns.join(', ')}`, statements);
  return statements.map((_, i) => JSON.parse(row![String(i)]!) as Json);
}

function checkPiece(
  parsed: Json,
  wrapped: Wrapped,
  table: string,
  columns: string[],
  key: SqlKey,
): { refusal: Refusal } | { tree: Json; facts: Facts } {
  if (field(parsed, 'error') === true) return { refusal: syntaxRefusal(parsed, wrapped, key) };
  const statements = field(parsed, 'statements');
  if (Array.isArray(statements) && statements.length > 1) return { refusal: semicolonRefusal(wrapped) };
  const shape = checkShape(parsed, table, key);
  if ('refusal' in shape) return shape;
  const tree = partOf(shape.node, key) ?? null;
  const walked = checkExpression(tree, table, columns, key);
  if ('refusal' in walked) return walked;
  if (hasNamedParameters(parsed)) {
    const reason = msg('sql-construct-refused', { construct: 'parameter' });
    return { refusal: { reason, hint: msg('hint-sql-allowed'), at: null } };
  }
  if (key === 'expr' && walked.facts.aggregates === 0) {
    const reason = msg('sql-not-aggregate', { expr: wrapped.text });
    return { refusal: { reason, hint: msg('hint-aggregate'), at: null } };
  }
  return { tree, facts: walked.facts };
}

/** The fragment's own part of the statement around it: the select item, or the WHERE clause. */
function partOf(node: Json, key: SqlKey): Json | undefined {
  if (key === 'filter') return field(node, 'where_clause');
  const list = field(node, 'select_list');
  return Array.isArray(list) ? list[0] : undefined;
}

/** DuckDB's syntax error, placed in the fragment; its own words quote the statement only when they fit. */
function syntaxRefusal(parsed: Json, wrapped: Wrapped, key: SqlKey): Refusal {
  // The parser counts Unicode characters, the parse tree bytes: the refusal carries bytes, like the tree.
  const position = Number(field(parsed, 'position'));
  const before = [...(wrapped.prefix + wrapped.text)].slice(0, Number.isFinite(position) ? position : 0).join('');
  const at = Number.isFinite(position) ? Buffer.byteLength(before, 'utf8') : null;
  const text = String(field(parsed, 'error_message') ?? '');
  if (at !== null && wrapped.text[offsetOfByte(wrapped, at)] === ';')
    return { reason: msg('sql-semicolon'), hint: msg('hint-sql-one-expression'), at };
  // A second statement other than a SELECT fails as a whole, without a position.
  if (at === null && /^Only SELECT statements/.test(text)) return semicolonRefusal(wrapped);
  const near = /^([\s\S]*?) at or near "([\s\S]*)"$/.exec(text);
  const detail = near && (near[2]!.includes('\n') || !wrapped.text.includes(near[2]!)) ? near[1]! : text;
  return { reason: msg('sql-syntax', { part: key, detail }), hint: msg('hint-sql-example'), at };
}

/** A `;` ends the statement istsoll built: placed at the first one in the fragment. */
function semicolonRefusal(wrapped: Wrapped): Refusal {
  const semicolon = wrapped.text.indexOf(';');
  const at = semicolon < 0 ? null : Buffer.byteLength(wrapped.prefix + wrapped.text.slice(0, semicolon), 'utf8');
  return { reason: msg('sql-semicolon'), hint: msg('hint-sql-one-expression'), at };
}

function refusalError(piece: SqlText, wrapped: Wrapped, refusal: Refusal): InputError {
  return new InputError(
    refusal.reason,
    piece.place(refusal.at === null ? 0 : offsetOfByte(wrapped, refusal.at)),
    refusal.hint,
  );
}

/**
 * A weighted indicator's `expr` is `count(*)` or `sum(…)`: survey.ts applies the weight to the summand,
 * which it takes from the text. That text must parse to the very argument that was checked.
 */
function checkWeighted(agg: SqlAggregate, tree: Json, inner: Json | null): void {
  const name = String(field(tree, 'function_name'));
  const args = field(tree, 'children');
  const plain =
    field(tree, 'class') === 'FUNCTION' &&
    field(tree, 'distinct') === false &&
    field(tree, 'filter') === null &&
    field(tree, 'schema') === '';
  const summand = inner !== null && field(inner, 'error') !== true ? checkShape(inner, agg.table, 'expr') : null;
  const summandTree = summand && 'node' in summand ? withoutPlaces(partOf(summand.node, 'expr')) : null;
  const ok =
    plain &&
    Array.isArray(args) &&
    ((name === 'count_star' && weightedCount.test(agg.expr.text)) ||
      (name === 'sum' && args.length === 1 && summandTree === withoutPlaces(args[0])));
  if (!ok)
    throw new InputError(msg('sql-weighted-form', { expr: agg.expr.text }), agg.expr.place(0), msg('hint-weighted'));
}

/**
 * Built-in functions that a macro in the database replaces: after `CREATE MACRO lower(x) AS 42`, lower()
 * returns 42, so a name on the allow list (or one that istsoll's own queries use) would run other code.
 * The database is istsoll's own and load never defines a function: one there means that something else
 * changed the file. Names are compared without case, as DuckDB looks them up; the query itself calls no
 * function that a macro could replace. Looking through DuckDB's functions takes a while (some 20 ms), so
 * it is done once per opened database.
 */
const redefinedIn = new WeakMap<Database, Promise<string[]>>();

function redefinedFunctions(db: Database): Promise<string[]> {
  const known = redefinedIn.get(db);
  if (known) return known;
  const names = (internal: boolean) =>
    db
      .query<{ name: string }>(
        `SELECT function_name AS name FROM system.main.duckdb_functions() WHERE ${internal ? '' : 'NOT '}internal`,
      )
      .then((rows) => new Set(rows.map((r) => r.name.toLowerCase())));
  const found = names(false).then(async (own) => {
    if (!own.size) return [];
    const builtIn = await names(true);
    return [...own].filter((n) => builtIn.has(n)).sort();
  });
  redefinedIn.set(db, found);
  return found;
}
