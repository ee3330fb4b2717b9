// Bad-input cases, part 3: indicator SQL that tries to walk around the allow list, paths that lead out of
// the project, and options of the command line. `where` is what the first line of the error must say.
import { mkdir, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { BadCase } from './badinput-files.js';
import type { Sandbox } from './badinput-kit.js';

const ind = 'indicators/employment.yaml';
const numerator = 'numerator: { table: emp, expr: sum(employed) }';
const quote = (sql: string) => (/["\\]/.test(sql) ? `'${sql.replaceAll("'", "''")}'` : `"${sql}"`);

/** The numerator (line 7 of employment.yaml) with another expr and filter; the place is line 7. */
function sql(name: string, expr: string, filter?: string, json = false): BadCase {
  const rest = filter === undefined ? '' : `, filter: ${quote(filter)}`;
  const line = `numerator: { table: emp, expr: ${quote(expr)}${rest} }`;
  return { name, setup: (s) => s.edit(ind, numerator, line), where: /employment\.yaml:7:\d+: /, json };
}

export const sqlCases: BadCase[] = [
  sql(
    'UNION ALL BY NAME with another table',
    'sum(employed)',
    'false) GROUP BY ALL UNION ALL BY NAME SELECT * FROM pop --',
    true,
  ),
  sql('a -- comment that ends expr', 'sum(employed) -- Summe der Beschäftigten'),
  sql('a -- comment that ends the query early', 'sum(employed)) FROM pop --'),
  sql('a /* */ comment across expr and filter', "sum(employed)) FROM emp WHERE (area = 'A' /*", '*/ OR true'),
  sql('a subquery in FILTER (WHERE …)', 'sum(employed) FILTER (WHERE area IN (SELECT area FROM pop))'),
  sql('current_setting reveals local paths', 'sum(employed)', "current_setting('temp_directory') <> ''", true),
  sql('getenv', 'sum(employed)', "area = getenv('HOME')"),
  sql('read_csv as a function', "sum(employed) + count(read_csv('/etc/passwd'))"),
  sql('read_csv in a subquery', "(SELECT count(*) FROM read_csv('/etc/passwd'))"),
  sql(
    'read_text in a subquery of the filter',
    'sum(employed)',
    "area IN (SELECT content FROM read_text('/etc/hostname'))",
  ),
  sql('a subquery on another table', 'sum(employed) + (SELECT sum(persons) FROM pop)'),
  sql('EXISTS with a subquery', 'sum(employed)', 'EXISTS (SELECT 1 FROM pop)'),
  sql('UNION in the filter', 'sum(employed)', 'true) UNION (SELECT 1'),
  sql('EXCEPT in the filter', 'sum(employed)', 'true) EXCEPT (SELECT 1'),
  sql('INTERSECT in the filter', 'sum(employed)', 'true) INTERSECT (SELECT 1'),
  sql('a second statement', "sum(employed)); COPY emp TO '/tmp/leak.csv'; SELECT (1"),
  sql('query_table', 'sum(employed)', "query_table('pop') IS NULL"),
  sql('glob', "sum(employed) + count(glob('/etc/*'))"),
  sql('pragma_version', 'sum(employed) + length(pragma_version())'),
  sql('a column of another table', 'sum(pop.persons)'),
  sql('a window function', 'sum(employed) OVER ()'),
  sql('a lambda', 'sum(employed)', "area -> 'A'"),
  {
    name: 'a filter comparing a column of words with a number',
    setup: async (s) => {
      await s.write('data/emp.csv', (await s.read('data/emp.csv')).replace('2021,A,X,14', '2021,A,X,k.A.'));
      await s.edit(ind, numerator, 'numerator: { table: emp, expr: count(*), filter: employed > 5 }');
    },
    where: /employment\.yaml:7:\d+: .*`employed`.*`k\.A\.`/,
  },
];

/** The path from data/ to a file in the folder outside the project. */
const fromData = (s: Sandbox, file: string) => relative(join(s.dir, 'data'), join(s.outside, file));
const setFile = (s: Sandbox, file: string) =>
  s.edit('data/sources.yaml', 'file: emp.csv', `file: ${JSON.stringify(file)}`);
const setMap = (s: Sandbox, file: string) =>
  s.edit('istsoll.yaml', /^title:/m, `map: { file: ${JSON.stringify(file)}, column: area, property: code }\ntitle:`);
const empEntry = /data\/sources\.yaml:7:11: /;
const mapEntry = /istsoll\.yaml:2:\d+: /;

export const pathCases: BadCase[] = [
  {
    name: 'file: ../ out of the project',
    setup: (s) => setFile(s, fromData(s, 'secret.csv')),
    where: empEntry,
    json: true,
  },
  {
    name: 'file: ../../../ far out',
    setup: (s) => setFile(s, `../../../../../..${join(s.outside, 'secret.csv')}`),
    where: empEntry,
  },
  { name: 'file: an absolute path', setup: (s) => setFile(s, join(s.outside, 'secret.csv')), where: empEntry },
  { name: 'file: /etc/passwd', setup: (s) => setFile(s, '/etc/passwd'), where: empEntry },
  {
    name: 'a symlink in data/ to a file outside',
    setup: async (s) => {
      await rm(join(s.dir, 'data', 'emp.csv'));
      await s.link(join(s.outside, 'secret.csv'), 'data/emp.csv');
    },
    where: empEntry,
  },
  {
    name: 'a symlinked folder in data/ leading outside',
    setup: async (s) => {
      await s.link(s.outside, 'data/extern');
      await setFile(s, 'extern/secret.csv');
    },
    where: empEntry,
  },
  {
    name: 'a symlink chain out of data/',
    setup: async (s) => {
      await s.link(join(s.outside, 'secret.csv'), 'indicators/link.csv');
      await s.link('../indicators/link.csv', 'data/chain.csv');
      await setFile(s, 'chain.csv');
    },
    where: empEntry,
  },
  { name: 'a NUL in a file name', setup: (s) => setFile(s, 'emp\0.csv'), where: empEntry },
  { name: 'an empty file name', setup: (s) => setFile(s, ''), where: empEntry },
  { name: 'data/ itself as a file', setup: (s) => setFile(s, '.'), where: empEntry },
  {
    name: 'the map file outside the project',
    setup: (s) => setMap(s, fromData(s, 'secret.geojson')),
    where: mapEntry,
    json: true,
  },
  {
    name: 'the map file by an absolute path',
    setup: (s) => setMap(s, join(s.outside, 'secret.geojson')),
    where: mapEntry,
  },
  {
    name: 'the map file a symlink out of data/',
    setup: async (s) => {
      await s.link(join(s.outside, 'secret.geojson'), 'data/bezirke.geojson');
      await setMap(s, 'bezirke.geojson');
    },
    where: mapEntry,
  },
  { name: 'a missing map file', setup: (s) => setMap(s, 'bezirke.geojson'), where: mapEntry },
  {
    name: 'a map file that is no GeoJSON',
    setup: async (s) => {
      await s.write('data/bezirke.geojson', '{"type": "Topology"}');
      await setMap(s, 'bezirke.geojson');
    },
    where: mapEntry,
  },
  {
    name: 'a map file of random bytes',
    setup: async (s) => {
      await s.write('data/bezirke.geojson', Buffer.from([0xff, 0x00, 0x13, 0x37]));
      await setMap(s, 'bezirke.geojson');
    },
    where: mapEntry,
  },
  {
    name: 'a map file that is JSON null',
    setup: async (s) => {
      await s.write('data/bezirke.geojson', 'null');
      await setMap(s, 'bezirke.geojson');
    },
    where: mapEntry,
  },
  {
    name: 'a map whose features are null',
    setup: async (s) => {
      await s.write('data/bezirke.geojson', '{"type": "FeatureCollection", "features": [null, 5]}');
      await setMap(s, 'bezirke.geojson');
    },
    where: mapEntry,
  },
  {
    name: 'inspect on a missing file',
    args: (s) => ['inspect', join(s.dir, 'data', 'fehlt.csv')],
    where: /fehlt\.csv: /,
  },
  { name: 'inspect on a folder', args: (s) => ['inspect', join(s.dir, 'data')], where: /data: / },
];

const out = (s: Sandbox, rel: string) => ['report', '--out', join(s.dir, rel)];
/** A report the user wrote by hand, or any other HTML that istsoll must not replace. */
const foreign = '<!doctype html><html><head><title>Unser Bericht</title></head><body>Handarbeit</body></html>\n';

export const cliCases: BadCase[] = [
  { name: "--db ''", args: () => ['validate', '--db', ''], code: 1, where: /^error: .*--db/, json: true },
  { name: '--db naming a folder', args: (s) => ['validate', '--db', join(s.dir, 'data')], where: /data: /, json: true },
  {
    name: '--db naming a file that is no database',
    args: (s) => ['load', '--db', join(s.dir, 'data', 'emp.csv')],
    where: /emp\.csv: /,
  },
  { name: "--out ''", args: () => ['report', '--out', ''], code: 1, where: /^error: .*--out/ },
  { name: '--out with a .txt name', args: (s) => out(s, 'reports/bericht.txt'), where: /bericht\.txt: / },
  { name: '--out istsoll.yaml', args: (s) => out(s, 'istsoll.yaml'), where: /istsoll\.yaml: / },
  { name: '--out data/x.csv', args: (s) => out(s, 'data/x.csv'), where: /x\.csv: / },
  { name: '--out .istsoll/istsoll.duckdb', args: (s) => out(s, '.istsoll/istsoll.duckdb'), where: /istsoll\.duckdb: / },
  { name: '--out into data/', args: (s) => out(s, 'data/bericht.html'), where: /data\/bericht\.html: / },
  {
    name: '--out into indicators/',
    args: (s) => out(s, 'indicators/bericht.html'),
    where: /indicators\/bericht\.html: /,
  },
  { name: '--out into measures/', args: (s) => out(s, 'measures/bericht.html'), where: /measures\/bericht\.html: / },
  { name: '--out into .istsoll/', args: (s) => out(s, '.istsoll/bericht.html'), where: /\.istsoll\/bericht\.html: / },
  {
    name: '--out through a symlinked folder into data/',
    setup: (s) => s.link(join(s.dir, 'data'), 'reports/daten'),
    args: (s) => out(s, 'reports/daten/bericht.html'),
    where: /bericht\.html: /,
  },
  {
    name: '--out a symlink to a file in data/',
    setup: async (s) => {
      await s.write('data/alt.html', foreign);
      await s.link(join(s.dir, 'data', 'alt.html'), 'reports/alt.html');
    },
    args: (s) => out(s, 'reports/alt.html'),
    where: /alt\.html: /,
  },
  {
    name: '--out over an HTML file istsoll did not write',
    setup: (s) => s.write('reports/eigener.html', foreign),
    args: (s) => out(s, 'reports/eigener.html'),
    where: /eigener\.html: /,
  },
  {
    name: '--out over a PDF file istsoll did not write',
    setup: (s) => s.write('reports/bericht.pdf', '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
    args: (s) => [...out(s, 'reports/bericht.html'), '--pdf'],
    where: /bericht\.pdf: /,
  },
  {
    name: '--out over the default report written by hand',
    setup: (s) => s.write('reports/index.html', foreign),
    args: () => ['report'],
    where: /index\.html: /,
  },
  {
    name: '--per-field over a file istsoll did not write',
    setup: (s) => s.write('reports/bericht-work.html', foreign),
    args: (s) => [...out(s, 'reports/bericht.html'), '--per-field'],
    where: /bericht-work\.html: /,
  },
  {
    name: '--out bericht.pdf beside an HTML file istsoll did not write',
    setup: (s) => s.write('reports/bericht.html', foreign),
    args: (s) => out(s, 'reports/bericht.pdf'),
    where: /bericht\.html: /,
  },
  { name: "--project ''", args: () => ['validate', '--project', ''], code: 1, where: /^error: .*--project/ },
  {
    name: '--out naming a folder',
    setup: async (s) => void (await mkdir(join(s.dir, 'reports', 'bericht.html'), { recursive: true })),
    args: (s) => out(s, 'reports/bericht.html'),
    where: /bericht\.html: /,
  },
  {
    name: 'run --out into data/',
    args: (s) => ['run', '--out', join(s.dir, 'data', 'bericht.html')],
    where: /bericht\.html: /,
  },
  { name: 'an unknown option', args: () => ['validate', '--bogus'], code: 2, where: /^error: .*--bogus/, json: true },
  { name: 'an unknown command', args: () => ['valdiate'], code: 2, where: /^error: .*valdiate/ },
  {
    name: 'a language that is not offered',
    args: () => ['--lang', 'fr', 'validate'],
    code: 2,
    where: /^error: .*fr.*--lang/,
  },
  { name: 'an unknown format', args: () => ['compute', '--format', 'xml'], code: 2, where: /^error: .*xml.*--format/ },
  {
    name: 'targets set with a value that is no number',
    args: () => ['targets', 'set', 'employment', '--value', 'viel', '--year', '2030'],
    code: 2,
    where: /^error: .*--value/,
  },
  {
    name: 'a project folder that does not exist',
    args: (s) => ['validate', '--project', join(s.outside, 'nirgends')],
    where: /nirgends\/istsoll\.yaml: /,
  },
  {
    name: 'init onto a file',
    setup: (s) => s.write('reports/notiz.txt', 'nicht überschreiben\n'),
    args: (s) => ['init', join(s.dir, 'reports', 'notiz.txt')],
    where: /notiz\.txt: /,
  },
];
