// The version of istsoll, from its package.json (two folders up from src/core and from dist/core alike).
import { readFileSync } from 'node:fs';

let cached: string | undefined;

export function istsollVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return cached;
}
