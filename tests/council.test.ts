// The report for the council (issue 14, items 4–7; issue 16, item 3), over the bundled example town: the
// town's texts for every indicator, reference series in chart, table and text, a summary page whose counts
// add up, the measures beside the indicators, CSV downloads that give back the values, and the changes
// since the last report after two reports in a row. German and English alike.
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareIndicators } from '../src/compare/compare.js';
import { computeProject } from '../src/compute/compute.js';
import { formatValue, unitDigits, type Lang } from '../src/core/format.js';
import { readProject, type Project } from '../src/core/project.js';
import type { Comparison, IndicatorValue } from '../src/core/types.js';
import { loadProject } from '../src/load/load.js';
import { buildReportModel, type ReportModel } from '../src/report/model.js';
import { renderPage } from '../src/report/page.js';
import { copyFixture, fixture, root, runCli, tempDb } from './helpers.js';

/** A copy of the example project to change: its settings, data, indicators and measures. */
async function exampleCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'istsoll-council-'));
  for (const part of ['istsoll.yaml', 'data', 'indicators', 'measures'])
    await cp(join(root, part), join(dir, part), { recursive: true });
  return dir;
}

const now = new Date('2026-12-01T09:00:00Z');
let project: Project;
let values: IndicatorValue[];
let comparisons: Comparison[];
const models = {} as Record<Lang, ReportModel>;

beforeAll(async () => {
  project = await readProject(root);
  const db = await tempDb();
  await loadProject(project, db);
  values = await computeProject(project, db);
  comparisons = compareIndicators(project.indicators, values, project.config.method);
  for (const lang of ['de', 'en'] as const)
    models[lang] = buildReportModel(project, values, comparisons, { lang, now, version: 'test' });
});

/** The HTML of a model, without the SVGs (they are not what these tests are about). */
const pageOf = (model: ReportModel) => renderPage(model, new Map());

/** The text of a CSV download, without the byte-order mark that it starts with. */
function csvOf(download: { csv: string }): string {
  expect(download.csv.startsWith('\uFEFF')).toBe(true);
  return download.csv.slice(1);
}

