// Bad-input cases, part 1: the bytes of CSV files. Each case breaks one thing in a copy of the mini
// project; `where` is what the first line of the error must say: the file and a place.
// A problem of a whole file that has no lines to point at (a damaged Parquet file, a CSV file with a
// header and no rows) names the file alone; everything else names a line, or a table and its column.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { empHeader, empRows, empWith, noise, utf16, type Sandbox } from './badinput-kit.js';

export interface BadCase {
  name: string;
  setup?: (s: Sandbox) => Promise<void>;
  /** The command and its options (default: validate); --project is added. */
  args?: (s: Sandbox) => string[];
  /** 1 for bad input (the default), 2 for wrong usage. */
  code?: 1 | 2;
  /** The start of the error: the file and the place (file:line:column, or the table and column). */
  where: RegExp;
  /** Also run with --json: one JSON object with the error's fields. */
  json?: boolean;
}

const emp = 'data/emp.csv';
const inspectEmp = (s: Sandbox) => ['inspect', join(s.dir, emp)];
/** Where the sources.yaml entry of emp names its file. */
const empEntry = /data\/sources\.yaml:7:11: /;

/** 50 MB on one line, at line 24 of emp.csv. */
async function longLine(s: Sandbox): Promise<void> {
  await s.write(emp, Buffer.concat([Buffer.from(empHeader + empRows(22)), Buffer.alloc(50 << 20, 0x37)]));
}

