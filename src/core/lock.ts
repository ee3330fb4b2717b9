// A lock file beside what it protects (the database during a load, a YAML file during an edit): made
// exclusively, naming the host, the process id and the process's start time. A lock whose process has
// ended, or whose process id now belongs to another process (same id, other start time), is stale and
// taken over; a lock of a running process makes the second caller stop at once instead of waiting.
import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';

export interface LockOwner {
  host: string;
  pid: number;
  /** The process's start time as the system counts it (Linux: clock ticks since boot), when known. */
  started: string | null;
}

/** Takes the lock, or calls `busy` with the running owner; returns the function that releases it. */
export async function acquireLock(path: string, busy: (owner: LockOwner) => Error): Promise<() => Promise<void>> {
  const me: LockOwner = { host: hostname(), pid: process.pid, started: startTime(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, `${JSON.stringify(me)}\n`, { flag: 'wx', mode: 0o600 });
      return () => rm(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = parseOwner(await readFile(path, 'utf8').catch(() => ''));
      if (owner && isRunning(owner)) throw busy(owner);
      await rm(path, { force: true }); // left behind by a process that has ended
    }
  }
  throw busy(parseOwner(await readFile(path, 'utf8').catch(() => '')) ?? { ...me, pid: 0 });
}

/** Whether the lock's owner still runs: on another host we cannot tell, so it counts as running. */
export function isRunning(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (!isAlive(owner.pid)) return false;
  const started = startTime(owner.pid);
  // Same id, other start time: the id was given to a new process after the owner ended.
  return owner.started === null || started === null || owner.started === started;
}

function parseOwner(text: string): LockOwner | null {
  // A lock written by an older istsoll holds the process id alone.
  const pid = Number(text.trim());
  if (Number.isInteger(pid) && pid > 0) return { host: hostname(), pid, started: null };
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid !== 'number' || typeof o.host !== 'string') return null;
    return { host: o.host, pid: o.pid, started: typeof o.started === 'string' ? o.started : null };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces and brackets). */
export function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
