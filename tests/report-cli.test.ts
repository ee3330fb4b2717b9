// `istsoll report` end to end on the mini fixture: the English report says nothing in German, `--pdf`
// prints a PDF through the local Chromium, and says what to do when there is none.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfTests, readPdfPageCount } from './browser-env.js';
import { copyFixture, runCli, tempDb } from './helpers.js';

/** Words of the German report that have no business in the English one. */
const german = [
  'Jahr',
  'Ziel',
  'insgesamt',
  'Bewertung',
  'Handlungsfeld',
  'mindestens',
  'höchstens',
  'Abstand',
  'Anteil',
  'Quelle',
  'Zuständig',
  'Erstellt',
  'Überblick',
  'Hinweis',
  'ausgewiesen',
  'Prüfsumme',
  'Gestrichelt',
  'Verhältnis',
  'Befragte',
  'Seite',
];

/** What a reader sees: the text outside tags, scripts and styles, and the chart SVGs' texts. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');
}

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe('istsoll report', () => {
  it('writes the report in English with --lang en: labels, numbers, charts, dates and the print margins', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'reports', 'en.html');
    const r = await runCli('report', '--project', dir, '--db', await tempDb(), '--lang', 'en', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<html lang="en">');
    const text = visibleText(html);
    for (const word of german)
      expect(text, `"${word}" in the English report`).not.toMatch(new RegExp(`(^|[^\\p{L}])${word}`, 'u'));
    for (const phrase of [
      'At a glance',
      'The essentials on one page',
      'Fields of action, furthest off track first',
      'Small test case',
      'Employment rate',
      'Development, target and trend',
      'Reproducibility',
      'Year',
    ])
      expect(text).toContain(phrase);
    expect(html).toMatch(/@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\)/);
    // English number formats, in the tables and in the charts drawn in Node.
    expect(text).toMatch(/\d\.\d%/);
    expect(text).not.toMatch(/\d,\d %/);
  });

  it('writes one report per field of action beside the whole with --per-field', async () => {
    const dir = await copyFixture('mini');
    const r = await runCli('report', '--project', dir, '--db', await tempDb(), '--per-field');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.match(/^report: .*$/gm)!.map((l) => l.replace(/^report: .*[/\\]/, ''))).toEqual([
      'index.html',
      'index-work.html',
      'index-voice.html',
    ]);
    const work = await readFile(join(dir, 'reports', 'index-work.html'), 'utf8');
    expect(work).toContain('<title>Kleiner Testfall – Arbeit</title>');
    expect(work).toContain('<p class="scope">Handlungsfeld: Arbeit</p>');
    expect(work).toContain('id="indikator-employment"');
    expect(work).not.toContain('id="indikator-agree"');
    // Every report names the others and links to them relatively; the one being read is marked, not linked.
    const links = async (file: string) => {
      const page = await readFile(join(dir, 'reports', file), 'utf8');
      const nav = /<nav class="report-links"[^]*?<\/nav>/.exec(page)?.[0] ?? '';
      return {
        hrefs: [...nav.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!),
        current: /<span aria-current="page">([^<]*)<\/span>/.exec(nav)?.[1],
      };
    };
    expect(await links('index.html')).toEqual({
      hrefs: ['index-work.html', 'index-voice.html'],
      current: 'Gesamtbericht (alle Handlungsfelder)',
    });
    expect(await links('index-work.html')).toEqual({
      hrefs: ['index.html', 'index-voice.html'],
      current: 'Bericht „Arbeit“',
    });
    expect(await links('index-voice.html')).toEqual({
      hrefs: ['index.html', 'index-work.html'],
      current: 'Bericht „Mitsprache“',
    });
    for (const file of ['index.html', 'index-work.html', 'index-voice.html'])
      for (const href of (await links(file)).hrefs) expect(existsSync(join(dir, 'reports', href))).toBe(true);
  });

  it('says clearly when --pdf finds no Chromium, and keeps the HTML', async () => {
    const dir = await copyFixture('mini');
    process.env.CHROMIUM_PATH = join(dir, 'no-such-chromium');
    const r = await runCli('report', '--project', dir, '--db', await tempDb(), '--pdf');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot print the PDF: CHROMIUM_PATH points to');
    expect(r.stderr).toContain(
      'hint: install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH',
    );
    expect(r.stdout).toMatch(/^report: .*index\.html$/m);
    expect(existsSync(join(dir, 'reports', 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'reports', 'index.pdf'))).toBe(false);
  });
});

pdfTests.describe('istsoll report --pdf', () => {
  it('prints the report to a PDF beside the HTML and counts its pages', async () => {
    const dir = await copyFixture('mini');
    const r = await runCli('run', '--project', dir, '--db', await tempDb(), '--pdf');
    expect(r.code, r.stderr).toBe(0);
    const pages = Number(/^pdf: .*index\.pdf \((\d+) pages\)$/m.exec(r.stdout)?.[1]);
    const pdf = join(dir, 'reports', 'index.pdf');
    expect((await readFile(pdf)).subarray(0, 5).toString()).toBe('%PDF-');
    // The count the CLI prints is poppler's too.
    expect(await readPdfPageCount(pdf)).toBe(pages);
    // The summary, each of the two indicators on a page of its own, the appendix, the footer.
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThan(16);
  });
});
