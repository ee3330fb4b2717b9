// The same files give the same bytes: compute, compare and their CSV twice over the bundled example
// (survey sums included), and the report apart from its creation time. And empty cells never pass
// silently: in random tables, every value is the sum over complete data or says that cells were empty.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeProject } from '../src/compute/compute.js';
import { readProject } from '../src/core/project.js';
import { loadProject } from '../src/load/load.js';
import { fixture, root, runCli, tempDb } from './helpers.js';

describe('the same input, the same output', () => {
  it('compute --json, compare --json and the CSV of the example are byte-identical in two runs', async () => {
    const outputs: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const db = await tempDb();
      const results = [
        await runCli('compute', '--json', '--project', root, '--db', db),
        await runCli('compare', '--json', '--project', root, '--db', db),
        await runCli('compute', '--format', 'csv', '--project', root, '--db', db),
        await runCli('compare', '--csv', '--project', root, '--db', db),
      ];
      for (const r of results) expect(r.code).toBe(0);
      outputs.push(results.map((r) => r.stdout));
    }
    expect(outputs[1]).toEqual(outputs[0]);
  });

  it('the report is byte-identical in two runs but for its creation time', async () => {
    const reports: string[] = [];
    for (let run = 0; run < 2; run++) {
      const out = join(await mkdtemp(join(tmpdir(), 'istsoll-det-')), 'r.html');
      const r = await runCli('report', '--project', fixture('othertown'), '--db', await tempDb(), '--out', out);
      expect(r.code).toBe(0);
      // The creation time is the one thing a report may change: it says when it was made.
      reports.push((await readFile(out, 'utf8')).replace(/(Erstellt am|Generated on) [^<]*</g, '$1 …<'));
    }
    expect(reports[1]).toBe(reports[0]);
  });
});

describe('empty cells are never silent', () => {
  const years = [2020, 2021];
  const areas = ['A', 'B', 'C'];
  type Table = { year: number; area: string; x: number | null }[];
  /** One row per year and area, some cells empty. */
  const table = fc
    .array(fc.option(fc.integer({ min: 0, max: 500 }), { nil: null, freq: 4 }), {
      minLength: years.length * areas.length,
      maxLength: years.length * areas.length,
    })
    .map((xs): Table =>
      xs.map((x, i) => ({ year: years[Math.floor(i / areas.length)]!, area: areas[i % areas.length]!, x })),
    );

  it('every value equals the sum over complete data, or carries the empty-cell flag', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'istsoll-prop-'));
    await mkdir(join(dir, 'data'));
    await mkdir(join(dir, 'indicators'));
    await writeFile(join(dir, 'istsoll.yaml'), 'title: { de: Test }\nsuppression: { min_count: 0 }\n');
    await writeFile(join(dir, 'indicators', 'fields.yaml'), 'fields: [{ id: f, title: { de: F } }]\n');
    await writeFile(
      join(dir, 'data', 'sources.yaml'),
      'sources:\n  t:\n    file: t.csv\n    year: year\n    columns: { year: INTEGER, area: VARCHAR, x: INTEGER }\n',
    );
    await writeFile(
      join(dir, 'indicators', 'n.yaml'),
      'id: n\ntitle: { de: N }\nfield: f\nunit: count\ndirection: higher\nnumerator: { table: t, expr: sum(x) }\n' +
        'by: [area]\nbaseline: 2019\ntargets: [{ year: 2030, value: 1 }]\ndepartment: T\nsource: T\n',
    );
    await fc.assert(
      fc.asyncProperty(table, async (rows) => {
        const csv = `year,area,x\n${rows.map((r) => `${r.year},${r.area},${r.x ?? ''}`).join('\n')}\n`;
        await writeFile(join(dir, 'data', 't.csv'), csv);
        const db = await tempDb();
        const project = await readProject(dir);
        await loadProject(project, db);
        const values = await computeProject(project, db);
        for (const v of values) {
          const mine = rows.filter((r) => r.year === v.year && (v.cell.area === undefined || r.area === v.cell.area));
          const empty = mine.filter((r) => r.x === null).length;
          const sum = mine.reduce((s, r) => s + (r.x ?? 0), 0);
          expect(v.empty).toBe(empty);
          if (empty === 0) expect(v.value).toBe(sum);
          else if (empty === mine.length) expect(v.notes.map((n) => n.code)).toEqual(['value-all-cells-missing']);
          else {
            expect(v.value).toBe(sum);
            expect(v.notes).toContainEqual({ code: 'value-cells-missing', missing: empty, cells: mine.length });
          }
        }
      }),
      { numRuns: 20 },
    );
  });
});
