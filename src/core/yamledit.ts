// Safe edits of a project's YAML file by command (targets set, measures set). Under a lock beside the file,
// the file is read and parsed again, the edit is computed from that parse, the edited text must pass the
// same checks as the project before it is written, and it is written only if nobody (an editor, say)
// changed the file since it was read: else a wrong value could land in the wrong place.
import { createHash, randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { InputError } from './errors.js';
import { acquireLock } from './lockfile.js';
import { msg } from './messages/index.js';
import { parseYaml, type YamlFile } from './yamlfile.js';

export interface YamlEdit<T, R> {
  /** The file to edit. */
  path: string;
  schema: z.ZodType<T>;
  /** The new text, computed from the file as read under the lock (null: nothing to change), and a result. */
  edit: (file: YamlFile<T>, text: string) => { text: string | null; result: R };
  /** The project's checks of the edited file; they throw an InputError to refuse it. */
  check?: (file: YamlFile<T>) => void;
  /** For the tests: runs after the edited text passed its checks, just before it is written. */
  beforeWrite?: () => Promise<void>;
}

export async function editYaml<T, R>(edit: YamlEdit<T, R>): Promise<R> {
  const { path } = edit;
  const lockPath = `${path}.lock`;
  const lock = await writing(path, () => acquireLock(lockPath));
  if ('busy' in lock)
    throw new InputError(
      msg('file-busy', { host: lock.busy?.host ?? null, pid: lock.busy?.pid ?? null }),
      path,
      msg('hint-file-busy', { lock: lockPath }),
    );
  try {
    const text = await readText(path);
    const { text: next, result } = edit.edit(parseYaml(text, edit.schema, path), text);
    if (next === null || next === text) return result;
    // The edited file must pass every check the project makes before it replaces the old one.
    edit.check?.(parseYaml(next, edit.schema, path));
    await edit.beforeWrite?.();
    await writing(path, () => writeIfUnchanged(path, next, hash(text)));
    return result;
  } finally {
    await lock.release();
  }
}

/**
 * Writes a temporary file of a random name in the same folder (created exclusively, so that no file or
 * link of that name is followed), then renames it over the file, unless the file's contents changed.
 */
async function writeIfUnchanged(path: string, next: string, readHash: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = (await stat(path)).mode & 0o777;
  await writeFile(temp, next, { flag: 'wx', mode });
  try {
    if (hash(await readText(path)) !== readHash)
      throw new InputError(msg('file-changed-meanwhile'), path, msg('hint-edit-again'));
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/** A folder istsoll may not write into (read-only, another owner) is a problem of input, not a bug. */
async function writing<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof InputError || !code) throw e;
    throw new InputError(msg('file-unwritable', { reason: code }), path, msg('hint-file-permissions'));
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(msg('file-unreadable', { reason: (e as NodeJS.ErrnoException).code ?? String(e) }), path);
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
