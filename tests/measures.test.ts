// Measures (Maßnahmen): the file format and its checks, overdue on a fixed clock, the list and its
// filters, and `measures set` changing only what it is asked to.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { assessMeasures, isOverdue, nextMilestone } from '../src/compare/index.js';
import { setMeasure } from '../src/cli/measures.js';
import { dayOf, lastDay, parsePlanDate } from '../src/core/dates.js';
import { readProject } from '../src/core/project.js';
import { MeasuresFile } from '../src/core/schema.js';
import { parseYaml } from '../src/core/yamlfile.js';
import { copyFixture, runCli } from './helpers.js';

const work = `# yaml-language-server: $schema=../schema/measures.schema.json
# Measures of the test town (made up).
field: work
measures:
  - id: job_coaching          # the first one
    title: { de: Jobcoaching, en: Job coaching }
    responsible: Amt für Tests
    partners: [Jobcenter]
    start: 2019-03
    due: 2020
    status: running
    milestones:
      - { date: 2019-06-30, title: { de: Start }, done: true }
      - { date: 2020-12-31, title: { de: Bilanz, en: Review } }
    indicators: [employment]
    updated: { date: 2020-11-02, by: A. Test }
    note: "Läuft."

  # Permanent from 2024 on.
  - id: mentoring
    title: { de: Mentoring }
    responsible: Stabsstelle Integration
    start: 2024
    due: 2100-06
    status: geplant
    indicators: [employment, agree]
    updated:
      date: 2024-05-01
`;

const voice = `field: voice
measures:
  - id: forum
    title: { de: Forum }
    responsible: Amt für Tests
    start: 2021-01-01
    status: done
    indicators: [agree]
    updated: { date: 2021-12-01 }
`;

async function project(files: Record<string, string> = { 'work.yaml': work, 'voice.yaml': voice }) {
  const dir = await copyFixture('mini');
  await mkdir(join(dir, 'measures'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'measures', name), text);
  return { dir, file: join(dir, 'measures', 'work.yaml') };
}

/** `file:line:column` of the first occurrence of `needle` (its start, or `at` characters into it). */
function place(file: string, text: string, needle: string, at = 0): string {
  const i = text.indexOf(needle);
  expect(i, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, i + at).split('\n');
  return `${file}:${before.length}:${before[before.length - 1]!.length + 1}`;
}

const fixed = new Date('2026-12-01T12:00:00Z');

describe('the measures file', () => {
  it('reads dates as plans write them: a year, a month, a day, and a YAML 1.1 timestamp', () => {
    const text = `%YAML 1.1\n---\n${work.replace('start: 2019-03', 'start: 2019-03-04')}`;
    const file = parseYaml(text, MeasuresFile, 'x.yaml');
    expect(file.data.measures[0]).toMatchObject({ start: '2019-03-04', due: 2020, status: 'running' });
    expect(parseYaml(work, MeasuresFile, 'x.yaml').data.measures[0]).toMatchObject({ start: '2019-03' });
    expect([2026, '2026-02', '2024-02-29', '2026-02-29', '2026-13', '26-01', 2026.5].map(parsePlanDate)).toEqual([
      '2026',
      '2026-02',
      '2024-02-29',
      null,
      null,
      null,
      null,
    ]);
    expect(['2026', '2026-02', '2024-02', '2026-03-14'].map(lastDay)).toEqual([
      '2026-12-31',
      '2026-02-28',
      '2024-02-29',
      '2026-03-14',
    ]);
  });

  it('becomes measures of the project, English statuses in their German form', async () => {
    const { dir } = await project();
    const p = await readProject(dir);
    expect(p.measures.map((m) => [m.id, m.field, m.status, m.start, m.due ?? null])).toEqual([
      ['forum', 'voice', 'umgesetzt', '2021-01-01', null],
      ['job_coaching', 'work', 'laufend', '2019-03', '2020'],
      ['mentoring', 'work', 'geplant', '2024', '2100-06'],
    ]);
    expect(p.measures[1]!.milestones[1]).toEqual({
      date: '2020-12-31',
      title: { de: 'Bilanz', en: 'Review' },
      done: false,
    });
  });

  it('is optional: a project without measures/ has none', async () => {
    const dir = await copyFixture('mini');
    expect((await readProject(dir)).measures).toEqual([]);
    const r = await runCli('measures', 'list', '--project', dir);
    expect(r).toMatchObject({ code: 0, stdout: 'no measures\n' });
  });
});