describe.each(['de', 'en'] as const)('the example report (%s)', (lang) => {
  const model = () => models[lang];

  it('gives every indicator a definition, a rationale and a commentary in the language of the report', () => {
    for (const s of model().indicators) {
      const ind = project.indicators.find((i) => i.id === s.id)!;
      expect(
        s.texts.map((t) => t.kind),
        s.id,
      ).toEqual(['definition', 'rationale', 'commentary']);
      expect(s.texts.map((t) => t.text)).toEqual([ind.definition![lang], ind.rationale![lang], ind.commentary![lang]]);
    }
    const html = pageOf(model());
    expect(html.match(/class="indicator-text text-commentary"/g)).toHaveLength(model().indicators.length);
  });

  it('moves the SQL to the appendix for analysts and links each indicator to its calculation', () => {
    const html = pageOf(model());
    for (const s of model().indicators) {
      expect(s.definition.map((d) => d.text).join(' '), s.id).not.toMatch(/count\(\*\)|sum\(/);
      expect(html).toContain(`href="#berechnung-${s.id}"`);
      expect(html).toContain(`id="berechnung-${s.id}"`);
    }
    const calc = model().appendix.calculations.find((c) => c.id === 'vereinsmitgliedschaft')!;
    expect(calc.items.map((i) => i.text).join(' ')).toContain('vereinsmitglied in (1, 2)');
  });

  it('draws reference series as lines with a legend, a column in the year table and a sentence', () => {
    const withReferences = model().indicators.filter((s) => s.referenceText !== null);
    expect(withReferences.length).toBeGreaterThanOrEqual(2);
    for (const s of withReferences) {
      const ind = project.indicators.find((i) => i.id === s.id)!;
      const series = s.figures.find((f) => f.kind === 'series')!;
      const spec = JSON.stringify(series.chart);
      for (const ref of ind.references!) {
        const name = ref.label[lang]!;
        // The legend names it; the points carry its source in their tooltip.
        expect(spec, s.id).toContain(`"reference":"${name}"`);
        expect(spec).toContain(JSON.stringify(ref.source));
        expect(series.table.columns.some((c) => c.startsWith(name))).toBe(true);
        expect(series.notes.join(' ')).toContain(ref.source);
      }
      const layer = (series.chart as { layer: { encoding?: { strokeDash?: { field: string } } }[] }).layer;
      expect(layer.some((l) => l.encoding?.strokeDash?.field === 'reference')).toBe(true);
    }
    const employment = model().indicators.find((s) => s.id === 'erwerbstaetigenquote')!;
    const nds = lang === 'de' ? 'Niedersachsen: 62,2\u00a0% (2024)' : 'Lower Saxony: 62.2% (2024)';
    expect(employment.referenceText).toContain(nds);
    // The reference value of 2024 in its column, "–" in 2025, a year it has no value for.
    const table = employment.figures.find((f) => f.kind === 'series')!.table;
    const column = table.columns.findIndex((c) => c.startsWith(lang === 'de' ? 'Niedersachsen' : 'Lower Saxony'));
    const row = (year: string) => table.rows.find((r) => r.head === year)!.cells[column - 1]!.text;
    expect(row('2024').replace(/\u00a0/g, ' ')).toBe(lang === 'de' ? '62,2 %' : '62.2%');
    expect(row('2025')).toBe('–');
  });

  it('puts a summary first whose counts of indicators and targets add up, and says which data lag behind', () => {
    const { council, keyFigures, totals, targetTotals } = model();
    const sum = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);
    expect(sum(totals)).toBe(project.indicators.length);
    expect(keyFigures[0]!.value).toBe(String(project.indicators.length));
    expect(sum(targetTotals)).toBe(comparisons.length);
    expect(keyFigures[1]!.value).toBe(String(comparisons.length));
    // The field rows add up to the totals, column by column.
    for (const [i, c] of totals.entries())
      expect(
        council.fields.reduce((n, f) => n + f.counts[i]!.count, 0),
        c.status,
      ).toBe(c.count);
    expect(council.lagging.map((l) => [l.anchor, l.year])).toEqual([['indikator-wahlbeteiligung_kommunal', 2021]]);
    expect(keyFigures[2]!.value).toBe('2025');
    expect(keyFigures[2]!.note).toContain('(2021)');
  });

  it('orders the fields of action by the share of rated indicators clearly off track, worst first', () => {
    const { fields } = model().council;
    expect(fields).toHaveLength(project.fields.length);
    const shares = fields.map((f) => (f.assessed ? f.offTrack / f.assessed : -1));
    expect(shares).toEqual(shares.toSorted((a, b) => b - a));
    const offTrack = new Set(['deterioration', 'limited']);
    for (const f of fields)
      expect(f.offTrack).toBe(f.counts.filter((c) => offTrack.has(c.status)).reduce((n, c) => n + c.count, 0));
  });

  it('gives three to five key messages made from the comparison', () => {
    const { messages } = model().council;
    expect(messages.length).toBeGreaterThanOrEqual(3);
    expect(messages.length).toBeLessThanOrEqual(5);
    const worst = model().council.fields[0]!;
    expect(messages[1]).toContain(worst.title);
    // Every indicator that got worse is named (the list shortens beyond four).
    const worse = model().indicators.filter((s) => s.status.status === 'deterioration');
    expect(messages.some((m) => worse.slice(0, 3).every((s) => m.includes(s.title)))).toBe(true);
  });

  it('shows the measures beside the indicators of each field, and under each indicator those meant to move it', () => {
    const m = model();
    const listed = m.fieldMeasures.flatMap((f) => f.measures.map((x) => x.id));
    expect(listed.toSorted()).toEqual(project.measures.map((x) => x.id).toSorted());
    for (const f of m.fieldMeasures) {
      expect(f.indicators.map((i) => i.id)).toEqual(
        project.indicators.filter((i) => i.field === f.id).map((i) => i.id),
      );
      for (const x of f.measures) expect(x.statusWord).toBeTruthy();
    }
    for (const s of m.indicators) {
      const meant = project.measures.filter((x) => x.indicators.includes(s.id)).map((x) => x.id);
      expect(
        s.measures.map((x) => x.id),
        s.id,
      ).toEqual(meant);
    }
    const sprachcafe = m.fieldMeasures.flatMap((f) => f.measures).find((x) => x.id === 'sprachcafe')!;
    expect(sprachcafe).toMatchObject({ responsible: 'Stabsstelle Integration', overdue: false });
    expect(sprachcafe.next!.date).toBe(lang === 'de' ? '31. März 2027' : '31 March 2027');
  });

  it('counts the measures by state in the summary and lists the overdue ones', () => {
    const summary = model().council.measures!;
    expect(summary.total).toBe(project.measures.length);
    expect(summary.byStatus.reduce((n, s) => n + s.count, 0)).toBe(summary.total);
    expect(summary.overdue.map((x) => x.id)).toEqual(['deutschkurs_kinderbetreuung', 'auszugsmanagement']);
    const html = pageOf(model());
    for (const x of summary.overdue) expect(html).toContain(`<a href="#${x.anchor}">${x.title}</a>`);
    expect(html).toContain('id="handlungsfelder"');
  });

  it('offers each indicator’s values as a CSV file that parses back to the values', () => {
    const decimal = lang === 'de' ? ',' : '.';
    for (const s of model().indicators) {
      const mine = values.filter((v) => v.indicator === s.id);
      const ind = project.indicators.find((i) => i.id === s.id)!;
      const rows = parse(csvOf(s.download!), { delimiter: lang === 'de' ? ';' : ',' }) as string[][];
      const [header, ...body] = rows;
      expect(body, s.id).toHaveLength(mine.length);
      const at = header!.findIndex((h) => h === model().ui.axis[ind.unit]);
      const sorted = mine.map((v, i) => ({ v, i })).sort((a, b) => a.v.year - b.v.year || a.i - b.i);
      for (const [k, { v }] of sorted.entries()) {
        const cell = body[k]![at]!;
        expect(Number(body[k]![0]), s.id).toBe(v.year);
        if (v.value === null || v.suppressed) expect(cell, `${s.id} ${v.year}`).toBe('');
        // Two decimals more than the report shows, rounded.
        else {
          const error = Math.abs(Number(cell.replace(decimal, '.')) - v.value);
          expect(error, `${s.id} ${v.year}`).toBeLessThanOrEqual(0.5 * 10 ** -(unitDigits[ind.unit] + 2) + 1e-9);
        }
      }
    }
  });

  it('offers the table of all targets as a CSV file on the summary page', () => {
    const { download } = model().council;
    const [header, ...body] = parse(csvOf(download), { delimiter: lang === 'de' ? ';' : ',' }) as string[][];
    expect(body).toHaveLength(comparisons.length);
    const ist = header!.indexOf(model().ui.ist);
    const latest = comparisons.map((c) => c.latest?.value ?? null);
    const read = body.map((r) => (r[ist] === '' ? null : Number(r[ist]!.replace(',', '.'))));
    // The table follows the report's order (by field of action); the numbers are the comparisons', unrounded.
    expect(read.toSorted()).toEqual(latest.map((x) => (x === null ? null : Number(x.toPrecision(12)))).toSorted());
  });
});

