// Watching a project for changes: istsoll.yaml, data/ (the sources and their files, Parquet folders
// included), indicators/ and measures/. The file system's events say at once that something changed; a
// check of names, sizes and times every second catches what they miss (network drives, some editors).
// Lock and temporary files that istsoll's own editors write are not changes of the project.
import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { paths } from '../../core/project.js';

export interface Watcher {
  close(): void;
}

/** Calls `onChange` (at most once per `settleMs`) whenever a file of the project changed. */
export function watchProject(dir: string, onChange: () => void, settleMs = 40): Watcher {
  const folders = [dir, join(dir, paths.data), join(dir, paths.indicators), join(dir, paths.measures)];
  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let last: string | null = null;
  const changed = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void signature(dir).then((now) => {
        last = now;
        if (!closed) onChange();
      });
      void watchFolders();
    }, settleMs);
  };
  const watchFolders = async () => {
    for (const folder of [...folders, ...(await subfolders(join(dir, paths.data)))]) {
      if (watchers.has(folder) || closed) continue;
      try {
        // In the project folder itself only istsoll.yaml counts (not reports/ or .istsoll/).
        const counts = (name: string) => (folder === dir ? name === paths.config : relevant(name));
        const watcher = watch(folder, (_, name) => {
          if (!name || counts(String(name))) changed();
        });
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(folder);
        });
        watchers.set(folder, watcher);
      } catch {
        // A folder that does not exist (yet): the poll below notices when it appears.
      }
    }
  };
  void watchFolders();
  void signature(dir).then((s) => (last ??= s));
  const poll = setInterval(() => {
    void signature(dir).then((now) => {
      if (last !== null && now !== last) changed();
    });
  }, 1000);
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      clearInterval(poll);
      for (const w of watchers.values()) w.close();
    },
  };
}

/** Not a change of the project: hidden files, an editor's lock or temporary file, a swap file. */
function relevant(name: string): boolean {
  const base = name.split('/').pop()!;
  return !base.startsWith('.') && !/\.(lock|tmp|swp)$|~$/.test(base);
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory()).map((e) => join(e.parentPath, e.name));
}

/** Names, sizes and modification times of every file the project consists of. */
async function signature(dir: string): Promise<string> {
  const files = [join(dir, paths.config)];
  for (const folder of [paths.data, paths.indicators, paths.measures]) {
    const entries = await readdir(join(dir, folder), { recursive: true, withFileTypes: true }).catch(() => []);
    files.push(...entries.filter((e) => e.isFile() && relevant(e.name)).map((e) => join(e.parentPath, e.name)));
  }
  const stats = await Promise.all(files.sort().map(async (f) => [f, await stat(f).catch(() => null)] as const));
  return stats.map(([f, s]) => (s ? `${f}:${s.size}:${s.mtimeMs}` : `${f}:-`)).join('\n');
}
