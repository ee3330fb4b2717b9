// The bundled example town as a whole: enough indicators across the fields of action, every status
// category shown at least once, and the plain statement that the numbers are fictional.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareIndicators, rollUp } from '../src/compare/compare.js';
import { computeProject } from '../src/compute/compute.js';
import { loadProject } from '../src/load/load.js';
import { statusOrder, type Comparison } from '../src/core/types.js';
import { readProject, type Project } from '../src/core/project.js';
import { root, runCli, tempDb } from './helpers.js';

let project: Project;
let comparisons: Comparison[];
let db: string;

beforeAll(async () => {
  project = await readProject(root);
  db = await tempDb();
  await loadProject(project, db);
  comparisons = compareIndicators(project.indicators, await computeProject(project, db), project.config.method);
});

describe('the example town', () => {
  it('has at least 15 indicators across at least 7 fields of action, each with a target', () => {
    expect(project.indicators.length).toBeGreaterThanOrEqual(15);
    expect(new Set(project.indicators.map((i) => i.field)).size).toBeGreaterThanOrEqual(7);
    expect(project.indicators.every((i) => i.targets.length > 0)).toBe(true);
  });

  it('shows every status category at least once, and a verdict the margin of error does not confirm', () => {
    const seen = new Set(
      rollUp(
        project.indicators,
        project.fields.map((f) => f.id),
        comparisons,
      ).indicators.map((i) => i.status),
    );
    const certain = statusOrder.filter((s) => !s.endsWith('_uncertain'));
    expect([...seen].filter((s) => !s.endsWith('_uncertain')).sort()).toEqual([...certain].sort());
    // Trust in the administration: the gap meets its target, its margin of error does not.
    expect(seen).toContain('achieved_uncertain');
  });

  it('has about 25 measures across the nine fields, each linked to an indicator, in a mix of states', async () => {
    const { readFile, readdir } = await import('node:fs/promises');
    expect(project.measures.length).toBeGreaterThanOrEqual(20);
    expect(new Set(project.measures.map((m) => m.field))).toEqual(new Set(project.fields.map((f) => f.id)));
    expect(project.measures.every((m) => m.indicators.length > 0 && m.responsible)).toBe(true);
    expect(new Set(project.measures.map((m) => m.status)).size).toBe(6);
    // Labelled as example data, like the numbers.
    for (const f of await readdir(join(root, 'measures')))
      expect(await readFile(join(root, 'measures', f), 'utf8'), f).toMatch(/Fiktive Beispieldaten/);
  });

  it('lists each measure with its state in compare --json, beside the unchanged comparisons', async () => {
    const r = await runCli('compare', '--json', '--project', root, '--db', db);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['method', 'comparisons', 'indicators', 'fields', 'gaps', 'measures']);
    expect(json.measures).toHaveLength(project.measures.length);
    expect(json.measures.find((m: { id: string }) => m.id === 'sprachcafe')).toMatchObject({
      field: 'sprache',
      status: 'laufend',
      overdue: false,
      nextMilestone: { date: '2027-03-31', done: false },
    });
  });

  it('says plainly that its numbers are fictional, in the terminal summary too', async () => {
    expect(project.config.notice?.de).toMatch(/fiktive Beispieldaten/);
    const r = await runCli('compare', '--project', root, '--db', db);
    expect(r.stdout).toMatch(/^NOTE: All numbers are fictional example data\./);
  });
});
