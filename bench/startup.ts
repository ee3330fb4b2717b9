// bench:startup — how long the built CLI takes to answer `--help` and `--version`, against a Node process
// that does nothing (`node -e 0`) and against the same call through npx, measured side by side in one run,
// in rotating order. It builds first, so that dist/ holds the current sources.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpuMeter, log, median, root, table, verdict } from './common.js';

export interface Options {
  rounds?: number;
}

/** Cold `istsoll --help` on this machine, in seconds. */
const target = 0.15;

const bin = join(root, 'bin', 'istsoll.js');
const commands: { name: string; file: string; args: string[]; target?: number }[] = [
  { name: 'node -e 0', file: process.execPath, args: ['-e', '0'] },
  { name: 'istsoll --help', file: process.execPath, args: [bin, '--help'], target },
  { name: 'istsoll --version', file: process.execPath, args: [bin, '--version'], target },
  { name: 'npx istsoll --help', file: 'npx', args: ['istsoll', '--help'] },
];

export async function run({ rounds = 15 }: Options = {}): Promise<void> {
  log(`bench:startup — the built CLI (bin/istsoll.js → dist/main.js), ${rounds} rounds`);
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  const meter = cpuMeter();
  const times = commands.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < commands.length; k++) {
      const i = (round + k) % commands.length;
      const { file, args } = commands[i]!;
      const cpuBefore = childrenCpuUs();
      const started = performance.now();
      const result = spawnSync(file, args, { cwd: root, stdio: 'ignore' });
      times[i]!.push(performance.now() - started);
      meter.addChild(childrenCpuUs() - cpuBefore);
      if (result.status !== 0) throw new Error(`${commands[i]!.name} exited with ${result.status}`);
    }
  }
  const node = median(times[0]!);
  const lines = [['command', 'median', 'best', '× node -e 0', 'beyond node', 'target', '']];
  commands.forEach((c, i) => {
    const m = median(times[i]!);
    lines.push([
      c.name,
      ms(m),
      ms(Math.min(...times[i]!)),
      (m / node).toFixed(1),
      i === 0 ? '' : ms(m - node),
      c.target ? `≤ ${ms(c.target * 1000)}` : '',
      c.target ? verdict(m / 1000, c.target) : '',
    ]);
  });
  log();
  log(table(lines));
  log();
  log('npx adds npm’s own start-up (it reads the project and its node_modules) before istsoll runs.');
  const busy = meter.report();
  if (busy) log(busy);
}

/** CPU time of this process's finished children (user and system), from /proc/self/stat: Linux only. */
function childrenCpuUs(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After the command name: cutime and cstime are fields 16 and 17 of the line, in clock ticks (1/100 s).
    return (Number(fields[13]) + Number(fields[14])) * 10_000;
  } catch {
    return 0;
  }
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
