// The safe YAML editor: splices that keep every other byte, a lock that knows a dead or reused process id,
// an atomic write that refuses when someone else changed the file meanwhile.
import { spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { mkdtemp, readdir, readFile, stat, utimes, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { acquireLock, currentOwner, startTime } from '../src/core/lockfile.js';
import { editYaml } from '../src/core/yamledit.js';
import { applyChanges, yamlText } from '../src/core/yamlsplice.js';

const text = `# A measure, written by hand.
measures:
  - id: cafe            # the language café
    status: laufend
    updated: { date: 2026-10-15, by: M. Keller }   # last look
    note: |
      Two lines
      of text.
    milestones:
      - { date: 2025-03-01, title: { de: Start } }
      - date: 2026-06-30
        title: { de: Review }
        done: false

  # The next one has no note.
  - id: welcome
    status: geplant
    updated:
      date: 2026-01-01
`;

const edit = (changes: Parameters<typeof applyChanges>[2]) =>
  applyChanges(text, parseDocument(text), changes, 'm.yaml');

/** The lines that differ, as [before, after]. */
function diff(a: string, b: string): [string, string][] {
  const x = a.split('\n');
  const y = b.split('\n');
  return y.flatMap((line, i) => (line === x[i] ? [] : [[x[i] ?? '', line] as [string, string]]));
}

describe('splicing a change into the YAML text', () => {
  it('replaces values in block and flow maps, keeping comments and layout byte for byte', () => {
    const next = edit([
      { path: ['measures', 0, 'status'], value: 'umgesetzt' },
      { path: ['measures', 0, 'updated', 'date'], value: '2026-12-01' },
      { path: ['measures', 0, 'milestones', 1, 'done'], value: true },
    ]);
    expect(diff(text, next)).toEqual([
      ['    status: laufend', '    status: umgesetzt'],
      [
        '    updated: { date: 2026-10-15, by: M. Keller }   # last look',
        '    updated: { date: 2026-12-01, by: M. Keller }   # last look',
      ],
      ['        done: false', '        done: true'],
    ]);
  });

  it('replaces a block scalar without joining the next line to it', () => {
    const next = edit([{ path: ['measures', 0, 'note'], value: 'Done: 18 people "each week".', quoted: true }]);
    expect(next).toContain('    note: "Done: 18 people \\"each week\\"."\n    milestones:\n');
    expect(parseDocument(next).getIn(['measures', 0, 'note'])).toBe('Done: 18 people "each week".');
  });

  it('adds a key in the style of its map: to a flow map inline, to a block map on a line of its own', () => {
    const next = edit([
      { path: ['measures', 0, 'milestones', 0, 'done'], value: true },
      { path: ['measures', 1, 'note'], value: 'Room found.', quoted: true },
      { path: ['measures', 1, 'updated', 'by'], value: 'J. Brandt' },
    ]);
    expect(next).toContain('      - { date: 2025-03-01, title: { de: Start }, done: true }\n');
    expect(next.endsWith('    updated:\n      date: 2026-01-01\n      by: J. Brandt\n    note: "Room found."\n')).toBe(
      true,
    );
    expect(next).toContain('\n  # The next one has no note.\n  - id: welcome\n    status: geplant\n');
  });

  it('quotes only what would not read back as the same text', () => {
    expect(yamlText('M. Keller')).toBe('M. Keller');
    expect(yamlText('Müller-Lüdenscheidt')).toBe('Müller-Lüdenscheidt');
    expect(yamlText('2026-12-01')).toBe('2026-12-01');
    for (const s of ['yes', 'null', '12', 'a: b', 'x # y', '- a', 'a, b', '[a]', ' lead', 'trail ', '"q"', ''])
      expect(parseDocument(`k: { v: ${yamlText(s)} }`).getIn(['k', 'v']), s).toBe(s);
  });

  it('refuses a change it cannot make cleanly rather than guessing', () => {
    expect(() => edit([{ path: ['measures', 0, 'milestones'], value: 'none' }])).toThrow(
      'this change cannot be made without touching other parts of the file',
    );
  });
});

const Schema = z.object({ a: z.number(), b: z.string() });

async function tempFile(content = '# keep me\na: 1   # one\nb: x\n') {
  const dir = await mkdtemp(join(tmpdir(), 'istsoll-edit-'));
  const path = join(dir, 'file.yaml');
  await writeFile(path, content);
  return { dir, path };
}

const setA = (value: number, beforeWrite?: () => Promise<void>) => ({
  schema: Schema,
  beforeWrite,
  edit: (file: { doc: import('yaml').Document; path: string }, text: string) => ({
    text: applyChanges(text, file.doc, [{ path: ['a'], value }], file.path),
    result: value,
  }),
});

describe('editing a YAML file safely', () => {
  it('writes atomically, keeps the mode, and leaves neither lock nor temporary file behind', async () => {
    const { dir, path } = await tempFile();
    await chmod(path, 0o640);
    await editYaml({ path, ...setA(2) });
    expect(await readFile(path, 'utf8')).toBe('# keep me\na: 2   # one\nb: x\n');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(await readdir(dir)).toEqual(['file.yaml']);
  });

  it.skipIf(process.getuid?.() === 0)('says so when the folder is read-only, instead of failing', async () => {
    const { dir, path } = await tempFile();
    await chmod(dir, 0o555);
    try {
      await expect(editYaml({ path, ...setA(2) })).rejects.toThrow('cannot write the file (EACCES)');
    } finally {
      await chmod(dir, 0o755);
    }
  });

  it('refuses to write when another program changed the file after it was read', async () => {
    const { dir, path } = await tempFile();
    const editor = '# rewritten by an editor\n\na: 1   # one\nb: y\n';
    await expect(editYaml({ path, ...setA(2, () => writeFile(path, editor)) })).rejects.toThrow(
      'another program changed the file while istsoll was editing it',
    );
    expect(await readFile(path, 'utf8')).toBe(editor);
    expect(await readdir(dir)).toEqual(['file.yaml']);
  });

  it('validates the edited text before writing it', async () => {
    const { path } = await tempFile();
    const check = () => {
      throw new Error('refused by the project checks');
    };
    await expect(editYaml({ path, ...setA(3), check })).rejects.toThrow('refused by the project checks');
    expect(await readFile(path, 'utf8')).toBe('# keep me\na: 1   # one\nb: x\n');
  });

  it('waits for no one: a lock held by a running process is an error naming it', async () => {
    const { path } = await tempFile();
    await writeFile(`${path}.lock`, JSON.stringify(currentOwner()));
    const e = await editYaml({ path, ...setA(2) }).catch((e: Error) => e);
    expect(String(e)).toContain(`another istsoll command is changing this file (process ${process.pid} on`);
    expect(await readFile(path, 'utf8')).toContain('a: 1');
  });

  it('takes over a lock whose process id now belongs to another process (a reused pid)', async () => {
    const { dir, path } = await tempFile();
    expect(startTime(process.pid)).not.toBeNull();
    const reused = { host: hostname(), pid: process.pid, started: '1' };
    await writeFile(`${path}.lock`, JSON.stringify(reused));
    await editYaml({ path, ...setA(2) });
    expect(await readFile(path, 'utf8')).toContain('a: 2');
    expect(await readdir(dir)).toEqual(['file.yaml']);
    // pid 1 is always running, but not since tick 1 after boot.
    await writeFile(`${path}.lock`, JSON.stringify({ host: hostname(), pid: 1, started: '1' }));
    await editYaml({ path, ...setA(3) });
    expect(await readFile(path, 'utf8')).toContain('a: 3');
  });

  it.skipIf(process.platform !== 'linux')(
    'waits for a second process that holds the lock, then takes over',
    async () => {
      const { path } = await tempFile();
      // The second process writes its lock as istsoll does: host, pid and its start time from /proc.
      const script = `
      const fs = require('fs'), os = require('os');
      const stat = fs.readFileSync('/proc/self/stat', 'utf8');
      const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      fs.writeFileSync(process.argv[1], JSON.stringify({ host: os.hostname(), pid: process.pid, started }));
      console.log('locked');
      setInterval(() => {}, 1000);`;
      const child = spawn(process.execPath, ['-e', script, `${path}.lock`]);
      await new Promise((done) => child.stdout.once('data', done));
      await expect(editYaml({ path, ...setA(2) })).rejects.toThrow(`(process ${child.pid} on ${hostname()})`);
      child.kill('SIGKILL');
      await new Promise((done) => child.once('exit', done));
      expect(await editYaml({ path, ...setA(2) })).toBe(2);
      expect(await readFile(path, 'utf8')).toContain('a: 2');
    },
  );

  it('takes over the lock of a process that has ended', async () => {
    const { path } = await tempFile();
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    await writeFile(`${path}.lock`, JSON.stringify({ host: hostname(), pid: ended, started: '12345' }));
    expect(await editYaml({ path, ...setA(4) })).toBe(4);
  });

  it("leaves another host's lock alone, and a half-written lock until it is old", async () => {
    const { path } = await tempFile();
    const lock = `${path}.lock`;
    await writeFile(lock, JSON.stringify({ host: 'elsewhere.example', pid: 4242, started: '1' }));
    expect(await acquireLock(lock)).toEqual({ busy: { host: 'elsewhere.example', pid: 4242, started: '1' } });
    await writeFile(lock, '');
    expect(await acquireLock(lock)).toEqual({ busy: null });
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    const taken = await acquireLock(lock);
    expect('release' in taken).toBe(true);
    expect(JSON.parse(await readFile(lock, 'utf8'))).toEqual(currentOwner());
  });
});
