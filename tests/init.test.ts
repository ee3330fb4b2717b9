// A town that has never seen istsoll: init, then the steps of the staff README, then a report. The same
// flow through npm (pack, install, init, install, validate, run) is in install.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { istsollSpec, packageName, projectScripts } from '../src/cli/init-package.js';
import { root, runCli } from './helpers.js';

async function newProject(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'istsoll-init-')), 'musterstadt');
  const r = await runCli('init', dir, '--name', 'Musterstadt');
  expect(r.code).toBe(0);
  return dir;
}

describe('istsoll init', () => {
  it('scaffolds a project with its own package.json, .gitignore, sample data and commented templates', async () => {
    const dir = await newProject();
    for (const f of [
      'istsoll.yaml',
      'package.json',
      'data/sources.yaml',
      'data/einwohner.csv',
      'data/befragung.csv',
      'indicators/fields.yaml',
      'indicators/auslaenderanteil.yaml',
      'indicators/zugehoerigkeit.yaml',
      'measures/wohnen.yaml',
      '.gitignore',
      'README.md',
    ]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(existsSync(join(dir, 'gitignore'))).toBe(false);
    expect((await readFile(join(dir, '.gitignore'), 'utf8')).split('\n')).toEqual(
      expect.arrayContaining(['node_modules/', '.istsoll/', 'reports/']),
    );
    expect(await readFile(join(dir, 'istsoll.yaml'), 'utf8')).toContain('Integrationsmonitoring der Stadt Musterstadt');
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'musterstadt', private: true, scripts: projectScripts });
    // Run from this checkout, init points the project at it.
    expect(resolve(dir, manifest.dependencies.istsoll.replace(/^file:/, ''))).toBe(root);
    const fields = parseDocument(await readFile(join(dir, 'indicators', 'fields.yaml'), 'utf8')).toJS().fields;
    expect(fields).toHaveLength(9);
  });

  it("every YAML file's $schema line points at istsoll's schema in the project's node_modules", async () => {
    const dir = await newProject();
    const yamls = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.yaml'));
    expect(yamls).toHaveLength(6);
    const kind = (file: string) =>
      file === 'istsoll.yaml'
        ? 'project'
        : file.startsWith('data/')
          ? 'sources'
          : file === 'indicators/fields.yaml'
            ? 'fields'
            : file.startsWith('indicators/')
              ? 'indicator'
              : 'measures';
    for (const file of yamls) {
      const first = (await readFile(join(dir, file), 'utf8')).split('\n')[0]!;
      const schema = /^# yaml-language-server: \$schema=(\S+)$/.exec(first)?.[1];
      expect(schema, file).toBeDefined();
      const target = relative(join(dir, 'node_modules', 'istsoll'), resolve(dirname(join(dir, file)), schema!));
      expect(target, file).toBe(`schema/${kind(file)}.schema.json`);
      expect(existsSync(join(root, target)), `${file}: ${target}`).toBe(true);
    }
  });

  it('validate accepts the new project at once, and the report says the numbers are sample data', async () => {
    const dir = await newProject();
    expect(await runCli('validate', '--project', dir)).toMatchObject({
      code: 0,
      stdout: 'ok: 2 sources, 2 indicators, 2 targets, 1 measure\n',
    });
    expect(await runCli('run', '--project', dir)).toMatchObject({ code: 0 });
    const html = await readFile(join(dir, 'reports', 'index.html'), 'utf8');
    expect(html).toContain('Beispieldaten: Alle Zahlen in diesem Bericht sind erfunden.');
    expect(html).toContain('Zugehörigkeitsgefühl zur Stadt');
  });

  it('the staff README explains every npm script', async () => {
    const readme = await readFile(join(root, 'templates', 'project', 'README.md'), 'utf8');
    for (const [name, command] of Object.entries(projectScripts)) {
      expect(readme).toContain(`| \`npm run ${name}\` |`);
      expect(readme).toContain(`(\`${command}\`)`);
    }
  });

  it('never writes into a folder that has files', async () => {
    const dir = await newProject();
    const r = await runCli('init', dir);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('the folder is not empty') });
  });

  it('without sample data, `istsoll run` names every missing data file with its place in sources.yaml', async () => {
    const dir = await newProject();
    for (const f of ['einwohner.csv', 'befragung.csv']) await rm(join(dir, 'data', f));
    const r = await runCli('run', '--project', dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 data files are missing or empty:');
    expect(r.stderr).toMatch(
      /data\/sources\.yaml:\d+:11: the file .*einwohner\.csv of source `einwohner` does not exist/,
    );
    expect(r.stderr).toMatch(
      /data\/sources\.yaml:\d+:11: the file .*befragung\.csv of source `befragung` does not exist/,
    );
  });

  it('following the staff README: add a CSV and an indicator, validate, and get a report', async () => {
    const dir = await newProject();
    // 1. The register extract goes into data/.
    const rows = ['jahr;ortsteil;staatsangehoerigkeit;altersgruppe;anzahl'];
    for (const [year, share] of [
      [2020, 0.1],
      [2022, 0.11],
      [2024, 0.125],
    ] as const) {
      for (const district of ['Nord', 'Süd']) {
        for (const age of ['0-17', '18-64', '65+']) {
          rows.push(
            `${year};${district};deutsch;${age};${Math.round(1000 * (1 - share))}`,
            `${year};${district};nichtdeutsch;${age};${Math.round(1000 * share)}`,
          );
        }
      }
    }
    await writeFile(join(dir, 'data', 'einwohner.csv'), `${rows.join('\n')}\n`);
    // 2. inspect shows what it sees; the template's entry `einwohner` fits this file. This town has no
    //    survey yet, so its entry and the survey template go.
    expect((await runCli('inspect', join(dir, 'data', 'einwohner.csv'))).stdout).toContain('Paste under `sources:`');
    const sources = join(dir, 'data', 'sources.yaml');
    const doc = parseDocument(await readFile(sources, 'utf8'));
    doc.deleteIn(['sources', 'befragung']);
    await writeFile(sources, doc.toString());
    await rm(join(dir, 'indicators', 'zugehoerigkeit.yaml'));
    // The sample measure watches the survey indicator: it goes with it.
    await rm(join(dir, 'measures'), { recursive: true });
    // 3. A new indicator from the template.
    const template = join(dir, 'indicators', 'auslaenderanteil.yaml');
    const file = join(dir, 'indicators', 'anteil_65plus.yaml');
    await copyFile(template, file);
    const text = (await readFile(file, 'utf8'))
      .replace('id: auslaenderanteil', 'id: anteil_65plus')
      .replace(
        'de: Anteil der Einwohnerinnen und Einwohner ohne deutsche Staatsangehörigkeit',
        'de: Anteil der Menschen ab 65 Jahren',
      )
      .replace(`filter: "staatsangehoerigkeit = 'nichtdeutsch'"`, `filter: "altersgruppe = '65+'"`);
    await writeFile(file, text);
    // 4. validate, 5. run.
    expect(await runCli('validate', '--project', dir)).toMatchObject({
      code: 0,
      stdout: 'ok: 1 source, 2 indicators, 2 targets\n',
    });
    const run = await runCli('run', '--project', dir);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'reports', 'index.html'))).toBe(true);
    const html = await readFile(join(dir, 'reports', 'index.html'), 'utf8');
    expect(html).toContain('Anteil der Menschen ab 65 Jahren');
    expect(html).toContain('Musterstadt');
  });
});

