// The bad-input corpus (issue 11): broken CSV bytes, broken YAML, indicator SQL that walks around the
// allow list, paths out of the project and wrong options. Every case must end in exit 1 (2 for wrong
// usage) with one message that names the file and a place, a hint for bad input, and no stack trace;
// the canary outside the project never shows. A subset runs again under --json: one object on stdout.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliCases, pathCases, sqlCases } from './badinput-commands.js';
import { csvCases, type BadCase } from './badinput-files.js';
import { yamlCases } from './badinput-yaml.js';
import { canary, makeSandbox } from './badinput-kit.js';
import { runCli, type CliResult } from './helpers.js';

const groups: [string, BadCase[]][] = [
  ['CSV bytes', csvCases],
  ['YAML', yamlCases],
  ['indicator SQL', sqlCases],
  ['paths', pathCases],
  ['command-line options', cliCases],
];

async function run(c: BadCase, ...extra: string[]): Promise<CliResult> {
  const s = await makeSandbox();
  await c.setup?.(s);
  const r = await runCli('--project', s.dir, ...(c.args?.(s) ?? ['validate']), ...extra);
  // Whatever the command did, the project's own files and the canary outside stay as they were.
  expect(await readFile(join(s.outside, 'secret.csv'), 'utf8')).toContain(canary);
  return r;
}

function expectNoCrash(r: CliResult, c: BadCase): void {
  const all = r.stdout + r.stderr;
  expect(r.code, all).toBe(c.code ?? 1);
  expect(all).not.toMatch(/^\s+at /m);
  expect(all).not.toMatch(/unexpected error|unerwarteter Fehler/i);
  expect(all).not.toContain(canary);
  // Control characters from the input reach the terminal made visible (`\x1b`), never raw.
  expect(all).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
}

describe.each(groups)('bad input: %s', (_, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await run(c);
    expectNoCrash(r, c);
    const [first] = r.stderr.split('\n');
    expect(first, r.stderr).toMatch(/^error: /);
    expect(first, r.stderr).toMatch(c.where);
    if ((c.code ?? 1) === 1) expect(r.stderr, 'a hint').toMatch(/\n {2}hint: \S/);
    expect(r.stdout).toBe('');
  });
});

const jsonCases = groups.flatMap(([, cases]) => cases.filter((c) => c.json));

describe('bad input under --json', () => {
  it('has a subset to run', () => expect(jsonCases.length).toBeGreaterThanOrEqual(15));
  it.each(jsonCases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await run(c, '--json');
    expectNoCrash(r, c);
    const lines = r.stdout.trim().split('\n');
    expect(lines, r.stdout).toHaveLength(1);
    const error = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(error).slice(0, 6)).toEqual(['error', 'code', 'file', 'line', 'column', 'hint']);
    expect(typeof error.error).toBe('string');
    if ((c.code ?? 1) === 2) return expect(error.code).toBe('usage');
    expect(error.code).toMatch(/^[a-z0-9-]+$/);
    expect(typeof error.file).toBe('string');
    expect(typeof error.hint).toBe('string');
    // The place of the JSON object is the place of the words on stderr.
    const place = [error.file, error.line, error.column].filter((p) => p !== null).join(':');
    expect(r.stderr.split('\n')[0]).toContain(`${place}: `);
  });
});

it('holds at least 80 cases', () => {
  expect(groups.reduce((n, [, cases]) => n + cases.length, 0)).toBeGreaterThanOrEqual(80);
});
