// Every message istsoll can give, as a code with its parameters. Code emits these; the catalogues (de.ts,
// en.ts) turn them into words for the terminal, the JSON output and the report. A parameter is plain
// data (never a sentence), so that both languages can build their own sentence around it.
import type { Status } from '../status.js';

/** Parameters of each message code. */
export interface Params {
  // Reading project files (YAML)
  'file-unreadable': { reason: string };
  'file-binary': {};
  'yaml-syntax': { error: string; detail: string };
  'yaml-aliases': { limit: number };
  'yaml-unknown-key': { key: string; path: string };
  'yaml-missing': { path: string; expected: string | null };
  'yaml-invalid-type': { path: string; expected: string };
  'yaml-invalid-value': { path: string; options: string[] };
  'yaml-too-small': { path: string; minimum: number; what: 'number' | 'length' | 'items' };
  'yaml-too-big': { path: string; maximum: number; what: 'number' | 'length' | 'items' };
  'yaml-rule': { path: string; rule: SchemaRule };
  'yaml-invalid': { path: string };
  // Cross-file checks of a project
  'project-no-indicators': {};
  'indicators-folder-missing': {};
  'source-name-twin': { name: string };
  'indicator-duplicate-id': { id: string; other: string };
  'indicator-unknown-field': { field: string };
  'indicator-unknown-table': { table: string };
  'indicator-needs-denominator': { unit: string };
  'indicator-count-no-denominator': { unit: string };
  'indicator-by-period': { column: string; table: string };
  'indicator-group-not-in-by': { column: string };
  'indicator-weighted-two-tables': {};
  'target-not-after-baseline': { year: number; baseline: number };
  'target-group-without-groups': { group: string };
  'target-gap-without-groups': {};
  'target-duplicate': { item: number };
  'map-unreadable': { file: string; reason: string };
  'map-not-geojson': { file: string };
  'map-feature-property': { feature: number; file: string; property: string };
  // Loading data files
  'source-file-missing': { file: string; source: string };
  'source-file-empty': {};
  'source-no-rows': { source: string };
  'sources-missing': { count: number };
  'db-not-duckdb': {};
  'db-in-use': { pid: number };
  'db-lock-failed': {};
  'db-is-folder': {};
  'db-unopenable': { detail: string };
  'header-mojibake': { cell: string };
  'cell-mojibake': { column: string; cell: string };
  'column-not-in-file': { column: string; file: string };
  'key-column-not-in-file': { column: string; file: string };
  'weight-invalid': { column: string; cell: string | null };
  'key-twice': { key: string; times: number; first: number | null; second: number | null };
  'year-column-clash': {};
  'year-invalid': { column: string; cell: string | null };
  'codes-column-missing': { column: string; file: string };
  'answer-code-undeclared': { column: string; answer: string };
  'genesis-no-data': {};
  'genesis-no-header': {};
  'genesis-dimensions': { levels: number; named: number };
  'csv-unreadable': { detail: string };
  'cell-type': { column: string; expected: 'integer' | 'number' | 'boolean' | 'date' | 'text'; cell: string };
  'cell-not-number': { column: string; signs: string[]; cell: string };
  'parquet-unreadable': { detail: string; folder: boolean };
  'header-missing': {};
  'column-twice': { column: string; first: string | null; firstIndex: number | null };
  'column-declared-missing': { column: string; file: string };
  'columns-undeclared': { columns: string[]; file: string };
  'inspect-no-file': {};
  'inspect-unreadable': {};
  // Indicator SQL
  'table-not-loaded': { table: string };
  'by-column-missing': { column: string; table: string };
  'weight-column-missing': { column: string; table: string };
  'sql-semicolon': {};
  'sql-not-aggregate': { expr: string };
  'sql-binding': { part: 'expr' | 'filter'; table: string; detail: string };
  'sql-weighted-form': { expr: string };
  'group-not-in-data': { group: string; column: string; table: string };
  'keys-mismatch': { column: string; values: string[]; numerator: string; denominator: string };
  'keys-mismatch-cells': {};
  'compute-failed': { detail: string };
  // Indicator SQL allow list (issue 11): what DuckDB's parser found in a fragment that is not allowed
  'sql-syntax': { part: 'expr' | 'filter'; detail: string };
  'sql-shape': { clause: string };
  'sql-construct-refused': { construct: SqlConstruct };
  'sql-function-refused': { name: string; why: SqlRefusedWhy };
  'sql-aggregate-in-filter': { name: string };
  'sql-aggregate-nested': { name: string };
  'sql-column-unknown': { column: string; table: string };
  'sql-other-table': { name: string; table: string };
  'sql-cast-refused': { type: string };
  'sql-collation-refused': { collation: string };
  'sql-trailing-comment': { part: 'expr' | 'filter' };
  'sql-function-redefined': { name: string };
  'hint-sql-allowed': {};
  'hint-sql-one-expression': {};
  'hint-sql-one-table': {};
  'hint-sql-session': {};
  'hint-sql-casts': {};
  'hint-sql-filter-rows': {};
  'hint-sql-comment': {};
  'hint-sql-rebuild-database': {};
  // Commands
  'option-invalid': { option: string };
  'option-path-empty': { option: string };
  'hint-option-path': { option: string };
  'init-not-empty': {};
  'indicator-unknown': { id: string };
  'target-not-single': { year: number; group: string | null; kind: 'range' | 'trend'; range: number[] | null };
  'targets-not-list': {};
  'pdf-no-chromium': { path: string | null };
  'pdf-no-playwright': {};
  // Notes on indicator values
  'value-denominator-zero': {};
  'value-suppressed-count': { min: number };
  'value-suppressed-respondents': { min: number };
  'value-suppressed-secondary': {};
  'value-few-respondents': { n: number };
  'value-source-missing': { reasons: string[] };
  'value-source-flags': { flags: string[] };
  // Reasons of a rating
  'rating-no-data': {};
  'rating-too-few-years': {};
  'rating-no-baseline-value': {};
  'rating-target-before-base': {};
  'rating-opposite-signs-latest': {};
  'rating-opposite-signs-target': {};
  'rating-too-few-consecutive': {};
  'rating-met-trend-away': {};
  'rating-within-margin-achieved': {};
  'rating-within-margin-decline': {};
  'rating-too-few-years-any': {};
  'rating-met-setback': {};
  // Data as towns get it (issue 10): encodings, structure, strict numbers, periods, missing cells, checks
  'source-binary': { kind: string };
  'header-control': { column: number };
  'cell-control': { column: string };
  'csv-line-too-long': { limit: number };
  'csv-unterminated-quote': {};
  'csv-field-count': { found: number; expected: number };
  'cell-not-integer': { column: string; cell: string };
  'period-invalid': { column: string; cell: string | null };
  'value-cells-missing': { missing: number; cells: number };
  'value-cells-missing-refused': { missing: number; cells: number };
  'value-all-cells-missing': { cells: number };
  'unit-count-weighted': {};
  'unit-total-unweighted': {};
  'value-share-over': {};
  'hint-total-weight': {};
  'target-percent-range': { value: number };
  'no-shared-years': { numerator: string; denominator: string; numeratorYears: number[]; denominatorYears: number[] };
  'no-shared-cells': { numerator: string; denominator: string; year: number };
  'warn-negative': { table: string; column: string; cell: number };
  'warn-thousands-ambiguous': { table: string; column: string; cell: number };
  'warn-share-over': { indicator: string; year: number; numerator: number; denominator: number };
  'warn-baseline-no-data': { indicator: string; year: number };
  'warnings-strict': { count: number };
  'hint-export-csv': {};
  'hint-parquet-name': {};
  'hint-utf16-bom': {};
  'hint-control': {};
  'hint-line-too-long': {};
  'hint-unterminated-quote': {};
  'hint-field-count': {};
  'hint-thousands': { separator: string };
  'hint-declare-double': { column: string };
  'hint-parquet-folder': {};
  'hint-period-forms': { first: number; last: number };
  'hint-weighted-total': {};
  'hint-percent-range': {};
  'hint-shared-years': {};
  'hint-check-source': {};
  'hint-strict': {};
  // Nothing outside the project (issue 11)
  'source-outside': { file: string; source: string; folder: string };
  'source-folder-empty': { file: string };
  'hint-inside-data': {};
  // Hints
  'hint-did-you-mean': { word: string };
  'hint-allowed-keys': { keys: string[] };
  'hint-yaml-syntax': {};
  'hint-yaml-aliases': {};
  'hint-binary': {};
  'hint-add-indicator': {};
  'hint-init': {};
  'hint-rename-one': {};
  'hint-unique-id': {};
  'hint-known-fields': { fields: string[] };
  'hint-known-tables': { tables: string[] };
  'hint-add-denominator': {};
  'hint-remove-from-by': {};
  'hint-add-to-by': { by: string[] };
  'hint-target-after-baseline': {};
  'hint-keep-one': {};
  'hint-map-file': {};
  'hint-map-geojson': {};
  'hint-map-property': {};
  'hint-source-path': {};
  'hint-data-rows': { source: string };
  'hint-put-files': {};
  'hint-db-path': {};
  'hint-wait-load': {};
  'hint-remove-lock': {};
  'hint-run-load': {};
  'hint-utf8': { source: string };
  'hint-columns-found': { columns: string[] };
  'hint-weights': {};
  'hint-key-id': { column: string };
  'hint-key-declare': {};
  'hint-year-column': {};
  'hint-year-values': {};
  'hint-declare-codes': { column: string; codes: string[] };
  'hint-genesis-format': {};
  'hint-genesis-header-rows': {};
  'hint-genesis-dimensions': { names: string[] };
  'hint-delimiter': {};
  'hint-cell-type': { column: string };
  'hint-dialect': {};
  'hint-declare-sign': {};
  'hint-skip': { skip: number };
  'hint-first-line': {};
  'hint-unique-columns': {};
  'hint-declare-columns': {};
  'hint-sql-example': {};
  'hint-aggregate': {};
  'hint-filter-types': {};
  'hint-weighted': {};
  'hint-column-values': { values: string[] };
  'hint-same-codes': { table: string; column: string; values: string[] };
  'hint-same-codes-by': {};
  'hint-new-folder': {};
  'hint-targets-list': {};
  'hint-edit-target': {};
  'hint-install-chromium': {};
  'hint-npm-install': {};
  'hint-run-debug': {};
  // Safe edits of YAML files by command (targets set, measures set)
  'file-busy': { host: string | null; pid: number | null };
  'file-changed-meanwhile': {};
  'file-unwritable': { reason: string };
  'yaml-edit-failed': {};
  'hint-file-busy': { lock: string };
  'hint-edit-again': {};
  'hint-edit-by-hand': {};
  'hint-file-permissions': {};
  // Measures (Maßnahmen): their files, and the commands measures list and measures set
  'measure-duplicate-id': { id: string; other: string };
  'measure-date-invalid': { path: string; value: string };
  'measure-due-before-start': { due: string; start: string };
  'measure-status-unknown': { status: string };
  'measure-unknown': { id: string };
  'measure-set-nothing': {};
  'milestone-needs-done': {};
  'milestone-unknown': { milestone: string; count: number };
  'milestone-ambiguous': { date: string; count: number };
  'hint-unique-measure-id': {};
  'hint-plan-date': {};
  'hint-due-after-start': {};
  'hint-measure-statuses': { statuses: string[] };
  'hint-measures-list': {};
  'hint-milestone': {};
  'hint-add-key': { key: string };
  // One verdict the council can follow (issue 14): what qualifies a status
  'rating-within-margin-progress': {};
  'caveat-gap-reference-decline': { reference: string; year: number; status: Status };
  // Hardening (issue 11): where istsoll writes reports, and a place and a hint for every bad input
  'out-extension': {};
  'out-project-folder': { folder: string };
  'out-is-folder': {};
  'out-foreign': {};
  'map-outside': { file: string; folder: string };
  'csv-text-after-quote': {};
  'csv-not-utf8': {};
  'sql-text-column': { table: string; column: string; cell: string };
  'field-duplicate-id': { id: string };
  'yaml-unknown-tag': { tag: string };
  'file-utf16': {};
  'init-not-folder': {};
  'hint-out-name': {};
  'hint-out-folder': {};
  'hint-out-foreign': {};
  'hint-text-after-quote': {};
  'hint-not-utf8': {};
  'hint-text-column': { column: string; cell: string };
  'hint-unique-field': {};
  'hint-yaml-schema': {};
  'hint-yaml-tag': {};
  'hint-save-utf8': {};
  'hint-parquet-broken': {};
  'hint-inspect-file': {};
  // Reference series of an indicator, and the report history (issue 14: council summary, reference values)
  'reference-year-range': { year: string };
  'reference-unit-mismatch': { unit: string; expected: string };
  'reference-percent-range': { year: number; value: number };
  'reference-column-missing': { table: string; column: string; columns: string[] };
  'reference-not-numeric': { table: string; column: string; type: string };
  'reference-year-twice': { table: string; year: number; rows: number };
  'reference-no-rows': { table: string };
  'history-unreadable': { file: string; reason: string };
  'hint-reference-year': {};
  'hint-reference-unit': { unit: string };
  'hint-reference-where': {};
  'hint-reference-numeric': {};
  'hint-history': {};
  // istsoll serve (issue 17): the preview's forms for targets and measures
  'form-number': { field: string; value: string };
  'form-missing': { field: string };
  'form-nothing': {};
  'hint-form-number': {};
}

