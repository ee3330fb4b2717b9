// bench:load — istsoll's load of a person-level register extract against DuckDB's bare
// CREATE TABLE … AS SELECT * FROM read_csv(…) on the same file, measured side by side in one run.
// Every measured load runs in a child process of its own (bench/load-child.ts), so that its peak
// memory is its own; the order alternates from round to round, so that caching favours neither.
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import {
  benchRows,
  cpuMeter,
  fmtInt,
  log,
  makeProject,
  mb,
  median,
  registerFile,
  removeDatabase,
  runChild,
  seconds,
  table,
  verdict,
} from './common.js';

export interface Options {
  rows?: number;
  rounds?: number;
}

const targets = { ratio: 1.25, peakBytes: 1.5e9 };

type Mode = 'bare' | 'istsoll';
interface Measurement {
  ms: number;
  rows: number;
  maxRssKB: number;
  cpuUs: number;
}

export async function run({ rows = benchRows, rounds = 5 }: Options = {}): Promise<void> {
  log(`bench:load — ${fmtInt(rows)} register rows, ${rounds} rounds, each load in a child process`);
  const file = await registerFile(rows);
  const dir = await makeProject(file);
  const meter = cpuMeter();
  try {
    const results: Record<Mode, Measurement[]> = { bare: [], istsoll: [] };
    const lines = [['round', 'order', 'bare', 'istsoll', 'ratio', 'bare peak RSS', 'istsoll peak RSS']];
    for (let round = 0; round < rounds; round++) {
      const order: Mode[] = round % 2 === 0 ? ['bare', 'istsoll'] : ['istsoll', 'bare'];
      for (const mode of order) {
        const db = join(dir, `${mode}-${round}.duckdb`);
        const m = await runChild<Measurement>('load-child.ts', [mode, dir, db]);
        await removeDatabase(db);
        if (m.rows !== rows) throw new Error(`${mode} loaded ${m.rows} rows, expected ${rows}`);
        meter.addChild(m.cpuUs);
        results[mode].push(m);
      }
      const [b, i] = [results.bare[round]!, results.istsoll[round]!];
      lines.push([
        String(round + 1),
        order.join(' → '),
        seconds(b.ms),
        seconds(i.ms),
        (i.ms / b.ms).toFixed(2),
        `${mb(b.maxRssKB * 1024)} MB`,
        `${mb(i.maxRssKB * 1024)} MB`,
      ]);
    }
    const bare = median(results.bare.map((m) => m.ms));
    const istsoll = median(results.istsoll.map((m) => m.ms));
    const peak = (mode: Mode) => Math.max(...results[mode].map((m) => m.maxRssKB * 1024));
    const best = (mode: Mode) => Math.min(...results[mode].map((m) => m.ms));
    lines.push([
      'median',
      '',
      seconds(bare),
      seconds(istsoll),
      (istsoll / bare).toFixed(2),
      `max ${mb(peak('bare'))} MB`,
      `max ${mb(peak('istsoll'))} MB`,
    ]);
    lines.push([
      'best',
      '',
      seconds(best('bare')),
      seconds(best('istsoll')),
      (best('istsoll') / best('bare')).toFixed(2),
    ]);
    log();
    log(table(lines));
    log();
    const ratio = istsoll / bare;
    log(
      `load time istsoll / bare   ${ratio.toFixed(2)}   target ≤ ${targets.ratio}   ` +
        `${verdict(ratio, targets.ratio)}   (medians)`,
    );
    log(`rows per second            istsoll ${fmtInt(rows / (istsoll / 1000))}   bare ${fmtInt(rows / (bare / 1000))}`);
    log(
      `peak memory (RSS) istsoll  ${mb(peak('istsoll'))} MB   target ≤ ${mb(targets.peakBytes)} MB   ` +
        `${verdict(peak('istsoll'), targets.peakBytes)}   (bare ${mb(peak('bare'))} MB)`,
    );
    if (rows !== benchRows) log(`note: the targets are meant for ${fmtInt(benchRows)} rows`);
    const busy = meter.report();
    if (busy) log(busy);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
