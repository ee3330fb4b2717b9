// Golden files: the report model and the HTML of the hand-made test project, in German and English, with
// a fixed clock, version and hashes. A change to the report shows as a diff of tests/golden/; accept it
// with
//   UPDATE_GOLDEN=1 npx vitest run tests/report-golden.test.ts
// The inlined libraries and the packed chart specs are replaced by placeholders (the specs are in the
// model's golden file), so the files stay readable and do not change with a library's minified build.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../src/core/format.js';
import type { ReportModel } from '../src/report/model.js';
import { renderReport } from '../src/report/page.js';
import { makeModel, makeProject, provenance } from './report-fixture.js';

const golden = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** Compares with the golden file, or writes it under UPDATE_GOLDEN=1; a difference names its first line. */
async function expectGolden(name: string, actual: string): Promise<void> {
  const path = join(golden, name);
  if (update) {
    await mkdir(golden, { recursive: true });
    await writeFile(path, actual);
    return;
  }
  const hint = `run UPDATE_GOLDEN=1 npx vitest run tests/report-golden.test.ts to accept the change, and review the diff of ${relative(process.cwd(), path)}`;
  if (!existsSync(path)) throw new Error(`${name} has no golden file yet: ${hint}`);
  const expected = await readFile(path, 'utf8');
  if (actual === expected) return;
  const [a, e] = [actual.split('\n'), expected.split('\n')];
  const line = a.findIndex((l, i) => l !== e[i]);
  const at = line < 0 ? a.length : line;
  const cut = (s: string | undefined) =>
    s === undefined ? '(end of file)' : s.length > 300 ? `${s.slice(0, 300)}…` : s;
  expect.fail(
    `${name} differs from its golden file at line ${at + 1}:\n  golden: ${cut(e[at])}\n  now:    ${cut(a[at])}\n${hint}`,
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
      /(<script type="text\/plain" class="library" data-name="([a-z-]+)">)[\s\S]*?(<\/script>)/g,
      '$1/* the minified build of $2 */$3',
    )
    .replace(
      /(<script type="application\/gzip" id="chart-specs">)[^<]*(<\/script>)/,
      '$1/* the chart specs, gzip and base64: see the model golden file */$2',
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
    expect(
      html.match(
        /<script type="text\/plain" class="library" data-name="[a-z-]+">\/\* the minified build of [a-z-]+ \*\/<\/script>/g,
      ),
    ).toHaveLength(3);
    expect(html.length).toBeLessThan(200_000);
  });
});
