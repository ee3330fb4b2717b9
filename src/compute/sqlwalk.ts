// Checks of what DuckDB's parser made of one indicator SQL fragment (json_serialize_sql): the statement
// around it must have exactly the shape istsoll built, and every node of the fragment must be on the allow
// list. Nothing here talks to the database: the parse tree comes in, a refusal or the facts come out.
import { didYouMean } from '../core/errors.js';
import { msg, type Message } from '../core/messages/index.js';
import type { SqlConstruct } from '../core/messages/codes.js';
import {
  allowedAggregates,
  allowedCasts,
  allowedCollations,
  allowedScalarNames,
  refusedWhy,
  sessionNames,
} from './sqlallow.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { [key: string]: Json };

export type SqlKey = 'expr' | 'filter';

/** Why a fragment is refused; `at` is a byte offset into the parsed statement, when the parser gave one. */
export interface Refusal {
  reason: Message;
  hint: Message;
  at: number | null;
}

/** What a fragment that passed uses: the functions (for the check against redefined ones) and aggregates. */
export interface Facts {
  aggregates: number;
  functions: Map<string, number | null>;
  /** The table's columns the fragment reads, as the table spells them. */
  columns: Set<string>;
}

/**
 * The parsed statement's SELECT node, or why it is not the shape that istsoll built around the fragment:
 * a clause that the fragment added is placed at its first part that has a position.
 */
export function checkShape(parsed: Json, table: string, key: SqlKey): { node: Node } | { refusal: Refusal } {
  const shape = (clause: string, part: Json | undefined) => ({
    refusal: { reason: msg('sql-shape', { clause }), hint: msg('hint-sql-one-expression'), at: firstPlace(part) },
  });
  const statements = field(parsed, 'statements');
  if (!Array.isArray(statements) || statements.length !== 1) return shape(';', null);
  const node = field(statements[0]!, 'node');
  if (!isNode(node)) return shape('?', null);
  if (node.type !== 'SELECT_NODE')
    return shape(String(field(node, 'setop_type') ?? node.type).replaceAll('_', ' '), node.right);
  if (Object.keys(node).sort().join() !== selectKeys) return shape(Object.keys(node).join(', '), null);
  const modifiers = node.modifiers;
  if (!Array.isArray(modifiers) || modifiers.length)
    return shape(Array.isArray(modifiers) ? modifierClauses(modifiers) : '?', modifiers);
  const ctes = field(node.cte_map, 'map');
  if (!Array.isArray(ctes) || ctes.length) return shape('WITH', ctes);
  if (!Array.isArray(node.select_list) || node.select_list.length !== 1)
    return shape(',', Array.isArray(node.select_list) ? node.select_list.slice(1) : null);
  if (!isOurTable(node.from_table, table)) return shape('FROM', node.from_table);
  if ((key === 'filter') !== isNode(node.where_clause)) return shape('WHERE', node.where_clause);
  const grouped = !isEmptyList(node.group_expressions) || !isEmptyList(node.group_sets);
  if (grouped || node.aggregate_handling !== 'STANDARD_HANDLING') return shape('GROUP BY', node.group_expressions);
  if (node.having !== null) return shape('HAVING', node.having);
  if (node.qualify !== null) return shape('QUALIFY', node.qualify);
  if (node.sample !== null) return shape('USING SAMPLE', node.sample);
  return { node };
}

/** `$name` parameters, which the parser lists beside the statement. */
export function hasNamedParameters(parsed: Json): boolean {
  const statements = field(parsed, 'statements');
  const params = Array.isArray(statements) ? field(statements[0], 'named_param_map') : undefined;
  return Array.isArray(params) && params.length > 0;
}

/** The first byte position in a part of the parse tree, depth first. */
function firstPlace(j: Json | undefined): number | null {
  if (Array.isArray(j)) {
    for (const c of j) {
      const at = firstPlace(c);
      if (at !== null) return at;
    }
    return null;
  }
  if (!isNode(j)) return null;
  if (typeof j.query_location === 'number' && j.query_location < 2 ** 53) return j.query_location;
  return firstPlace(Object.values(j));
}

/** A set of keys written as words, in the form compared with a node's keys. */
const keySet = (words: string): string => words.trim().split(/\s+/).sort().join();

const selectKeys = keySet(`type modifiers cte_map select_list from_table where_clause group_expressions group_sets
  aggregate_handling having sample qualify`);

function modifierClauses(modifiers: Json[]): string {
  const words: Record<string, string> = {
    DISTINCT_MODIFIER: 'DISTINCT',
    ORDER_MODIFIER: 'ORDER BY',
    LIMIT_MODIFIER: 'LIMIT',
    LIMIT_PERCENT_MODIFIER: 'LIMIT',
  };
  return modifiers.map((m) => words[String(field(m, 'type'))] ?? String(field(m, 'type'))).join(', ');
}

