// The house plan: one folder per stage, data flowing one way. A stage's files import only from their own
// folder, from core/, and from an earlier stage through that stage's index; nothing forms a cycle.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const src = join(root, 'src');
const stages = ['core', 'load', 'compute', 'compare', 'report', 'cli'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Relative imports of a file (static, dynamic and type-only), resolved to source paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!);
  return specs.map((s) => resolve(dirname(file), s.replace(/\.js$/, '.ts')));
}

const stageOf = (file: string) => relative(src, file).split('/')[0]!;
const files = sources(src).filter((f) => stageOf(f) !== 'main.ts');

describe('the house plan', () => {
  it('has a folder per stage and nothing else in src/ but main.ts', () => {
    const top = readdirSync(src).sort();
    expect(top).toEqual([...stages, 'main.ts'].sort());
  });

  it('is described in the README\'s "How it works" with every stage folder', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## How it works'),
      readme.indexOf('\n## ', readme.indexOf('## How it works') + 1),
    );
    for (const stage of stages) expect(section).toContain(`| \`src/${stage}/\` |`);
    const named = [...section.matchAll(/`src\/([\w/-]+)\/`/g)].map((m) => m[1]!);
    for (const folder of named) expect(readdirSync(join(src, folder)).length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(src, f), f]))(
    '%s imports only its own folder, core/ and earlier doors',
    (_, file) => {
      const own = stageOf(file);
      const wrong = importsOf(file).filter((target) => {
        const stage = stageOf(target);
        if (stage === own || stage === 'core') return false;
        const earlier = stages.indexOf(stage) < stages.indexOf(own);
        const door = relative(src, target) === `${stage}/index.ts`;
        return !(earlier && door);
      });
      expect(wrong.map((w) => relative(src, w))).toEqual([]);
    },
  );

  it('core/ imports nothing from the stages', () => {
    const wrong = files
      .filter((f) => stageOf(f) === 'core')
      .flatMap((f) => importsOf(f).filter((t) => stageOf(t) !== 'core'));
    expect(wrong).toEqual([]);
  });

  it('starts without Vega: only drawing a chart that is not cached loads it (svg.ts, imported dynamically)', () => {
    // Static value imports only: `import type` is erased, `import('…')` loads when it runs.
    const staticImports = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/^(?:import(?! type)|export)[^;]*? from '([^']+)';/gm)].map((m) => m[1]!);
    const packages = new Set<string>();
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of staticImports(file))
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else packages.add(spec);
    };
    // The command line and the report stage's door, which it may load dynamically.
    visit(join(src, 'main.ts'));
    visit(join(src, 'report', 'index.ts'));
    expect(seen.has(join(src, 'report', 'page.ts'))).toBe(true);
    expect([...packages].filter((p) => /^vega/.test(p))).toEqual([]);
    // The check sees Vega where it is imported.
    expect(staticImports(join(src, 'report', 'svg.ts'))).toContain('vega');
  });

  it('has no import cycles', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(src, p)).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
