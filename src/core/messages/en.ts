// English words for every message code, for the terminal, the JSON output and the English report.
import type { Status } from '../status.js';
import type { MessageWords } from './codes.js';
import { cliEn } from './en-cli.js';
import { reportEn } from './en-report.js';
import type { Catalogue } from './types.js';

const list = (items: string[]) => items.map((i) => `\`${i}\``).join(', ');
const years = (list: number[]) => (list.length ? list.join(', ') : 'no years');
const where = (path: string) => (path ? `\`${path}\`` : 'the file');

const messages: MessageWords = {
  'file-unreadable': ({ reason }) => `cannot read the file (${reason})`,
  'file-binary': () => 'this is a binary file, not text',
  'yaml-syntax': ({ detail }) => `invalid YAML: ${detail}`,
  'yaml-aliases': ({ limit }) => `the YAML uses more than ${limit} aliases`,
  'yaml-unknown-key': ({ key, path }) => `unknown key \`${key}\`${path ? ` in \`${path}\`` : ''}`,
  'yaml-missing': ({ path, expected }) => `${where(path)} is missing${expected ? ` (expected ${expected})` : ''}`,
  'yaml-invalid-type': ({ path, expected }) => `${where(path)}: expected ${expected}`,
  'yaml-invalid-value': ({ path, options }) => `${where(path)}: expected one of ${list(options)}`,
  'yaml-too-small': ({ path, minimum, what }) =>
    `${where(path)}: ${
      what === 'number'
        ? `at least ${minimum}`
        : what === 'length'
          ? `at least ${minimum} characters`
          : `at least ${minimum} entries`
    }`,
  'yaml-too-big': ({ path, maximum, what }) =>
    `${where(path)}: ${
      what === 'number'
        ? `at most ${maximum}`
        : what === 'length'
          ? `at most ${maximum} characters`
          : `at most ${maximum} entries`
    }`,
  'yaml-rule': ({ path, rule }) => `${where(path)}: ${schemaRules[rule]}`,
  'yaml-invalid': ({ path }) => `${where(path)} is not valid here`,
  'project-no-indicators': () => 'the project has no indicators yet',
  'indicators-folder-missing': () => 'the indicators folder is missing',
  'source-name-twin': ({ name }) => `two sources are named \`${name}\` apart from case; table names ignore case`,
  'indicator-duplicate-id': ({ id, other }) => `duplicate indicator id \`${id}\` (also in ${other})`,
  'indicator-unknown-field': ({ field }) => `unknown field of action \`${field}\``,
  'indicator-unknown-table': ({ table }) => `unknown table \`${table}\``,
  'indicator-needs-denominator': ({ unit }) => `unit \`${unit}\` needs a \`denominator\``,
  'indicator-count-no-denominator': ({ unit }) => `unit \`${unit}\` takes no \`denominator\``,
  'indicator-by-period': ({ column, table }) =>
    `\`${column}\` is the period column of table \`${table}\`: every result is per year already`,
  'indicator-group-not-in-by': ({ column }) => `the group column \`${column}\` must also be listed in \`by\``,
  'indicator-weighted-two-tables': () =>
    'a weighted (survey) indicator takes numerator and denominator from the same table',
  'target-not-after-baseline': ({ year, baseline }) => `target year ${year} is not after the baseline year ${baseline}`,
  'target-group-without-groups': ({ group }) =>
    `target for group \`${group}\`, but the indicator declares no \`groups\``,
  'target-gap-without-groups': () => 'a gap target needs `groups` (compared and reference group)',
  'target-duplicate': ({ item }) => `a second target for the same year, group and kind (the first is item ${item})`,
  'map-unreadable': ({ file, reason }) => `cannot read the boundaries ${file}: ${reason}`,
  'map-not-geojson': ({ file }) => `${file} is not a GeoJSON FeatureCollection`,
  'map-feature-property': ({ feature, file, property }) =>
    `feature ${feature} of ${file} has no property \`${property}\``,
  'source-file-missing': ({ file, source }) => `the file ${file} of source \`${source}\` does not exist`,
  'source-file-empty': () => 'the file is empty',
  'source-no-rows': () => 'the file has no data rows',
  'sources-missing': ({ count }) => `${count} data files are missing or empty:`,
  'db-not-duckdb': () => 'this file is not a DuckDB database, and a load would replace it',
  'db-in-use': ({ pid }) => `the database is in use: process ${pid} is loading into it`,
  'db-is-folder': () => 'this is a folder, not a database file',
  'db-lock-failed': () => 'could not take the load lock',
  'db-unopenable': ({ detail }) => `cannot open the database (${detail})`,
  'header-mojibake': ({ cell }) =>
    `the header holds \`${cell}\`, which looks like UTF-8 text decoded with the wrong encoding`,
  'cell-mojibake': ({ column, cell }) =>
    `column \`${column}\` holds \`${cell}\`, which looks like UTF-8 text decoded with the wrong encoding`,
  'column-not-in-file': ({ column, file }) => `column \`${column}\` is not in ${file}`,
  'key-column-not-in-file': ({ column, file }) => `key column \`${column}\` is not in ${file}`,
  'weight-invalid': ({ column, cell }) =>
    `the weight column \`${column}\` holds ${cell === null ? 'an empty cell' : `\`${cell}\``}`,
  'key-twice': ({ key, times, first, second }) =>
    `the key ${key} is delivered ${times} times${first !== null ? ` (lines ${first} and ${second})` : ''}`,
  'year-column-clash': () => 'the file has a column `year` already',
  'year-invalid': ({ column, cell }) =>
    `the year column \`${column}\` holds ${cell === null ? 'an empty cell' : `\`${cell}\``}`,
  'codes-column-missing': ({ column, file }) => `codes are declared for column \`${column}\`, which is not in ${file}`,
  'answer-code-undeclared': ({ column, answer }) => `column \`${column}\`: answer code \`${answer}\` is not declared`,
  'genesis-no-data': () => 'no data rows found in this GENESIS table',
  'genesis-no-header': () => 'no column header rows found above the data',
  'genesis-dimensions': ({ levels, named }) =>
    `the table has ${levels} header level(s) above the values, but genesis.dimensions names ${named}`,
  'csv-unreadable': ({ detail }) => `cannot read the CSV: ${detail}`,
  'cell-type': ({ column, expected, cell }) => `column \`${column}\`: expected ${types[expected]}, found \`${cell}\``,
  'cell-not-number': ({ column, signs, cell }) =>
    `column \`${column}\`: expected a number${signs.length ? ` or one of the signs ${signs.join(' ')}` : ''}, found ` +
    `\`${cell}\``,
  'parquet-unreadable': ({ detail, folder }) => `cannot read the Parquet ${folder ? 'files' : 'file'}: ${detail}`,
  'header-missing': () => 'no header line',
  'column-twice': ({ column, first, firstIndex }) =>
    `column \`${column}\` appears twice in the ` +
    `header${first !== null ? ` (as \`${first}\` in column ${firstIndex}; names ignore case)` : ''}`,
  'column-declared-missing': ({ column, file }) => `column \`${column}\` is declared but not in ${file}`,
  'columns-undeclared': ({ columns, file }) =>
    `column${columns.length > 1 ? 's' : ''} ${list(columns)} in ${file} ${columns.length > 1 ? 'are' : 'is'} not ` +
    `declared`,
  'inspect-no-file': () => 'no such file',
  'inspect-unreadable': () => 'cannot read the file as CSV',
  'table-not-loaded': ({ table }) => `table \`${table}\` is not loaded`,
  'by-column-missing': ({ column, table }) => `disaggregation column \`${column}\` is not in table \`${table}\``,
  'weight-column-missing': ({ column, table }) => `weight column \`${column}\` is not in table \`${table}\``,
  'sql-semicolon': () => 'a `;` is not allowed in indicator SQL',
  'sql-not-aggregate': ({ expr }) => `\`${expr}\` is not an aggregate`,
  'sql-binding': ({ part, table, detail }) =>
    `${part === 'expr' ? 'expression' : 'filter'} does not work on table \`${table}\`: ${detail}`,
  'sql-weighted-form': ({ expr }) => `a weighted indicator needs \`count(*)\` or \`sum(…)\`, found \`${expr}\``,
  'group-not-in-data': ({ group, column, table }) =>
    `group \`${group}\` does not occur in column \`${column}\` of table \`${table}\``,
  'keys-mismatch': ({ column, values, numerator, denominator }) =>
    `numerator and denominator do not match on \`${column}\`: ${list(values)} from table \`${numerator}\` is not in ` +
    `table \`${denominator}\``,
  'keys-mismatch-cells': () => 'numerator and denominator do not match: the numerator has cells the denominator lacks',
  'compute-failed': ({ detail }) => `cannot compute: ${detail}`,
  // Indicator SQL allow list (issue 11)
  'sql-syntax': ({ part, detail }) => `${sqlPart[part]} is not valid SQL: ${detail}`,
  'sql-shape': ({ clause }) =>
    `only a single expression is allowed: \`${clause}\` would change the query istsoll puts it into`,
  'sql-construct-refused': ({ construct }) => `${sqlConstructs[construct]} is not allowed in indicator SQL`,
  'sql-function-refused': ({ name, why }) =>
    /^[a-z_]/i.test(name)
      ? `the function \`${name}\` is not allowed in indicator SQL${sqlRefusedWhy[why]}`
      : `the operator \`${name}\` is not allowed in indicator SQL (it is not on the list of allowed operators)`,
  'sql-aggregate-in-filter': ({ name }) => `the aggregate \`${name}\` is not allowed in a filter`,
  'sql-aggregate-nested': ({ name }) => `the aggregate \`${name}\` is inside another aggregate, which is not allowed`,
  'sql-column-unknown': ({ column, table }) => `the table \`${table}\` has no column \`${column}\``,
  'sql-other-table': ({ name, table }) =>
    `\`${name}\` refers to another table: only the columns of the table \`${table}\` are allowed`,
  'sql-cast-refused': ({ type }) => `a cast to the type \`${type}\` is not allowed in indicator SQL`,
  'sql-collation-refused': ({ collation }) => `the collation \`${collation}\` is not allowed in indicator SQL`,
  'sql-trailing-comment': ({ part }) =>
    `${sqlPart[part]} ends in a \`--\` comment, which would swallow the rest of the query`,
  'sql-function-redefined': ({ name }) =>
    `the database replaces the built-in function \`${name}\` with one of its own (a macro); ` +
    'istsoll never defines functions, so the database file was changed outside istsoll',
  'hint-sql-allowed': () =>
    'docs/analysts.md lists the functions and expressions allowed, in the section “What indicator SQL may contain”',
  'hint-sql-one-expression': () =>
    'write a single expression such as sum(<column>) under expr and a single condition under filter, ' +
    'without `;` and without clauses such as GROUP BY or UNION',
  'hint-sql-one-table': () =>
    'indicator SQL computes with the columns of its own table only; ' +
    'a second table belongs in the indicator file as the denominator',
  'hint-sql-session': () =>
    "the date, the time and session values change from run to run: write a fixed date, such as DATE '2024-12-31'",
  'hint-sql-casts': () => 'allowed are BOOLEAN, the integer types, FLOAT, DOUBLE, DECIMAL, VARCHAR, DATE and TIMESTAMP',
  'hint-sql-filter-rows': () =>
    'the filter chooses rows before anything is computed: ' +
    'aggregates belong under expr (there also with FILTER (WHERE …))',
  'hint-sql-comment': () => 'write the comment as a YAML comment (# …) on a line of its own, or as /* … */ in the SQL',
  'hint-sql-rebuild-database': () =>
    'delete the database file (.istsoll/istsoll.duckdb or the one given with --db) ' +
    'and load the data again with `istsoll load`',
  'option-invalid': ({ option }) => `the option ${option} has a value no command can use (an empty one, say)`,
  'option-path-empty': ({ option }) => `the option ${option} names no path: its value is empty`,
  'hint-option-path': ({ option }) => `give a file or folder name after ${option}, or leave the option out`,
  'init-not-empty': () => 'the folder is not empty',
  'indicator-unknown': ({ id }) => `no indicator \`${id}\``,
  'target-not-single': ({ year, group, kind, range }) =>
    `the ${year} target${group ? ` for ${group}` : ''} is ` +
    `${kind === 'range' ? `a range [${range?.join(', ')}]` : 'a direction (trend: true)'}, not a single value`,
  'targets-not-list': () => '`targets` is not a list',
  'pdf-no-chromium': ({ path }) =>
    path
      ? `cannot print the PDF: CHROMIUM_PATH points to ${path}, which is not an executable file`
      : 'cannot print the PDF: no Chromium or Chrome is installed',
  'pdf-no-playwright': () => 'cannot print the PDF: the package playwright-core is missing',
  'value-denominator-zero': () => 'denominator is zero',
  'value-suppressed-count': ({ min }) => `suppressed: a count below ${min}`,
  'value-suppressed-respondents': ({ min }) => `suppressed: fewer than ${min} respondents`,
  'value-suppressed-secondary': () => 'suppressed: would reveal a suppressed neighbouring cell',
  'value-few-respondents': ({ n }) => `only ${n} respondents: read with care`,
  'value-source-missing': ({ reasons }) => `not computable: source cell ${reasons.map(sign).join('; ')}`,
  'value-source-flags': ({ flags }) => `includes values marked ${flags.map(sign).join('; ')}`,
  'rating-no-data': () => 'no data',
  'rating-too-few-years': () => 'fewer than two years with data since the baseline',
  'rating-no-baseline-value': () => 'no value in or after the baseline year',
  'rating-target-before-base': () => 'target year is not after the base year',
  'rating-opposite-signs-latest': () => 'base and latest value have opposite signs',
  'rating-opposite-signs-target': () => 'base and target value have opposite signs',
  'rating-too-few-consecutive': () => 'fewer than four consecutive yearly values in the last six years',
  'rating-met-trend-away': () => 'target met now, but the trend moves away from it',
  'rating-within-margin-achieved': () => 'the estimate meets the target, but within the margin of error',
  'rating-within-margin-decline': () => 'the decline is within the margin of error',
  'rating-too-few-years-any': () => 'fewer than two years with data',
  'rating-met-setback': () => 'target met, but the last year was a setback',
  // Data as towns get it (issue 10)
  'source-binary': ({ kind }) =>
    `this is no CSV text but ${
      {
        zip: 'a zip archive (an Excel .xlsx or .ods spreadsheet?)',
        xls: 'an old Excel .xls file',
        pdf: 'a PDF document',
        parquet: 'a Parquet file',
        gzip: 'a gzip archive',
        'utf-16': 'UTF-16 text without a byte-order mark',
      }[kind] ?? 'a binary file'
    }`,
  'header-control': ({ column }) => `the header holds a control character in column ${column}`,
  'cell-control': ({ column }) => `column \`${column}\` holds a control character (a NUL byte, say) in a text cell`,
  'csv-line-too-long': ({ limit }) =>
    `a line is longer than ${limit.toLocaleString('en')} bytes: this is no line of a table`,
  'csv-unterminated-quote': () => 'a quoted cell starts here and never ends: its closing " is missing',
  'csv-field-count': ({ found, expected }) => `this row has ${found} cells, the header ${expected}`,
  'cell-not-integer': ({ column, cell }) => `column \`${column}\` holds whole numbers, but this cell is \`${cell}\``,
  'period-invalid': ({ column, cell }) =>
    `the period column \`${column}\` holds ${cell === null ? 'an empty cell' : `\`${cell}\``}, which is no year, ` +
    `date or school year`,
  'value-cells-missing': ({ missing, cells }) => `${missing} of ${cells} source cells empty and left out`,
  'value-cells-missing-refused': ({ missing, cells }) => `not computed: ${missing} of ${cells} source cells empty`,
  'value-all-cells-missing': ({ cells }) => `not computable: all ${cells} source cells empty`,
  'unit-total-unweighted': () => 'unit `total` estimates a number from survey data: it needs a `weight`',
  'value-share-over': () => 'the numerator is larger than the denominator',
  'hint-total-weight': () => 'add `weight: <the weight column>`, or use unit `count` for a register',
  'unit-count-weighted': () => 'a weighted count is a survey total: use `unit: total`',
  'target-percent-range': ({ value }) => `a share cannot be ${value} %: a target in percent lies between 0 and 100`,
  'no-shared-years': ({ numerator, denominator, numeratorYears, denominatorYears }) =>
    `numerator and denominator share no year: \`${numerator}\` has ${years(numeratorYears)}, \`${denominator}\` has ` +
    `${years(denominatorYears)}`,
  'no-shared-cells': ({ numerator, denominator, year }) =>
    `numerator (\`${numerator}\`) and denominator (\`${denominator}\`) share no cell in ${year}`,
  'warn-negative': ({ table, column, cell }) => `column \`${column}\` of \`${table}\` holds a negative count (${cell})`,
  'warn-thousands-ambiguous': ({ table, column, cell }) =>
    `column \`${column}\` of \`${table}\` holds whole numbers and values such as ${cell}: is the point a thousands ` +
    `separator?`,
  'warn-share-over': ({ indicator, year, numerator, denominator }) =>
    `\`${indicator}\` ${year}: the numerator (${numerator}) is larger than the denominator (${denominator})`,
  'warn-baseline-no-data': ({ indicator, year }) => `\`${indicator}\` has no value in its baseline year ${year}`,
  'warnings-strict': ({ count }) => `${count} warning${count === 1 ? '' : 's'}, and --strict makes warnings errors`,
  'hint-export-csv': () => 'export the table as CSV (UTF-8, `;` between fields) and point `file:` at that',
  'hint-parquet-name': () => 'name the file .parquet, or set `format: parquet` in data/sources.yaml',
  'hint-utf16-bom': () => 'save the file as UTF-8 (or as UTF-16 with a byte-order mark)',
  'hint-control': () => 'remove the character from the file (it is invisible in most editors), then load again',
  'hint-line-too-long': () => 'check that the file is the CSV export you expect, and that its quotes are balanced',
  'hint-unterminated-quote': () => 'close the quote, or remove the stray " at the start of the cell',
  'hint-field-count': () =>
    'check the delimiter and the quotes in this row, or declare the dialect in data/sources.yaml',
  'hint-thousands': ({ separator }) =>
    `looks like a thousands separator: set \`thousands: "${separator}"\` (with \`decimal: ` +
    `"${separator === '.' ? ',' : '.'}"\`) in the source's dialect, or declare the column DOUBLE`,
  'hint-declare-double': ({ column }) =>
    `correct the cell, or declare the column as a number with decimals (columns: { ${column}: DOUBLE })`,
  'hint-parquet-folder': () => 'the folder must hold at least one .parquet file, and all of them readable',
  'hint-period-forms': ({ first, last }) =>
    `a period is a year from ${first} to ${last}, a date (2016-12-31, 31.12.2016, 2016_12_31, 20161231) or a school ` +
    `year (2015/16)`,
  'hint-weighted-total': () => 'a weighted count estimates a total: write `unit: total` (with its standard error)',
  'hint-percent-range': () => 'write the target as a number of percent, such as 55 for 55 %',
  'hint-shared-years': () => 'both tables must have data for the same years and cells; check the period columns',
  'hint-check-source': () => 'check the source file; run with --strict to stop at such findings',
  'hint-strict': () => 'the warnings are listed above; run without --strict to compute anyway',
  // Nothing outside the project (issue 11)
  'source-outside': ({ file, source, folder }) =>
    `the file ${file} of source \`${source}\` lies outside the project's ${folder}/ folder (a path with .., or a link)`,
  'source-folder-empty': ({ file }) => `the folder ${file} holds no .parquet files`,
  'hint-inside-data': () =>
    'copy the file into data/ and name it relative to that folder; links out of data/ are not followed',
  'hint-did-you-mean': ({ word }) => `did you mean \`${word}\`?`,
  'hint-allowed-keys': ({ keys }) => `allowed here: ${keys.join(', ')}`,
  'hint-yaml-syntax': () => 'check indentation and quoting around this line',
  'hint-yaml-aliases': () => 'write the values out instead of repeating them through aliases (*name)',
  'hint-binary': () => 'a project file must be YAML text; was another file saved under this name?',
  'hint-add-indicator': () => 'copy a template into indicators/ (istsoll init writes two), then run istsoll validate',
  'hint-init': () => 'run `istsoll init` to scaffold a project, or pass --project <dir>',
  'hint-rename-one': () => 'rename one of them',
  'hint-unique-id': () => 'give every indicator its own id',
  'hint-known-fields': ({ fields }) => `known fields: ${fields.join(', ')}`,
  'hint-known-tables': ({ tables }) => `tables in data/sources.yaml: ${tables.join(', ')}`,
  'hint-add-denominator': () => 'add a denominator, or use unit `count`',
  'hint-remove-from-by': () => 'remove it from `by`',
  'hint-add-to-by': ({ by }) => `add it: by: [${by.join(', ')}]`,
  'hint-target-after-baseline': () => 'a target lies in the future of its baseline',
  'hint-keep-one': () => 'keep one of them',
  'hint-map-file': () => 'map.file names a GeoJSON file in data/',
  'hint-map-geojson': () => 'export the district boundaries as GeoJSON (WGS 84)',
  'hint-map-property': () => 'map.property names the feature property that holds the district codes',
  'hint-source-path': () => 'check the path: it is relative to the data/ folder',
  'hint-data-rows': ({ source }) => `expected a header line and data rows for source \`${source}\``,
  'hint-put-files': () => 'put the files into data/, or correct `file:` in data/sources.yaml',
  'hint-db-path': () => 'check --db: it names the database file istsoll writes, e.g. .istsoll/istsoll.duckdb',
  'hint-wait-load': () => 'wait for that load to finish, then run again',
  'hint-remove-lock': () => 'remove the lock file if no load is running',
  'hint-run-load': () => 'run `istsoll load` first',
  'hint-utf8': ({ source }) =>
    `the file is probably UTF-8: set \`dialect: { encoding: utf-8 }\` for \`${source}\` in data/sources.yaml`,
  'hint-columns-found': ({ columns }) => `columns found: ${columns.join(', ')}`,
  'hint-weights': () => 'survey weights must be positive, finite numbers in every row',
  'hint-key-id': ({ column }) => `the id column \`${column}\` must be unique within each period`,
  'hint-key-declare': () =>
    'remove the repeated row, or list the columns that tell the rows apart under `key` in data/sources.yaml',
  'hint-year-column': () => 'name that column as the period column: year: year',
  'hint-year-values': () => 'expected a year such as 2024, or a date such as 31.12.2024, in every row',
  'hint-declare-codes': ({ column, codes }) =>
    `declared codes: ${codes.join(', ')}; add it under codes.${column} in data/sources.yaml`,
  'hint-genesis-format': () =>
    'expected rows that start with a label and end with numbers; set `format: csv` if this is a plain CSV file',
  'hint-genesis-header-rows': () => 'set `genesis.header_rows` in data/sources.yaml',
  'hint-genesis-dimensions': ({ names }) => `name one dimension per level, top down: [${names.join(', ')}]`,
  'hint-delimiter': () => 'check the delimiter in data/sources.yaml',
  'hint-cell-type': ({ column }) =>
    `correct the cell, or declare the column's type in data/sources.yaml (columns: { ${column}: VARCHAR })`,
  'hint-dialect': () =>
    'check the dialect (delimiter, decimal, skip, missing) in data/sources.yaml, or run `istsoll inspect` on the file',
  'hint-declare-sign': () => 'correct the cell, or declare the sign under `markers` in data/sources.yaml',
  'hint-skip': ({ skip }) => `check \`skip: ${skip}\` in data/sources.yaml`,
  'hint-first-line': () => 'the first line must name the columns',
  'hint-unique-columns': () => 'give every column its own name',
  'hint-declare-columns': () => 'add them under `columns` in data/sources.yaml, or remove them from the file',
  'hint-sql-example': () => 'for example: expr: sum(<column>), filter: "<column> = \'<value>\'"',
  'hint-aggregate': () => 'expected an aggregate such as sum(<column>) or count(*)',
  'hint-filter-types': () => 'check that filters compare columns with values of their type',
  'hint-weighted': () => 'the weight is applied by istsoll: write the aggregate as if unweighted',
  'hint-column-values': ({ values }) => `the column holds: ${values.join(', ')}`,
  'hint-same-codes': ({ table, column, values }) =>
    `\`${table}\`.${column} has values like ${list(values)}: both tables must use the same codes`,
  'hint-same-codes-by': () => 'both tables must use the same codes in every `by` column',
  'hint-new-folder': () => 'choose a new folder name; init never overwrites files',
  'hint-targets-list': () => 'run `istsoll targets list` to see the indicators',
  'hint-edit-target': () => 'edit that target in the YAML file, then run `istsoll validate`',
  'hint-install-chromium': () =>
    'install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome ' +
    'executable; the HTML report was written all the same',
  'hint-npm-install': () => 'run `npm install` in the istsoll folder',
  'hint-run-debug': () => 'run again with --debug to see the stack trace, and please report it',
  // Safe edits of YAML files by command (targets set, measures set)
  'file-busy': ({ host, pid }) =>
    `another istsoll command is changing this file${pid !== null ? ` (process ${pid} on ${host})` : ''}`,
  'file-changed-meanwhile': () =>
    'another program changed the file while istsoll was editing it; istsoll wrote nothing',
  'file-unwritable': ({ reason }) => `cannot write the file (${reason})`,
  'yaml-edit-failed': () =>
    'this change cannot be made without touching other parts of the file; the file stays as it was',
  'hint-file-busy': ({ lock }) =>
    `wait until the other command has finished; if none is running, delete the lock file ${lock}`,
  'hint-edit-again': () => 'is the file still open in an editor? Save or close it there, then run the command again',
  'hint-file-permissions': () =>
    'check that you may create and change files in this folder (istsoll briefly puts a lock file there)',
  'hint-edit-by-hand': () => 'change the value in the YAML file, then run `istsoll validate`',
  // Measures: their files, and the commands measures list and measures set
  'measure-duplicate-id': ({ id, other }) => `measure \`${id}\` is defined twice (also in ${other})`,
  'measure-date-invalid': ({ path, value }) => `${where(path)}: \`${value}\` is not a valid date`,
  'measure-due-before-start': ({ due, start }) => `the due date ${due} is before the start ${start}`,
  'measure-status-unknown': ({ status }) => `unknown status \`${status}\``,
  'measure-unknown': ({ id }) => `no measure \`${id}\``,
  'measure-set-nothing': () => 'nothing to change: give --status, --note, or --milestone with --done',
  'milestone-needs-done': () => '--milestone and --done go together: --milestone <number or date> --done',
  'milestone-unknown': ({ milestone, count }) =>
    `the measure has no milestone ${milestone} ` +
    `(${count === 0 ? 'it has none' : count === 1 ? 'it has only one' : `it has ${count}`})`,
  'milestone-ambiguous': ({ date, count }) => `${count} milestones of this measure have the date ${date}`,
  'hint-unique-measure-id': () => 'give every measure an id of its own, across all files',
  'hint-plan-date': () => 'write a year (2026), a month (2026-03) or a day (2026-03-14)',
  'hint-due-after-start': () => 'check `start` and `due`: a measure cannot end before it begins',
  'hint-measure-statuses': ({ statuses }) =>
    `known statuses: planned, running, done, delayed, suspended, dropped (or in German: ${statuses.join(', ')})`,
  'hint-measures-list': () => '`istsoll measures list` shows every measure',
  'hint-milestone': () => 'name the milestone by its number in the list (1 for the first) or by its date',
  'hint-add-key': ({ key }) => `add \`${key}:\` here`,
  // One verdict the council can follow (issue 14): what qualifies a status
  'rating-within-margin-progress': () => 'the progress is within the margin of error',
  'caveat-gap-reference-decline': ({ reference, year, status }) =>
    `only because the group "${reference}" has got worse since ${year}; had it kept its ${year} value, ` +
    `the rating would be "${statusWords[status]}"`,
  // Hardening (issue 11): where istsoll writes reports, and a place and a hint for every bad input
  'out-extension': () => 'istsoll writes reports only as .html or .pdf files',
  'out-project-folder': ({ folder }) =>
    `this lies in the project's ${folder}/ folder (after following links), which istsoll reads: ` +
    'it writes nothing there',
  'out-is-folder': () => 'this is a folder, not a file name for the report',
  'out-foreign': () => 'this file exists and was not written by istsoll: it is left as it is',
  'map-outside': ({ file, folder }) =>
    `the boundaries ${file} lie outside the project's ${folder}/ folder (a path with .., or a link)`,
  'csv-text-after-quote': () => 'a quoted cell goes on after its closing "',
  'csv-not-utf8': () => 'this line holds bytes that are not UTF-8, although the file is read as UTF-8',
  'sql-text-column': ({ table, column, cell }) =>
    `column \`${column}\` of table \`${table}\` holds text, not only numbers: \`${cell}\` is no number`,
  'field-duplicate-id': ({ id }) => `the field of action \`${id}\` is listed twice`,
  'yaml-unknown-tag': ({ tag }) => `the tag \`${tag}\` has no meaning in a project file`,
  'file-utf16': () => 'this file is UTF-16 text; project files are UTF-8',
  'init-not-folder': () => 'this is a file, not a folder for a new project',
  'hint-out-name': () => 'name a file ending in .html (or .pdf), e.g. --out reports/bericht.html',
  'hint-out-folder': () =>
    'write the report into reports/ or another folder outside data/, indicators/, measures/ and .istsoll/',
  'hint-out-foreign': () =>
    'choose another name, or move the file away if it may be replaced (istsoll replaces only reports it wrote itself)',
  'hint-text-after-quote': () => 'put the whole cell in quotes, and double a " inside it ("")',
  'hint-not-utf8': () =>
    'the file seems to be Windows-1252 / Latin-1: set `encoding: latin-1` under `dialect` in data/sources.yaml, ' +
    'or save it as UTF-8',
  'hint-text-column': ({ column, cell }) =>
    `if \`${cell}\` stands for a missing value, list it under \`dialect: { missing: [...] }\` in data/sources.yaml; ` +
    `declaring \`columns: { ${column}: DOUBLE }\` there makes the load name the line of every such cell`,
  'hint-unique-field': () => 'give every field of action its own id',
  'hint-yaml-schema': () =>
    'docs/analysts.md (measures: docs/staff.md) describes every key; ' +
    'an editor that reads the $schema line shows them as you type',
  'hint-yaml-tag': () => 'remove the tag (the word after !); project files hold plain text, numbers, lists and maps',
  'hint-save-utf8': () => 'save the file as UTF-8 (in most editors: "Save as", encoding UTF-8)',
  'hint-parquet-broken': () => 'the file is damaged or no Parquet file: export it again from its source',
  'hint-inspect-file': () => 'name a CSV or Parquet file, e.g. `istsoll inspect data/12411-0015.csv`',
  // Reference series of an indicator, and the report history (the council summary)
  'reference-year-range': ({ year }) => `the year ${year} is not between 1900 and 2100`,
  'reference-unit-mismatch': ({ unit, expected }) =>
    `the reference has the unit \`${unit}\` but the indicator \`${expected}\`; both share one axis`,
  'reference-percent-range': ({ year, value }) => `the share ${value} for ${year} is not between 0 and 100`,
  'reference-column-missing': ({ table, column, columns }) =>
    `the table \`${table}\` has no column \`${column}\` (it has ${list(columns)})`,
  'reference-not-numeric': ({ table, column, type }) =>
    `the column \`${column}\` of the table \`${table}\` holds no numbers (type ${type})`,
  'reference-year-twice': ({ table, year, rows }) =>
    `the table \`${table}\` has ${rows} rows for ${year}; a reference needs exactly one row per year`,
  'reference-no-rows': ({ table }) => `no row of the table \`${table}\` matches \`where\``,
  'history-unreadable': ({ file, reason }) =>
    `the earlier report ${file} cannot be read (${reason}) and is left out of the comparison`,
  'hint-reference-year': () => 'write the years as keys, e.g. `values: { 2023: 61.9, 2024: 62.2 }`',
  'hint-reference-unit': ({ unit }) => `convert the values into the unit \`${unit}\`, or leave \`unit\` out`,
  'hint-reference-where': () => 'choose exactly one row per year with `where`, e.g. `where: { area: Lower Saxony }`',
  'hint-reference-numeric': () =>
    'give the column a number type (DOUBLE) under `columns` in data/sources.yaml, or choose another column',
  'hint-history': () => 'delete the file from reports/history/ if it is damaged; the next report starts a new one',
  // istsoll serve (issue 17): the preview's forms for targets and measures
  'form-number': ({ field, value }) => `“${field}”: ${value ? `“${value}” is not a number` : 'a number is missing'}`,
  'form-missing': ({ field }) => `the form lacks the field “${field}”`,
  'form-nothing': () => 'nothing to change: status, note and milestones are as in the file',
  'hint-form-number': () => 'enter a number such as 65 or 12.5 (for the target year, 2030 say)',
};

