// A verdict that needs a qualifier says so wherever the status is shown: the terminal (`compare`), its JSON
// and CSV, and the report, in German and English. The fixture has numbers to check by hand: trust among
// residents with a migration history is estimated at 56 % (target 55 %) from 100 answers, within the margin
// of error; the Abitur gap closes from 20 to 5 points (target 6) only because the share of the reference
// group falls from 45 % to 30 %.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, runCli, tempDb } from './helpers.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = await copyFixture('verdict');
  db = await tempDb();
  expect((await runCli('load', '--project', dir, '--db', db)).code).toBe(0);
});

/** The command's output with no-break spaces as plain ones, as the terminal shows them. */
async function compare(...args: string[]) {
  const r = await runCli('compare', '--project', dir, '--db', db, ...args);
  return { ...r, stdout: r.stdout.replace(/\u00a0/g, ' ') };
}

describe('the terminal', () => {
  it('shows the uncertain status and marks the caveat, with its sentence below the table (de)', async () => {
    const r = await compare('--lang', 'de');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /vertrauen\s+mit\s+56,0 % \(2025\)\s+55,0 % \(2030\)\s+\(✔\) erreicht, aber nicht gesichert\n/,
    );
    expect(r.stdout).toMatch(/abitur\s+Abstand\s+5,0 Pp\. \(2025\)\s+6,0 Pp\. \(2030\)\s+✔ erreicht \[1\]\n/);
    expect(r.stdout).toContain(
      '[1] abitur (Abstand): nur, weil sich die Gruppe „ohne“ seit 2015 verschlechtert hat; ' +
        'hätte sie ihren Wert von 2015 gehalten, lautete die Bewertung „geringer Fortschritt“',
    );
    expect(r.stdout).toContain('1 erreicht, aber nicht gesichert; 1 erreicht');
  });

  it('says the same in English', async () => {
    const r = await compare('--lang', 'en');
    expect(r.stdout).toMatch(/vertrauen\s+mit\s+56\.0% \(2025\)\s+55\.0% \(2030\)\s+\(✔\) achieved, but not certain\n/);
    expect(r.stdout).toContain(
      '[1] abitur (gap): only because the group "ohne" has got worse since 2015; ' +
        'had it kept its 2015 value, the rating would be "limited progress"',
    );
  });
});

describe('JSON and CSV', () => {
  it('carry one status code, the reason, the caveat and how each group moved', async () => {
    const json = JSON.parse((await compare('--json', '--lang', 'de')).stdout);
    const [abitur, vertrauen] = json.comparisons;
    expect(vertrauen).toMatchObject({
      status: 'achieved_uncertain',
      reason: { code: 'rating-within-margin-achieved' },
      caveat: null,
    });
    expect(abitur).toMatchObject({
      series: 'gap',
      status: 'achieved',
      caveat: { code: 'caveat-gap-reference-decline', reference: 'ohne', year: 2015, status: 'limited' },
      groups: {
        from: 2015,
        to: 2025,
        compared: { group: 'mit', from: 25, to: 25 },
        reference: { group: 'ohne', from: 45, to: 30 },
      },
    });
    expect(abitur.caveat.message).toMatch(/^nur, weil sich die Gruppe „ohne“ seit 2015 verschlechtert hat/);
    expect(json.indicators).toEqual([
      { id: 'abitur', field: 'bildung', status: 'achieved' },
      { id: 'vertrauen', field: 'verwaltung', status: 'achieved_uncertain' },
    ]);
  });

  it('the CSV has the same codes, the caveat in two columns, and the groups at both ends', async () => {
    const rows: Record<string, string>[] = parse((await compare('--csv', '--lang', 'en')).stdout, { columns: true });
    const [abitur, vertrauen] = rows;
    expect(vertrauen).toMatchObject({ status: 'achieved_uncertain', reason_code: 'rating-within-margin-achieved' });
    expect(vertrauen!.caveat_code).toBe('');
    expect(abitur).toMatchObject({
      status: 'achieved',
      caveat_code: 'caveat-gap-reference-decline',
      basis_from: '2025',
      basis_to: '2025',
      compared_from: '25',
      compared_to: '25',
      reference_from: '45',
      reference_to: '30',
    });
    expect(abitur!.caveat).toMatch(/^only because the group "ohne" has got worse since 2015/);
  });
});

describe('the report', () => {
  const report = async (lang: 'de' | 'en') => {
    const out = join(dir, 'reports', `${lang}.html`);
    expect((await runCli('report', '--project', dir, '--db', db, '--lang', lang, '--out', out)).code).toBe(0);
    return (await readFile(out, 'utf8')).replace(/\u00a0/g, ' ').replace(/&quot;/g, '"');
  };

  it('says which group moved the gap, that only this met the target, and the uncertain status (de)', async () => {
    const html = await report('de');
    expect(html).toContain(
      'Seit 2015 ist der Abstand kleiner geworden, weil der Anteil in der Gruppe „ohne Migrationsgeschichte“ ' +
        'von 45,0 % auf 30,0 % gesunken ist; der Anteil in der Gruppe „mit Migrationsgeschichte“ blieb etwa ' +
        'gleich (25,0 % und 25,0 %).',
    );
    const caveat =
      'nur, weil sich die Gruppe „ohne Migrationsgeschichte“ seit 2015 verschlechtert hat; hätte sie ihren ' +
      'Wert von 2015 gehalten, lautete die Bewertung „geringer Fortschritt“';
    // Beside the status in the overview, and in the indicator's text.
    expect(html).toContain(`<small class="caveat">${caveat}</small>`);
    expect(html).toContain(`Bewertung: ✔ erreicht. Das gilt ${caveat}.`);
    expect(html).toContain(
      'Der Schätzwert erfüllt das Ziel, aber nur innerhalb der Fehlerspanne; sicher erreicht ist es nicht. ' +
        'Bewertung: (✔) erreicht, aber nicht gesichert.',
    );
    expect(html).toContain(
      '<span class="status s-achieved_uncertain"><span class="symbol" aria-hidden="true">(✔)</span> ' +
        'erreicht, aber nicht gesichert</span>',
    );
    // The counts add up to what they count.
    expect(html).toContain('<p class="totals-label" id="summe-ziele">2 Ziele:</p>');
  });

  it('says the same in English', async () => {
    const html = await report('en');
    expect(html).toContain(
      'Since 2015, the gap has narrowed because the share for the group "without a migration history" fell ' +
        'from 45.0% to 30.0%; for the group "with a migration history" it stayed about the same (25.0% and 25.0%).',
    );
    expect(html).toContain(
      'Rating: ✔ achieved. This holds only because the group "without a migration history" has got worse ' +
        'since 2015; had it kept its 2015 value, the rating would be "limited progress".',
    );
    expect(html).toContain('Rating: (✔) achieved, but not certain.');
  });
});
