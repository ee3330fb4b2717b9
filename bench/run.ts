// Runs the named benchmarks, or all of them, one after the other:
//   npm run bench                          all
//   npm run bench -- load compute          the named ones (npm run bench:startup, bench:load, bench:compute, …)
//   npm run bench -- load-profile compute-profile   where istsoll's time goes, by SQL statement (not in all)
//   npm run bench -- --rows 200000 --rounds 1   a quick smoke run (the targets are for 5 million rows)
// Benchmarks print figures and targets with PASS/MISS; they never fail on a slow run.
import { parseArgs } from 'node:util';

interface Options {
  rows?: number;
  rounds?: number;
}

type Benchmark = (options: Options) => Promise<void>;

const benchmarks: Record<string, { all: boolean; load: () => Promise<Benchmark> }> = {
  startup: { all: true, load: async () => (await import('./startup.js')).run },
  load: { all: true, load: async () => (await import('./load.js')).run },
  compute: { all: true, load: async () => (await import('./compute.js')).run },
  report: { all: true, load: async () => (await import('./report.js')).benchReport },
  rerun: { all: true, load: async () => (await import('./rerun.js')).benchRerun },
  'load-profile': { all: false, load: async () => (await import('./profile.js')).runLoad },
  'compute-profile': { all: false, load: async () => (await import('./profile.js')).runCompute },
};

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rows: { type: 'string' }, rounds: { type: 'string' } },
  });
  const options: Options = {};
  for (const key of ['rows', 'rounds'] as const) {
    if (values[key] === undefined) continue;
    const n = Number(values[key]);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${key} must be a whole number ≥ 1, got ${values[key]}`);
    options[key] = n;
  }
  const unknown = positionals.filter((name) => !Object.hasOwn(benchmarks, name));
  if (unknown.length) {
    console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
    return 2;
  }
  const names = positionals.length ? positionals : Object.keys(benchmarks).filter((name) => benchmarks[name]!.all);
  const started = performance.now();
  for (const [i, name] of names.entries()) {
    if (i) process.stdout.write('\n');
    await (
      await benchmarks[name]!.load()
    )(options);
  }
  if (names.length > 1)
    process.stdout.write(`\n${names.length} benchmarks in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
