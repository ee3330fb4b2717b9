// `istsoll init <dir>`: a new project for a town that has never seen istsoll, from templates/project.
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { displayPath, InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';

const templates = fileURLToPath(new URL('../../templates/project', import.meta.url));

export async function initProject(dir: string, name = basename(resolve(dir))): Promise<string[]> {
  const existing = await readdir(dir).catch(() => null);
  if (existing && existing.length)
    throw new InputError(msg('init-not-empty'), displayPath(dir), msg('hint-new-folder'));
  await mkdir(dir, { recursive: true });
  await cp(templates, dir, { recursive: true });
  const config = join(dir, 'istsoll.yaml');
  await writeFile(config, (await readFile(config, 'utf8')).replaceAll('NAME', name));
  return (await readdir(dir, { recursive: true })).filter((f) => /\.(ya?ml|md)$|\.gitignore$/.test(f)).sort();
}
