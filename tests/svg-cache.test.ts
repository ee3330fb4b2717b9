// Charts drawn once are read back from the project's private folder: the same bytes as drawn, only after
// passing the check a drawn SVG passes, and the folder stays within its bound.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { renderSvg } from '../src/report/svg.js';
import { openSvgCache } from '../src/report/svg-cache.js';
import { root, runCli, tempDb } from './helpers.js';

const spec = (title: string): TopLevelSpec => ({
  title,
  data: { values: [2019, 2020, 2021].map((year, i) => ({ year, value: 10 + i * 2.5 })) },
  mark: 'line',
  encoding: {
    x: { field: 'year', type: 'ordinal' },
    y: { field: 'value', type: 'quantitative' },
  },
});

describe('the SVG cache', () => {
  it('draws a chart once and gives the same bytes from the cache after that', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'istsoll-svg-'));
    const first = openSvgCache(dir);
    const drawn = await first.render(spec('Quote'), 'de');
    expect(drawn).toBe(await renderSvg(spec('Quote'), 'de'));
    const second = openSvgCache(dir);
    expect(await second.render(spec('Quote'), 'de')).toBe(drawn);
    expect(second.counts).toEqual({ rendered: 0, cached: 1 });
    // Another language or another spec is another chart.
    await second.render(spec('Quote'), 'en');
    await second.render(spec('Anteil'), 'de');
    expect(second.counts).toEqual({ rendered: 2, cached: 1 });
  });

  it('draws again rather than pass on a file that fails the check', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'istsoll-svg-'));
    const drawn = await openSvgCache(dir).render(spec('Quote'), 'de');
    const [file] = await readdir(dir);
    await writeFile(join(dir, file!), drawn.replace('</svg>', '<script>alert(1)</script></svg>'));
    const again = openSvgCache(dir);
    expect(await again.render(spec('Quote'), 'de')).toBe(drawn);
    expect(again.counts).toEqual({ rendered: 1, cached: 0 });
    expect(await readFile(join(dir, file!), 'utf8')).toBe(drawn);
  });

  it('removes files the latest run did not use once the folder is over its bound, keeping used ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'istsoll-svg-'));
    const old = openSvgCache(dir);
    for (const title of ['A', 'B', 'C']) await old.render(spec(title), 'de');
    const latest = openSvgCache(dir, { maxBytes: 0 });
    const used = await latest.render(spec('B'), 'de');
    await latest.prune();
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect(await readFile(join(dir, files[0]!), 'utf8')).toBe(used);
    // Within the bound, nothing goes.
    await old.render(spec('A'), 'de');
    await openSvgCache(dir).prune();
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('makes `istsoll report` write the same report from cached charts as from drawn ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'istsoll-svg-report-'));
    const { cp } = await import('node:fs/promises');
    for (const part of ['istsoll.yaml', 'data', 'indicators', 'measures'])
      await cp(join(root, part), join(dir, part), { recursive: true });
    const db = await tempDb();
    const reports: string[] = [];
    for (let run = 0; run < 2; run++) {
      const out = join(dir, `r${run}.html`);
      expect((await runCli('report', '--project', dir, '--db', db, '--out', out)).code).toBe(0);
      reports.push((await readFile(out, 'utf8')).replace(/(Erstellt am|Generated on) [^<]*</g, '$1 …<'));
    }
    expect(reports[1]).toBe(reports[0]);
    // Beside the database, not in the project folder that --db moved the state out of.
    expect((await readdir(db.replace(/\.duckdb$/, '.svg'))).filter((f) => f.endsWith('.svg')).length).toBeGreaterThan(
      10,
    );
    expect(await readdir(dir)).not.toContain('.istsoll');
  });
});