function isOurTable(from: Json | undefined, table: string): boolean {
  if (!isNode(from)) return false;
  return (
    from.type === 'BASE_TABLE' &&
    from.table_name === table &&
    from.schema_name === '' &&
    from.catalog_name === '' &&
    from.alias === '' &&
    from.sample === null &&
    from.at_clause === null &&
    isEmptyList(from.column_name_alias)
  );
}

interface Context {
  key: SqlKey;
  table: string;
  /** The table's columns, by their lower-case name (DuckDB matches names regardless of case). */
  columns: Map<string, string>;
  inAggregate: boolean;
  /** The place of the nearest node that has one: some nodes (COALESCE, an implicit ELSE) have none. */
  at: number | null;
  facts: Facts;
}

class Refused {
  constructor(readonly refusal: Refusal) {}
}

/** Walks the fragment's expression against the allow list: a refusal, or what the fragment uses. */
export function checkExpression(
  root: Json,
  table: string,
  columns: string[],
  key: SqlKey,
): { facts: Facts } | { refusal: Refusal } {
  const facts: Facts = { aggregates: 0, functions: new Map(), columns: new Set() };
  const byName = new Map(columns.map((c) => [c.toLowerCase(), c]));
  try {
    walk(root, { key, table, columns: byName, inAggregate: false, at: null, facts });
  } catch (e) {
    if (e instanceof Refused) return { refusal: e.refusal };
    throw e;
  }
  return { facts };
}

/** Every key of each node class that may occur: a key unknown here (a newer DuckDB?) is refused. */
const nodeKeys: Record<string, string> = Object.fromEntries(
  Object.entries({
    COLUMN_REF: 'column_names',
    CONSTANT: 'value',
    CONJUNCTION: 'children',
    OPERATOR: 'children',
    COMPARISON: 'left right',
    BETWEEN: 'input lower upper',
    CASE: 'case_checks else_expr',
    CAST: 'child cast_type try_cast',
    COLLATE: 'child collation',
    FUNCTION: 'function_name schema catalog children filter order_bys distinct is_operator export_state',
  }).map(([cls, keys]) => [cls, keySet(`class type alias query_location ${keys}`)]),
);

const comparisons = new Set(
  `EQUAL NOTEQUAL LESSTHAN GREATERTHAN LESSTHANOREQUALTO GREATERTHANOREQUALTO DISTINCT_FROM NOT_DISTINCT_FROM`
    .split(' ')
    .map((c) => `COMPARE_${c}`),
);
const operators = new Set(
  'OPERATOR_NOT OPERATOR_IS_NULL OPERATOR_IS_NOT_NULL COMPARE_IN COMPARE_NOT_IN OPERATOR_COALESCE'.split(' '),
);

/** What the parser makes of `[…]`, `{…}`, `(a, b)` and `MAP {…}`. */
const collections = new Set(['list_value', 'struct_pack', 'row', 'map']);

/** Refused node classes and operator types, by what they are to an analyst. */
const constructs: Record<string, SqlConstruct> = {
  SUBQUERY: 'subquery',
  WINDOW: 'window',
  LAMBDA: 'lambda',
  STAR: 'star',
  OPERATOR_UNPACK: 'star',
  PARAMETER: 'parameter',
  POSITIONAL_REFERENCE: 'positional',
  ARRAY_EXTRACT: 'subscript',
  ARRAY_SLICE: 'subscript',
  OPERATOR_TRY: 'try',
  GROUPING_FUNCTION: 'grouping',
};

function walk(n: Json, ctx: Context): void {
  if (Array.isArray(n)) return n.forEach((c) => walk(c, ctx));
  if (!isNode(n)) return;
  const at = typeof n.query_location === 'number' && n.query_location < 2 ** 53 ? n.query_location : ctx.at;
  const here = { ...ctx, at };
  const refuse = (reason: Message, hint: Message = msg('hint-sql-allowed')): never => {
    throw new Refused({ reason, hint, at });
  };
  const construct = (c: SqlConstruct): never => refuse(msg('sql-construct-refused', { construct: c }));
  const cls = String(n.class);
  const type = String(n.type);
  if (n.alias !== '') construct('alias');
  if (constructs[cls] ?? constructs[type]) construct((constructs[cls] ?? constructs[type])!);
  if (Object.keys(n).sort().join() !== nodeKeys[cls]) construct('other');
  switch (cls) {
    case 'COLUMN_REF':
      return checkColumn(n.column_names, here, refuse);
    case 'CONSTANT':
      return;
    case 'CONJUNCTION':
      if (type !== 'CONJUNCTION_AND' && type !== 'CONJUNCTION_OR') construct('other');
      return walk(n.children!, here);
    case 'COMPARISON':
      if (!comparisons.has(type)) construct('other');
      return walk([n.left!, n.right!], here);
    case 'OPERATOR':
      if (!operators.has(type)) construct('other');
      return walk(n.children!, here);
    case 'BETWEEN':
      return walk([n.input!, n.lower!, n.upper!], here);
    case 'CASE':
      for (const check of Array.isArray(n.case_checks) ? n.case_checks : [null]) {
        if (!isNode(check) || Object.keys(check).sort().join() !== 'then_expr,when_expr') construct('other');
        walk([field(check, 'when_expr') ?? null, field(check, 'then_expr') ?? null], here);
      }
      return walk(n.else_expr!, here);
    case 'CAST': {
      const id = String(field(n.cast_type, 'id'));
      const name = id === 'UNBOUND' ? String(field(field(n.cast_type, 'type_info'), 'name')) : id;
      if (!allowedCasts.has(id)) refuse(msg('sql-cast-refused', { type: name }), msg('hint-sql-casts'));
      return walk(n.child!, here);
    }
    case 'COLLATE':
      if (!allowedCollations.has(String(n.collation).toLowerCase()))
        refuse(msg('sql-collation-refused', { collation: String(n.collation) }));
      return walk(n.child!, here);
    case 'FUNCTION':
      return checkFunction(n, here, refuse, construct);
    default:
      construct('other');
  }
}

