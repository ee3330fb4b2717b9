// Where a path really is, symlinks followed: the files a project names (sources, the map) must lie inside
// its data/ folder, and the files istsoll writes must lie outside the folders it reads. A path with `..`,
// an absolute path or a link out of the folder is judged by where it leads, not by how it is written.
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** Whether `path` is `folder` itself or lies below it (both already resolved). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The first of `files` that, symlinks followed, lies outside `folder` (symlinks followed too), or null.
 * The files must exist; the folder's own path counts as outside, since it names no file in it.
 */
async function firstOutside(folder: string, files: string[]): Promise<string | null> {
  const real = await realpath(folder);
  for (const file of files) {
    const target = await realpath(file);
    if (target === real || !isInside(real, target)) return file;
  }
  return null;
}

/** The first of `files` outside the project's data/ folder (see firstOutside). */
export function firstOutsideData(projectDir: string, files: string[]): Promise<string | null> {
  return firstOutside(join(projectDir, 'data'), files);
}

/** Where a path that may not exist yet leads: its longest existing start with links followed, then the rest. */
export async function realPath(path: string): Promise<string> {
  const full = resolve(path);
  try {
    return await realpath(full);
  } catch {
    const parent = dirname(full);
    return parent === full ? full : join(await realPath(parent), basename(full));
  }
}

/** Where a file written at `path` lands: the folder's links followed, a link at the name itself not. */
export async function realLocation(path: string): Promise<string> {
  const full = resolve(path);
  return join(await realPath(dirname(full)), basename(full));
}

/** Where a link at `path` leads, or null when there is no link there (or it leads nowhere). */
export async function linkTarget(path: string): Promise<string | null> {
  try {
    const real = await realpath(path);
    return real === (await realLocation(path)) ? null : real;
  } catch {
    return null;
  }
}
