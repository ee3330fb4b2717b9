// Stage 1: CSV files → DuckDB tables. A load builds a new database file beside the old one and renames
// it into place, so a failed or killed load leaves the previous database exactly as it was. Tables whose
// file and source entry are unchanged (content hash) are copied over instead of read again.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { openDatabase, quoteIdent, quoteString, type Database } from './database.js';
import { didYouMean, displayPath, InputError } from './errors.js';
import type { Project } from './project.js';
import type { Source } from './schema.js';
import { locate } from './yamlfile.js';

export interface LoadedTable {
  name: string;
  file: string;
  rows: number;
  hash: string;
  /** Copied from the previous database because nothing changed. */
  reused: boolean;
}

export interface LoadResult {
  db: string;
  tables: LoadedTable[];
  /** Nothing changed: the database was left as it was. */
  unchanged: boolean;
}

const META = '_istsoll_tables';

export async function loadProject(project: Project, dbPath: string): Promise<LoadResult> {
  const inputs = await Promise.all(Object.entries(project.sources).map(([name, source]) => describeInput(project, name, source)));
  const previous = await readLoadedTables(dbPath);
  const isCurrent = (i: Input) => previous.get(i.name)?.hash === i.hash;
  if (previous.size === inputs.length && inputs.every(isCurrent)) {
    return { db: dbPath, unchanged: true, tables: inputs.map((i) => ({ name: i.name, file: i.label, rows: previous.get(i.name)!.rows, hash: i.hash, reused: true })) };
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
      for (const input of inputs) {
        const reused = isCurrent(input);
        if (reused) await db.run(`CREATE TABLE ${quoteIdent(input.name)} AS SELECT * FROM previous.${quoteIdent(input.name)}`);
        else await loadCsv(db, input);
        const [{ rows }] = (await db.query<{ rows: number }>(`SELECT count(*) AS rows FROM ${quoteIdent(input.name)}`)) as [{ rows: number }];
        tables.push({ name: input.name, file: input.label, rows, hash: input.hash, reused });
      }
      if (previous.size) await db.run('DETACH previous');
      await db.run(`CREATE TABLE ${META} (name VARCHAR PRIMARY KEY, file VARCHAR, hash VARCHAR, rows BIGINT)`);
      for (const t of tables) await db.connection.run(`INSERT INTO ${META} VALUES ($1, $2, $3, $4)`, [t.name, t.file, t.hash, t.rows]);
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

interface Input {
  name: string;
  source: Source;
  path: string;
  /** The path as the user would write it, for messages. */
  label: string;
  hash: string;
  /** Where the source is declared, for messages about it. */
  where: (key: string[]) => { file: string; line: number; column: number };
}

async function describeInput(project: Project, name: string, source: Source): Promise<Input> {
  const { doc, lines, path: sourcesPath } = project.sourcesFile;
  const where = (key: string[]) => ({ file: sourcesPath, ...locate(doc, lines, ['sources', name, ...key]) });
  const path = join(project.dir, 'data', source.file);
  const label = displayPath(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new InputError(`the file ${label} of source \`${name}\` does not exist`, where(['file']), 'check the path: it is relative to the data/ folder');
  }
  if (bytes.length === 0) throw new InputError('the file is empty', label, `expected a header line and data rows for source \`${name}\``);
  const hash = createHash('sha256').update(JSON.stringify(source)).update(bytes).digest('hex');
  return { name, source, path, label, hash, where };
}

async function loadCsv(db: Database, input: Input): Promise<void> {
  const { source, name, label } = input;
  const dialect = source.dialect ?? {};
  const encoding = dialect.encoding ?? (await detectEncoding(input.path));
  const path = encoding === 'utf-8' ? input.path : await transcode(input.path, encoding);
  const options = [
    'header = true',
    dialect.delimiter ? `delim = ${quoteString(dialect.delimiter)}` : null,
    dialect.decimal ? `decimal_separator = ${quoteString(dialect.decimal)}` : null,
    dialect.skip ? `skip = ${dialect.skip}` : null,
    `nullstr = [${(dialect.missing ?? ['']).map(quoteString).join(', ')}]`,
    source.columns ? `types = {${Object.entries(source.columns).map(([c, t]) => `${quoteString(c)}: ${quoteString(t)}`).join(', ')}}` : null,
  ].filter(Boolean);
  try {
    await db.run(`CREATE TABLE ${quoteIdent(name)} AS SELECT * FROM read_csv(${quoteString(path)}, ${options.join(', ')})`);
  } catch (e) {
    throw new InputError(`cannot read the CSV for source \`${name}\`: ${describeDuckError(e)}`, label, 'check the dialect (delimiter, decimal, skip, missing) and column types in data/sources.yaml');
  } finally {
    if (path !== input.path) await rm(path, { force: true });
  }
  await checkTable(db, input);
}

/** Checks that need the loaded table: declared columns exist, years are whole numbers, weights and ids are sound. */
async function checkTable(db: Database, input: Input): Promise<void> {
  const { name, source, label } = input;
  const columns = (await db.query<{ column_name: string; data_type: string }>(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = $1 AND database_name = current_database()`, [name]));
  const names = columns.map((c) => c.column_name);
  const declared: [string, string[]][] = [
    ['year', [source.year]],
    ['weight', source.weight ? [source.weight] : []],
    ['id', source.id ? [source.id] : []],
    ['columns', Object.keys(source.columns ?? {})],
  ];
  for (const [key, cols] of declared) {
    for (const col of cols) {
      if (!names.includes(col)) {
        throw new InputError(`column \`${col}\` is not in ${label}`, input.where(key === 'columns' ? ['columns', col] : [key]), didYouMean(col, names) ?? `columns found: ${names.join(', ')}`);
      }
    }
  }
  const t = quoteIdent(name);
  const year = quoteIdent(source.year);
  const badYear = await db.query<{ v: string }>(`SELECT ${year}::VARCHAR AS v FROM ${t} WHERE ${year} IS NULL OR try_cast(${year} AS INTEGER) IS NULL OR try_cast(${year} AS DOUBLE) <> try_cast(${year} AS INTEGER) LIMIT 1`);
  if (badYear.length) throw new InputError(`the year column \`${source.year}\` holds \`${badYear[0]!.v ?? 'an empty cell'}\``, label, 'expected a whole year such as 2024 in every row');
  if (source.weight) {
    const w = quoteIdent(source.weight);
    const bad = await db.query<{ v: string }>(`SELECT ${w}::VARCHAR AS v FROM ${t} WHERE try_cast(${w} AS DOUBLE) IS NULL OR NOT isfinite(try_cast(${w} AS DOUBLE)) OR try_cast(${w} AS DOUBLE) <= 0 LIMIT 1`);
    if (bad.length) throw new InputError(`the weight column \`${source.weight}\` holds \`${bad[0]!.v ?? 'an empty cell'}\``, label, 'survey weights must be positive, finite numbers in every row');
  }
  if (source.id) {
    const dup = await db.query<{ id: string; y: number }>(`SELECT ${quoteIdent(source.id)}::VARCHAR AS id, ${year} AS y FROM ${t} GROUP BY ALL HAVING count(*) > 1 LIMIT 1`);
    if (dup.length) throw new InputError(`respondent id \`${dup[0]!.id}\` occurs more than once in ${dup[0]!.y}`, label, `the id column \`${source.id}\` must be unique within each period`);
  }
}

