// A lock file beside the file it guards: created in one step with its contents, naming the host, the
// process id and the process's start time. A lock whose process has ended is stale; so is one whose
// process id now belongs to another process (ids are reused), which the start time tells apart.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

export interface LockOwner {
  host: string;
  pid: number;
  /** When the process started (Linux: clock ticks since boot); null where the system does not say. */
  started: string | null;
}

export type LockResult = { release: () => Promise<void> } | { busy: LockOwner | null };

/**
 * Takes the lock at `path`, or says who holds it (`busy`; null when the lock file cannot be read, as when
 * its owner is still writing it). A stale lock is removed and taken over.
 */
export async function acquireLock(path: string): Promise<LockResult> {
  const text = `${JSON.stringify(currentOwner())}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createWithContents(path, text)) {
      return {
        release: async () => {
          // Remove only our own lock: one that was judged stale and taken over is another's now.
          if ((await readFile(path, 'utf8').catch(() => null)) === text) await rm(path, { force: true });
        },
      };
    }
    const found = await readFile(path, 'utf8').catch(() => null);
    if (found === null) continue; // removed in the meantime: try again
    const holder = parseOwner(found);
    const stale = holder ? isStale(holder) : await isOld(path);
    if (!stale) return { busy: holder };
    // Remove the stale lock only if it is still the one judged stale, then try again.
    if ((await readFile(path, 'utf8').catch(() => null)) === found) await rm(path, { force: true });
  }
  return { busy: null };
}

/** This process as a lock names it. */
export function currentOwner(): LockOwner {
  return { host: hostname(), pid: process.pid, started: startTime(process.pid) };
}

/** A lock is stale when its process is gone or its process id belongs to a process started at another time. */
function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false; // another machine's processes cannot be seen from here
  if (!isAlive(owner.pid)) return true;
  const started = startTime(owner.pid);
  return owner.started !== null && started !== null && started !== owner.started;
}

/**
 * The start time of a process, field 22 of /proc/<pid>/stat on Linux (in clock ticks since boot), or null
 * elsewhere. The second field, the program name in parentheses, may itself hold spaces and parentheses.
 */
export function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[22 - 3] ?? null;
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

/**
 * Creates the file with its contents at once: written under a random name first, then linked to its own
 * name, which fails when the name exists. Another process never sees the lock half written.
 */
async function createWithContents(path: string, text: string): Promise<boolean> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}`);
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code ?? '')) throw e;
  } finally {
    await rm(temp, { force: true });
  }
  // A file system without hard links: create the name exclusively and write into it.
  try {
    await writeFile(path, text, { flag: 'wx' });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** A lock file that names no owner is being written, or was left half written long ago. */
async function isOld(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > halfWrittenSeconds * 1000;
}

/** Writing a lock file takes milliseconds: one without an owner for longer was left behind. */
const halfWrittenSeconds = 10;

function parseOwner(text: string): LockOwner | null {
  // A lock written by an older istsoll holds the process id alone.
  const pid = Number(text.trim());
  if (Number.isInteger(pid) && pid > 0) return { host: hostname(), pid, started: null };
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.host !== 'string' || typeof o.pid !== 'number' || !Number.isInteger(o.pid) || o.pid <= 0) return null;
    return { host: o.host, pid: o.pid, started: typeof o.started === 'string' ? o.started : null };
  } catch {
    return null;
  }
}
