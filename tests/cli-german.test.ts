// The CLI speaks German to staff whose locale is German: errors, tables and --help (issue 12, item 3).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, runCli, tempDb } from './helpers.js';

describe('under LANG=de_DE.UTF-8', () => {
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  beforeEach(() => {
    process.env.LANG = 'de_DE.UTF-8';
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
  });
  afterEach(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('names the place of an input error in German, and --lang en switches back', async () => {
    const dir = await copyFixture('mini');
    const file = join(dir, 'indicators', 'agree.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('value: 80 }', 'value: achtzig }'));
    const de = await runCli('validate', '--project', dir, '--db', await tempDb());
    expect(de.code).toBe(1);
    expect(de.stderr).toBe(
      `Fehler: ${file}:13:26: \`targets.0.value\`: erwartet wird eine Zahl\n` +
        '  Tipp: docs/analysts.md (Maßnahmen: docs/staff.md) beschreibt jeden Schlüssel; ' +
        'ein Editor, der die $schema-Zeile liest, zeigt sie beim Tippen an\n',
    );
    const en = await runCli('validate', '--lang', 'en', '--project', dir, '--db', await tempDb());
    expect(en.stderr).toBe(
      `error: ${file}:13:26: \`targets.0.value\`: expected number\n` +
        '  hint: docs/analysts.md (measures: docs/staff.md) describes every key; ' +
        'an editor that reads the $schema line shows them as you type\n',
    );
  });

  it('prints the comparison table with German headings, numbers and words', async () => {
    const dir = await copyFixture('mini');
    const r = await runCli('compare', '--project', dir, '--db', await tempDb());
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => l.startsWith('Indikator'))).toMatch(
      /^Indikator\s+Reihe\s+Ist \(zuletzt\)\s+Soll \(Ziel\)/,
    );
    expect(r.stdout).toMatch(/57,1\s%\s\(2021\)/);
    expect(r.stdout).toMatch(/^3 Ziele \(Methode: [^)]*\)+: 2 auf Kurs; 1 nicht bewertbar$/m);
    expect(r.stdout).toMatch(/^2 Indikatoren, je mit dem schlechtesten Ziel gezählt: 1 auf Kurs; 1 nicht bewertbar$/m);
    expect(r.stdout).not.toMatch(/\b(on track|not assessable|indicators)\b/);
  });

  it('shows --help and commander errors in German', async () => {
    const help = await runCli('targets', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Aufruf: istsoll targets \[Optionen\] \[Befehl\]/);
    expect(help.stdout).toContain('Befehle:');
    expect(help.stdout).toContain('Beispiel:');
    expect(help.stdout).not.toMatch(/Usage|Options:|Commands:/);
    const bad = await runCli('compute', '--frob');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Fehler: unbekannte Option --frob');
  });
});
