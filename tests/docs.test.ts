// The commands in docs/ run as written, in a copy of the example project, in the order they appear.
// A line ending in `# exit N` is expected to fail with that code (the staff guide shows an error on purpose).
import { existsSync } from 'node:fs';
import { appendFile, copyFile, cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, root, runCli, type CliResult } from './helpers.js';

function blocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

async function exampleCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'istsoll-docs-'));
  for (const part of ['istsoll.yaml', 'data', 'indicators', 'measures'])
    await cp(join(root, part), join(dir, part), { recursive: true });
  // The files the analysts' guide inspects: a GENESIS table, a district-level export, a portal file.
  await copyFile(join(fixture('dialects'), 'genesis_bevoelkerung.csv'), join(dir, 'data', '12411-01-01-5.csv'));
  await copyFile(
    join(fixture('realworld'), 'regionaldatenbank_12411-02-03-5.csv'),
    join(dir, 'data', '12411-02-03-5.csv'),
  );
  await copyFile(
    join(fixture('realworld'), 'opendata_einwohner_ortsteile.csv'),
    join(dir, 'data', 'einwohner_ortsteile.csv'),
  );
  return dir;
}

async function runDocumented(dir: string, line: string, ...extra: string[]): Promise<CliResult> {
  const expected = Number(/#\s*exit (\d+)\s*$/.exec(line)?.[1] ?? 0);
  const words = shellWords(line.replace(/#[^"']*$/, '').trim()).slice(1);
  // Paths in the guides are relative to the project folder; a command such as `measures` is no path.
  const args = words.map((w) => (/[./]/.test(w) && existsSync(join(dir, w)) ? resolve(dir, w) : w));
  const r = await runCli(...args, ...extra, '--project', dir);
  expect(r.code, `${line}\n${r.stderr}`).toBe(expected);
  return r;
}

/** Pairs of a failing command (`# exit N`) and the ```text block right after it, which shows its output. */
function shownErrors(markdown: string): [string, string][] {
  const pairs = markdown.matchAll(/```sh\n(istsoll [^\n]*# exit \d+)\n```\s*```text\n([\s\S]*?)```/g);
  return [...pairs].map((m) => [m[1]!, m[2]!]);
}

/** The German catalogue's entries, one string each, with strings joined across `+` line breaks. */
async function germanEntries(): Promise<string[]> {
  const files = ['de.ts', 'de-cli.ts'].map((f) => join(root, 'src', 'core', 'messages', f));
  const text = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
  return text.replace(/['`]\s*\+\s*\n\s*['`]/g, '').split(/\n(?=\s+'?[\w-]+'?: )/);
}

/** The words of a command line as a shell splits them: quotes keep a text with spaces together. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe.each(['analysts.md', 'staff.md'])('docs/%s', (file) => {
  it('every command runs as documented', async () => {
    const markdown = await readFile(join(root, 'docs', file), 'utf8');
    const dir = await exampleCopy();
    const lines = blocks(markdown, 'sh')
      .flatMap((b) => b.split('\n'))
      .filter((l) => l.startsWith('istsoll '));
    expect(lines.length).toBeGreaterThan(2);
    // "Paste it": the entries marked as sources.yaml entries go into sources.yaml, one after each
    // `inspect` in turn, and must load with the commands that follow.
    const entries = blocks(markdown, 'yaml').filter((b) => b.includes('# sources.yaml entry'));
    for (const line of lines) {
      await runDocumented(dir, line);
      if (line.startsWith('istsoll inspect')) {
        const entry = entries.shift();
        if (entry) await appendFile(join(dir, 'data', 'sources.yaml'), entry);
      }
    }
  });
});

describe('docs/staff.md', () => {
  it('shows the German messages that staff will actually see', async () => {
    const markdown = await readFile(join(root, 'docs', 'staff.md'), 'utf8');
    const shown = shownErrors(markdown);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    for (const [line, output] of shown) {
      const dir = await exampleCopy();
      const r = await runDocumented(dir, line, '--lang', 'de');
      expect(r.stderr.replaceAll(`${dir}/`, '')).toBe(output);
    }
    // The table quotes messages with `…` for what changes from case to case: the pieces in between appear,
    // in this order, in one entry of the German catalogue.
    const entries = await germanEntries();
    const quoted = [...markdown.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!);
    expect(quoted.length).toBeGreaterThan(10);
    for (const message of quoted) {
      const pieces = message
        .split('…')
        .map((p) => p.trim())
        .filter(Boolean);
      const found = entries.some((entry) => {
        let at = 0;
        return pieces.every((p) => (at = entry.indexOf(p, at)) >= 0 && (at += p.length) > 0);
      });
      expect(found, message).toBe(true);
    }
  });

  it('the documented target change lands in the YAML file', async () => {
    const dir = await exampleCopy();
    await runDocumented(dir, 'istsoll targets set erwerbstaetigenquote --value 56 --year 2030 --group mit');
    expect(await readFile(join(dir, 'indicators', 'erwerbstaetigenquote.yaml'), 'utf8')).toContain(
      '{ year: 2030, group: mit, value: 56 }',
    );
  });

  it('the documented change of a measure lands in its YAML file, and only there', async () => {
    const dir = await exampleCopy();
    const file = join(dir, 'measures', 'sprache.yaml');
    const before = await readFile(file, 'utf8');
    const markdown = await readFile(join(root, 'docs', 'staff.md'), 'utf8');
    const line = blocks(markdown, 'sh')
      .flatMap((b) => b.split('\n'))
      .find((l) => l.startsWith('istsoll measures set') && l.includes('--note'))!;
    await runDocumented(dir, line);
    const after = await readFile(file, 'utf8');
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed).toEqual([
      '    status: laufend',
      expect.stringMatching(/^    updated: \{ date: \d{4}-\d{2}-\d{2}, by: M\. Keller \}$/),
      '    note: "Der erste Kurs mit Kinderbetreuung hat begonnen."',
    ]);
  });
});
