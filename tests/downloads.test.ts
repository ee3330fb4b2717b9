// The CSV files a reader takes away: cells a spreadsheet would run as a formula are defused (OWASP), in
// every CSV istsoll writes; a project's own texts in a download are no exception.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../src/core/csv.js';
import { makeModel, makeProject, section } from './report-fixture.js';

describe('CSV cells', () => {
  it('that start like a formula get an apostrophe and quotes; numbers stay numbers', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['=1+1', '+49 511'],
        ['-x', '@SUM(A1)'],
        ['\tlead', 'plain'],
        [-3.5, 'a-b'],
      ],
    );
    expect(csv.split('\r\n')).toEqual([
      'a,b',
      `"'=1+1","'+49 511"`,
      `"'-x","'@SUM(A1)"`,
      `"'\tlead",plain`,
      '-3.5,a-b',
      '',
    ]);
    // A spreadsheet reads the defused cells as text, with the apostrophe that says so.
    expect(parse(csv, { columns: true })[0]).toEqual({ a: "'=1+1", b: "'+49 511" });
  });

  it('keep German spreadsheet style on request: semicolons, decimal comma, quotes around a semicolon', () => {
    expect(
      toCsv(
        ['x', 'y'],
        [
          [1.25, 'a;b'],
          [-0.5, '=A1'],
        ],
        { decimalComma: true },
      ),
    ).toBe(`x;y\r\n1,25;"a;b"\r\n-0,5;"'=A1"\r\n`);
  });

  it('are defused in a report download too, where a group label came from the project', () => {
    const hostile = '=HYPERLINK("http://example.org","klick")';
    const model = makeModel(makeProject(hostile));
    const rows = parse(section(model, 'employment').download!.csv.slice(1), { delimiter: ';' }) as string[][];
    expect(rows.filter((r) => r.includes(`'${hostile}`)).length).toBeGreaterThan(0);
    expect(rows.flat().filter((cell) => cell.startsWith('='))).toEqual([]);
  });
});
