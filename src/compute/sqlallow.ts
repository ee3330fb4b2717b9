// What indicator SQL may contain, as lists: anything not named here is refused. The lists are short on
// purpose. A function is on them when its result depends only on the rows it is given: not on the clock,
// a random number, the order of the rows, the machine's settings or files. docs/analysts.md, section
// "What indicator SQL may contain", shows the same lists to analysts: change both together.

import type { SqlRefusedWhy } from '../core/messages/codes.js';

const names = (text: string): string[] => text.trim().split(/\s+/);

/** Operators that DuckDB's parser writes as function calls (`a + b` is the function `+`). */
export const allowedOperators = new Set(
  names(`+ - * / // % ^ ** ||
    ~~ !~~ ~~* !~~* like_escape not_like_escape ilike_escape not_ilike_escape
    regexp_full_match`),
); // the second line: [NOT] LIKE and [NOT] ILIKE, with and without ESCAPE; the third: SIMILAR TO and ~ (RE2)

/** Scalar functions, by group (the groups are what docs/analysts.md lists). */
export const allowedScalars: Record<'math' | 'conditional' | 'text' | 'date', string[]> = {
  math: names(`abs ceil ceiling floor round trunc sign sqrt cbrt power pow exp ln log log10 log2 mod
    least greatest isnan isinf isfinite`),
  // coalesce and ifnull are operators to the parser, and if() becomes a CASE: both are allowed as such.
  conditional: names('nullif'),
  text: names(`lower upper lcase ucase trim ltrim rtrim length char_length character_length substr
    substring left right starts_with ends_with prefix suffix contains strpos instr position replace concat
    concat_ws split_part strip_accents regexp_matches regexp_replace regexp_extract`),
  date: names(`year month day dayofmonth quarter week weekofyear dayofweek isodow isoyear dayofyear hour
    minute second date_part datepart date_trunc datetrunc date_diff datediff date_sub datesub make_date
    last_day strftime try_strptime`),
};

/**
 * Aggregate functions: only in `expr`, never one inside another; DISTINCT and FILTER (WHERE …) are
 * allowed. Left out: those whose result depends on the order of the rows or on ties (any_value, first,
 * list, string_agg, mode, arg_max, …) and the approximate ones.
 */
export const allowedAggregates = new Set(
  names(`count count_star sum avg mean min max median quantile_cont quantile_disc count_if countif
    bool_and bool_or product fsum kahan_sum sumkahan stddev stddev_samp stddev_pop variance var_samp var_pop
    weighted_avg wavg`),
);

export const allowedScalarNames = new Set([...allowedOperators, ...Object.values(allowedScalars).flat()]);

/** Types a CAST may convert to (the parser's type ids). */
export const allowedCasts = new Set(
  names(`BOOLEAN TINYINT SMALLINT INTEGER BIGINT HUGEINT UTINYINT USMALLINT UINTEGER UBIGINT FLOAT DOUBLE
    DECIMAL VARCHAR DATE TIMESTAMP`),
);

export const allowedCollations = new Set(names('nocase noaccent nfc'));

/** Why well-known functions are refused, for a message that says more than "not on the list". */
const refusedBecause: Record<Exclude<SqlRefusedWhy, 'unlisted'>, string[]> = {
  environment: names(`current_setting getenv getvariable version current_database current_schema
    current_schemas current_catalog current_user session_user current_role user current_query
    current_query_id current_connection_id current_transaction_id txid_current in_search_path stats typeof
    pg_typeof get_type get_block_size duckdb_api platform`),
  changing: names(`now today current_date current_time current_timestamp current_localtime
    current_localtimestamp localtime localtimestamp get_current_time get_current_timestamp
    transaction_timestamp age random setseed uuid uuidv4 uuidv7 gen_random_uuid nextval currval`),
  order: names(`any_value arbitrary first last arg_min arg_max argmin argmax min_by max_by list array_agg
    string_agg group_concat listagg mode histogram reservoir_quantile approx_count_distinct approx_quantile
    approx_top_k`),
  tables: names(`read_csv read_csv_auto read_parquet parquet_scan read_json read_json_auto read_ndjson
    read_text read_blob glob sniff_csv query query_table json_serialize_sql json_deserialize_sql
    json_execute_serialized_sql json_serialize_plan range generate_series unnest`),
};

const whyOf = new Map(
  Object.entries(refusedBecause).flatMap(([why, list]) => list.map((n) => [n, why as SqlRefusedWhy] as const)),
);

export function refusedWhy(name: string): SqlRefusedWhy {
  return whyOf.get(name) ?? (/^(read_|duckdb_|pragma_|parquet_)/.test(name) ? 'tables' : 'unlisted');
}

/**
 * Names that the parser takes for columns and the binder turns into the date, the time or the user of
 * the session when the table has no column of that name: they are refused unless they are real columns.
 */
export const sessionNames = new Set(
  names(`current_date current_time current_timestamp localtime localtimestamp current_user user
    session_user current_role current_catalog current_schema`),
);