describe('checking measures', () => {
  const cases: [string, [string, string], string, string, string, number?][] = [
    [
      'a field of action that does not exist',
      ['field: work', 'field: wrk'],
      'wrk',
      'unknown field of action `wrk`',
      'did you mean `work`?',
    ],
    [
      'a month that does not exist',
      ['due: 2020', 'due: 2020-13'],
      '2020-13',
      '`measures.0.due`: `2020-13` is not a valid date',
      'write a year (2026), a month (2026-03) or a day (2026-03-14)',
    ],
    [
      'a day that does not exist',
      ['start: 2019-03', 'start: 2019-02-30'],
      '2019-02-30',
      '`measures.0.start`: `2019-02-30` is not a valid date',
      'write a year',
    ],
    [
      'a due date before the start',
      ['due: 2020', 'due: 2018'],
      '2018',
      'the due date 2018 is before the start 2019-03',
      'check `start` and `due`',
    ],
    [
      'a milestone without a date',
      ['{ date: 2019-06-30, title', '{ title'],
      '{ title',
      '`measures.0.milestones.0.date` is missing',
      'add `date:` here',
    ],
    [
      'an unknown status',
      ['status: running', 'status: runing'],
      'runing',
      'unknown status `runing`',
      'did you mean `running`?',
    ],
    [
      'an unknown indicator',
      ['[employment]', '[employmnt]'],
      'employmnt',
      'no indicator `employmnt`',
      'did you mean `employment`?',
    ],
  ];

  it.each(cases)(
    'refuses %s at its file, line and column, with a hint',
    async (_, [from, to], needle, message, hint) => {
      const text = work.replace(from, to);
      const { dir, file } = await project({ 'work.yaml': text });
      const r = await runCli('validate', '--project', dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${place(file, text, needle)}: ${message}`);
      expect(r.stderr).toContain(`hint: ${hint}`);
    },
  );

  it('refuses an id used twice, across files', async () => {
    const text = voice.replace('id: forum', 'id: job_coaching');
    const { dir, file } = await project({ 'work.yaml': work, 'voice.yaml': text });
    const r = await runCli('measures', 'list', '--project', dir);
    expect(r.code).toBe(1);
    const other = join(dir, 'measures', 'voice.yaml');
    expect(r.stderr).toContain(
      `${place(file, work, 'job_coaching')}: measure \`job_coaching\` is defined twice (also in ${other})`,
    );
    expect(r.stderr).toContain('hint: give every measure an id of its own, across all files');
  });

  it('says it in German too', async () => {
    const { dir } = await project({ 'work.yaml': work.replace('status: running', 'status: laufned') });
    const r = await runCli('validate', '--project', dir, '--lang', 'de');
    expect(r.stderr).toContain('unbekannter Stand `laufned`\n  Tipp: Meinten Sie `laufend`?');
  });

  it('counts the measures when all is well', async () => {
    const { dir } = await project();
    const r = await runCli('validate', '--project', dir, '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, measures: 3 });
  });
});

describe('overdue', () => {
  const measure = (due: string | undefined, status: 'laufend' | 'umgesetzt' | 'eingestellt' | 'ausgesetzt') => ({
    due,
    status,
  });

  it('starts the day after the end of the due period, in German time', () => {
    expect(isOverdue(measure('2026-09', 'laufend'), new Date('2026-09-30T12:00:00Z'))).toBe(false);
    expect(isOverdue(measure('2026-09', 'laufend'), new Date('2026-10-01T12:00:00Z'))).toBe(true);
    // 23:30 UTC on 30 September is already 1 October in Germany.
    expect(isOverdue(measure('2026-09', 'laufend'), new Date('2026-09-30T23:30:00Z'))).toBe(true);
    expect(isOverdue(measure('2026', 'ausgesetzt'), new Date('2026-12-31T12:00:00Z'))).toBe(false);
    expect(isOverdue(measure('2026', 'ausgesetzt'), new Date('2027-01-01T12:00:00Z'))).toBe(true);
    expect(isOverdue(measure('2026-03-14', 'laufend'), new Date('2026-03-15T12:00:00Z'))).toBe(true);
    expect(dayOf(new Date('2026-09-30T23:30:00Z'))).toBe('2026-10-01');
  });

  it('never applies to a measure done, dropped or without a due date', () => {
    const late = new Date('2040-01-01T12:00:00Z');
    expect(isOverdue(measure('2026', 'umgesetzt'), late)).toBe(false);
    expect(isOverdue(measure('2026', 'eingestellt'), late)).toBe(false);
    expect(isOverdue(measure(undefined, 'laufend'), late)).toBe(false);
  });

  it('picks the earliest open milestone, and none for a closed measure', () => {
    const milestones = [
      { date: '2027-03', title: { de: 'B' }, done: false },
      { date: '2025-03-01', title: { de: 'A' }, done: true },
      { date: '2026-11-30', title: { de: 'C' }, done: false },
      { date: '2026-11-30', title: { de: 'D' }, done: false },
    ];
    expect(nextMilestone({ milestones, status: 'laufend' })?.title.de).toBe('C');
    expect(nextMilestone({ milestones, status: 'eingestellt' })).toBeNull();
    expect(nextMilestone({ milestones: [], status: 'laufend' })).toBeNull();
  });

  it('finds the two overdue measures of the example town on 1 December 2026', async () => {
    const { root } = await import('./helpers.js');
    const states = assessMeasures((await readProject(root)).measures, fixed);
    expect(states.filter((s) => s.overdue).map((s) => s.measure.id)).toEqual([
      'deutschkurs_kinderbetreuung',
      'auszugsmanagement',
    ]);
  });
});

describe('measures list', () => {
  const ids = async (...args: string[]) => {
    const { dir } = await project();
    const r = await runCli('measures', 'list', '--json', '--project', dir, ...args);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { id: string }[]).map((m) => m.id);
  };

  it('filters by field, office, status (German or English) and overdue', async () => {
    expect(await ids()).toEqual(['forum', 'job_coaching', 'mentoring']);
    expect(await ids('--field', 'work')).toEqual(['job_coaching', 'mentoring']);
    expect(await ids('--office', 'amt für')).toEqual(['forum', 'job_coaching']);
    expect(await ids('--status', 'running')).toEqual(['job_coaching']);
    expect(await ids('--status', 'Umgesetzt')).toEqual(['forum']);
    expect(await ids('--overdue')).toEqual(['job_coaching']);
    expect(await ids('--overdue', '--field', 'voice')).toEqual([]);
  });

  it('refuses a field or status that does not exist instead of listing nothing', async () => {
    const { dir } = await project();
    const field = await runCli('measures', 'list', '--field', 'wrk', '--project', dir);
    expect(field.code).toBe(2);
    expect(field.stderr).toContain('--field: unknown field of action `wrk`\n  hint: did you mean `work`?');
    const status = await runCli('measures', 'list', '--status', 'fertig', '--project', dir);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('unknown status `fertig`');
  });

  it('prints a table in the language of the command line, with the overdue mark', async () => {
    const { dir } = await project();
    const de = await runCli('measures', 'list', '--project', dir, '--lang', 'de');
    expect(de.stdout).toMatch(/^Maßnahme +Handlungsfeld +Stand +fällig +zuständig +nächster Meilenstein$/m);
    const late = /^job_coaching +work +laufend · überfällig +2020 +Amt für Tests +2020-12-31 Bilanz$/m;
    expect(de.stdout).toMatch(late);
    expect(de.stdout).toMatch(/^forum +voice +umgesetzt +dauerhaft +Amt für Tests +–$/m);
    const en = await runCli('measures', 'list', '--project', dir, '--lang', 'en');
    expect(en.stdout).toMatch(/^job_coaching +work +running · overdue +2020 +Amt für Tests +2020-12-31 Review$/m);
  });

  it('writes JSON with the state of each measure, and CSV for German spreadsheets', async () => {
    const { dir, file } = await project();
    const json = await runCli('measures', 'list', '--json', '--field', 'work', '--project', dir);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({
      id: 'job_coaching',
      status: 'laufend',
      overdue: true,
      due: '2020',
      nextMilestone: { date: '2020-12-31', title: { de: 'Bilanz', en: 'Review' }, done: false },
      indicators: ['employment'],
      updated: { date: '2020-11-02', by: 'A. Test' },
      file,
    });
    const csv = await runCli('measures', 'list', '--csv', '--decimal-comma', '--bom', '--project', dir, '--lang', 'de');
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFid;field;title;responsible;partners;start;due;status;status_label;overdue;next_milestone_date;' +
        'next_milestone;indicators;budget;updated;updated_by;note',
    );
    expect(lines[2]).toBe(
      'job_coaching;work;Jobcoaching;Amt für Tests;Jobcenter;2019-03;2020;laufend;laufend;true;2020-12-31;Bilanz;' +
        'employment;;2020-11-02;A. Test;Läuft.',
    );
  });
});

