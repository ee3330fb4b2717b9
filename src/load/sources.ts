// The files a project names in data/sources.yaml: each must exist and, after following symlinks, lie
// inside the project's data/ folder — a source entry can never make istsoll read a file elsewhere.
// What tells whether a file changed (size and time stamp, or its content hash) is worked out here too.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { displayPath, InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { paths, type Project } from '../core/project.js';
import type { Source } from '../core/schema.js';
import { locate } from '../core/yamlfile.js';
import type { Input } from './input.js';
import { TempFiles } from './temp.js';

/** A source with what tells whether its file changed. */
export interface SourceFile extends Input {
  /** Paths, sizes and time stamps of the file(s), and the hash of the source entry. */
  fingerprint: string;
  /** The content hash (of the source entry and the file bytes), computed once, on demand. */
  hash: () => Promise<string>;
}

/** Every source's file; when several are missing, one message lists them all. */
export async function describeInputs(project: Project): Promise<SourceFile[]> {
  const temp = new TempFiles(join(project.dir, '.istsoll'));
  const settled = await Promise.allSettled(
    Object.entries(project.sources).map(([name, source]) => describeInput(project, name, source, temp)),
  );
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failed.length > 1 && failed.every((e) => e instanceof InputError && e.reason.code === 'source-file-missing')) {
    throw new InputError(
      msg('sources-missing', { count: failed.length }),
      undefined,
      msg('hint-put-files'),
      failed as InputError[],
    );
  }
  if (failed.length) throw failed[0];
  return settled.map((s) => (s as PromiseFulfilledResult<SourceFile>).value);
}

async function describeInput(project: Project, name: string, source: Source, temp: TempFiles): Promise<SourceFile> {
  const { doc, lines, path: sourcesPath } = project.sourcesFile;
  const where = (key: string[]) => ({ file: sourcesPath, ...locate(doc, lines, ['sources', name, ...key]) });
  const path = join(project.dir, 'data', source.file);
  const label = displayPath(path);
  const files = await listFiles(path).catch(() => {
    throw new InputError(
      msg('source-file-missing', { file: label, source: name }),
      where(['file']),
      msg('hint-source-path'),
    );
  });
  if (!files.length)
    throw new InputError(msg('source-folder-empty', { file: label }), where(['file']), msg('hint-parquet-folder'));
  await insideData(project, files, where(['file']), name);
  const infos = await Promise.all(files.map((f) => stat(f)));
  if (infos.every((i) => i.size === 0))
    throw new InputError(msg('source-file-empty'), label, msg('hint-data-rows', { source: name }));
  const fingerprint = `${infos.map((i, k) => `${files[k]}:${i.size}:${i.mtimeMs}`).join(';')}|${sourceHash(source)}`;
  let hashing: Promise<string> | undefined;
  const hash = () => (hashing ??= hashFiles(files, sourceHash(source)));
  return { name, source, path, label, where, fingerprint, hash, temp };
}

/** Each file, symlinks followed, must lie inside data/: `../secret.csv` or a link to /etc is refused. */
export async function insideData(
  project: Pick<Project, 'dir'>,
  files: string[],
  where: { file: string; line: number; column: number },
  source: string,
): Promise<void> {
  const data = await realpath(join(project.dir, 'data'));
  for (const file of files) {
    const real = await realpath(file);
    const rel = relative(data, real);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
      throw new InputError(
        msg('source-outside', { file: displayPath(file), source, folder: paths.data }),
        where,
        msg('hint-inside-data'),
      );
  }
}

/** A file, or every Parquet file below a folder, in a stable order. */
async function listFiles(path: string): Promise<string[]> {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { recursive: true });
  return entries
    .filter((e) => e.endsWith('.parquet'))
    .sort()
    .map((e) => join(path, e));
}

async function hashFiles(files: string[], seed: string): Promise<string> {
  const hash = createHash('sha256').update(seed);
  for (const f of files)
    for await (const chunk of createReadStream(f, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function sourceHash(source: Source): string {
  return createHash('sha256').update(JSON.stringify(source)).digest('hex');
}