describe('the istsoll a new project depends on', () => {
  /** A project that installed istsoll, with npm's hidden lockfile saying where from. */
  async function installedBy(resolved: string | null): Promise<{ base: string; root: string }> {
    const base = await mkdtemp(join(tmpdir(), 'istsoll-spec-'));
    const root = join(base, 'app', 'node_modules', 'istsoll');
    await mkdir(root, { recursive: true });
    if (resolved !== null) {
      const lock = { lockfileVersion: 3, packages: { 'node_modules/istsoll': { version: '0.1.0', resolved } } };
      await writeFile(join(base, 'app', 'node_modules', '.package-lock.json'), JSON.stringify(lock));
    }
    return { base, root };
  }
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

  it('the tarball it was installed from, as a path from the new folder', async () => {
    const { base, root: installed } = await installedBy('file:../pack/istsoll-0.1.0.tgz');
    expect(istsollSpec(join(base, 'towns', 'musterstadt'), installed)).toBe('file:../../pack/istsoll-0.1.0.tgz');
    // npx records an absolute path.
    const npx = await installedBy(`file:${join(base, 'pack', 'istsoll-0.1.0.tgz')}`);
    expect(istsollSpec(join(base, 'towns', 'musterstadt'), npx.root)).toBe('file:../../pack/istsoll-0.1.0.tgz');
  });

  it('the git URL it was installed from', async () => {
    const { base, root: installed } = await installedBy('git+https://git.example.de/istsoll.git#0123abc');
    expect(istsollSpec(join(base, 'musterstadt'), installed)).toBe('git+https://git.example.de/istsoll.git#0123abc');
  });

  it('the version, when it came from the registry or npm recorded nothing', async () => {
    const registry = await installedBy('https://registry.npmjs.org/istsoll/-/istsoll-0.1.0.tgz');
    expect(istsollSpec(join(registry.base, 'musterstadt'), registry.root)).toBe(`^${version}`);
    const global = await installedBy(null);
    expect(istsollSpec(join(global.base, 'musterstadt'), global.root)).toBe(`^${version}`);
  });

  it('package names npm accepts', () => {
    expect(packageName('Musterstadt')).toBe('musterstadt');
    expect(packageName('Königs Wusterhausen')).toBe('koenigs-wusterhausen');
    expect(packageName('Groß-Gerau 2030')).toBe('gross-gerau-2030');
    expect(packageName('.Ölmühle_')).toBe('oelmuehle_');
    expect(packageName('…')).toBe('integrationsmonitoring');
  });
});
