// Lines of code at most 120 characters. Prettier keeps code within them but cannot break a string, a template
// or a comment: those are split by hand, and this test names each line that is still too long.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './helpers.js';

const limit = 120;
const code = /\.(ts|mts|mjs|css|json)$/;

/** Code files under a folder; `deep: false` keeps to the folder itself (tests/, whose subfolders hold data). */
function codeFiles(dir: string, deep = true): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (deep ? codeFiles(join(dir, e.name)) : []) : code.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('code style', () => {
  it(`keeps every line of src/, tests/*.ts, bench/ and scripts/ within ${limit} characters`, () => {
    const files = [
      ...codeFiles(join(root, 'src')),
      ...codeFiles(join(root, 'tests'), false),
      ...codeFiles(join(root, 'bench')),
      ...codeFiles(join(root, 'scripts')),
    ];
    expect(files.length).toBeGreaterThan(100);
    const long = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          [...line].length > limit ? [`${relative(root, file)}:${i + 1}: ${[...line].length} characters`] : [],
        ),
    );
    expect(long).toEqual([]);
  });
});
