// The report model and its HTML, for the small hand-made project of report-fixture.ts.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { html, inlineScript, jsonForScript, unsafe } from '../src/report/html.js';
import { periods, type Figure, type ReportModel } from '../src/report/model.js';
import { renderReport, unpackSpecs, writeReport } from '../src/report/page.js';
import { hostile, makeModel, makeProject, makeValues, plain, provenance, secret, section } from './report-fixture.js';

const figure = (model: ReportModel, id: string, kind: Figure['kind']) =>
  section(model, id).figures.find((f) => f.kind === kind)!;
type Rows = { data: { values: Record<string, unknown>[] } };
/** Assertions on a whole page that print the needle, not a megabyte of HTML. */
const has = (text: string, needle: string) => expect(text.includes(needle), `page contains ${needle}`).toBe(true);
const hasNot = (text: string, needle: string) =>
  expect(text.includes(needle), `page does not contain ${needle}`).toBe(false);

describe('buildReportModel', () => {
  it('takes title and notice from the project and dates the report from `now`', () => {
    const model = makeModel();
    expect(model.title).toBe('Integrationsmonitoring Teststadt');
    expect(model.notice).toBe('Alle Zahlen sind erfunden & nur zum Testen.');
    expect(model.generated).toBe('1. März 2026');
    expect(model.generatedAt).toBe('1. März 2026 um 13:00 MEZ');
  });

  it('is deterministic for a fixed `now`', async () => {
    expect(JSON.stringify(makeModel())).toBe(JSON.stringify(makeModel()));
    expect(await renderReport(makeModel())).toBe(await renderReport(makeModel()));
  });

  it('writes a plain-language summary from the numbers', () => {
    const [value, gap] = section(makeModel(), 'employment').summary.map(plain);
    // The status's own figure (the pace since the base year) first, the recent trend beside it.
    expect(value).toBe(
      'In der Gruppe „mit Migrationsgeschichte“ lag der Anteil 2025 bei 58,3 % (2020: 50,0 %). ' +
        'Ziel für 2030: mindestens 65 %. ' +
        'Seit 2020 geht es zu langsam voran (80 % des nötigen Tempos); ' +
        'setzt sich der Trend der Jahre 2020 bis 2025 fort, wird das Ziel erst 2033 erreicht. ' +
        'Bewertung: ◐ mäßiger Fortschritt.',
    );
    expect(gap).toBe(
      'Der Abstand zwischen den Gruppen „mit Migrationsgeschichte“ und „ohne Migrationsgeschichte“ ' +
        'betrug 2025 13,7 Prozentpunkte (2020: 20,0 Prozentpunkte). ' +
        'Seit 2020 ist der Abstand kleiner geworden, weil der Anteil in der Gruppe „mit Migrationsgeschichte“ ' +
        'stärker gestiegen ist (von 50,0 % auf 58,3 %) als in der Gruppe „ohne Migrationsgeschichte“ ' +
        '(von 70,0 % auf 72,0 %). ' +
        'Ziel für 2030: höchstens 5 Prozentpunkte. ' +
        'Seit 2020 geht es viel zu langsam voran (40 % des nötigen Tempos); ' +
        'setzt sich der Trend der Jahre 2020 bis 2025 fort, wird das Ziel erst 2033 erreicht. ' +
        'Bewertung: ○ geringer Fortschritt.',
    );
    expect(section(makeModel(), 'naturalisations').summary.map(plain)).toEqual([
      'Ziel für 2030: mindestens 20 ‰. Eine Bewertung ist nicht möglich: keine Daten.',
    ]);
  });

  it('rates an indicator by its worst comparison, counts statuses per field and in all, and gives key figures', () => {
    const model = makeModel();
    expect(section(model, 'employment').status.status).toBe('limited');
    expect(section(model, 'employment').status.symbol).toBe('○');
    const work = model.fields.find((f) => f.id === 'work')!;
    expect(work.counts.map((c) => c.count)).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0]);
    expect(model.totals.filter((c) => c.count).map((c) => [c.status, c.count])).toEqual([
      ['limited', 1],
      ['not_assessable', 1],
    ]);
    // The targets have counts of their own, which add up to the number of targets in the key figures.
    expect(model.targetTotals.filter((c) => c.count).map((c) => [c.status, c.count])).toEqual([
      ['moderate', 1],
      ['limited', 1],
      ['not_assessable', 1],
    ]);
    const sum = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);
    expect(sum(model.totals)).toBe(model.indicators.length);
    expect(String(sum(model.targetTotals))).toBe(model.keyFigures[1]!.value);
    expect(model.keyFigures).toEqual([
      { value: '2', label: 'Indikatoren in 2 Handlungsfeldern', note: null },
      // A target that cannot be rated is counted, and said to be so: the counts below add up to 3.
      { value: '3', label: 'Ziele, davon 2 bewertbar', note: null },
      { value: '2025', label: 'neuestes Datenjahr', note: null },
    ]);
    expect(
      work.indicators[0]!.targets.map((t) => [
        t.subject,
        plain(t.ist),
        t.istYear,
        plain(t.soll),
        t.sollYear,
        plain(t.gap),
        t.status.word,
        t.sort,
      ]),
    ).toEqual([
      [
        'mit Migrationsgeschichte',
        '58,3 %',
        2025,
        'mindestens 65 %',
        2030,
        'noch 6,7 Pp.',
        'mäßiger Fortschritt',
        { ist: 58.3, soll: 65, gap: 6.7 },
      ],
      [
        'Abstand zwischen den Gruppen',
        '13,7 Pp.',
        2025,
        'höchstens 5 Pp.',
        2030,
        'noch 8,7 Pp.',
        'geringer Fortschritt',
        { ist: 13.7, soll: 5, gap: 8.7 },
      ],
    ]);
    expect(model.fields.find((f) => f.id === 'empty')!.indicators).toEqual([]);
    // Sections follow the order of the fields, not of the indicator files.
    expect(model.indicators.map((s) => s.id)).toEqual(['employment', 'naturalisations']);
  });

  it('gives an indicator with groups a time series, a gap chart and a district breakdown, each with its table', () => {
    expect(section(makeModel(), 'employment').figures.map((f) => [f.id, f.kind, f.title])).toEqual([
      ['employment-series', 'series', 'Entwicklung, Ziel und Trend'],
      ['employment-gap', 'gap', 'Abstand zwischen den Gruppen'],
      ['employment-by-1', 'breakdown', 'Nach Ortsteil, 2025'],
    ]);
    // An indicator without any data gets a sentence, not an empty chart.
    expect(section(makeModel(), 'naturalisations').figures).toEqual([]);
  });

  it('tabulates years as rows, newest first, with a suppressed cell as "–" and its reason as a footnote', () => {
    const table = figure(makeModel(), 'employment', 'series').table;
    expect(table.columns).toEqual(['Jahr', 'mit Migrationsgeschichte', 'ohne Migrationsgeschichte']);
    expect(table.rows.map((r) => r.head)).toEqual(['2025', '2024', '2023', '2022', '2021', '2020']);
    const row2023 = table.rows.find((r) => r.head === '2023')!;
    expect(row2023.cells.map((c) => plain(c.text))).toEqual(['–', '71,2 %']);
    expect(table.notes.find((n) => n.mark === row2023.cells[0]!.note)?.text).toBe(
      'nicht ausgewiesen: eine Fallzahl unter 5',
    );
    expect(table.rows[0]!.cells.map((c) => plain(c.text))).toEqual(['58,3 %', '72,0 %']);
  });

  it('never lets a suppressed value into the chart data, and breaks the line there', () => {
    const spec = figure(makeModel(), 'employment', 'series').chart as unknown as {
      data: { values: { year: number; series: string; value: number | null; text: string }[] };
    };
    const a2023 = spec.data.values.find((r) => r.year === 2023 && r.series === 'mit Migrationsgeschichte');
    expect(a2023).toMatchObject({ value: null, text: '' });
    expect(spec.data.values.filter((r) => r.series === 'mit Migrationsgeschichte').map((r) => r.value)).toEqual([
      50,
      52,
      53,
      null,
      56,
      58.3,
    ]);
    // Without a target for everyone, the total is not drawn.
    expect(new Set(spec.data.values.map((r) => r.series))).toEqual(
      new Set(['mit Migrationsgeschichte', 'ohne Migrationsgeschichte']),
    );
    for (const f of section(makeModel(), 'employment').figures) {
      const json = JSON.stringify(f);
      expect(json, f.id).not.toContain('77.77');
      expect(json, f.id).not.toContain('77,8');
    }
  });

  it('draws the trend of each compared series dashed from its first year to the target year', () => {
    const spec = figure(makeModel(), 'employment', 'series').chart as {
      layer: { data?: { values: { year: number; value: number }[] }; mark: { type: string; strokeDash?: number[] } }[];
    };
    const dashed = spec.layer.filter((l) => l.mark.type === 'line' && l.mark.strokeDash);
    expect(dashed).toHaveLength(1);
    // slope 1.5 a year, 63.1 in 2030: the fitted line starts at 63.1 − 10 × 1.5 in 2020.
    expect(dashed[0]!.data!.values.map((p) => [p.year, Number(p.value.toFixed(2))])).toEqual([
      [2020, 48.1],
      [2030, 63.1],
    ]);
    expect(figure(makeModel(), 'employment', 'series').notes).toContain(
      'Gestrichelt: der Trend der Jahre 2020 bis 2025, fortgeschrieben bis 2030.',
    );
  });

  it('charts the gap per year with parity, its target, trend and a "–" where a group is not shown', () => {
    const gap = figure(makeModel(), 'employment', 'gap');
    expect(gap.table.columns).toEqual(['Jahr', 'Abstand', 'Verhältnis']);
    expect(gap.table.rows.map((r) => [r.head, ...r.cells.map((c) => plain(c.text))])).toEqual([
      ['2025', '13,7 Pp.', '0,81'],
      ['2024', '15,5 Pp.', '0,78'],
      ['2023', '–', '–'],
      ['2022', '18,0 Pp.', '0,75'],
      ['2021', '18,5 Pp.', '0,74'],
      ['2020', '20,0 Pp.', '0,71'],
    ]);
    expect(gap.table.notes.map((n) => n.text)).toEqual(['nicht ausgewiesen: eine Fallzahl unter 5']);
    expect(gap.notes.map(plain)).toEqual([
      'Über null liegt die Gruppe „mit Migrationsgeschichte“ ' +
        'hinter der Gruppe „ohne Migrationsgeschichte“ zurück, unter null liegt sie vorn.',
      'Von 2020 bis 2025 wird der Abstand kleiner (−1,2 Pp. je Jahr).',
      'Gestrichelt: der Trend des Abstands, fortgeschrieben bis zum Zieljahr.',
    ]);
    const json = plain(JSON.stringify(gap.chart));
    expect(json).toContain('Ziel 2030: höchstens 5 Pp.');
    expect(json).toContain('kein Abstand');
  });

  it('breaks the latest year down by district, in the order of the labels, then by name; "–" when suppressed', () => {
    const by = figure(makeModel(), 'employment', 'breakdown');
    expect(by.table.columns).toEqual(['Ortsteil', 'mit Migrationsgeschichte', 'ohne Migrationsgeschichte', 'Abstand']);
    expect(by.table.rows.map((r) => [r.head, ...r.cells.map((c) => plain(c.text))])).toEqual([
      ['Südstadt', '61,2 %', '73,4 %', '12,2 Pp.'],
      ['Altstadt', '–', '72,2 %', '–'],
      ['Nordstadt', '55,5 %', '70,1 %', '14,6 Pp.'],
    ]);
    expect(by.table.notes.map((n) => n.text)).toEqual(['nicht ausgewiesen: eine Fallzahl unter 5']);
    const bars = (by.chart as unknown as Rows).data.values.filter((r) => r.category === 'Altstadt');
    expect(bars.map((r) => [r.series, r.value, plain(String(r.text))])).toEqual([
      ['mit Migrationsgeschichte', null, '–'],
      ['ohne Migrationsgeschichte', 72.2, '72,2 %'],
    ]);
    expect(plain(JSON.stringify(by.chart))).toContain('insgesamt: 66,0 %');
  });

  it('builds valid Vega-Lite for every figure: a description, and no warning', () => {
    for (const s of makeModel().indicators) {
      for (const f of s.figures) {
        expect(f.chart.description, f.id).toContain(s.title);
        const warnings: unknown[] = [];
        const logger = {
          level: () => logger,
          info: () => logger,
          debug: () => logger,
          warn: (...a: unknown[]) => (warnings.push(a), logger),
          error: (...a: unknown[]) => (warnings.push(a), logger),
        };
        expect(() => compile(f.chart, { logger: logger as never })).not.toThrow();
        expect(warnings, f.id).toEqual([]);
      }
    }
  });

  it('lists every source with its file, rows and hash, and the project files, in the appendix', () => {
    const { appendix } = makeModel(makeProject(), { provenance });
    expect(appendix.sources).toEqual([
      { name: 'jobs', description: 'Beschäftigte', file: 'data/jobs.csv', rows: '1.234', hash: 'a'.repeat(64) },
      { name: 'people', description: null, file: 'data/people.csv', rows: '56.789', hash: 'b'.repeat(64) },
    ]);
    expect(appendix.files).toEqual(provenance.files);
    expect(appendix.notes.at(-1)).toMatch(/^Datenschutz: Eine Fallzahl unter 5 wird nicht ausgewiesen/);
    expect(makeModel().appendix.sources.map((s) => s.hash)).toEqual([null, null]);
  });

  it('makes a report of one field of action, for the committee in charge of it', () => {
    const model = makeModel(makeProject(), { field: 'work' });
    expect(model.scope).toBe('Arbeit');
    expect(model.indicators.map((s) => s.id)).toEqual(['employment']);
    expect(model.fields.map((f) => f.id)).toEqual(['work']);
    expect(model.keyFigures.map((k) => `${k.value} ${k.label}`)).toEqual([
      '1 Indikator in 1 Handlungsfeld',
      '2 Ziele',
      '2025 neuestes Datenjahr',
    ]);
    expect(model.totals.filter((t) => t.count).map((t) => t.status)).toEqual(['limited']);
    expect(() => makeModel(makeProject(), { field: 'nope' })).toThrow('no field of action `nope`');
  });

  it('speaks English with lang en, project texts included', () => {
    const model = makeModel(makeProject(), { lang: 'en' });
    expect(model.title).toBe('Integration monitoring test town');
    expect(model.generatedAt).toBe('1 March 2026 at 13:00 CET');
    expect(section(model, 'employment').figures.map((f) => f.title)).toEqual([
      'Development, target and trend',
      'Gap between the groups',
      'By ortsteil, 2025',
    ]);
    expect(figure(model, 'employment', 'breakdown').table.rows.map((r) => r.head)).toEqual([
      'South',
      'Altstadt',
      'Nordstadt',
    ]);
    expect(section(model, 'employment').summary[0]).toBe(
      'For the group "with a migration history", the value was 58.3% in 2025 (2020: 50.0%). ' +
        'Target for 2030: at least 65%. ' +
        'Since 2020, progress has been too slow (80% of the pace needed); ' +
        'if the trend of 2020 to 2025 continues, the target will only be reached in 2033. ' +
        'Rating: ◐ moderate progress.',
    );
  });

  it('shows the years of a survey as they come, without calling the years between waves missing', () => {
    const wave = (year: number) => ({
      indicator: 'x',
      year,
      cell: {},
      value: 1,
      numerator: 1,
      denominator: 1,
      notes: [],
    });
    expect(periods([wave(2019), wave(2022), wave(2025)])).toEqual([2019, 2022, 2025]);
    expect(periods([wave(2019), wave(2020), wave(2022)])).toEqual([2019, 2020, 2021, 2022]);
    expect(periods([])).toEqual([]);
  });
});

