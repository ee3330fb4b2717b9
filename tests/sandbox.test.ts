// Indicator SQL can neither read nor write files, attach databases, nor install or load extensions.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeProject } from '../src/compute/compute.js';
import { openDatabase } from '../src/core/database.js';
import { loadProject } from '../src/load/load.js';
import { readProject } from '../src/core/project.js';
import { copyFixture, tempDb } from './helpers.js';

async function withIndicatorSql(replace: [string, string]) {
  const dir = await copyFixture('mini');
  const file = join(dir, 'indicators', 'employment.yaml');
  await writeFile(file, (await readFile(file, 'utf8')).replace(...replace));
  const project = await readProject(dir);
  const db = await tempDb();
  await loadProject(project, db);
  return computeProject(project, db).then(
    () => null,
    (e: Error & { format?: (lang: 'en') => string }) => e.format?.('en') ?? e.message,
  );
}

describe('indicator SQL is confined to its table', () => {
  it.each([
    [
      'a file read in a subquery',
      ['sum(employed)', "(SELECT count(*) FROM read_csv('/etc/hostname'))"],
      /employment\.yaml:7:\d+: a subquery is not allowed in indicator SQL/,
    ],
    [
      'a table function in the filter',
      [
        'expr: sum(employed) }',
        'expr: sum(employed), filter: "area IN (SELECT content FROM read_text(\'/etc/hostname\'))" }',
      ],
      /employment\.yaml:7:\d+: a subquery is not allowed/,
    ],
    [
      'a second statement (COPY)',
      ['sum(employed)', "sum(employed)) FROM emp; COPY emp TO '/tmp/leak.csv'; SELECT (1"],
      /a `;` is not allowed in indicator SQL/,
    ],
    [
      'a second statement (ATTACH)',
      ['sum(employed)', "sum(employed)) FROM emp; ATTACH '/tmp/x.duckdb'; SELECT (1"],
      /a `;` is not allowed/,
    ],
    [
      'another table in a subquery',
      ['sum(employed)', 'sum(employed) FILTER (WHERE area IN (SELECT area FROM pop))'],
      /a subquery is not allowed/,
    ],
    [
      'a plain aggregate with a filter',
      ['expr: sum(employed) }', 'expr: sum(employed), filter: "area <> \'Z\'" }'],
      null,
    ],
  ] as const)('%s', async (_, replace, expected) => {
    const result = await withIndicatorSql(replace as [string, string]);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatch(expected);
  });
});

describe('the database opened for indicators', () => {
  it.each([
    ["SELECT * FROM read_csv('/etc/hostname')", /file system operations are disabled/],
    ["COPY (SELECT 1) TO '/tmp/istsoll-leak.csv'", /file system operations are disabled/],
    ["ATTACH '/tmp/istsoll-other.duckdb'", /file system operations are disabled/],
    ['INSTALL httpfs', /disabled/],
    ['LOAD httpfs', /disabled/],
    ['SET enable_external_access = true', /the configuration has been locked/],
  ])('refuses %s', async (sql, message) => {
    const db = await openDatabase(':memory:', { sandbox: true });
    try {
      await expect(db.run(sql)).rejects.toThrow(message);
    } finally {
      db.close();
    }
  });
});