/** Parts of SQL that indicator SQL may not contain, by what they are to an analyst. */
export type SqlConstruct =
  | 'subquery'
  | 'window'
  | 'lambda'
  | 'star'
  | 'parameter'
  | 'positional'
  | 'subscript'
  | 'collection'
  | 'nul'
  | 'try'
  | 'grouping'
  | 'alias'
  | 'export-state'
  | 'order-by'
  | 'distinct'
  | 'filter-clause'
  | 'other';

/**
 * Why a function is not allowed: it reads the machine, changes from call to call, depends on the order of
 * the rows, reads tables or files, or is simply not on the list.
 */
export type SqlRefusedWhy = 'environment' | 'changing' | 'order' | 'tables' | 'unlisted';

/** The rules of the project schemas that zod cannot put into words itself. */
export type SchemaRule =
  | 'identifier'
  | 'indicator-id'
  | 'column-name'
  | 'range-order'
  | 'target-one-kind'
  | 'gap-no-group'
  | 'by-once'
  // Reference series of an indicator (issue 14)
  | 'reference-year'
  | 'reference-one-kind'
  | 'reference-table-column';

export type Code = keyof Params;

/** A message: its code and its parameters, side by side (`{ code: 'value-suppressed-count', min: 5 }`). */
export type Message = { [C in Code]: { code: C } & Params[C] }[Code];

/** Turns every code into words in one language. */
export type MessageWords = { [C in Code]: (p: Params[C]) => string };

/** A message with no parameters, written as its code alone. */
export function msg<C extends Code>(code: C, ...params: {} extends Params[C] ? [Params[C]?] : [Params[C]]): Message {
  return { code, ...(params[0] ?? {}) } as Message;
}

/** A parameter named `code` would overwrite the message's own code: the compiler refuses one. */
type CodeClash = { [C in Code]: 'code' extends keyof Params[C] ? C : never }[Code];
const noParameterIsCalledCode: [CodeClash] extends [never] ? true : never = true;
