// The package.json of a new project: istsoll as its dependency, and the everyday commands as npm scripts
// with German names (staff type `npm run bericht`, not a command line with options).
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { istsollVersion } from '../core/version.js';

/** The running istsoll's package folder: two up from dist/cli (or src/cli in a checkout). */
const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The scripts of a new project; the staff README (templates/project/README.md) explains each. */
export const projectScripts = {
  pruefen: 'istsoll validate',
  laden: 'istsoll load',
  bericht: 'istsoll run',
  vergleich: 'istsoll compare',
  ziele: 'istsoll targets list',
  massnahmen: 'istsoll measures list',
} as const;

export function projectPackage(dir: string): string {
  const manifest = {
    name: packageName(basename(dir)),
    private: true,
    scripts: projectScripts,
    dependencies: { istsoll: istsollSpec(dir) },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * Where the new project gets istsoll from: from where the running istsoll was installed (a tarball or a
 * git URL, as npm recorded it), so that `npm install` in the new folder works at once; from this checkout
 * when istsoll runs from one; else the registry's version of the running istsoll.
 */
export function istsollSpec(dir: string, root = packageRoot): string {
  const parent = dirname(root);
  if (basename(parent) !== 'node_modules') return `file:${portable(relative(dir, root))}`;
  const resolved = installedFrom(dirname(parent));
  if (resolved?.startsWith('file:')) {
    const path = resolved.slice('file:'.length);
    return `file:${portable(relative(dir, isAbsolute(path) ? path : resolve(dirname(parent), path)))}`;
  }
  return resolved && !resolved.startsWith('https://registry.') ? resolved : `^${istsollVersion()}`;
}

/** What npm's hidden lockfile in the installing project (or global folder) says istsoll came from. */
function installedFrom(installer: string): string | undefined {
  try {
    const lock = JSON.parse(readFileSync(resolve(installer, 'node_modules', '.package-lock.json'), 'utf8')) as {
      packages?: Record<string, { resolved?: string }>;
    };
    return lock.packages?.['node_modules/istsoll']?.resolved;
  } catch {
    return undefined;
  }
}

/** npm's rules for a package name: lower case, no spaces, no umlauts. */
export function packageName(folder: string): string {
  const umlauts: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };
  const name = folder
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => umlauts[c]!)
    .normalize('NFKD')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|-+$/g, '');
  return name || 'integrationsmonitoring';
}

/** package.json wants forward slashes on every system. */
function portable(path: string): string {
  return path.split(sep).join('/');
}
