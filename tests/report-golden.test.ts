// Golden files: the report model and the HTML of the hand-made test project, in German and English, with
// a fixed clock, version and hashes. When an output differs, it is written beside its golden file as
// `<name>.changed.<ext>` for diffing, and the test fails; accepting the change is a deliberate copy:
//   cp tests/golden/report.de.changed.html tests/golden/report.de.html
// The inlined libraries, the packed chart specs and CSV files are replaced by placeholders (they are in the
// model's golden file), so the files stay readable and do not change with a library's minified build.
// The report's own stylesheet and browser code (src/report/style, src/report/client) stay in: they are
// part of what the reader gets, and as esbuild is pinned they change only when their files do.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../src/core/format.js';
import type { ReportModel } from '../src/report/model.js';
import { renderReport } from '../src/report/page.js';
import { makeModel, makeProject, provenance } from './report-fixture.js';

const golden = join(import.meta.dirname, 'golden');

/** Compares with the golden file; a difference is written beside it and names its first differing line. */
async function expectGolden(name: string, actual: string): Promise<void> {
  const path = join(golden, name);
  const changed = join(golden, name.replace(/(\.[a-z]+)$/, '.changed$1'));
  const expected = existsSync(path) ? await readFile(path, 'utf8') : null;
  if (actual === expected) {
    await rm(changed, { force: true });
    return;
  }
  await writeFile(changed, actual);
  const [was, now] = [relative(process.cwd(), path), relative(process.cwd(), changed)];
  const accept = `review \`diff ${was} ${now}\`; to accept it: cp ${now} ${was}`;
  if (expected === null) expect.fail(`${name} has no golden file yet: ${accept}`);
  const [a, e] = [actual.split('\n'), expected.split('\n')];
  const line = a.findIndex((l, i) => l !== e[i]);
  const at = line < 0 ? a.length : line;
  const cut = (s: string | undefined) =>
    s === undefined ? '(end of file)' : s.length > 300 ? `${s.slice(0, 300)}…` : s;
  expect.fail(
    `${name} differs from its golden file at line ${at + 1}:\n` +
      `  golden: ${cut(e[at])}\n  now:    ${cut(a[at])}\n${accept}`,
  );
}

/** The model without its UI texts (they are constants of report-text.ts, not a result). */
function modelJson(model: ReportModel): string {
  const { ui: _, ...rest } = model;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

function normaliseHtml(html: string): string {
  return html
    .replace(
      /(<script type="application\/gzip" class="library" data-name="([a-z-]+)">)[^<]*(<\/script>)/g,
      '$1/* the minified build of $2 */$3',
    )
    .replace(
      /(<script type="application\/gzip" id="chart-specs">)[^<]*(<\/script>)/,
      '$1/* the chart specs, gzip and base64: see the model golden file */$2',
    )
    .replace(
      /(<script type="application\/gzip" id="csv-files">)[^<]*(<\/script>)/,
      '$1/* the CSV files of the indicators, gzip and base64: see the model golden file */$2',
    );
}

const langs: Lang[] = ['de', 'en'];

describe('golden files', () => {
  for (const lang of langs) {
    const model = makeModel(makeProject(), { lang, provenance });

    it(`report model (${lang})`, async () => {
      await expectGolden(`report-model.${lang}.json`, modelJson(model));
    });

    it(`report HTML (${lang})`, async () => {
      await expectGolden(`report.${lang}.html`, normaliseHtml(await renderReport(model)));
    });
  }

  it('leave no volatile part in the files: the fixed clock, version and hashes are all there is', async () => {
    const html = normaliseHtml(await renderReport(makeModel(makeProject(), { provenance })));
    expect(html).toContain('istsoll 9.9.9');
    expect(html).toContain('1. März 2026 um 13:00 MEZ');
    const library = '<script type="application/gzip" class="library" data-name="([a-z-]+)">';
    const placeholder = new RegExp(`${library}/\\* the minified build of \\1 \\*/</script>`, 'g');
    expect(html.match(placeholder)).toHaveLength(3);
    expect(html.length).toBeLessThan(200_000);
  });
});
