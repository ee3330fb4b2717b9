// Fuzzing the whole command line (issue 11): random bytes as a CSV source, random YAML as sources.yaml and
// as an indicator file, random SQL fragments as expr and filter, through load, validate and compute. None
// may end in exit 3 (a bug), none may read outside the project. Two witnesses for the second: a canary
// file outside the project, which every generator tries to reach (by ../, an absolute path, a link in
// data/, read_csv in SQL) and whose text must never show; and a spy on Node's file reads, every one of
// which must stay in the project, in istsoll's own installation, or in /proc (the lock's process check).
import fs from 'node:fs';
import { mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, root, runCli, type CliResult } from './helpers.js';

const canary = 'FUZZ-KANARIE-51c9';
/** Runs per property: small enough for every test run; FUZZ_RUNS=500 for a long search on a quiet machine. */
const runs = (n: number) => Number(process.env.FUZZ_RUNS ?? n);
/** A property's time: a run takes well under a second, a load on disk included. */
const timeout = Math.max(60_000, runs(25) * 2_000);
let outside: string;
const reads: string[] = [];
const saved = {
  readFile: fs.promises.readFile,
  open: fs.promises.open,
  readFileSync: fs.readFileSync,
  createReadStream: fs.createReadStream,
};

/** Every file Node opens for reading goes into `reads` (the named imports of src/ follow the swap). */
beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'istsoll-fuzz-outside-'));
  await writeFile(join(outside, 'secret.csv'), `year,area,nat,employed\n2020,${canary},D,1\n`);
  const note = (path: unknown) => void (typeof path === 'string' && reads.push(resolve(path)));
  fs.promises.readFile = ((path: string, ...rest: []) => (
    note(path),
    saved.readFile(path, ...rest)
  )) as typeof saved.readFile;
  fs.promises.open = ((path: string, ...rest: []) => (note(path), saved.open(path, ...rest))) as typeof saved.open;
  fs.readFileSync = ((path: string, ...rest: []) => (
    note(path),
    saved.readFileSync(path, ...rest)
  )) as typeof saved.readFileSync;
  fs.createReadStream = ((path: string, ...rest: []) => (
    note(path),
    saved.createReadStream(path, ...rest)
  )) as typeof saved.createReadStream;
  syncBuiltinESMExports();
});

afterAll(() => {
  Object.assign(fs.promises, { readFile: saved.readFile, open: saved.open });
  Object.assign(fs, { readFileSync: saved.readFileSync, createReadStream: saved.createReadStream });
  syncBuiltinESMExports();
});

/** A fresh copy of the mini project with a link in data/ that leads to the canary. */
async function project(): Promise<string> {
  const dir = await copyFixture('mini');
  await symlink(join(outside, 'secret.csv'), join(dir, 'data', 'link.csv'));
  return dir;
}

const allowed = (dir: string) => [dir, root, '/proc/'];

/** Runs one command on the project and checks the two promises: no exit 3, nothing read outside. */
async function expectContained(dir: string, ...args: string[]): Promise<CliResult> {
  reads.length = 0;
  const r = await runCli(...args, '--project', dir);
  const all = r.stdout + r.stderr;
  expect(r.code, all).not.toBe(3);
  expect(all).not.toMatch(/^\s+at /m);
  expect(all).not.toContain(canary);
  const strays = reads.filter((p) => !allowed(dir).some((a) => p === a || p.startsWith(a.endsWith('/') ? a : `${a}/`)));
  expect(strays, args.join(' ')).toEqual([]);
  return r;
}

const command = fc.constantFrom(['validate'], ['load'], ['compute', '--json']);

describe('the spy on file reads', () => {
  it('sees what a command reads', async () => {
    const dir = await project();
    await expectContained(dir, 'validate');
    expect(reads).toContain(join(dir, 'data', 'sources.yaml'));
    expect(reads).toContain(join(dir, 'indicators', 'employment.yaml'));
  });
});

