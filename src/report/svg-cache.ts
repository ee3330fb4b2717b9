// Rendered chart SVGs kept in a folder of istsoll's own (.istsoll/istsoll.svg/), one file per chart, named
// by a hash of its spec, its language and the code that draws it (istsoll's version included). Drawing a chart
// takes Vega tens of milliseconds; a report re-made after a target edit draws only the charts that
// changed. A file read back passes the same check as a freshly drawn SVG, so that nothing written into
// the folder by other hands reaches a report. The folder is kept small: files the latest run did not use
// go once the folder holds more than `maxBytes`, the least recently used first.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../core/format.js';
import { codeFingerprint } from '../core/version.js';
import { compactSvg } from './svg-compact.js';

/** Draws a chart as SVG: Vega itself (svg.ts), or through a cache. */
export type SvgRenderer = (spec: TopLevelSpec, lang: Lang) => Promise<string>;

export interface SvgCache {
  render: SvgRenderer;
  /** Charts drawn and charts read from the cache since the cache was opened. */
  counts: { rendered: number; cached: number };
  /** Removes unused files beyond the size bound, and from memory what the run did not use. */
  prune(): Promise<void>;
}

export interface SvgCacheOptions {
  /** Unused files are removed once the folder holds more than this. */
  maxBytes?: number;
  /** SVGs kept in memory as well (a preview server's, between its runs). */
  memory?: Map<string, string>;
}

/** Draws with Vega, loaded only when a chart must really be drawn. */
export const drawSvg: SvgRenderer = async (spec, lang) => (await import('./svg.js')).renderSvg(spec, lang);

export function openSvgCache(dir: string, options: SvgCacheOptions = {}): SvgCache {
  const { maxBytes = 16e6, memory } = options;
  const used = new Set<string>();
  const counts = { rendered: 0, cached: 0 };
  const code = codeFingerprint(new URL('.', import.meta.url));
  let ready: Promise<unknown> | undefined;
  const render: SvgRenderer = async (spec, lang) => {
    const key = createHash('sha256')
      .update(`${code}\n${lang}\n${JSON.stringify(spec)}`)
      .digest('hex');
    const file = join(dir, `${key}.svg`);
    used.add(`${key}.svg`);
    const kept = memory?.get(key) ?? (await readChecked(file));
    if (kept !== null) {
      counts.cached++;
      memory?.set(key, kept);
      return kept;
    }
    const svg = await drawSvg(spec, lang);
    counts.rendered++;
    memory?.set(key, svg);
    ready ??= mkdir(dir, { recursive: true });
    await ready;
    await writeAtomically(file, svg).catch(() => {});
    return svg;
  };
  const prune = async () => {
    for (const key of memory?.keys() ?? []) if (!used.has(`${key}.svg`)) memory!.delete(key);
    await pruneFolder(dir, used, maxBytes);
  };
  return { render, counts, prune };
}

/** A cached SVG, marked as just used, if it passes the check of a drawn one; else null (drawn again). */
async function readChecked(file: string): Promise<string | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    if (compactSvg(text) !== text) return null;
  } catch {
    return null;
  }
  const now = new Date();
  await utimes(file, now, now).catch(() => {});
  return text;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

async function pruneFolder(dir: string, used: Set<string>, maxBytes: number): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  // A write cut short leaves its temporary file behind.
  for (const name of names.filter((n) => n.endsWith('.tmp'))) {
    const info = await stat(join(dir, name)).catch(() => null);
    if (info && Date.now() - info.mtimeMs > 60_000) await rm(join(dir, name), { force: true });
  }
  const files = (
    await Promise.all(
      names
        .filter((n) => /^[0-9a-f]{64}\.svg$/.test(n))
        .map(async (name) => {
          const info = await stat(join(dir, name)).catch(() => null);
          return info ? { name, size: info.size, used: info.mtimeMs } : null;
        }),
    )
  ).filter((f) => f !== null);
  let total = files.reduce((sum, f) => sum + f.size, 0);
  const unused = files.filter((f) => !used.has(f.name)).sort((a, b) => a.used - b.used);
  for (const f of unused) {
    if (total <= maxBytes) break;
    await rm(join(dir, f.name), { force: true });
    total -= f.size;
  }
}
