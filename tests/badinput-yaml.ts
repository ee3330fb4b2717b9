// Bad-input cases, part 2: the YAML of a project (syntax, aliases, tags, encodings, types, keys, ids).
// `where` is what the first line of the error must say: the file and the place, line and column.
import { noise, utf16 } from './badinput-kit.js';
import type { BadCase } from './badinput-files.js';

const ind = 'indicators/employment.yaml';

/** Many aliases of aliases: a few hundred bytes that would expand to millions of nodes. */
function aliasBomb(): string {
  const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
  for (let i = 1; i < 9; i++) {
    const [p, q] = [String.fromCharCode(96 + i), String.fromCharCode(97 + i)];
    lines.push(`${q}: &${q} [*${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}, *${p}]`);
  }
  return `${lines.join('\n')}\n`;
}

export const yamlCases: BadCase[] = [
  {
    name: 'an alias bomb in sources.yaml',
    setup: (s) => s.write('data/sources.yaml', aliasBomb()),
    where: /sources\.yaml:\d+:\d+: /,
    json: true,
  },
  {
    name: 'an alias bomb in an indicator',
    setup: (s) => s.write(ind, `${aliasBomb()}id: employment\n`),
    where: /employment\.yaml:\d+:\d+: /,
  },
  {
    name: 'an unresolved alias',
    setup: (s) => s.edit('istsoll.yaml', 'notice: { de: Testdaten., en: Test data. }', 'notice: *hinweis'),
    where: /istsoll\.yaml:3:\d+: /,
    json: true,
  },
  {
    name: 'binary sources.yaml',
    setup: (s) => s.write('data/sources.yaml', noise(3000)),
    where: /sources\.yaml:1: .*binary/,
  },
  { name: 'binary indicator file', setup: (s) => s.write(ind, noise(2000, 3)), where: /employment\.yaml:1: .*binary/ },
  {
    name: 'a YAML file in UTF-16',
    setup: async (s) => s.write('istsoll.yaml', utf16(await s.read('istsoll.yaml'), 'le', true)),
    where: /istsoll\.yaml: .*UTF-16/,
  },
  {
    name: 'an unclosed flow map',
    setup: (s) => s.edit(ind, 'expr: sum(employed) }', 'expr: sum(employed)'),
    where: /employment\.yaml:[78]:\d+: /,
  },
  {
    name: 'a tab as indentation',
    setup: (s) => s.edit(ind, '  - { year: 2030, gap: 2 }', '\t- { year: 2030, gap: 2 }'),
    where: /employment\.yaml:14:\d+: /,
  },
  {
    name: 'an unknown unit',
    setup: (s) => s.edit(ind, 'unit: percent', 'unit: percentage'),
    where: /employment\.yaml:5:7: /,
    json: true,
  },
  {
    name: 'a baseline in words',
    setup: (s) => s.edit(ind, 'baseline: 2020', 'baseline: zweitausendzwanzig'),
    where: /employment\.yaml:11:11: /,
  },
  {
    name: 'targets as a text',
    setup: (s) => s.edit(ind, /targets:\n(.*\n){2}/, 'targets: keine\n'),
    where: /employment\.yaml:12:10: /,
  },
  {
    name: 'a target value that overflows',
    setup: (s) => s.edit(ind, 'value: 70', 'value: 1e999'),
    where: /employment\.yaml:13:\d+: /,
  },
  {
    name: 'a file name that is a number',
    setup: (s) => s.edit('data/sources.yaml', 'file: emp.csv', 'file: 5'),
    where: /sources\.yaml:7:11: /,
  },
  {
    name: 'a misspelt key in an indicator',
    setup: (s) => s.edit(ind, 'field: work', 'feld: work'),
    where: /employment\.yaml:4:1: /,
  },
  {
    name: 'a misspelt dialect key',
    setup: (s) => s.edit('data/sources.yaml', '{ delimiter: ";" }', '{ delimeter: ";" }'),
    where: /sources\.yaml:5:\d+: /,
  },
  {
    name: 'an unknown key in istsoll.yaml',
    setup: (s) => s.edit('istsoll.yaml', 'title:', 'titel: x\ntitle:'),
    where: /istsoll\.yaml:2:1: /,
  },
  {
    name: 'two indicators of one id',
    setup: async (s) => s.write('indicators/employment2.yaml', await s.read(ind)),
    where: /employment2\.yaml:2:5: /,
  },
  {
    name: 'a key twice in a map',
    setup: (s) => s.edit('data/sources.yaml', '  emp:\n', '  pop:\n    file: pop.csv\n    year: year\n  emp:\n'),
    where: /sources\.yaml:6:3: /,
  },
  {
    name: 'a field of action twice',
    setup: (s) => s.edit('indicators/fields.yaml', '  - id: voice', '  - id: work'),
    where: /fields\.yaml:4:\d+: /,
  },
  { name: 'an empty sources.yaml', setup: (s) => s.write('data/sources.yaml', ''), where: /sources\.yaml:1:1: / },
  {
    name: 'sources as a list',
    setup: (s) => s.write('data/sources.yaml', 'sources:\n  - pop.csv\n'),
    where: /sources\.yaml:2:\d+: /,
  },
  {
    name: 'two YAML documents in one file',
    setup: (s) => s.edit(ind, 'baseline: 2020', '---\nbaseline: 2020'),
    where: /employment\.yaml:11:\d+: /,
  },
  {
    name: 'a custom tag',
    setup: (s) => s.edit(ind, 'expr: sum(employed)', 'expr: !js/function "sum(employed)"'),
    where: /employment\.yaml:7:\d+: /,
  },
  {
    name: 'nesting ten thousand levels deep',
    setup: (s) => s.write(ind, `id: employment\nnote: ${'['.repeat(10000)}${']'.repeat(10000)}\n`),
    where: /employment\.yaml:2:\d+: /,
  },
  {
    name: 'an escape sequence in a group name',
    setup: (s) => s.edit(ind, 'compared: X', 'compared: "X\\e[31m"'),
    where: /employment\.yaml:10:\d+: .*X\\x1b\[31m/,
    json: true,
  },
  {
    name: 'two broken indicator files: the first by name is named, in every run',
    setup: async (s) => {
      await s.edit(ind, 'unit: percent', 'unit: prozent');
      await s.edit('indicators/agree.yaml', 'unit: percent', 'unit: anteil');
    },
    where: /agree\.yaml:4:7: /,
  },
  {
    name: 'an unknown field of action',
    setup: (s) => s.edit(ind, 'field: work', 'field: arbeit'),
    where: /employment\.yaml:4:8: /,
  },
  {
    name: 'an unknown table',
    setup: (s) => s.edit(ind, 'table: emp', 'table: empl'),
    where: /employment\.yaml:7:21: /,
  },
  {
    name: 'two source names that differ only in case',
    setup: (s) => s.edit('data/sources.yaml', '  emp:\n', '  Pop:\n    file: pop.csv\n    year: year\n  emp:\n'),
    where: /sources\.yaml:6:3: /,
  },
  {
    name: 'a measure with an unknown status',
    setup: (s) =>
      s.write(
        'measures/work.yaml',
        'field: work\nmeasures:\n  - id: kurs\n    title: { de: Kurs }\n    responsible: Amt\n    start: 2024\n' +
          '    status: fertig\n    indicators: [employment]\n' +
          '    updated: { date: 2024-11-20, by: Amt }\n',
      ),
    where: /work\.yaml:7:13: /,
  },
];
