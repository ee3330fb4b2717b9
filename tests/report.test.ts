// The report model and its HTML, for a small hand-made project: two indicators, values with a
// suppressed cell, and comparisons written out by hand so that the expected sentences are plain to see.
import { readFile, readdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { html, inlineScript, jsonForScript, unsafe } from '../src/html.js';
import type { Comparison, IndicatorValue } from '../src/model.js';
import type { IndicatorFile, Project } from '../src/project.js';
import { buildReportModel, periods, type ReportModel } from '../src/report-model.js';
import { renderReport, writeReport } from '../src/report.js';
import { Field, Indicator, ProjectConfig } from '../src/schema.js';

const hostile = '<script>alert(1)</script>';
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const now = new Date('2026-03-01T12:00:00Z');

function makeProject(labelOfA = 'mit Migrationsgeschichte'): Project {
  const config = ProjectConfig.parse({
    title: { de: 'Integrationsmonitoring Teststadt', en: 'Integration monitoring test town' },
    notice: { de: 'Alle Zahlen sind erfunden & nur zum Testen.' },
    labels: { origin: { a: { de: labelOfA }, b: { de: 'ohne Migrationsgeschichte' } } },
  });
  const indicator = (spec: unknown) => ({ ...Indicator.parse(spec), file: undefined as never }) as IndicatorFile;
  return {
    dir: '/nowhere',
    config,
    sources: { jobs: { file: 'jobs.csv', year: 'year', description: 'Beschäftigte' }, people: { file: 'people.csv', year: 'year' } },
    sourcesFile: undefined as never,
    fields: [Field.parse({ id: 'work', title: { de: 'Arbeit' } }), Field.parse({ id: 'civic', title: { de: 'Teilhabe' } }), Field.parse({ id: 'empty', title: { de: 'Leeres Feld' } })],
    indicators: [
      indicator({
        id: 'naturalisations',
        title: { de: 'Einbürgerungen' },
        field: 'civic',
        unit: 'per_1000',
        direction: 'higher',
        numerator: { table: 'people', expr: 'sum(naturalised)' },
        denominator: { table: 'people', expr: 'sum(foreigners)' },
        baseline: 2020,
        targets: [{ year: 2030, value: 20 }],
        department: 'Bürgerbüro',
        source: 'Einbürgerungsstatistik',
      }),
      indicator({
        id: 'employment',
        title: { de: 'Beschäftigungsquote' },
        description: { de: 'Anteil der Beschäftigten an der Bevölkerung im erwerbsfähigen Alter.' },
        field: 'work',
        unit: 'percent',
        direction: 'higher',
        numerator: { table: 'jobs', expr: 'sum(employees)' },
        denominator: { table: 'people', expr: 'sum(persons)', filter: "age_band = '15-64'" },
        by: ['origin'],
        groups: { column: 'origin', compared: 'a', reference: 'b' },
        baseline: 2020,
        targets: [
          { year: 2030, group: 'a', value: 65 },
          { year: 2030, gap: 5 },
        ],
        department: 'Wirtschaftsförderung',
        source: 'Bundesagentur für Arbeit',
      }),
    ],
  };
}

/** A suppressed cell that (wrongly) still carries a number: the report must show neither it nor its counts. */
const secret = 77.777;

function makeValues(): IndicatorValue[] {
  const a = [50, 52, 53, null, 56, 58.3];
  const b = [70, 70.5, 71, 71.2, 71.5, 72];
  const all = [62, 63, 64, 64.5, 65, 66];
  return a.flatMap((va, i) => {
    const year = 2020 + i;
    const base = { indicator: 'employment', year, numerator: 10, denominator: 20 };
    const cellA: IndicatorValue =
      va === null
        ? { ...base, cell: { origin: 'a' }, value: secret, numerator: 3, denominator: 4, suppressed: true, note: 'suppressed: a count below 5' }
        : { ...base, cell: { origin: 'a' }, value: va };
    return [cellA, { ...base, cell: { origin: 'b' }, value: b[i]! }, { ...base, cell: {}, value: all[i]! }];
  });
}

function makeComparisons(): Comparison[] {
  const common = { indicator: 'employment', relativeGap: null, progress: null, reason: null, method: 'growth-ratio', score: null } as const;
  return [
    {
      ...common,
      series: 'value',
      group: 'a',
      direction: 'higher',
      target: { year: 2030, value: 65 },
      baseline: { year: 2020, value: 50 },
      latest: { year: 2025, value: 58.3 },
      gap: 6.7,
      projection: { method: 'linear trend 2020–2025', from: 2020, to: 2025, slope: 1.5, value: 63.1, reachYear: 2033 },
      status: 'moderate',
    },
    {
      ...common,
      series: 'gap',
      group: null,
      direction: 'lower',
      target: { year: 2030, value: 5 },
      baseline: { year: 2020, value: 20 },
      latest: { year: 2025, value: 13.7 },
      gap: 8.7,
      projection: { method: 'linear trend 2020–2025', from: 2020, to: 2025, slope: -1.2, value: 7.7, reachYear: 2033 },
      status: 'limited',
    },
    {
      indicator: 'naturalisations',
      series: 'value',
      group: null,
      direction: 'higher',
      target: { year: 2030, value: 20 },
      baseline: null,
      latest: null,
      gap: null,
      relativeGap: null,
      progress: null,
      projection: null,
      status: 'not_assessable',
      reason: 'no data',
      method: 'growth-ratio',
      score: null,
    },
  ];
}

function makeModel(project = makeProject()): ReportModel {
  return buildReportModel(project, makeValues(), makeComparisons(), { lang: 'de', now, version: '9.9.9' });
}

const section = (model: ReportModel, id: string) => model.indicators.find((s) => s.id === id)!;

describe('buildReportModel', () => {
  it('takes title and notice from the project and dates the report from `now`', () => {
    const model = makeModel();
    expect(model.title).toBe('Integrationsmonitoring Teststadt');
    expect(model.notice).toBe('Alle Zahlen sind erfunden & nur zum Testen.');
    expect(model.generated).toBe('1. März 2026');
  });

  it('is deterministic for a fixed `now`', () => {
    expect(JSON.stringify(makeModel())).toBe(JSON.stringify(makeModel()));
    expect(renderReport(makeModel())).toBe(renderReport(makeModel()));
  });

  it('writes a plain-language summary from the numbers', () => {
    const [value, gap] = section(makeModel(), 'employment').summary.map(plain);
    expect(value).toBe(
      'In der Gruppe „mit Migrationsgeschichte“ lag der Anteil 2025 bei 58,3 % (2020: 50,0 %). Ziel für 2030: mindestens 65 %. ' +
        'Setzt sich der Trend der Jahre 2020 bis 2025 fort, würde das Ziel erst 2033 erreicht. Bewertung: ► mäßiger Fortschritt.',
    );
    expect(gap).toBe(
      'Der Abstand zwischen den Gruppen „mit Migrationsgeschichte“ und „ohne Migrationsgeschichte“ betrug 2025 13,7 Prozentpunkte (2020: 20,0 Prozentpunkte). ' +
        'Ziel für 2030: höchstens 5 Prozentpunkte. Setzt sich der Trend der Jahre 2020 bis 2025 fort, würde das Ziel erst 2033 erreicht. Bewertung: ▼ geringer Fortschritt.',
    );
    expect(section(makeModel(), 'naturalisations').summary.map(plain)).toEqual(['Ziel für 2030: mindestens 20 ‰. Eine Bewertung ist nicht möglich: keine Daten.']);
  });

  it('rates an indicator by its worst comparison and counts statuses per field', () => {
    const model = makeModel();
    expect(section(model, 'employment').status.status).toBe('limited');
    expect(section(model, 'employment').status.symbol).toBe('▼');
    const work = model.fields.find((f) => f.id === 'work')!;
    expect(work.counts.map((c) => [c.status, c.count])).toEqual([['limited', 1]]);
    expect(work.indicators[0]!.targets.map((t) => [t.subject, plain(t.ist), t.istYear, plain(t.soll), t.sollYear, plain(t.gap), t.status.word])).toEqual([
      ['mit Migrationsgeschichte', '58,3 %', 2025, 'mindestens 65 %', 2030, 'noch 6,7 Pp.', 'mäßiger Fortschritt'],
      ['Abstand zwischen den Gruppen', '13,7 Pp.', 2025, 'höchstens 5 Pp.', 2030, 'noch 8,7 Pp.', 'geringer Fortschritt'],
    ]);
    expect(model.fields.find((f) => f.id === 'empty')!.indicators).toEqual([]);
    // Sections follow the order of the fields, not of the indicator files.
    expect(model.indicators.map((s) => s.id)).toEqual(['employment', 'naturalisations']);
  });

  it('tabulates years as rows, newest first, with a suppressed cell as "–" and its reason as a footnote', () => {
    const table = section(makeModel(), 'employment').table;
    expect(table.columns).toEqual(['Jahr', 'mit Migrationsgeschichte', 'ohne Migrationsgeschichte', 'Abstand']);
    expect(table.rows.map((r) => r.year)).toEqual([2025, 2024, 2023, 2022, 2021, 2020]);
    const row2023 = table.rows.find((r) => r.year === 2023)!;
    expect(row2023.cells.map((c) => plain(c.text))).toEqual(['–', '71,2 %', '–']);
    const note = table.notes.find((n) => n.mark === row2023.cells[0]!.note);
    expect(note?.text).toBe('nicht ausgewiesen: eine Fallzahl unter 5');
    expect(table.rows[0]!.cells.map((c) => plain(c.text))).toEqual(['58,3 %', '72,0 %', '13,7 Pp.']);
  });

  it('never lets a suppressed value into the chart data, and breaks the line there', () => {
    const spec = section(makeModel(), 'employment').chart as { data: { values: { year: number; series: string; value: number | null; text: string }[] } };
    const json = JSON.stringify(spec);
    expect(json).not.toContain('77.777');
    expect(json).not.toContain('77,8');
    const a2023 = spec.data.values.find((r) => r.year === 2023 && r.series === 'mit Migrationsgeschichte');
    expect(a2023).toMatchObject({ value: null, text: '' });
    expect(spec.data.values.filter((r) => r.series === 'mit Migrationsgeschichte').map((r) => r.value)).toEqual([50, 52, 53, null, 56, 58.3]);
    // Without a target for everyone, the total is not drawn.
    expect(new Set(spec.data.values.map((r) => r.series))).toEqual(new Set(['mit Migrationsgeschichte', 'ohne Migrationsgeschichte']));
  });

  it('builds valid Vega-Lite with a description, the target, and lines that break at missing values', () => {
    const spec = section(makeModel(), 'employment').chart;
    expect(spec.description).toContain('Beschäftigungsquote');
    expect(JSON.stringify(spec)).toContain('Ziel 2030');
    expect(JSON.stringify(spec)).toMatch(/"invalid":"break-paths/);
    const warnings: unknown[] = [];
    const logger = { level: () => logger, info: () => logger, debug: () => logger, warn: (...a: unknown[]) => (warnings.push(a), logger), error: (...a: unknown[]) => (warnings.push(a), logger) };
    expect(() => compile(spec, { logger: logger as never })).not.toThrow();
    expect(warnings).toEqual([]);
  });

  it('shows the years of a survey as they come, without calling the years between waves missing', () => {
    const wave = (year: number) => ({ indicator: 'x', year, cell: {}, value: 1, numerator: 1, denominator: 1 });
    expect(periods([wave(2019), wave(2022), wave(2025)])).toEqual([2019, 2022, 2025]);
    expect(periods([wave(2019), wave(2020), wave(2022)])).toEqual([2019, 2020, 2021, 2022]);
    expect(periods([])).toEqual([]);
  });
});

describe('renderReport', () => {
  it('escapes project text everywhere, also inside the chart JSON, and reads it back unchanged', () => {
    const page = renderReport(makeModel(makeProject(hostile)));
    expect(page).not.toContain(hostile);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Alle Zahlen sind erfunden &amp; nur zum Testen.');
    const json = /<script type="application\/json" class="chart-spec" data-indicator="employment">([\s\S]*?)<\/script>/.exec(page)?.[1];
    expect(json).toBeDefined();
    expect(JSON.stringify(JSON.parse(json!))).toContain(JSON.stringify(hostile).slice(1, -1));
  });

  it('closes every script element where it should: inlined code cannot end one early', () => {
    const page = renderReport(makeModel());
    const opened = page.match(/<script\b/g)!.length;
    // locale JSON, vega, vega-lite, vega-embed, the renderer, one spec per indicator
    expect(opened).toBe(5 + 2);
    expect(page.match(/<\/script>/g)!.length).toBe(opened);
  });

  it('shows the notice as a banner at the top, and the status with symbol and word', () => {
    const page = renderReport(makeModel());
    const banner = page.indexOf('class="notice"');
    expect(banner).toBeGreaterThan(0);
    expect(banner).toBeLessThan(page.indexOf('id="ueberblick"'));
    expect(page).toContain('<span class="status s-limited"><span class="symbol" aria-hidden="true">▼</span> geringer Fortschritt</span>');
    expect(page).toContain('<div class="chart" data-indicator="employment"></div>');
    expect(page).toContain('<html lang="de">');
  });

  it('loads nothing from anywhere: no external src or href, no stylesheet links, and a CSP that forbids requests', () => {
    const page = renderReport(makeModel());
    expect(page).not.toMatch(/\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(page).not.toMatch(/<link\b/i);
    expect(page).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//i);
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    // The three libraries are inlined, not referenced.
    expect(page).not.toMatch(/<script[^>]+src=/i);
    expect(page.length).toBeGreaterThan(500_000);
  });

  it('writes the file atomically and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'istsoll-report-'));
    const out = join(dir, 'sub', 'index.html');
    await writeReport(makeModel(), out);
    expect(await readFile(out, 'utf8')).toBe(renderReport(makeModel()));
    expect(await readdir(join(dir, 'sub'))).toEqual(['index.html']);
  });
});

describe('html', () => {
  it('escapes interpolations, keeps nested html and unsafe(), joins arrays and drops null and false', () => {
    const items = ['<a>', 'b&c'];
    const out = html`<ul>${items.map((i) => html`<li title="${i}">${i}</li>`)}</ul>${null}${false}${undefined}${unsafe('<br>')}${'"\''}`;
    expect(out.text).toBe('<ul><li title="&lt;a&gt;">&lt;a&gt;</li><li title="b&amp;c">b&amp;c</li></ul><br>&quot;&#39;');
  });

  it('breaks up </script and <!-- in inlined code and JSON', () => {
    expect(inlineScript('var s = "</script><!--";').text).toBe('var s = "\\x3C/script>\\x3C!--";');
    expect(inlineScript('x = "</SCRIPT>"').text).not.toMatch(/<\/script/i);
    const json = jsonForScript({ a: '</script><!-- \u2028' }).text;
    expect(json).not.toMatch(/<\/script|<!--/i);
    expect(JSON.parse(json)).toEqual({ a: '</script><!-- \u2028' });
  });
});
