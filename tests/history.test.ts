// The report history: what a report said (a snapshot), what changed against an earlier one, and which
// earlier report a new one is compared with, so that running the same report again changes nothing.
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChanges, moved, snapshotHash, type ReportSnapshot, type TargetSnapshot } from '../src/report/history.js';
import { keepReport, readEarlierReport } from '../src/report/history-files.js';

const target = (over: Partial<TargetSnapshot> = {}): TargetSnapshot => ({
  indicator: 'employment',
  field: 'work',
  unit: 'percent',
  series: 'value',
  group: 'a',
  direction: 'higher',
  target: { year: 2030, value: 65 },
  status: 'moderate',
  latest: { year: 2025, value: 58.3, se: null },
  ...over,
});

const snapshot = (targets: TargetSnapshot[], measures: ReportSnapshot['measures'] = []): ReportSnapshot => ({
  format: 1,
  targets,
  measures,
});

describe('a value moved beyond its margin of error', () => {
  it('for a survey estimate: only when the difference exceeds the 95 % margin of both estimates', () => {
    const survey = (value: number) => target({ latest: { year: 2025, value, se: 2 } });
    // The margin of the difference of two estimates with SE 2 each: 1.96 × √8 ≈ 5.54.
    expect(moved(survey(50), survey(55.5))).toBe(false);
    expect(moved(survey(50), survey(55.6))).toBe(true);
    expect(moved(survey(50), survey(44.4))).toBe(true);
  });

  it('for register data: any change that shows at the report’s precision', () => {
    const count = (value: number) => target({ latest: { year: 2025, value, se: null } });
    expect(moved(count(12.31), count(12.34))).toBe(false);
    expect(moved(count(12.31), count(12.36))).toBe(true);
    expect(moved(count(12.3), target({ latest: null }))).toBe(true);
  });
});

describe('the changes between two reports', () => {
  it('lists changed ratings, moved values and changed targets, new and dropped targets, and nothing else', () => {
    const before = snapshot([
      target(),
      target({ series: 'gap', group: null, target: { year: 2030, value: 5 }, status: 'limited' }),
      target({ indicator: 'old', field: 'civic', group: null }),
      target({ indicator: 'same', group: null }),
    ]);
    const after = snapshot([
      target({ status: 'limited', target: { year: 2030, value: 70 } }),
      target({
        series: 'gap',
        group: null,
        target: { year: 2030, value: 5 },
        status: 'limited',
        latest: { year: 2026, value: 12, se: null },
      }),
      target({ indicator: 'new', group: null }),
      target({ indicator: 'same', group: null }),
    ]);
    const { targets } = findChanges(before, after);
    expect(
      targets.map((c) => [c.indicator, c.series, c.status, c.value, c.target, c.before === null, c.after === null]),
    ).toEqual([
      ['employment', 'value', true, false, true, false, false],
      ['employment', 'gap', false, true, false, false, false],
      ['new', 'value', false, false, false, true, false],
      ['old', 'value', false, false, false, false, true],
    ]);
  });

  it('lists measures whose state changed or that became overdue', () => {
    const m = (status: 'laufend' | 'verzögert', overdue = false) => ({ id: 'cafe', field: 'work', status, overdue });
    expect(findChanges(snapshot([], [m('laufend')]), snapshot([], [m('laufend')])).measures).toEqual([]);
    expect(findChanges(snapshot([], [m('laufend')]), snapshot([], [m('verzögert')])).measures).toHaveLength(1);
    expect(findChanges(snapshot([], [m('laufend')]), snapshot([], [m('laufend', true)])).measures).toHaveLength(1);
    expect(findChanges(snapshot([], []), snapshot([], [m('laufend')])).measures[0]!.before).toBeNull();
  });

  it('names a snapshot by its content', () => {
    expect(snapshotHash(snapshot([target()]))).toBe(snapshotHash(snapshot([target()])));
    expect(snapshotHash(snapshot([target()]))).not.toBe(snapshotHash(snapshot([target({ status: 'limited' })])));
  });
});

describe('the history folder', () => {
  const a = snapshot([target()]);
  const b = snapshot([target({ status: 'limited' })]);
  const at = (day: number) => new Date(Date.UTC(2026, 2, day, 9));

  it('compares with the latest report that said something else, and keeps a re-run as it is', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'istsoll-history-')), 'history');
    expect(await readEarlierReport(dir, a)).toEqual({ earlier: null, warnings: [] });
    await keepReport(dir, a, at(1), 'test');
    // The same report again: nothing earlier to compare with, and the file is left alone.
    expect((await readEarlierReport(dir, a)).earlier).toBeNull();
    const file = join(dir, `${snapshotHash(a)}.json`);
    const written = (await stat(file)).mtimeMs;
    await keepReport(dir, a, at(2), 'test');
    expect((await stat(file)).mtimeMs).toBe(written);
    expect(JSON.parse(await readFile(file, 'utf8')).reported).toBe(at(1).toISOString());
    // A new report is compared with the first, also when it is run again.
    expect((await readEarlierReport(dir, b)).earlier).toEqual({ reported: at(1).toISOString(), snapshot: a });
    await keepReport(dir, b, at(3), 'test');
    expect((await readEarlierReport(dir, b)).earlier?.snapshot).toEqual(a);
    // Back to the first state: it is compared with the second, and becomes the latest.
    expect((await readEarlierReport(dir, a)).earlier).toEqual({ reported: at(3).toISOString(), snapshot: b });
    await keepReport(dir, a, at(4), 'test');
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ sequence: 3, reported: at(4).toISOString() });
    expect((await readdir(dir)).sort()).toEqual([`${snapshotHash(a)}.json`, `${snapshotHash(b)}.json`].sort());
  });

  it('leaves a damaged file out of the comparison with a warning, never guessing at it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'istsoll-history-'));
    await keepReport(dir, a, at(1), 'test');
    await writeFile(join(dir, '0123456789abcdef.json'), '{ "format": 1, "hash": ');
    const { earlier, warnings } = await readEarlierReport(dir, b);
    expect(earlier?.snapshot).toEqual(a);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.reason).toMatchObject({ code: 'history-unreadable' });
    expect(warnings[0]!.where).toContain('0123456789abcdef.json');
  });
});