export const csvCases: BadCase[] = [
  {
    name: 'a row with a field too many',
    setup: (s) => s.write(emp, empWith(5, '2020,B,X,5,99')),
    where: /emp\.csv:5: /,
  },
  { name: 'a row with a field too few', setup: (s) => s.write(emp, empWith(4, '2020,B,D')), where: /emp\.csv:4: / },
  {
    name: 'inspect on a ragged row',
    setup: (s) => s.write(emp, empWith(6, '2021,A,D,62,1,2')),
    args: inspectEmp,
    where: /emp\.csv:6: /,
    json: true,
  },
  {
    name: 'an unterminated quote',
    setup: (s) => s.write(emp, empWith(3, '2020,"A,X,10')),
    where: /emp\.csv:3:2: /,
    json: true,
  },
  {
    name: 'inspect on an unterminated quote',
    setup: (s) => s.write(emp, empWith(3, '2020,"A,X,10')),
    args: inspectEmp,
    where: /emp\.csv:3:2: /,
  },
  {
    name: 'text after a closing quote',
    setup: (s) => s.write(emp, empWith(4, '2020,"B"x,D,30')),
    where: /emp\.csv:4:2: /,
  },
  { name: 'a 50 MB line at line 24', setup: longLine, where: /emp\.csv:24: /, json: true },
  { name: 'inspect on a 50 MB line at line 24', setup: longLine, args: inspectEmp, where: /emp\.csv:24: / },
  {
    name: 'an escape character in the header',
    setup: (s) => s.write(emp, empWith(1, 'year,ar\x1b[31mea,nat,employed')),
    where: /emp\.csv:1:\d+: /,
    json: true,
  },
  {
    name: 'inspect on an escape character in the header',
    setup: (s) => s.write(emp, empWith(1, 'year,area,n\x1bat,employed')),
    args: inspectEmp,
    where: /emp\.csv:1:3: /,
  },
  {
    name: 'a NUL in the header',
    setup: (s) => s.write(emp, empWith(1, 'year,area\0,nat,employed')),
    where: /emp\.csv:1: /,
  },
  {
    name: 'UTF-16 LE with a byte-order mark and a ragged row at line 3',
    setup: (s) => s.write(emp, utf16(empWith(3, '2020,A,X'), 'le', true)),
    where: /emp\.csv:3: /,
  },
  {
    name: 'UTF-16 BE with a byte-order mark and a text in a number column at line 4',
    setup: (s) => s.write(emp, utf16(empWith(4, '2020,B,D,dreißig'), 'be', true)),
    where: /employment\.yaml:7:\d+: .*`dreißig`/,
  },
  {
    name: 'UTF-16 LE without a byte-order mark',
    setup: (s) => s.write(emp, utf16(empHeader + empRows(8), 'le', false)),
    where: /emp\.csv:1: .*UTF-16/,
    json: true,
  },
  {
    name: 'UTF-16 BE without a byte-order mark',
    setup: (s) => s.write(emp, utf16(empHeader + empRows(8), 'be', false)),
    where: /emp\.csv:1: .*UTF-16/,
  },
  {
    name: 'inspect on UTF-16 without a byte-order mark',
    setup: (s) => s.write(emp, utf16(empHeader + empRows(8), 'le', false)),
    args: inspectEmp,
    where: /emp\.csv:1: .*UTF-16/,
  },
  { name: 'random bytes', setup: (s) => s.write(emp, noise(4000)), where: /emp\.csv:1: .*binary/, json: true },
  {
    name: 'an Excel workbook (xlsx) saved as .csv',
    setup: (s) => s.write(emp, Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00', 'latin1'), noise(500)])),
    where: /emp\.csv:1:1: .*(Excel|zip)/i,
  },
  {
    name: 'an old Excel file (xls) saved as .csv',
    setup: (s) => s.write(emp, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), noise(500)])),
    where: /emp\.csv:1:1: .*(Excel|xls)/i,
  },
  {
    name: 'a PDF saved as .csv',
    setup: (s) => s.write(emp, '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
    where: /emp\.csv:1:1: .*PDF/,
  },
  {
    name: 'inspect on a PDF',
    setup: (s) => s.write(emp, '%PDF-1.4\n1 0 obj\n<<>>\nendobj\n'),
    args: inspectEmp,
    where: /emp\.csv:1:1: .*PDF/,
  },
  {
    name: 'a gzip file saved as .csv',
    setup: (s) => s.write(emp, Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), noise(200)])),
    where: /emp\.csv:1:1: .*gzip/,
  },
  {
    name: 'a Parquet file saved as .csv',
    setup: (s) => s.write(emp, Buffer.concat([Buffer.from('PAR1'), noise(200), Buffer.from('PAR1')])),
    where: /emp\.csv: .*Parquet/,
  },
  { name: 'an empty file', setup: (s) => s.write(emp, ''), where: /emp\.csv:1: /, json: true },
  { name: 'only a header', setup: (s) => s.write(emp, empHeader), where: /emp\.csv: .*no data rows/ },
  { name: 'only empty lines', setup: (s) => s.write(emp, '\n\n\n'), where: /emp\.csv:1: / },
  {
    name: 'UTF-8 encoded twice (mojibake) in a cell',
    setup: (s) => s.write(emp, empWith(3, '2020,MÃ¼nchen,X,10')),
    where: /emp\.csv:3:2: /,
  },
  {
    name: 'a Latin-1 file declared as UTF-8',
    setup: async (s) => {
      await s.write(emp, Buffer.from(empWith(5, '2020,Mühlheim,X,5'), 'latin1'));
      await s.edit('data/sources.yaml', 'file: emp.csv', 'file: emp.csv\n    dialect: { encoding: utf-8 }');
    },
    where: /emp\.csv:5:2: /,
  },
  {
    name: 'a GENESIS footer below a plain CSV',
    setup: (s) =>
      s.write(emp, `${empHeader}${empRows(8)}__________\nQuelle: Statistisches Bundesamt\n© Destatis, 2024\n`),
    where: /emp\.csv:10: /,
  },
  {
    name: 'a GENESIS footer with a stand line',
    setup: (s) => s.write(emp, `${empHeader}${empRows(8)}\nStand: 01.03.2024\n`),
    where: /emp\.csv:11: /,
  },
  {
    name: 'thousand separators declared, but a space in a number',
    setup: async (s) => {
      await s.write('data/pop.csv', 'year;area;nat;persons\n2020;A;D;1.100\n2020;A;X;1 234\n');
      await s.edit('data/sources.yaml', '{ delimiter: ";" }', '{ delimiter: ";", thousands: "." }');
    },
    where: /employment\.yaml:8:\d+: .*`persons`.*`pop`.*`1 234`/,
  },
  {
    name: 'a thousand separator that is a space, undeclared',
    setup: (s) => s.write(emp, empWith(3, '2020,A,X,1 234')),
    where: /employment\.yaml:7:\d+: .*`employed`.*`emp`.*`1 234`/,
  },
  {
    name: 'a word in a number column',
    setup: (s) => s.write(emp, empWith(7, '2021,A,X,k.A.')),
    where: /employment\.yaml:7:\d+: .*`employed`.*`emp`.*`k\.A\.`/,
    json: true,
  },
  {
    name: 'two columns of one name',
    setup: (s) => s.write(emp, empWith(1, 'year,area,area,employed')),
    where: /emp\.csv:1:3: /,
  },
  {
    name: 'a column without a name',
    setup: (s) => s.write(emp, empWith(1, 'year,,nat,employed')),
    where: /employment\.yaml:9:6: .*`area`/,
  },
  {
    name: 'no period column',
    setup: (s) => s.write(emp, empWith(1, 'jahr,area,nat,employed')),
    where: /(emp\.csv:1|sources\.yaml:8:\d+): /,
  },
  { name: 'a period that is no year', setup: (s) => s.write(emp, empWith(4, '20x0,B,D,30')), where: /emp\.csv:4:1: / },
  {
    name: 'the declared delimiter is not the one in the file',
    setup: (s) => s.write('data/pop.csv', 'year,area,nat,persons\n2020,A,D,100\n2020,A,X,20\n'),
    where: /sources\.yaml:4:11: .*`year`.*pop\.csv/,
  },
  {
    name: 'a header of delimiters only',
    setup: (s) => s.write(emp, `,,,\n${empRows(4)}`),
    where: /sources\.yaml:8:11: .*`year`.*emp\.csv/,
  },
  {
    name: 'old Mac line ends (CR only)',
    setup: (s) => s.write(emp, `${empHeader}${empRows(4)}2021,A,D,6x\n`.replaceAll('\n', '\r')),
    where: /employment\.yaml:7:\d+: .*`6x`/,
  },
  {
    name: 'a fraction in a column declared whole-numbered',
    setup: async (s) => {
      await s.write(emp, empWith(8, '2021,B,D,31.5'));
      await s.edit(
        'data/sources.yaml',
        'file: emp.csv',
        'file: emp.csv\n    columns: { year: INTEGER, area: VARCHAR, nat: VARCHAR, employed: INTEGER }',
      );
    },
    where: /emp\.csv:8:4: /,
  },
  {
    name: 'a survey weight that is a word',
    setup: (s) => s.write('data/poll.csv', 'wave;id;nat;w;q\n2022;1;D;1;1\n2022;2;D;zwei;0\n'),
    where: /poll\.csv:3:4: /,
  },
  {
    name: 'a survey id twice',
    setup: (s) => s.write('data/poll.csv', 'wave;id;nat;w;q\n2022;1;D;1;1\n2022;1;X;2;0\n'),
    where: /poll\.csv:3: /,
  },
  {
    name: 'a folder without Parquet files',
    setup: async (s) => {
      await mkdir(join(s.dir, 'data', 'register'));
      await s.write('data/register/readme.txt', 'Parquet-Dateien folgen.\n');
      await s.edit('data/sources.yaml', 'file: emp.csv', 'file: register');
    },
    where: empEntry,
    json: true,
  },
  {
    name: 'a broken Parquet file',
    setup: async (s) => {
      await s.write('data/emp.parquet', Buffer.concat([Buffer.from('PAR1'), noise(300), Buffer.from('PAR1')]));
      await s.edit('data/sources.yaml', 'file: emp.csv', 'file: emp.parquet');
    },
    where: /emp\.parquet: .*Parquet/,
  },
];
