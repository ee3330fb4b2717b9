// Charts drawn as SVG in Node: lean, deterministic, and nothing in them that could run or fetch.
import { describe, expect, it } from 'vitest';
import { buildBarChart } from '../src/report/charts/bars.js';
import { buildLineChart } from '../src/report/charts/line.js';
import { compactSvg, renderSvg } from '../src/report/svg.js';

const chart = (label: string) =>
  buildLineChart({
    lang: 'de',
    unit: 'percent',
    description: 'Testdiagramm',
    series: [
      { label, points: [2020, 2021, 2022].map((year, i) => ({ year, value: 40 + i * 1.25, text: `${40 + i} %` })) },
    ],
    targets: [{ year: 2025, value: 50, label: 'Ziel 2025: 50 %' }],
  });

describe('renderSvg', () => {
  it('draws a chart with German number formats and a viewBox, without fonts, roles or classes of its own', async () => {
    const svg = await renderSvg(chart('Gruppe A'), 'de');
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)" viewBox="0 0 \1 \2">/,
    );
    expect(svg).toContain('>Ziel 2025: 50 %</text>');
    expect(svg).toContain('>2021</text>');
    expect(svg).not.toMatch(/font-family|role=|aria-|class=|pointer-events/);
    expect(await renderSvg(chart('Gruppe A'), 'de')).toBe(svg);
  });

  it('writes a hostile label as text', async () => {
    const bars = buildBarChart({
      lang: 'en',
      unit: 'count',
      description: 'x',
      categories: ['<script>alert(1)</script>', 'B'],
      series: ['all'],
      bars: [
        { category: '<script>alert(1)</script>', series: 'all', value: 1234.5, text: '1,235' },
        { category: 'B', series: 'all', value: null, text: '' },
      ],
      categoryTitle: 'district',
    });
    const svg = await renderSvg(bars, 'en');
    // A long category name is cut to the chart's label column, escaped all the same.
    expect(svg).toContain('>&lt;script&gt;alert(1)…</text>');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('>1,235</text>');
    expect(svg).toContain('>1,000</text>');
    expect(svg).toContain('>–</text>');
    expect(await renderSvg({ ...bars, description: 'y' }, 'de')).toContain('>1.000</text>');
  });
});

describe('compactSvg', () => {
  const wrap = (inner: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">${inner}</svg>`;

  it('moves what all children share to their group, drops hidden and empty elements, keeps one decimal', () => {
    const svg = wrap(
      '<g><text font-size="12px" fill="#333" transform="translate(1.23456,2)">a</text>' +
        '<text font-size="12px" fill="#333" opacity="0">hidden</text>' +
        '<text font-size="12px" fill="#444">b</text></g><g class="x"><path d=""/></g>' +
        '<path d="M0.123,1L2,3" opacity="1" role="graphics-symbol" aria-label="x"/>',
    );
    expect(compactSvg(svg)).toBe(
      wrap(
        '<g font-size="12px"><text x="1.2" y="2" fill="#333">a</text><text fill="#444">b</text></g>' +
          '<path d="M0.1,1L2,3"/>',
      ),
    );
  });

  it('gives the group the value most children share, and keeps the others where they are', () => {
    const svg = wrap(
      '<g><text text-anchor="start">a</text><text text-anchor="middle">b</text>' +
        '<text text-anchor="middle">c</text><text text-anchor="end">d</text></g>',
    );
    expect(compactSvg(svg)).toBe(
      wrap(
        '<g text-anchor="middle"><text text-anchor="start">a</text><text>b</text><text>c</text>' +
          '<text text-anchor="end">d</text></g>',
      ),
    );
  });

  it('turns points drawn as paths into circles and squares, and moved lines and texts into plain coordinates', () => {
    const svg = wrap(
      '<path transform="translate(44,254.14)" d="M3.7,0A3.7,3.7,0,1,1,-3.7,0A3.7,3.7,0,1,1,3.7,0" fill="#0072B2"/>' +
        '<path transform="translate(10,20)" d="M-3.7,-3.7h7.4v7.4h-7.4Z"/>' +
        '<path transform="translate(1,2)" d="M0,-3.2L-3.7,3.2L3.7,3.2Z"/>' +
        '<line transform="translate(0,210)" x2="660" y2="0"/><line transform="translate(44,0)" x2="0" y2="5"/>' +
        '<text transform="translate(-26,130) rotate(-90)">Anteil</text>',
    );
    expect(compactSvg(svg)).toBe(
      wrap(
        '<circle cx="44" cy="254.1" r="3.7" fill="#0072B2"/><rect x="6.3" y="16.3" width="7.4" height="7.4"/>' +
          '<path transform="translate(1,2)" d="M0,-3.2L-3.7,3.2L3.7,3.2Z"/>' +
          '<line y1="210" x2="660" y2="210"/><line x1="44" x2="44" y2="5"/>' +
          '<text transform="translate(-26,130) rotate(-90)">Anteil</text>',
      ),
    );
  });

  it.each([
    ['a script element', '<script>alert(1)</script>'],
    ['an event handler', '<rect width="1" onload="alert(1)"/>'],
    ['a link', '<g href="https://example.org"></g>'],
    ['an xlink', '<g xlink:href="#x"></g>'],
    ['a foreign object', '<foreignObject><div/></foreignObject>'],
    ['an image', '<image href="x.png"/>'],
    ['an external reference', '<rect clip-path="url(https://example.org/x#c)"/>'],
    ['a style attribute', '<rect style="background:url(x)"/>'],
    ['an unclosed element', '<g>'],
  ])('refuses %s', (_, inner) => {
    expect(() => compactSvg(wrap(inner))).toThrow(/refusing a chart SVG/);
  });
});