/** Text that looks like CSV: cells of digits, words and the characters that break readers. */
const csvText = fc
  .array(
    fc.array(fc.stringMatching(/^[0-9A-Za-zäöü .,;"'\t\r\n\x00\x1b\u00c3\u00bc\ufeff\u2028-]{0,12}$/), {
      minLength: 1,
      maxLength: 6,
    }),
    { maxLength: 12 },
  )
  .map((rows) => ['year,area,nat,employed', ...rows.map((r) => r.join(','))].join('\n'));

const csvBytes = fc.oneof(
  fc.uint8Array({ maxLength: 1500 }).map((b) => Buffer.from(b)),
  csvText.map((t) => Buffer.from(t, 'utf8')),
  csvText.map((t) => Buffer.from(t, 'latin1')),
  csvText.map((t) => Buffer.from(`\ufeff${t}`, 'utf16le')),
  fc.tuple(csvText, fc.uint8Array({ maxLength: 40 })).map(([t, b]) => Buffer.concat([Buffer.from(t), b])),
);

describe('random bytes as a CSV source', () => {
  it(
    'end in exit 0 or 1, read nothing outside the project',
    async () => {
      await fc.assert(
        fc.asyncProperty(csvBytes, command, async (bytes, args) => {
          const dir = await project();
          await writeFile(join(dir, 'data', 'emp.csv'), bytes);
          await expectContained(dir, ...args);
        }),
        { numRuns: runs(25) },
      );
    },
    timeout,
  );
});

/** Paths a source or the map might name: ordinary ones, and every way out of data/ there is. */
const pathArb = (dir: () => string) =>
  fc.oneof(
    fc.constantFrom('emp.csv', 'pop.csv', 'link.csv', '', '.', '..', 'emp.csv\0', '/etc/passwd'),
    fc.constant(null).map(() => relative(join(dir(), 'data'), join(outside, 'secret.csv'))),
    fc.constant(null).map(() => join(outside, 'secret.csv')),
    fc.string({ maxLength: 12 }),
  );

/** Any YAML value: scalars of every type, lists and maps, nested. */
const yamlValue = fc.jsonValue({ maxDepth: 3 });

/** Mostly a value that fits, sometimes any value at all. */
const plausible = <T>(...values: T[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: yamlValue });

describe('random YAML as project files', () => {
  it(
    'sources.yaml and the map: paths out of data/ and entries of random shape',
    async () => {
      let dir = '';
      const entry = fc.record(
        {
          file: fc.oneof({ weight: 4, arbitrary: pathArb(() => dir) }, { weight: 1, arbitrary: yamlValue }),
          year: plausible('year', 'jahr', 'area'),
          dialect: plausible({ delimiter: ',' }, { delimiter: ';' }, { skip: 1 }, { encoding: 'utf-16' }),
          columns: plausible({ employed: 'INTEGER' }, { year: 'VARCHAR' }, {}),
        },
        { requiredKeys: ['file', 'year'] },
      );
      const map = fc.option(
        fc.record({ file: pathArb(() => dir), column: plausible('area'), property: plausible('code') }),
        { freq: 1 },
      );
      await fc.assert(
        fc.asyncProperty(entry, map, command, async (emp, map, args) => {
          dir = await project();
          const sources = {
            pop: { file: 'pop.csv', year: 'year', dialect: { delimiter: ';' } },
            emp,
            poll: { file: 'poll.csv', year: 'wave', weight: 'w', id: 'id' },
          };
          await writeFile(join(dir, 'data', 'sources.yaml'), stringify({ sources }));
          if (map) await fs.promises.appendFile(join(dir, 'istsoll.yaml'), stringify({ map }));
          await expectContained(dir, ...args);
        }),
        { numRuns: runs(25) },
      );
    },
    timeout,
  );

  it(
    'an indicator file: keys replaced by random values, or random YAML text',
    async () => {
      const values = {
        id: plausible('employment', 'agree', 'Employment'),
        field: plausible('work', 'voice', 'nope'),
        unit: plausible('percent', 'count', 'total', 'mean'),
        direction: plausible('higher', 'lower'),
        numerator: plausible({ table: 'emp', expr: 'count(*)' }, { table: 'pop', expr: 'sum(persons)' }),
        denominator: plausible({ table: 'emp', expr: 'count(*)' }, { table: 'poll', expr: 'count(*)' }),
        by: plausible([], ['area'], ['nat', 'area'], ['year'], ['area', 'area']),
        groups: plausible(
          { column: 'nat', compared: 'X', reference: 'D' },
          { column: 'area', compared: 'A', reference: 'Z' },
        ),
        baseline: plausible(2019, 2021, 2030, 1e9),
        targets: plausible([], [{ year: 2030, value: 101 }], [{ year: 2025, gap: 1 }], [{ year: 2030, trend: true }]),
      };
      const replaced = fc.record(values, { requiredKeys: [] });
      const yamlText = fc.stringMatching(/^[a-z:&*!|>\-\[\]{}"' #\n\t0-9]{0,80}$/);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 4, arbitrary: replaced }, { weight: 1, arbitrary: yamlText }),
          command,
          async (change, args) => {
            const dir = await project();
            const file = join(dir, 'indicators', 'employment.yaml');
            const base = {
              id: 'employment',
              title: { de: 'Quote' },
              field: 'work',
              unit: 'percent',
              direction: 'higher',
              numerator: { table: 'emp', expr: 'sum(employed)' },
              denominator: { table: 'pop', expr: 'sum(persons)' },
              by: ['area', 'nat'],
              baseline: 2020,
              targets: [{ year: 2030, value: 70 }],
              department: 'Amt für Tests',
              source: 'Testdaten',
            };
            await writeFile(file, typeof change === 'string' ? change : stringify({ ...base, ...change }));
            await expectContained(dir, ...args);
          },
        ),
        { numRuns: runs(25) },
      );
    },
    timeout,
  );
});

/** SQL made of tokens that compute, and of tokens that try to reach other tables, files and settings. */
const sqlToken = fc.oneof(
  fc.constantFrom('sum(', 'count(', 'avg(', 'max(', '(', ')', ',', '*', '+', '/', '=', '<', 'AND', 'OR', 'NOT', 'CASE'),
  fc.constantFrom('WHEN', 'THEN', 'ELSE', 'END', 'employed', 'area', 'nat', 'year', "'A'", '1', '0.5', 'NULL'),
  fc.constantFrom('SELECT', 'FROM', 'pop', 'pop.persons', 'UNION ALL', 'BY NAME', 'GROUP BY ALL', ')) FROM pop --'),
  fc.constantFrom(
    '--',
    '/*',
    '*/',
    ';',
    'read_csv(',
    'read_text(',
    'glob(',
    'getenv(',
    "current_setting('home_directory')",
  ),
  fc.constantFrom('query_table(', 'sql_auto_complete(', 'EXISTS (', 'OVER ()', '::JSON', 'x -> x', '$1', '#1'),
  fc.constant(null).map(() => `'${join(outside, 'secret.csv')}'`),
);
const sql = fc.oneof(
  { weight: 3, arbitrary: fc.array(sqlToken, { minLength: 1, maxLength: 10 }).map((t) => t.join(' ')) },
  { weight: 1, arbitrary: fc.constantFrom('sum(employed)', 'count(*)', "area = 'A'", 'employed > 10', 'nat <> area') },
);

describe('random SQL fragments as expr and filter', () => {
  it(
    'end in exit 0 or 1, read nothing outside the project',
    async () => {
      await fc.assert(
        fc.asyncProperty(sql, fc.option(sql, { nil: undefined }), command, async (expr, filter, args) => {
          const dir = await project();
          const file = join(dir, 'indicators', 'employment.yaml');
          const numerator = { table: 'emp', expr, ...(filter === undefined ? {} : { filter }) };
          const text = (await saved.readFile(file, 'utf8')).replace(
            'numerator: { table: emp, expr: sum(employed) }',
            `numerator: ${JSON.stringify(numerator)}`,
          );
          await writeFile(file, text);
          await expectContained(dir, ...args);
        }),
        { numRuns: runs(25) },
      );
    },
    timeout,
  );
});
