// Where istsoll writes: reports only as .html or .pdf, never into the folders it reads, never over a file
// it did not write; its own reports carry a mark and are replaced on the next run, in one step. The
// refusals themselves are cases of the bad-input corpus (badinput-commands.ts).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { planReport } from '../src/cli/report.js';
import { readProject } from '../src/core/project.js';
import { istsollVersion } from '../src/core/version.js';
import { checkReportFiles, markPdf, pdfMark } from '../src/report/outfiles.js';
import { pdfTests, readPdfPageCount } from './browser-env.js';
import { copyFixture, runCli, tempDb } from './helpers.js';

const foreign = '<!doctype html><title>Von Hand</title><p>Unser eigener Bericht.</p>\n';

describe('writing a report', () => {
  it('replaces a report it wrote itself, in one step, leaving no temporary file', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'reports', 'bericht.html');
    const db = await tempDb();
    for (let run = 0; run < 2; run++) {
      const r = await runCli('report', '--project', dir, '--db', db, '--out', out);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(await readdir(join(dir, 'reports'))).toEqual(['bericht.html']);
    expect(await readFile(out, 'utf8')).toContain(`<meta name="generator" content="istsoll ${istsollVersion()}">`);
  });

  it('refuses before it loads anything, and leaves the file it refused as it was', async () => {
    const dir = await copyFixture('mini');
    await writeFile(join(dir, 'reports.html'), foreign);
    const r = await runCli('report', '--project', dir, '--out', join(dir, 'reports.html'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('reports.html: this file exists and was not written by istsoll');
    expect(await readFile(join(dir, 'reports.html'), 'utf8')).toBe(foreign);
    expect(existsSync(join(dir, '.istsoll'))).toBe(false);
  });

  it('checks every file of the run before it writes the first', async () => {
    const dir = await copyFixture('mini');
    await mkdir(join(dir, 'reports'));
    await writeFile(join(dir, 'reports', 'b-voice.html'), foreign);
    const r = await runCli('report', '--project', dir, '--per-field', '--out', join(dir, 'reports', 'b.html'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: \S*b-voice\.html: /);
    expect(await readdir(join(dir, 'reports'))).toEqual(['b-voice.html']);
  });

  it('says so in German too', async () => {
    const dir = await copyFixture('mini');
    const r = await runCli('report', '--lang', 'de', '--project', dir, '--out', join(dir, 'data', 'b.html'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('b.html: das liegt (nach Auflösen von Verknüpfungen) im Ordner data/ des Projekts');
    expect(r.stderr).toContain('Tipp: schreiben Sie den Bericht nach reports/');
  });

  it('takes --out bericht.pdf as a request for the PDF, with its HTML beside it', async () => {
    const dir = await copyFixture('mini');
    const plan = await planReport(await readProject(dir), { project: dir, out: join(dir, 'r', 'bericht.pdf') });
    expect(plan).toEqual({ pages: [{ path: join(dir, 'r', 'bericht.html') }], pdfs: [join(dir, 'r', 'bericht.pdf')] });
  });

  it('judges folders by where they lead: a data/ that is a link, a name that merely starts with data', async () => {
    const dir = await copyFixture('mini');
    const elsewhere = await mkdtemp(join(tmpdir(), 'istsoll-daten-'));
    await writeFile(join(elsewhere, 'pop.csv'), await readFile(join(dir, 'data', 'pop.csv')));
    const linked = await copyFixture('mini');
    await rm(join(linked, 'data'), { recursive: true });
    await symlink(elsewhere, join(linked, 'data'));
    await expect(checkReportFiles(linked, [join(elsewhere, 'bericht.html')])).rejects.toThrow(
      "this lies in the project's data/ folder",
    );
    await expect(checkReportFiles(dir, [join(dir, 'data-alt', 'bericht.html')])).resolves.toBeUndefined();
    await expect(checkReportFiles(dir, [join(dir, 'Bericht.HTML'), join(dir, 'b.htm')])).resolves.toBeUndefined();
  });
});

/** A small PDF in the classic layout Chromium writes: objects, a cross-reference table, a trailer. */
function classicPdf(): Buffer {
  const objects = [
    '<</Title (Bericht)\n/Creator (Mozilla/5.0 \\(X11\\) HeadlessChrome)\n/Producer (Skia/PDF m156)>>',
    '<</Type /Catalog\n/Pages 3 0 R>>',
    '<</Type /Pages\n/Kids [4 0 R]\n/Count 1>>',
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 595 842]>>',
  ];
  let text = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = text.length;
    text += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = text.length;
  text += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<</Size 5\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(text, 'latin1');
}

describe('the mark in a PDF', () => {
  it('is an incremental update: a new information dictionary naming istsoll, the original bytes kept', () => {
    const pdf = classicPdf();
    const marked = markPdf(pdf, '1.2.3');
    expect(marked.subarray(0, pdf.length).equals(pdf)).toBe(true);
    const update = marked.subarray(pdf.length).toString('latin1');
    const previous = /startxref\n(\d+)/.exec(pdf.toString('latin1'))![1];
    expect(update).toBe(
      '\n5 0 obj\n<</Title (Bericht)\n/Producer (Skia/PDF m156)\n/Creator (istsoll 1.2.3)>>\nendobj\n' +
        `xref\n5 1\n${String(pdf.length + 1).padStart(10, '0')} 00000 n \n` +
        `trailer\n<</Size 6\n/Root 2 0 R\n/Info 5 0 R\n/Prev ${previous}>>\n` +
        `startxref\n${marked.toString('latin1').lastIndexOf('xref\n5 1')}\n%%EOF\n`,
    );
    expect(update).toContain(pdfMark);
  });

  it('leaves a PDF of another layout as it is', () => {
    const other = Buffer.from('%PDF-1.7\n1 0 obj\n<</Type /XRef>>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n');
    expect(markPdf(other, '1.2.3').equals(other)).toBe(true);
  });
});

const run = promisify(execFile);

pdfTests.describe('the PDF Chromium printed', () => {
  it('carries the mark, reads as before, and is replaced on the next run', async () => {
    const dir = await copyFixture('mini');
    const db = await tempDb();
    const out = join(dir, 'reports', 'bericht.pdf');
    const first = await runCli('report', '--project', dir, '--db', db, '--out', out);
    expect(first.code, first.stderr).toBe(0);
    const { stdout } = await run('pdfinfo', [out]);
    expect(stdout).toMatch(new RegExp(`^Creator:\\s+istsoll ${istsollVersion().replaceAll('.', '\\.')}$`, 'm'));
    expect(stdout).toMatch(/^Title:\s+Kleiner Testfall$/m);
    expect(stdout).toMatch(/^Producer:\s+Skia\/PDF/m);
    const pages = await readPdfPageCount(out);
    expect(first.stdout).toContain(`bericht.pdf (${pages} pages)`);
    const second = await runCli('report', '--project', dir, '--db', db, '--out', out);
    expect(second.code, second.stderr).toBe(0);
    expect((await readdir(join(dir, 'reports'))).sort()).toEqual(['bericht.html', 'bericht.pdf']);
  });
});
