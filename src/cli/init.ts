// `istsoll init <dir>`: a new project for a town that has never seen istsoll, from templates/project: a
// folder of its own (often its own git repository) with istsoll as an npm dependency, sample data that
// validate accepts, and a staff README.
import { statSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath, InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { projectPackage } from './init-package.js';

const templates = fileURLToPath(new URL('../../templates/project', import.meta.url));

/** Creates the project and returns its files, relative to `dir`, in name order. */
export async function initProject(dir: string, name = basename(resolve(dir))): Promise<string[]> {
  const existing = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw new InputError(
      e.code === 'ENOTDIR' ? msg('init-not-folder') : msg('file-unreadable', { reason: e.code ?? String(e) }),
      displayPath(dir),
      msg('hint-new-folder'),
    );
  });
  if (existing && existing.length)
    throw new InputError(msg('init-not-empty'), displayPath(dir), msg('hint-new-folder'));
  await mkdir(dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    // A folder istsoll may not create (read-only, another owner's) is a problem of input, not a bug.
    throw new InputError(
      msg('file-unwritable', { reason: e.code ?? String(e) }),
      displayPath(dir),
      msg('hint-file-permissions'),
    );
  });
  await cp(templates, dir, { recursive: true });
  // npm leaves every .gitignore out of a package, so the template carries it under another name.
  await rename(join(dir, 'gitignore'), join(dir, '.gitignore'));
  const config = join(dir, 'istsoll.yaml');
  await writeFile(config, (await readFile(config, 'utf8')).replaceAll('NAME', name));
  await writeFile(join(dir, 'package.json'), projectPackage(resolve(dir)));
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((f) => statSync(join(dir, f)).isFile()).sort();
}
