// The report's own browser code (client/*.ts) and stylesheet (style/*.css), read to be inlined into the
// page. A build (`npm run build:client`) writes the code compiled to JavaScript beside the compiled
// report module, so that a built installation needs no compiler. Run from the sources (tsx, vitest), this
// module compiles the TypeScript itself with the same esbuild options: the inlined script is the same,
// byte for byte, either way.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TransformOptions } from 'esbuild';

/** In the order they run: the tables first, so that they become sortable even if a chart fails. */
const clientFiles = ['scrollers', 'tables', 'downloads', 'charts'];
const styleFiles = ['report', 'print'];

/** Readable and the same on every run: not minified, no source map, no banner. */
const transformOptions = {
  loader: 'ts',
  format: 'iife',
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'none',
  sourcemap: false,
} satisfies TransformOptions;

/** The folder of this module: src/report, or its compiled counterpart in dist/. */
const here = fileURLToPath(new URL('.', import.meta.url));
const cache = new Map<string, string>();

/** The browser code of the report: every client file, compiled, in one script. */
export function readClientScript(dir: string = here): string {
  return clientFiles.map((name) => readOnce(join(dir, 'client', name), () => readClientFile(dir, name))).join('');
}

/** One of the static stylesheets, style/<name>.css. */
export function readStylesheet(name: 'report' | 'print', dir: string = here): string {
  const path = join(dir, 'style', `${name}.css`);
  return readOnce(path, () => readFileSync(path, 'utf8'));
}

/**
 * Writes the compiled client code and copies the stylesheets into `reportDir`, the folder that holds the
 * compiled report module; the sources are read from this module's folder. Returns the files written.
 */
export function writeClientBuild(reportDir: string, sourceDir: string = here): string[] {
  mkdirSync(join(reportDir, 'client'), { recursive: true });
  mkdirSync(join(reportDir, 'style'), { recursive: true });
  const scripts = clientFiles.map((name) => {
    const path = join(reportDir, 'client', `${name}.js`);
    writeFileSync(path, compileClient(readFileSync(join(sourceDir, 'client', `${name}.ts`), 'utf8'), `${name}.ts`));
    return path;
  });
  const styles = styleFiles.map((name) => {
    const path = join(reportDir, 'style', `${name}.css`);
    copyFileSync(join(sourceDir, 'style', `${name}.css`), path);
    return path;
  });
  return [...scripts, ...styles];
}

/** The prebuilt JavaScript where a build wrote it (in dist/), else the TypeScript compiled now. */
function readClientFile(dir: string, name: string): string {
  const built = join(dir, 'client', `${name}.js`);
  if (existsSync(built)) return readFileSync(built, 'utf8');
  const source = join(dir, 'client', `${name}.ts`);
  if (!existsSync(source)) throw new Error(`neither ${built} nor ${source} exists: run npm run build:client`);
  return compileClient(readFileSync(source, 'utf8'), `${name}.ts`);
}

/** esbuild strips the types; it is loaded only when needed, as a built installation reads the .js files. */
function compileClient(source: string, file: string): string {
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  return esbuild.transformSync(source, { ...transformOptions, sourcefile: file }).code;
}

function readOnce(key: string, read: () => string): string {
  let text = cache.get(key);
  if (text === undefined) {
    text = read();
    cache.set(key, text);
  }
  return text;
}
