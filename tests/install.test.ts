// What a town does, through npm: pack istsoll, install the tarball into an empty folder, `istsoll init` a
// project beside it, `npm install` there, then validate, build the report and open it. npm answers from
// its cache (`npm ci` of this repository filled it with every package; --prefer-offline asks the registry
// only for what the cache lacks: on a new machine, the package lists that `npm ci` does not need).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserTests, chromiumArgs, chromiumPath } from './browser-env.js';
import { root } from './helpers.js';

const exec = promisify(execFile);
/** The npm settings of an outer `npm test` (npm_config_*, npm_package_*) must not steer the npm run here. */
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k))),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

async function npm(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('npm', args, { cwd, env, maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

let work: string;
let town: string;
const seconds: Record<string, string> = {};

async function timed<T>(step: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  seconds[step] = ((performance.now() - started) / 1000).toFixed(1);
  return result;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'istsoll-install-'));
  const packed = join(work, 'packed');
  await mkdir(packed);
  // `npm pack` builds first (the prepare script), so the tarball holds the current sources compiled.
  await timed('pack', () => npm(root, 'pack', '--pack-destination', packed));
  const [tarball] = await readdir(packed);
  const tools = join(work, 'tools');
  await mkdir(tools);
  await writeFile(join(tools, 'package.json'), '{ "name": "tools", "private": true }\n');
  await timed('install', () => npm(tools, 'install', '--prefer-offline', join(packed, tarball!)));
  town = join(work, 'musterstadt');
  await timed('init', () =>
    exec(join(tools, 'node_modules', '.bin', 'istsoll'), ['init', town, '--name', 'Musterstadt'], { env }),
  );
  await timed('project install', () => npm(town, 'install', '--prefer-offline'));
  console.info(
    `install test: ${Object.entries(seconds)
      .map(([s, t]) => `${s} ${t} s`)
      .join(', ')}`,
  );
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('istsoll installed from its tarball into a town project', () => {
  it('the project depends on the same tarball, and npm installed istsoll into it', async () => {
    const manifest = JSON.parse(await readFile(join(town, 'package.json'), 'utf8'));
    expect(manifest.dependencies.istsoll).toMatch(/^file:\.\.\/packed\/istsoll-[\d.]+\.tgz$/);
    expect(existsSync(join(town, 'package-lock.json'))).toBe(true);
    const installed = JSON.parse(await readFile(join(town, 'node_modules', 'istsoll', 'package.json'), 'utf8'));
    const own = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    expect(installed.version).toBe(own.version);
  });

  it('carries the built CLI and no TypeScript compiler', () => {
    expect(existsSync(join(town, 'node_modules', 'istsoll', 'dist', 'main.js'))).toBe(true);
    expect(existsSync(join(town, 'node_modules', 'istsoll', 'dist', 'report', 'client', 'charts.js'))).toBe(true);
    expect(existsSync(join(town, 'node_modules', 'istsoll', 'src'))).toBe(false);
    for (const dev of ['tsx', 'esbuild', 'typescript', 'vitest'])
      expect(existsSync(join(town, 'node_modules', dev)), dev).toBe(false);
  });

  it('resolves arquero with the pinned flechette', async () => {
    const flechette = JSON.parse(
      await readFile(join(town, 'node_modules', '@uwdata', 'flechette', 'package.json'), 'utf8'),
    );
    expect(flechette.version).toBe('2.6.0');
    expect(existsSync(join(town, 'node_modules', 'arquero', 'node_modules', '@uwdata', 'flechette'))).toBe(false);
  });

  it("every YAML file's $schema line names a file that npm installed", async () => {
    const yamls = (await readdir(town, { recursive: true })).filter(
      (f) => f.endsWith('.yaml') && !f.startsWith('node_modules'),
    );
    expect(yamls.length).toBeGreaterThan(5);
    for (const file of yamls) {
      const schema = /\$schema=(\S+)/.exec(await readFile(join(town, file), 'utf8'))?.[1];
      expect(schema, file).toBeDefined();
      expect(existsSync(resolve(dirname(join(town, file)), schema!)), `${file}: ${schema}`).toBe(true);
    }
  });

  it('npx istsoll validates the project as it came', async () => {
    const { stdout } = await exec('npx', ['--offline', 'istsoll', 'validate'], { cwd: town, env });
    expect(stdout).toBe('ok: 2 sources, 2 indicators, 2 targets, 1 measure\n');
  });

  it('npm run bericht writes the report', async () => {
    await timed('bericht', () => npm(town, 'run', 'bericht'));
    const html = await readFile(join(town, 'reports', 'index.html'), 'utf8');
    expect(html).toContain('Integrationsmonitoring der Stadt Musterstadt');
    expect(html).toContain('Beispieldaten');
  });

  browserTests.describe('the report in a browser', () => {
    it('opens offline and draws every chart with the packaged browser code', async () => {
      const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
      try {
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
        await page.goto(pathToFileURL(join(town, 'reports', 'index.html')).href);
        await page.waitForSelector('html[data-charts="ready"]');
        const charts = page.locator('.chart[data-chart]');
        const count = await charts.count();
        expect(count).toBeGreaterThan(2);
        for (let i = 0; i < count; i++) {
          await charts.nth(i).scrollIntoViewIfNeeded();
          await expect.poll(() => charts.nth(i).getAttribute('data-rendered'), { timeout: 10_000 }).toBe('true');
        }
        expect(await page.locator('h1').textContent()).toContain('Musterstadt');
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  });
});