const sqlPart = { expr: 'the expression (expr)', filter: 'the filter (filter)' };

const sqlConstructs = {
  subquery: 'a subquery (SELECT …)',
  window: 'a window function (OVER …)',
  lambda: 'a lambda (x -> …)',
  star: 'a star (*, COLUMNS(…))',
  parameter: 'a parameter ($1, ?)',
  positional: 'a column by its number (#1)',
  subscript: 'taking elements of a list or struct ([…])',
  collection: 'a list, struct or tuple ([…], {…}, (a, b))',
  nul: 'a NUL character (\\0)',
  try: 'TRY(…), which silently turns errors into empty values,',
  grouping: 'GROUPING(…)',
  alias: 'an alias (AS …, name := …)',
  'export-state': 'EXPORT_STATE',
  'order-by': 'ORDER BY inside a function',
  distinct: 'DISTINCT on a function that is not an aggregate',
  'filter-clause': 'FILTER (WHERE …) on a function that is not an aggregate',
  other: 'an expression of this kind',
};

const sqlRefusedWhy = {
  environment: ': it reads settings or the environment of the machine',
  changing: ': its result depends on the time or on chance, not on the data',
  order: ': its result depends on the order of the rows',
  tables: ': it reads tables or files, or runs SQL',
  unlisted: ' (it is not on the list of allowed functions)',
};

