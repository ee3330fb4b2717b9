// A town that has never seen istsoll: init, then the steps of the staff README, then a report.
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

async function newProject(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'istsoll-init-')), 'musterstadt');
  const r = await runCli('init', dir, '--name', 'Musterstadt');
  expect(r.code).toBe(0);
  return dir;
}

describe('istsoll init', () => {
  it('scaffolds a project with commented templates and the schema line', async () => {
    const dir = await newProject();
    for (const f of [
      'istsoll.yaml',
      'data/sources.yaml',
      'indicators/fields.yaml',
      'indicators/auslaenderanteil.yaml',
      'indicators/zugehoerigkeit.yaml',
      '.gitignore',
      'README.md',
    ]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(await readFile(join(dir, 'istsoll.yaml'), 'utf8')).toContain('Integrationsmonitoring der Stadt Musterstadt');
    const indicator = await readFile(join(dir, 'indicators', 'auslaenderanteil.yaml'), 'utf8');
    expect(indicator.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../node_modules/istsoll/schema/indicator.schema.json',
    );
    const fields = parseDocument(await readFile(join(dir, 'indicators', 'fields.yaml'), 'utf8')).toJS().fields;
    expect(fields).toHaveLength(9);
  });

  it('never writes into a folder that has files', async () => {
    const dir = await newProject();
    const r = await runCli('init', dir);
    expect(r).toMatchObject({ code: 1, stderr: expect.stringContaining('the folder is not empty') });
  });

  it('then `istsoll run` names every missing data file with its place in sources.yaml', async () => {
    const dir = await newProject();
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