function checkColumn(names: Json | undefined, ctx: Context, refuse: (r: Message, h?: Message) => never): void {
  const parts = Array.isArray(names) ? names.map(String) : [];
  const column = parts[parts.length - 1] ?? '';
  const qualifier = parts.slice(0, -1).join('.');
  if (parts.length > 2 || (qualifier && qualifier.toLowerCase() !== ctx.table.toLowerCase()))
    refuse(msg('sql-other-table', { name: parts.join('.'), table: ctx.table }), msg('hint-sql-one-table'));
  if (!ctx.columns.has(column.toLowerCase())) {
    const known = [...ctx.columns.values()];
    refuse(
      msg('sql-column-unknown', { column, table: ctx.table }),
      sessionNames.has(column.toLowerCase())
        ? msg('hint-sql-session')
        : (didYouMean(column, known) ?? msg('hint-columns-found', { columns: known })),
    );
  }
  ctx.facts.columns.add(ctx.columns.get(column.toLowerCase())!);
}

function checkFunction(
  n: Node,
  ctx: Context,
  refuse: (r: Message, h?: Message) => never,
  construct: (c: SqlConstruct) => never,
): void {
  const name = String(n.function_name).toLowerCase();
  const shown = n.is_operator === true && name === '!__postfix' ? '!' : name;
  if (n.catalog !== '' || (n.schema !== '' && n.schema !== 'main')) {
    const qualified = [n.catalog, n.schema, shown].filter((p) => p !== '').join('.');
    refuse(msg('sql-function-refused', { name: qualified, why: refusedWhy(name) }));
  }
  if (n.export_state !== false) construct('export-state');
  if (!isEmptyList(field(n.order_bys, 'orders'))) construct('order-by');
  if (!ctx.facts.functions.has(name)) ctx.facts.functions.set(name, ctx.at);
  if (collections.has(name)) construct('collection');
  if (allowedAggregates.has(name)) {
    if (ctx.key === 'filter') refuse(msg('sql-aggregate-in-filter', { name }), msg('hint-sql-filter-rows'));
    if (ctx.inAggregate) refuse(msg('sql-aggregate-nested', { name }), msg('hint-aggregate'));
    ctx.facts.aggregates++;
    // The FILTER (WHERE …) of an aggregate chooses rows, like a filter: no aggregate inside either.
    return walk([n.children!, n.filter!], { ...ctx, inAggregate: true });
  }
  if (!allowedScalarNames.has(name)) {
    const why = refusedWhy(name);
    const known = [...allowedScalarNames, ...allowedAggregates].filter((f) => /^[a-z]/.test(f));
    const guess = why === 'unlisted' && /^[a-z]/.test(name) ? didYouMean(name, known) : undefined;
    refuse(msg('sql-function-refused', { name: shown, why }), guess ?? msg('hint-sql-allowed'));
  }
  if (n.distinct !== false) construct('distinct');
  if (n.filter !== null) construct('filter-clause');
  walk(n.children!, ctx);
}

function isNode(j: Json | undefined): j is Node {
  return typeof j === 'object' && j !== null && !Array.isArray(j);
}

function isEmptyList(j: Json | undefined): boolean {
  return Array.isArray(j) && j.length === 0;
}

export function field(j: Json | undefined, key: string): Json | undefined {
  return isNode(j) ? j[key] : undefined;
}

/** The parse tree without its byte positions: two spellings of the same tokens compare equal. */
export function withoutPlaces(j: Json | undefined): string {
  return JSON.stringify(j ?? null, (k, v: unknown) => (k === 'query_location' ? undefined : v));
}
