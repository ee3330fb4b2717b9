// The report's own browser code and stylesheets (src/report/client, src/report/style): compiled the same
// from the sources and from a build, inlined into the page, and readable: colours with enough contrast.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { statusOrder } from '../src/core/status.js';
import { textPalette } from '../src/report/charts/config.js';
import { readClientScript, readStylesheet, writeClientBuild } from '../src/report/assets.js';
import { renderReport } from '../src/report/page.js';
import { cssString } from '../src/report/stylesheet.js';
import { makeModel } from './report-fixture.js';

describe('the browser code', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('is the same, byte for byte, compiled from the sources now or read from a build', async () => {
    const build = await mkdtemp(join(tmpdir(), 'istsoll-client-'));
    dirs.push(build);
    writeClientBuild(build);
    expect(await readdir(join(build, 'client'))).toEqual(['charts.js', 'downloads.js', 'scrollers.js', 'tables.js']);
    expect(await readdir(join(build, 'style'))).toEqual(['print.css', 'report.css']);
    // The build holds no TypeScript, so what is read from it is the prebuilt JavaScript.
    expect(readClientScript(build)).toBe(readClientScript());
    for (const name of ['report', 'print'] as const) expect(readStylesheet(name, build)).toBe(readStylesheet(name));
  });

  it('is JavaScript without types, each file in a function of its own', () => {
    const script = readClientScript();
    expect(() => new Function(script)).not.toThrow();
    expect(script.match(/^\(\(\) => \{$/gm)).toHaveLength(4);
    expect(script).not.toMatch(/\binterface\b|\bdeclare\b|: HTMLElement|as Settings/);
  });

  it('is inlined into the page as its last script, after the libraries it starts', async () => {
    const text = await renderReport(makeModel());
    expect(text.endsWith(`<script>\n${readClientScript()}</script>\n</body>\n</html>\n`)).toBe(true);
    expect(text.lastIndexOf('class="library"')).toBeLessThan(text.lastIndexOf(readClientScript()));
  });
});

describe('the stylesheet', () => {
  const css = readStylesheet('report');
  /** A declaration of the top-level rule for exactly `selector` in report.css. */
  const valueOf = (selector: string, property: string) => {
    const rule = css.split(/\n(?=\S)/).find((r) => r.startsWith(`${selector} {`));
    const value = rule && new RegExp(`\\n  ${property}: ([^;]+);`).exec(rule)?.[1];
    expect(value, `${selector} { ${property} }`).toBeDefined();
    return value!;
  };
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5]
      .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    expect(
      [a, b].every((c) => /^#[0-9a-f]{6}$/i.test(c)),
      `${a} on ${b}`,
    ).toBe(true);
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  it('has text contrast of at least 4.5:1 (WCAG AA): status badges, muted text, links, chart labels', () => {
    for (const status of statusOrder) {
      const badge = `.status.s-${status}`;
      expect(contrast(valueOf(badge, 'color'), valueOf(badge, 'background')), status).toBeGreaterThanOrEqual(4.5);
    }
    const root = (name: string) => valueOf(':root', `--${name}`);
    for (const c of [root('text'), root('muted'), root('accent'), ...textPalette])
      expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(4.5);
    expect(contrast(root('text'), valueOf('.notice', 'background'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(root('muted'), root('soft'))).toBeGreaterThanOrEqual(4.5);
  });

  it('writes project text into CSS strings so that it cannot end the string or the <style> element', () => {
    expect(cssString('Stadt "A" \\ </style><script>')).toBe('"Stadt \\"A\\" \\\\ \\3c /style>\\3c script>"');
  });
});