describe('renderReport', () => {
  const page = renderReport(makeModel());
  const specsOf = (text: string) =>
    unpackSpecs(/<script type="application\/gzip" id="chart-specs">([^<]*)<\/script>/.exec(text)![1]!) as Record<
      string,
      TopLevelSpec
    >;

  it('escapes a hostile label everywhere: text, attributes, SVG, and the packed chart specs read it back', async () => {
    const text = await renderReport(makeModel(makeProject(hostile), {}, makeValues(hostile)));
    hasNot(text, hostile);
    has(text, '&lt;script&gt;alert(1)&lt;/script&gt;');
    has(text, 'Alle Zahlen sind erfunden &amp; nur zum Testen.');
    const specs = specsOf(text);
    expect(JSON.stringify(specs['employment-series'])).toContain(JSON.stringify(hostile).slice(1, -1));
    expect(JSON.stringify(specs['employment-by-1'])).toContain(JSON.stringify(hostile).slice(1, -1));
    // The breakdown's SVG writes the district as text.
    const svg = /<figure class="figure figure-breakdown"[\s\S]*?<svg[\s\S]*?<\/svg>/.exec(text)![0];
    expect(svg).toContain('>&lt;script&gt;alert(1)&lt;/script&gt;<');
  });

  it('puts no suppressed value anywhere: HTML, SVGs, the packed chart specs and CSV files', async () => {
    const text = await page;
    const files = unpackSpecs(/<script type="application\/gzip" id="csv-files">([^<]*)<\/script>/.exec(text)![1]!);
    expect(Object.keys(files)).toEqual(['employment.csv']);
    for (const needle of ['77.77', '77,77', '77,8', '77.8']) {
      // The libraries travel as base64, which has neither a point nor a comma.
      expect(text).not.toContain(needle);
      expect(JSON.stringify(specsOf(text))).not.toContain(needle);
      expect(JSON.stringify(files)).not.toContain(needle);
    }
  });

  it('has every chart twice: as an SVG drawn in Node and as a spec for vega-embed', async () => {
    const text = await page;
    const figures = makeModel().indicators.flatMap((s) => s.figures);
    expect(Object.keys(specsOf(text))).toEqual(figures.map((f) => f.id));
    for (const f of figures) {
      const block = new RegExp(
        '<div class="chart-static" role="img" aria-label="[^"]+">(<svg[\\s\\S]*?</svg>)</div>\\n' +
          `<div class="chart" data-chart="${f.id}"></div>`,
      ).exec(text);
      expect(block, f.id).not.toBeNull();
      expect(block![1]).toMatch(
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+">/,
      );
    }
    has(text, 'aria-label="Beschäftigungsquote. Liniendiagramm der Jahre 2020 bis 2025');
  });

  it('closes every script element where it should: inlined code cannot end one early', async () => {
    const text = await page;
    const opened = text.match(/<script\b/g)!.length;
    // the "js" class, settings, packed specs, packed CSV files, vega, vega-lite and vega-embed as text, the page
    // script
    expect(opened).toBe(8);
    expect(text.match(/<\/script>/g)!.length).toBe(opened);
  });

  it('shows the notice as a banner at the top, and statuses with symbol and word', async () => {
    const text = await page;
    const banner = text.indexOf('class="notice"');
    expect(banner).toBeGreaterThan(0);
    expect(banner).toBeLessThan(text.indexOf('id="ueberblick"'));
    has(
      text,
      '<span class="status s-limited"><span class="symbol" aria-hidden="true">○</span> geringer Fortschritt</span>',
    );
    has(text, '<html lang="de">');
  });

  it('puts above the status pills what they count, and the pills add up to it', async () => {
    const text = await page;
    const rows = [
      ...text.matchAll(
        /<p class="totals-label" id="[^"]+">(\d+) ([^<]*)<\/p>\n<ul class="status-totals"[^>]*>(.*?)<\/ul>/g,
      ),
    ];
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['2', 'Indikatoren (je Indikator zählt die schlechteste Bewertung seiner Ziele):'],
      ['3', 'Ziele:'],
    ]);
    for (const [, count, , pills] of rows) {
      const counts = [...pills!.matchAll(/<span class="total-count">(\d+)<\/span>/g)].map((m) => Number(m[1]));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(Number(count));
    }
  });

  it('makes tables reachable by keyboard and labelled: focusable scroll boxes, captions, header scopes', async () => {
    const text = await page;
    const boxes = text.match(/<div class="table-scroll"[^>]*>/g)!;
    expect(boxes.length).toBeGreaterThan(4);
    for (const box of boxes) expect(box).toMatch(/tabindex="0" role="region" aria-labelledby="[^"]+"/);
    for (const id of text.match(/aria-labelledby="([^"]+)"/g)!.map((m) => m.slice(17, -1))) has(text, `id="${id}"`);
    expect(text.match(/<th(?=[\s>])(?![^>]*scope=)[^>]*>/g)).toBeNull();
    // One data table per figure: the employment series, gap and district breakdown.
    expect(text.match(/<table class="data-table">\n<caption/g)!.length).toBe(3);
  });

  it('loads nothing: no external src or href, no stylesheet link, and a CSP that forbids requests', async () => {
    const text = await page;
    expect(text).not.toMatch(/\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(text).not.toMatch(/<link\b/i);
    expect(text).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//i);
    expect(text).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(text).not.toMatch(/<script[^>]+src=/i);
    // Vega, Vega-Lite and vega-embed are in the page, packed: each unpacks to its whole minified build.
    const libraries = [
      ...text.matchAll(/<script type="application\/gzip" class="library" data-name="([a-z-]+)">([^<]*)</g),
    ];
    expect(libraries.map((m) => m[1])).toEqual(['vega', 'vega-lite', 'vega-embed']);
    for (const [, name, packed] of libraries) {
      const code = gunzipSync(Buffer.from(packed!, 'base64')).toString('utf8');
      expect(code.length, name).toBeGreaterThan(50_000);
      expect(code, name).toMatch(/^!function\(/);
    }
  });

  it('prints each field on a new page, charts whole, in colour, title, page numbers in the margins', async () => {
    const text = await page;
    has(text, '@top-left { content: "Integrationsmonitoring Teststadt";');
    has(text, '@bottom-right { content: "Seite " counter(page) " von " counter(pages);');
    expect(text).toMatch(
      /@media print \{[\s\S]*\.contents,\s+section\.field,\s+section\.appendix \{\s+break-before: page;/,
    );
    expect(text).toMatch(/@media print \{[\s\S]*\.chart-box,[^{]*\{\s+break-inside: avoid;\s+\}/);
    expect(text).toMatch(/print-color-adjust: exact/);
  });

  it('writes the file atomically and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'istsoll-report-'));
    const out = join(dir, 'sub', 'index.html');
    await writeReport(makeModel(), out);
    expect(await readFile(out, 'utf8')).toBe(await page);
    expect(await readdir(join(dir, 'sub'))).toEqual(['index.html']);
  });
});

describe('html', () => {
  it('escapes interpolations, keeps nested html and unsafe(), joins arrays and drops null and false', () => {
    const items = ['<a>', 'b&c'];
    const list = html`<ul>${items.map((i) => html`<li title="${i}">${i}</li>`)}</ul>`;
    const out = html`${list}${null}${false}${undefined}${unsafe('<br>')}${'"\''}`;
    expect(out.text).toBe(
      '<ul><li title="&lt;a&gt;">&lt;a&gt;</li><li title="b&amp;c">b&amp;c</li></ul><br>&quot;&#39;',
    );
  });

  it('breaks up </script and <!-- in inlined code and JSON', () => {
    expect(inlineScript('var s = "</script><!--";').text).toBe('var s = "\\x3C/script>\\x3C!--";');
    expect(inlineScript('x = "</SCRIPT>"').text).not.toMatch(/<\/script/i);
    const json = jsonForScript({ a: '</script><!-- \u2028' }).text;
    expect(json).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(json)).toEqual({ a: '</script><!-- \u2028' });
  });
});