describe('a report of one field of action', () => {
  it('has that field’s measures and counts only those', () => {
    const model = buildReportModel(project, values, comparisons, {
      lang: 'de',
      now,
      version: 'test',
      field: 'sprache',
    });
    expect(model.fieldMeasures.map((f) => f.id)).toEqual(['sprache']);
    const own = project.measures.filter((m) => m.field === 'sprache');
    expect(model.council.measures!.total).toBe(own.length);
    expect(model.fieldMeasures[0]!.measures.map((m) => m.id)).toEqual(own.map((m) => m.id));
  });
});

describe('a town without measures', () => {
  it('has no measures section and says nothing about measures, in German and English', async () => {
    const dir = fixture('othertown');
    const town = await readProject(dir);
    const db = await tempDb();
    await loadProject(town, db);
    const townValues = await computeProject(town, db);
    const townComparisons = compareIndicators(town.indicators, townValues, town.config.method);
    for (const lang of ['de', 'en'] as const) {
      const model = buildReportModel(town, townValues, townComparisons, { lang, now, version: 'test' });
      expect(model.fieldMeasures).toEqual([]);
      expect(model.council.measures).toBeNull();
      const html = pageOf(model);
      expect(html).not.toContain('id="handlungsfelder"');
      expect(html).not.toContain('class="indicator-measures"');
      const text = html.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]*>/g, ' ');
      expect(text).not.toMatch(lang === 'de' ? /Maßnahme/ : /\b[Mm]easures?\b/);
    }
  });
});

