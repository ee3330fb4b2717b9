// Shared by the benchmarks: the cached register extract, temporary projects, child processes, and
// the arithmetic and formatting of the figures. Benchmarks print; they never fail on a slow run.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { defaultSeed, writePersons } from '../scripts/generate-example.js';

export const root = resolve(import.meta.dirname, '..');
export const benchRows = 5_000_000;
const cacheDir = join(tmpdir(), 'istsoll-bench');

/**
 * The person-level register extract of `rows` rows, generated once into a cache under the system's
 * temporary folder. A sidecar file records the size of a completed generation, so that a file cut
 * short by an interrupted run is made again rather than measured.
 */
export async function registerFile(rows = benchRows, seed = defaultSeed): Promise<string> {
  await mkdir(cacheDir, { recursive: true });
  const file = join(cacheDir, `persons-${rows}-seed${seed}.csv`);
  const sizeFile = `${file}.size`;
  const expected = Number(await readFile(sizeFile, 'utf8').catch(() => 'NaN'));
  const actual = (await stat(file).catch(() => null))?.size;
  if (actual !== undefined && actual === expected) {
    log(`register: reusing ${file} (${mb(actual)} MB, ${fmtInt(rows)} rows)`);
    return file;
  }
  log(`register: generating ${fmtInt(rows)} rows into ${file} (takes ~15 s) …`);
  const started = performance.now();
  const partial = `${file}.${process.pid}.partial`;
  await writePersons(partial, rows, seed);
  await rename(partial, file);
  const size = (await stat(file)).size;
  await writeFile(sizeFile, String(size));
  log(`register: generated ${mb(size)} MB in ${seconds(performance.now() - started)}`);
  return file;
}

/**
 * A throwaway project folder whose only source `register` is the given file (linked into data/,
 * because source paths are relative to that folder and must lie inside it). `indicators` maps file names to YAML text.
 */
export async function makeProject(register: string, indicators: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'istsoll-bench-'));
  await mkdir(join(dir, 'data'));
  await mkdir(join(dir, 'indicators'));
  // A hard link (or a copy): istsoll follows no symlink out of data/, and the cached file is large.
  await link(register, join(dir, 'data', 'register.csv')).catch(() =>
    copyFile(register, join(dir, 'data', 'register.csv')),
  );
  await writeFile(join(dir, 'istsoll.yaml'), 'title:\n  de: Benchmark (fiktives Melderegister)\n');
  await writeFile(
    join(dir, 'data', 'sources.yaml'),
    [
      'sources:',
      '  register:',
      '    file: register.csv',
      '    description: Personenbezogener Auszug aus dem Melderegister (fiktiv, scripts/generate-example.ts)',
      '    year: year',
      '    id: person_id',
      '    dialect: { delimiter: ";" }',
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'indicators', 'fields.yaml'),
    'fields:\n  - id: bevoelkerung\n    title: { de: Bevölkerung }\n',
  );
  for (const [name, text] of Object.entries(indicators)) await writeFile(join(dir, 'indicators', name), text);
  return dir;
}

/** Removes a DuckDB database file with everything a load leaves beside it. */
export async function removeDatabase(path: string): Promise<void> {
  await Promise.all(['', '.wal', '.loading', '.loading.wal', '.lock'].map((s) => rm(`${path}${s}`, { force: true })));
}

const execFileAsync = promisify(execFile);

/** Runs a TypeScript file of bench/ in a fresh Node process and parses the JSON line it prints last. */
export async function runChild<T>(script: string, args: string[]): Promise<T> {
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', join(root, 'bench', script), ...args], {
    cwd: root,
    maxBuffer: 16 << 20,
  }).catch((e: Error & { stderr?: string }) => {
    throw new Error(`${script} ${args.join(' ')} failed:\n${e.stderr ?? e.message}`);
  });
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

/**
 * How much of the machine other processes took while a benchmark ran (from /proc/stat, so Linux
 * only): the machine's busy CPU time less this process's and its measured children's. Other work
 * on a two-core machine slows single rounds and makes ratios noisy; the report says so.
 */
export function cpuMeter(): { addChild(cpuUs: number): void; report(): string | null } {
  const read = () => {
    try {
      const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
      const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = fields;
      const busy = user + nice + system + irq + softirq + steal;
      return { busy, total: busy + idle + iowait };
    } catch {
      return null;
    }
  };
  const start = read();
  const ownStart = process.cpuUsage();
  let children = 0;
  return {
    addChild(cpuUs) {
      children += cpuUs;
    },
    report() {
      const end = read();
      if (!start || !end || end.total === start.total) return null;
      const hz = 100; // USER_HZ on Linux
      const own = process.cpuUsage(ownStart);
      const ownSeconds = (own.user + own.system + children) / 1e6;
      const other = Math.max(0, (end.busy - start.busy) / hz - ownSeconds);
      const share = other / ((end.total - start.total) / hz);
      return (
        `other processes used ${(share * 100).toFixed(0)} % of the machine's CPU during the ` +
        `run${share > 0.1 ? ': the figures are noisy, run again on a quiet machine' : ''}`
      );
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** PASS or MISS against an upper bound; a benchmark reports, it does not fail. */
export function verdict(value: number, atMost: number): string {
  return value <= atMost ? 'PASS' : 'MISS';
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
export const mb = (bytes: number) => (bytes / 1e6).toFixed(0);
export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

export function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Left-aligned columns, two spaces apart. */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