const schemaRules = {
  identifier: 'a name of letters, digits and _ (not starting with a digit)',
  'indicator-id': 'lower-case letters, digits and _',
  'column-name': 'a column name without double quotes or line breaks',
  'range-order': 'the range is [low, high]',
  'target-one-kind': 'a target has one of `value`, `range`, `gap` or `trend: true`',
  'gap-no-group': 'a gap target is between the groups; it takes no `group`',
  'by-once': 'every column once',
  // Reference series of an indicator
  'reference-year': 'a year of four digits, such as 2024',
  'reference-one-kind': 'a reference has either `values` (values by year) or `table` (a table)',
  'reference-table-column':
    '`column` and `where` belong to `table`: with `table`, `column` is needed; without it, neither',
};

const types = { integer: 'a whole number', number: 'a number', boolean: 'true or false', date: 'a date', text: 'text' };

/** The reasons and flags of the official-statistics signs; a project's own reason stays as it is written. */
const signs: Record<string, string> = {
  secret: 'secret or unknown',
  'not-applicable': 'not applicable',
  later: 'not yet available',
  unreliable: 'not reliable enough to publish',
  confidential: 'suppressed for confidentiality',
  'not-possible': 'not possible',
  'not-meaningful': 'not meaningful',
  rounded: 'rounded to zero',
  'limited-reliability': 'limited reliability',
  'flag-unreliable': 'unreliable',
  'flag-f': 'flagged f by the source',
  provisional: 'provisional',
  revised: 'revised',
  estimated: 'estimated',
};
const sign = (reason: string) => signs[reason] ?? reason;

const statusWords: Record<Status, string> = {
  achieved: 'achieved',
  achieved_uncertain: 'achieved, but not certain',
  on_track: 'on track',
  on_track_uncertain: 'on track, but not certain',
  moderate: 'moderate progress',
  limited: 'limited progress',
  deterioration_uncertain: 'deterioration, but not certain',
  deterioration: 'deterioration',
  not_assessable: 'not assessable',
};

export const en: Catalogue = {
  messages,
  status: statusWords,
  measureStatus: {
    geplant: 'planned',
    laufend: 'running',
    umgesetzt: 'done',
    verzögert: 'delayed',
    ausgesetzt: 'suspended',
    eingestellt: 'dropped',
  },
  signs,
  cli: cliEn,
  report: reportEn,
};
