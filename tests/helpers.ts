// Shared test helpers: copies of fixture projects in temporary folders, and the CLI run in-process.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { main } from '../src/cli/index.js';
import { say, type Message } from '../src/core/messages/index.js';

export const fixture = (name: string) => resolve(import.meta.dirname, 'fixtures', name);
export const root = resolve(import.meta.dirname, '..');

/** A private copy of a fixture project, safe to edit and load into. */
export async function copyFixture(name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `istsoll-${name}-`));
  await cp(fixture(name), dir, { recursive: true });
  return dir;
}

export async function tempDb(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'istsoll-db-')), 'test.duckdb');
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process, capturing what it writes. */
export async function runCli(...args: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((s: string) => out.push(String(s)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => err.push(String(s)) > 0) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    [process.stdout.write, process.stderr.write] = saved as [typeof process.stdout.write, typeof process.stderr.write];
  }
}

/** The notes of a value (or the reason of a comparison) in English words, as one string. */
export function noteOf(v: { notes: Message[] } | undefined): string {
  return (v?.notes ?? []).map((n) => say(n, 'en')).join('; ');
}

export function words(m: Message | null | undefined): string | null {
  return m ? say(m, 'en') : null;
}
