// Resident survey microdata (waves 2019, 2022, 2025). The sample over-represents residents with a
// migration history and the small villages, and older people answer more readily; the design weights
// undo both, so that weighted and unweighted results differ as they do in real surveys.
import type { Random } from './random.js';
import { sumPopulation, type Cell, type PopulationIndex, type Table } from './tables.js';
import { districts, migrations, type Migration } from './town.js';

const waves = [2019, 2022, 2025];
const adultBands = ['18-24', '25-44', '45-64', '65+'] as const;
const ageGroups = ['18-29', '30-49', '50-64', '65+'];
const ageShares: Record<Migration, number[]> = { mit: [0.22, 0.4, 0.24, 0.14], ohne: [0.14, 0.27, 0.31, 0.28] };
/** Relative willingness to answer, by age group. */
const propensity = [0.7, 0.9, 1.1, 1.2];

/** Percent agreeing (scales) or saying yes (yes/no questions), per wave. */
const answers: Record<string, Record<Migration, number[]>> = {
  zugehoerigkeit: { mit: [60, 63, 66], ohne: [78, 78, 77] },
  diskriminierungserfahrung: { mit: [25, 29, 34], ohne: [7, 8, 8] },
  vertrauen_verwaltung: { mit: [52, 56, 58], ohne: [57, 58, 57] },
  vereinsmitglied: { mit: [21, 23, 26], ohne: [44, 43, 44] },
  beratung_bekannt: { mit: [31, 38, 46], ohne: [27, 31, 35] },
  deutsch_selbsteinschaetzung: { mit: [68, 70, 73], ohne: [] },
};

/** Asked from the 2025 wave on: a new question has a single data point, so its trend cannot be rated yet. */
const newQuestions: Record<string, { from: number; agree: Record<Migration, number> }> = {
  willkommen_verwaltung: { from: 2025, agree: { mit: 61, ohne: 72 } },
};

/**
 * `later` draws the answers to questions added in later waves,
 * so that adding one leaves the others' numbers as they were.
 */
export function buildSurvey(random: Random, index: PopulationIndex, later: Random): Table {
  const rows: Cell[][] = [];
  for (const [w, wave] of waves.entries()) {
    const adults = districts.map((d) => migrations.map((m) => sumPopulation(index, wave, d.name, adultBands, m)));
    // Allocation grows less than proportionally with size, so villages get more than their share.
    const pull = adults.map(([mit, ohne]) => Math.pow(mit! + ohne!, 0.7));
    const total = pull.reduce((a, b) => a + b, 0);
    const respondents: { district: string; migration: Migration; age: number; design: number }[] = [];
    districts.forEach((district, d) => {
      const size = random.count((2000 * pull[d]!) / total);
      const [mit, ohne] = adults[d]!;
      const mitSample = Math.round(size * Math.min(0.7, (1.5 * mit!) / (mit! + ohne!)));
      for (const [m, migration] of migrations.entries()) {
        const n = migration === 'mit' ? mitSample : size - mitSample;
        for (let i = 0; i < n; i++) {
          const age = random.pick(ageShares[migration].map((s, a) => s * propensity[a]!));
          respondents.push({ district: district.name, migration, age, design: adults[d]![m]! / n });
        }
      }
    });
    const weights = respondents.map((r) => (r.design / propensity[r.age]!) * Math.exp(0.1 * random.gauss()));
    const mean = weights.reduce((a, b) => a + b, 0) / weights.length;
    respondents.forEach((r, i) => {
      const village = r.district === 'Lehrte' ? -2 : 4;
      const share = (question: string, offset = 0) => (answers[question]![r.migration][w]! + offset) / 100;
      rows.push([
        wave,
        i + 1,
        r.district,
        r.migration,
        random.next() < 0.52 ? 'w' : 'm',
        ageGroups[r.age]!,
        (weights[i]! / mean).toFixed(4),
        drawScale(random, share('zugehoerigkeit', village)),
        drawYesNo(random, share('diskriminierungserfahrung', r.age === 0 ? 5 : 0)),
        drawScale(random, share('vertrauen_verwaltung')),
        drawYesNo(random, share('vereinsmitglied', village)),
        r.migration === 'mit' ? drawScale(random, share('deutsch_selbsteinschaetzung')) : null,
        drawYesNo(random, share('beratung_bekannt')),
        ...Object.values(newQuestions).map((q) =>
          wave >= q.from ? drawScale(later, q.agree[r.migration] / 100) : null,
        ),
      ]);
    });
  }
  const columns = [
    'befragungsjahr',
    'befragten_nr',
    'ortschaft',
    'migrationshintergrund',
    'geschlechtsangabe',
    'altersklasse',
    'gewicht',
    'zugehoerigkeit',
    'diskriminierungserfahrung',
    'vertrauen_verwaltung',
    'vereinsmitglied',
    'deutsch_selbsteinschaetzung',
    'beratung_bekannt',
    ...Object.keys(newQuestions),
  ];
  return { columns, rows };
}

/** 1–5, where `agree` is the share answering 4 or 5; 8 = don't know, 9 = no answer. */
function drawScale(random: Random, agree: number): number {
  const u = random.next();
  if (u < 0.03) return 8;
  if (u < 0.045) return 9;
  return 1 + random.pick([(1 - agree) * 0.2, (1 - agree) * 0.3, (1 - agree) * 0.5, agree * 0.55, agree * 0.45]);
}

/** 1 = yes, 2 = no; 8 = don't know, 9 = no answer. */
function drawYesNo(random: Random, yes: number): number {
  const u = random.next();
  if (u < 0.025) return 8;
  if (u < 0.035) return 9;
  return random.next() < yes ? 1 : 2;
}