/** UTF-8 when the bytes decode as UTF-8; otherwise the Windows code page that German exports use. */
async function detectEncoding(path: string): Promise<'utf-8' | 'windows-1252'> {
  const handle = await open(path);
  try {
    const buffer = Buffer.alloc(1 << 20);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    // A cut in the middle of a multi-byte character at the end of the sample is not an error.
    const sample = buffer.subarray(0, bytesRead === buffer.length ? bytesRead - 3 : bytesRead);
    new TextDecoder('utf-8', { fatal: true }).decode(sample);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  } finally {
    await handle.close();
  }
}

async function transcode(path: string, encoding: string): Promise<string> {
  const out = `${path}.${process.pid}.utf8.tmp`;
  await pipeline(createReadStream(path), iconv.decodeStream(encoding === 'latin-1' ? 'latin1' : encoding), iconv.encodeStream('utf-8'), createWriteStream(out));
  return out;
}

function describeDuckError(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/\n\s*\n[\s\S]*/, '').trim();
}

async function readLoadedTables(dbPath: string): Promise<Map<string, { hash: string; rows: number }>> {
  if (!(await stat(dbPath).catch(() => null))) return new Map();
  let db: Database | undefined;
  try {
    db = await openDatabase(dbPath, { readOnly: true });
    const rows = await db.query<{ name: string; hash: string; rows: number }>(`SELECT name, hash, rows FROM ${META}`);
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
      if (pid && isAlive(pid)) {
        throw new InputError(`the database is in use: process ${pid} is loading into it`, lock, 'wait for that load to finish, then run again');
      }
      await rm(lock, { force: true }); // left behind by a load that was killed
    }
  }
  throw new InputError('could not take the load lock', lock, 'remove the lock file if no load is running');
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
