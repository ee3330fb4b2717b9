// Stage 1: CSV files → DuckDB tables. A load builds a new database file beside the old one and renames
// it into place, so a failed or killed load leaves the previous database exactly as it was. Tables whose
// file and source entry are unchanged (content hash) are copied over instead of read again.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { openDatabase, quoteIdent, quoteString, type Database } from '../core/database.js';
import { checkTable } from './checks.js';
import { displayPath, InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { Project } from '../core/project.js';
import type { Input } from './input.js';
import { readSource } from './read.js';
import type { Source } from '../core/schema.js';
import { locate } from '../core/yamlfile.js';

export interface LoadedTable {
  name: string;
  file: string;
  rows: number;
  hash: string;
  /** Size and time stamp of the file(s) and the source entry's hash, to skip unchanged files without reading them. */
  stamp: string;
  /** Copied from the previous database because nothing changed. */
  reused: boolean;
}

/** What a long load tells while it runs: a file it has started reading, and one it has read. */
export type LoadProgress =
  { kind: 'reading'; file: string } | { kind: 'read'; file: string; rows: number; seconds: number };

export interface LoadResult {
  db: string;
  tables: LoadedTable[];
  /** Nothing changed: the database was left as it was. */
  unchanged: boolean;
}

const META = '_istsoll_tables';

/** A source with what tells whether its file changed. */
interface SourceFile extends Input {
  /** Paths, sizes and time stamps of the file(s). */
  stamp: string;
  /** The content hash (of the source entry and the file bytes), computed once, on demand. */
  hash: () => Promise<string>;
}

export async function loadProject(
  project: Project,
  dbPath: string,
  onProgress: (event: LoadProgress) => void = () => {},
): Promise<LoadResult> {
  const inputs = await describeInputs(project);
  const previous = await readLoadedTables(dbPath);
  // Like git's index: an entry whose file has the same size and time stamp is taken as unchanged without
  // reading it; otherwise its content hash decides.
  const fingerprint = (i: SourceFile) => `${i.stamp}|${sourceHash(i.source)}`;
  const isCurrent = async (i: SourceFile) => {
    const before = previous.get(i.name);
    if (!before) return false;
    return before.stamp === fingerprint(i) || before.hash === (await i.hash());
  };
  const current = await Promise.all(inputs.map(isCurrent));
  if (previous.size === inputs.length && current.every(Boolean)) {
    return {
      db: dbPath,
      unchanged: true,
      tables: inputs.map((i) => ({ ...previous.get(i.name)!, name: i.name, file: i.label, reused: true })),
    };
  }
  await mkdir(dirname(dbPath), { recursive: true });
  const release = await acquireLock(dbPath);
  const temp = `${dbPath}.loading`;
  try {
    await removeDatabase(temp);
    const db = await openDatabase(temp);
    const tables: LoadedTable[] = [];
    try {
      if (previous.size) await db.run(`ATTACH ${quoteString(dbPath)} AS previous (READ_ONLY)`);
      for (const [k, input] of inputs.entries()) {
        const reused = current[k]!;
        const started = Date.now();
        // Only work that takes more than a second is worth a line.
        const slow = setTimeout(() => onProgress({ kind: 'reading', file: input.label }), 1000);
        // The file is hashed while DuckDB reads it: the two overlap instead of adding up.
        const hash = input.hash();
        try {
          if (reused)
            await db.run(`CREATE TABLE ${quoteIdent(input.name)} AS SELECT * FROM previous.${quoteIdent(input.name)}`);
          else await checkTable(db, input, await readSource(db, input));
        } finally {
          clearTimeout(slow);
        }
        const [{ rows }] = (await db.query<{ rows: number }>(
          `SELECT count(*) AS rows FROM ${quoteIdent(input.name)}`,
        )) as [{ rows: number }];
        if (rows === 0)
          throw new InputError(
            msg('source-no-rows', { source: input.name }),
            input.label,
            msg('hint-data-rows', { source: input.name }),
          );
        tables.push({ name: input.name, file: input.label, rows, hash: await hash, stamp: fingerprint(input), reused });
        if (!reused && Date.now() - started > 1000)
          onProgress({ kind: 'read', file: input.label, rows, seconds: (Date.now() - started) / 1000 });
      }
      if (previous.size) await db.run('DETACH previous');
      await db.run(
        `CREATE TABLE ${META} (name VARCHAR PRIMARY KEY, file VARCHAR, hash VARCHAR, stamp VARCHAR, rows BIGINT)`,
      );
      for (const t of tables)
        await db.connection.run(`INSERT INTO ${META} VALUES ($1, $2, $3, $4, $5)`, [
          t.name,
          t.file,
          t.hash,
          t.stamp,
          t.rows,
        ]);
      await db.run('CHECKPOINT');
    } finally {
      db.close();
    }
    await rename(temp, dbPath);
    await rm(`${dbPath}.wal`, { force: true });
    return { db: dbPath, unchanged: false, tables };
  } catch (e) {
    await removeDatabase(temp);
    throw e;
  } finally {
    await release();
  }
}

/** Every source's file; when several are missing, one message lists them all. */
async function describeInputs(project: Project): Promise<SourceFile[]> {
  const settled = await Promise.allSettled(
    Object.entries(project.sources).map(([name, source]) => describeInput(project, name, source)),
  );
  const failed = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
  if (failed.length > 1 && failed.every((e) => e instanceof InputError)) {
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

async function describeInput(project: Project, name: string, source: Source): Promise<SourceFile> {
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
  const infos = await Promise.all(files.map((f) => stat(f)));
  if (infos.every((i) => i.size === 0))
    throw new InputError(msg('source-file-empty'), label, msg('hint-data-rows', { source: name }));
  const stamp = infos.map((i, k) => `${files[k]}:${i.size}:${i.mtimeMs}`).join(';');
  let hashing: Promise<string> | undefined;
  const hash = () => (hashing ??= hashFiles(files, sourceHash(source)));
  return { name, source, path, label, where, stamp, hash };
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

/** A load replaces the file at the database path: never when that file is something else (a typo in --db). */
async function refuseNonDatabase(dbPath: string): Promise<void> {
  const handle = await open(dbPath);
  try {
    const head = Buffer.alloc(12);
    await handle.read(head, 0, 12, 0);
    if (head.subarray(8, 12).toString('latin1') !== 'DUCK')
      throw new InputError(msg('db-not-duckdb'), displayPath(dbPath), msg('hint-db-path'));
  } finally {
    await handle.close();
  }
}

async function readLoadedTables(dbPath: string): Promise<Map<string, { hash: string; stamp: string; rows: number }>> {
  if (!(await stat(dbPath).catch(() => null))) return new Map();
  await refuseNonDatabase(dbPath);
  let db: Database | undefined;
  try {
    db = await openDatabase(dbPath, { readOnly: true });
    const rows = await db.query<{ name: string; hash: string; stamp: string; rows: number }>(
      `SELECT name, hash, stamp, rows FROM ${META}`,
    );
    return new Map(rows.map((r) => [r.name, r]));
  } catch {
    return new Map();
  } finally {
    db?.close();
  }
}

/** A lock file next to the database: a second load while one runs fails at once instead of waiting. */
async function acquireLock(dbPath: string): Promise<() => Promise<void>> {
  const lock = `${dbPath}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      return () => rm(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(await readFile(lock, 'utf8').catch(() => ''));
      // A lock with our own process id was left by an earlier process whose id has been reused.
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new InputError(msg('db-in-use', { pid }), lock, msg('hint-wait-load'));
      }
      await rm(lock, { force: true }); // left behind by a load that was killed
    }
  }
  throw new InputError(msg('db-lock-failed'), lock, msg('hint-remove-lock'));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function removeDatabase(path: string): Promise<void> {
  await Promise.all([rm(path, { force: true }), rm(`${path}.wal`, { force: true })]);
}