describe('measures set', () => {
  function changedLines(a: string, b: string): [string, string][] {
    const x = a.split('\n');
    const y = b.split('\n');
    return y.flatMap((line, i) => (line === x[i] ? [] : [[x[i] ?? '', line] as [string, string]]));
  }

  it('changes status, note, milestone and the day of the update, and nothing else', async () => {
    const { dir, file } = await project();
    const result = await setMeasure(await readProject(dir), {
      id: 'job_coaching',
      status: 'done',
      note: 'Abgeschlossen: 12 Teilnehmende, "gut".',
      milestone: '2',
      by: 'B. Test',
      today: '2026-12-01',
    });
    expect(result).toMatchObject({
      before: 'laufend',
      status: 'umgesetzt',
      milestone: { number: 2, date: '2020-12-31' },
    });
    expect(changedLines(work, await readFile(file, 'utf8'))).toEqual([
      ['    status: running', '    status: umgesetzt'],
      [
        '      - { date: 2020-12-31, title: { de: Bilanz, en: Review } }',
        '      - { date: 2020-12-31, title: { de: Bilanz, en: Review }, done: true }',
      ],
      ['    updated: { date: 2020-11-02, by: A. Test }', '    updated: { date: 2026-12-01, by: B. Test }'],
      ['    note: "Läuft."', '    note: "Abgeschlossen: 12 Teilnehmende, \\"gut\\"."'],
    ]);
  });

  it('adds what a measure did not have yet, in the style of its neighbours', async () => {
    const { dir, file } = await project();
    await setMeasure(await readProject(dir), {
      id: 'mentoring',
      note: 'Raum gefunden.',
      by: 'C. Test',
      today: '2026-12-01',
    });
    expect(
      (await readFile(file, 'utf8')).endsWith(
        '    updated:\n      date: 2026-12-01\n      by: C. Test\n    note: "Raum gefunden."\n',
      ),
    ).toBe(true);
    expect((await readProject(dir)).measures.find((m) => m.id === 'mentoring')).toMatchObject({
      note: 'Raum gefunden.',
      updated: { date: '2026-12-01', by: 'C. Test' },
    });
  });

  it('works from the command line, with a milestone named by its date', async () => {
    const { dir, file } = await project();
    const r = await runCli(
      'measures',
      'set',
      'job_coaching',
      '--status',
      'verzögert',
      '--milestone',
      '2020-12-31',
      '--done',
      '--project',
      dir,
      '--lang',
      'de',
    );
    expect(r.code, r.stderr).toBe(0);
    const today = dayOf(new Date());
    expect(r.stdout).toBe(
      `eingetragen: job_coaching in ${file}\n  Stand: laufend → verzögert\n` +
        `  Meilenstein 2 (2020-12-31): erledigt\n  aktualisiert am ${today}\n`,
    );
    const doc = parseDocument(await readFile(file, 'utf8'));
    expect(doc.getIn(['measures', 0, 'status'])).toBe('verzögert');
    expect(doc.getIn(['measures', 0, 'updated', 'date'])).toBe(today);
    expect(doc.getIn(['measures', 0, 'updated', 'by'])).toBe('A. Test');
  });

  it('refuses a bad status, an unknown measure or milestone, and leaves the file as it was', async () => {
    const { dir, file } = await project();
    const set = (...args: string[]) => runCli('measures', 'set', ...args, '--project', dir);
    const synonym = await set('job_coaching', '--status', 'abgeschlossen');
    expect(synonym.stderr).toContain('unknown status `abgeschlossen`\n  hint: did you mean `umgesetzt`?');
    const status = await set('job_coaching', '--status', 'umgesezt');
    expect(status).toMatchObject({ code: 2 });
    expect(status.stderr).toContain('--status: unknown status `umgesezt`\n  hint: did you mean `umgesetzt`?');
    const unknown = await set('job_coachin', '--status', 'laufend');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no measure `job_coachin`\n  hint: did you mean `job_coaching`?');
    const milestone = await set('job_coaching', '--milestone', '5', '--done');
    expect(milestone.code).toBe(2);
    expect(milestone.stderr).toContain('the measure has no milestone 5 (it has 2)');
    expect((await set('job_coaching')).code).toBe(2);
    expect((await set('job_coaching', '--milestone', '1')).code).toBe(2);
    expect(await readFile(file, 'utf8')).toBe(work);
  });
});
