// The tools of the bad-input corpus (badinput.test.ts): a fresh copy of the mini project per case, a
// folder outside it holding a canary, and ways to write broken files into the copy.
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyFixture } from './helpers.js';

/** A copy of the mini project, with a folder beside it that the project must never read or write. */
export interface Sandbox {
  dir: string;
  /** A folder outside the project, holding `secret.csv` and `secret.geojson` with the canary in them. */
  outside: string;
  /** Writes a file below the project (folders made as needed). */
  write: (rel: string, content: string | Buffer) => Promise<void>;
  read: (rel: string) => Promise<string>;
  /** Replaces `from` with `to` in a project file; fails the case when `from` is not there. */
  edit: (rel: string, from: string | RegExp, to: string) => Promise<void>;
  link: (target: string, rel: string) => Promise<void>;
}

/** Text that stands for a secret: it must never appear in any output of istsoll. */
export const canary = 'KANARIENVOGEL-7f3a';

export async function makeSandbox(fixture = 'mini'): Promise<Sandbox> {
  const dir = await copyFixture(fixture);
  const outside = await mkdtemp(join(tmpdir(), 'istsoll-outside-'));
  await writeFile(join(outside, 'secret.csv'), `year,area,nat,employed\n2020,${canary},D,1\n`);
  const feature = { type: 'Feature', geometry: null, properties: { code: canary } };
  await writeFile(join(outside, 'secret.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
  const at = (rel: string) => join(dir, rel);
  return {
    dir,
    outside,
    write: async (rel, content) => {
      await mkdir(dirname(at(rel)), { recursive: true });
      await writeFile(at(rel), content);
    },
    read: (rel) => readFile(at(rel), 'utf8'),
    edit: async (rel, from, to) => {
      const text = await readFile(at(rel), 'utf8');
      const next = text.replace(from, to);
      if (next === text) throw new Error(`${String(from)} is not in ${rel}`);
      await writeFile(at(rel), next);
    },
    link: async (target, rel) => {
      await mkdir(dirname(at(rel)), { recursive: true });
      await symlink(target, at(rel));
    },
  };
}

/** `count` rows of emp.csv after its header: four cells (two areas, two nationalities) a year from 2020. */
export function empRows(count: number): string {
  const cells = ['A,D', 'A,X', 'B,D', 'B,X'];
  return Array.from({ length: count }, (_, i) => `${2020 + Math.floor(i / 4)},${cells[i % 4]},${10 + i}\n`).join('');
}

export const empHeader = 'year,area,nat,employed\n';

/** emp.csv with `line` (1-based, the header is line 1) replaced. */
export function empWith(line: number, text: string, total = 9): string {
  const lines = (empHeader + empRows(total - 1)).split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
}

/** UTF-16 in either byte order, with or without a byte-order mark. */
export function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (order === 'le') return le;
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
  return be;
}

/** Bytes that are no text: a deterministic pseudo-random stream with NULs in it. */
export function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