describe('what changed since the last report', () => {
  it('is listed after two reports in a row with a changed target and value, and a re-run changes nothing', async () => {
    const dir = await exampleCopy();
    const db = await tempDb();
    const report = async (...args: string[]) => {
      const out = join(dir, 'reports', args.includes('en') ? 'en.html' : 'index.html');
      const r = await runCli('report', '--project', dir, '--db', db, '--out', out, ...args);
      expect(r.code, r.stderr).toBe(0);
      return readFile(out, 'utf8');
    };
    const first = await report();
    expect(first).toContain('Noch kein früherer Bericht zum Vergleich');
    expect(first).not.toContain('id="aenderungen"');
    // A council decision and a new count: the target for employment is raised, and the administration
    // reports more staff with a migration history for 2025 than before.
    expect(
      (
        await runCli(
          'targets',
          'set',
          'erwerbstaetigenquote',
          '--value',
          '60',
          '--year',
          '2030',
          '--group',
          'mit',
          '--project',
          dir,
        )
      ).code,
    ).toBe(0);
    const staff = join(dir, 'data', 'verwaltungspersonal.csv');
    await writeFile(staff, (await readFile(staff, 'utf8')).replace('2025;mit;66', '2025;mit;86'));
    const second = await report();
    const start = second.indexOf('id="aenderungen"');
    const rows = second.slice(start, second.indexOf('</table>', start)).split('<tr>').slice(2);
    const row = (title: string) => rows.find((r) => r.includes(`>${title}</a>`)) ?? '';
    // A higher target can only leave the rating as it was or make it worse; here it gets worse.
    const employment = row('Beschäftigungsquote (15 bis 64 Jahre)');
    expect(employment).toContain('55\u00a0% (2030) → <strong>60\u00a0% (2030)</strong>');
    expect(employment).toContain('<small>(schlechter)</small>');
    // A register count has no margin of error: the new share is listed with the old one.
    const share = (mit: number, ohne: number) => formatValue((100 * mit) / (mit + ohne), 'percent', 'de');
    expect(row('Beschäftigte mit Migrationsgeschichte in der Stadtverwaltung')).toContain(
      `${share(66, 470)} (2025) → <strong>${share(86, 470)} (2025)</strong>`,
    );
    expect(second).toMatch(/<li>Seit dem Bericht vom \d+\. [A-Za-zä]+ \d{4}: \d Bewertung/);
    const history = await readdir(join(dir, 'reports', 'history'));
    expect(history).toHaveLength(2);
    // The same input once more: the history is left as it is, and the report comes out the same.
    const third = await report();
    const timeless = (html: string) => html.replace(/(Erstellt am|Generated on) [^<]*</g, '$1 …<');
    expect(timeless(third)).toBe(timeless(second));
    expect(await readdir(join(dir, 'reports', 'history'))).toEqual(history);
    const english = await report('--lang', 'en');
    expect(english).toContain('What changed since the last report');
    expect(english).toContain('55% (2030) → <strong>60% (2030)</strong>');
  }, 120_000);

  it('is left out with --no-history, and nothing is kept', async () => {
    const dir = await copyFixture('mini');
    const r = await runCli('report', '--project', dir, '--db', await tempDb(), '--no-history');
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(join(dir, 'reports', 'index.html'), 'utf8');
    expect(html).not.toContain('class="first-report"');
    await expect(readdir(join(dir, 'reports'))).resolves.toEqual(['index.html']);
  });
});
