// bench:compute — istsoll's computeProject for thirty indicators on the person-level register against
// the same SQL (ratioSql, what istsoll runs for each indicator) executed bare on a plain DuckDB
// connection, measured side by side in one run, in alternating order.
import { DuckDBInstance } from '@duckdb/node-api';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readCatalog } from '../src/compute/catalog.js';
import { computeProject } from '../src/compute/compute.js';
import { checkIndicatorSql } from '../src/compute/indicator-checks.js';
import { ratioSql } from '../src/compute/ratio.js';
import { openDatabase } from '../src/core/database.js';
import { loadProject } from '../src/load/load.js';
import { readProject } from '../src/core/project.js';
import {
  benchRows,
  cpuMeter,
  fmtInt,
  log,
  makeProject,
  median,
  registerFile,
  seconds,
  table,
  verdict,
} from './common.js';
import { indicatorCount, indicatorFiles } from './indicators.js';

export interface Options {
  rows?: number;
  rounds?: number;
}

/** At the sizes towns have (a few hundred thousand rows) fixed costs weigh more than at 5 million. */
const targetFor = (rows: number) => (rows >= benchRows ? 1.3 : 1.5);

type Mode = 'bare' | 'istsoll';

export async function run({ rows = benchRows, rounds = 5 }: Options = {}): Promise<void> {
  log(`bench:compute — ${indicatorCount} indicators on ${fmtInt(rows)} register rows, ${rounds} rounds`);
  const file = await registerFile(rows);
  const dir = await makeProject(file, indicatorFiles());
  try {
    const project = await readProject(dir);
    const db = join(dir, 'istsoll.duckdb');
    const loadStarted = performance.now();
    await loadProject(project, db);
    log(`register loaded by istsoll in ${seconds(performance.now() - loadStarted)}`);
    // The same SQL as computeProject runs: ratioSql with what it knows of the loaded tables.
    const reader = await openDatabase(db, { readOnly: true });
    const sqls: string[] = [];
    try {
      const catalog = await readCatalog(reader);
      for (const ind of project.indicators) {
        const read = await checkIndicatorSql(reader, project, ind, catalog.columns, false);
        sqls.push(ratioSql(project, ind, catalog, read));
      }
    } finally {
      reader.close();
    }

    const measure: Record<Mode, () => Promise<number>> = {
      istsoll: async () => (await computeProject(project, db)).length,
      bare: async () => {
        const instance = await DuckDBInstance.create(db);
        const connection = await instance.connect();
        let count = 0;
        for (const sql of sqls) count += (await connection.runAndReadAll(sql)).currentRowCount;
        connection.closeSync();
        instance.closeSync();
        return count;
      },
    };

    const meter = cpuMeter();
    const times: Record<Mode, number[]> = { bare: [], istsoll: [] };
    const counts: Record<Mode, number> = { bare: 0, istsoll: 0 };
    const lines = [['round', 'order', 'bare', 'istsoll', 'ratio']];
    for (let round = 0; round < rounds; round++) {
      const order: Mode[] = round % 2 === 0 ? ['bare', 'istsoll'] : ['istsoll', 'bare'];
      for (const mode of order) {
        const started = performance.now();
        counts[mode] = await measure[mode]();
        times[mode].push(performance.now() - started);
      }
      const [b, i] = [times.bare[round]!, times.istsoll[round]!];
      lines.push([String(round + 1), order.join(' → '), seconds(b), seconds(i), (i / b).toFixed(2)]);
    }
    const bare = median(times.bare);
    const istsoll = median(times.istsoll);
    const ratio = istsoll / bare;
    const [bestBare, bestIstsoll] = [Math.min(...times.bare), Math.min(...times.istsoll)];
    lines.push(['median', '', seconds(bare), seconds(istsoll), ratio.toFixed(2)]);
    lines.push(['best', '', seconds(bestBare), seconds(bestIstsoll), (bestIstsoll / bestBare).toFixed(2)]);
    log();
    log(table(lines));
    log();
    const target = targetFor(rows);
    log(
      `compute time istsoll / bare   ${ratio.toFixed(2)}   target ≤ ${target}   ${verdict(ratio, target)}   (medians)`,
    );
    log(
      `per indicator                 istsoll ${(istsoll / sqls.length).toFixed(0)} ms   bare ` +
        `${(bare / sqls.length).toFixed(0)} ms`,
    );
    log(`values                        istsoll ${fmtInt(counts.istsoll)}   bare result rows ${fmtInt(counts.bare)}`);
    if (counts.istsoll !== counts.bare)
      log('note: istsoll returned a different number of values than the bare queries have rows');
    if (rows !== benchRows && rows !== 200_000)
      log(`note: the targets are meant for ${fmtInt(benchRows)} rows (≤ 1.3) and 200,000 rows (≤ 1.5)`);
    const busy = meter.report();
    if (busy) log(busy);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
