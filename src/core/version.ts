// The version of istsoll, from its package.json (two folders up from src/core and from dist/core alike).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

let cached: string | undefined;

export function istsollVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return cached;
}

const fingerprints = new Map<string, string>();

/**
 * A hash of the code in a folder of istsoll (its .js or .ts files): what caches key their entries by
 * besides the version, so that a change of the code that computed an entry is never answered from the
 * cache, even before the version number moves.
 */
export function codeFingerprint(folder: URL): string {
  const known = fingerprints.get(folder.href);
  if (known) return known;
  const hash = createHash('sha256').update(istsollVersion());
  for (const name of readdirSync(folder).sort())
    if (/\.(js|ts)$/.test(name)) hash.update(name).update(readFileSync(new URL(name, folder)));
  const fingerprint = hash.digest('hex');
  fingerprints.set(folder.href, fingerprint);
  return fingerprint;
}
