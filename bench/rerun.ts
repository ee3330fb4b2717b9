// bench:rerun — how soon staff see a change. On a copy of the example and on a project of 100 indicators
// (the example's, cloned): the built CLI's `istsoll run` after a target was edited in its YAML file, and
// again with nothing changed; and with `istsoll serve` running, the time from saving the YAML file to the
// reloaded page in headless Chromium (its load event, which waits for the report's frame). Every timed
// run is a process of its own, as when staff type the command. It builds first, so that dist/ is current.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findChromium } from '../src/report/pdf.js';
import { cpuMeter, log, median, root, seconds, table, verdict } from './common.js';
import { clonedProject } from './report.js';

export interface Options {
  rounds?: number;
}

const run = promisify(execFile);
const bin = join(root, 'bin', 'istsoll.js');

interface Case {
  name: string;
  /** The indicator file whose first target value the edits change. */
  file: string;
  goals: { edit?: number; unchanged?: number; serve?: number };
}

export async function benchRerun({ rounds = 5 }: Options = {}): Promise<void> {
  log(`bench:rerun — from an edit to a new report: the built CLI and istsoll serve, ${rounds} rounds`);
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  const meter = cpuMeter();
  const cases: Case[] = [
    {
      name: 'example (19 indicators)',
      file: 'erwerbstaetigenquote.yaml',
      goals: { edit: 0.5, unchanged: 0.8, serve: 1 },
    },
    { name: '100 indicators', file: 'erwerbstaetigenquote_1.yaml', goals: { edit: 1, unchanged: 2 } },
  ];
  const lines = [['project', 'measure', 'median', 'best', 'goal', '']];
  for (const c of cases) {
    const dir = c.name.startsWith('100') ? await clonedProject(100) : await exampleCopy();
    try {
      const target = join(dir, 'indicators', c.file);
      let edits = 0;
      const editTarget = async () => {
        const text = await readFile(target, 'utf8');
        const next = text.replace(
          /(targets:[\s\S]*?value: )([\d.]+)/,
          (_, head: string) => `${head}${50 + ++edits / 2}`,
        );
        if (next === text) throw new Error(`no target value to edit in ${target}`);
        await writeFile(target, next);
      };
      const cold = await timeRun(dir);
      const edit: number[] = [];
      const unchanged: number[] = [];
      for (let round = 0; round < rounds; round++) {
        await editTarget();
        edit.push(await timeRun(dir));
        unchanged.push(await timeRun(dir));
      }
      const serve = await timeServe(dir, editTarget, rounds);
      const row = (measure: string, times: number[], goal?: number) => {
        const m = median(times) / 1000;
        lines.push([
          c.name,
          measure,
          seconds(m * 1000),
          seconds(Math.min(...times)),
          goal ? `≤ ${goal.toFixed(1)} s` : '',
          goal ? verdict(m, goal) : '',
        ]);
      };
      row('istsoll run, first (nothing cached)', [cold]);
      row('istsoll run after a target edit', edit, c.goals.edit);
      row('istsoll run, nothing changed', unchanged, c.goals.unchanged);
      if (serve) row('serve: file saved → page reloaded', serve, c.goals.serve);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  log();
  log(table(lines));
  log();
  log('100 indicators: "report written" is taken as `istsoll run` with nothing changed (the caches are warm).');
  const busy = meter.report();
  if (busy) log(busy);
}

async function exampleCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'istsoll-bench-rerun-'));
  for (const part of ['istsoll.yaml', 'data', 'indicators', 'measures'])
    await cp(join(root, part), join(dir, part), { recursive: true });
  return dir;
}

/** Wall time of one `istsoll run` in a process of its own, in milliseconds. */
async function timeRun(dir: string): Promise<number> {
  const started = performance.now();
  await run(process.execPath, [bin, 'run', '--project', dir], { cwd: dir, maxBuffer: 16 << 20 });
  return performance.now() - started;
}

/** Starts `istsoll serve`, opens its page, and times each edit until the reloaded page has loaded. */
async function timeServe(dir: string, editTarget: () => Promise<void>, rounds: number): Promise<number[] | null> {
  const executablePath = await findChromium();
  if (!executablePath) {
    log('serve: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH): not measured');
    return null;
  }
  const child = spawn(process.execPath, [bin, 'serve', '--project', dir], { stdio: ['ignore', 'pipe', 'ignore'] });
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const url = await new Promise<string>((done, fail) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
        if (found) done(found[0]);
      });
      child.once('exit', (code) => fail(new Error(`istsoll serve exited with ${code}`)));
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'load' });
    const times: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const reloaded = page.waitForEvent('load', { timeout: 60_000 });
      const started = performance.now();
      await editTarget();
      await reloaded;
      await page.waitForSelector('html[data-report="loaded"][data-state="ok"]', { timeout: 60_000 });
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    await browser.close();
    const stopped = new Promise((done) => child.once('exit', done));
    child.kill('SIGINT');
    await stopped;
  }
}

export { benchRerun as run };
