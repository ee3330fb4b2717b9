// The aggregate register tables of the example town. Population comes first; the other tables draw
// their counts from it, so that children in day care never outnumber the children who live there.
import type { Random } from './random.js';
import {
  ageBands,
  ageShares,
  districts,
  foreignShareIn,
  interpolate,
  migrationShareIn,
  migrations,
  residentsIn,
  sexes,
  workingAgeBands,
  years,
  type AgeBand,
  type Migration,
  type Sex,
} from './town.js';

export type Cell = string | number | null;
export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** Residents by year, district, sex, age band and migration history (both nationalities together). */
export type PopulationIndex = Map<string, { deutsch: number; nichtdeutsch: number }>;

function keyOf(year: number, district: string, sex: Sex, band: AgeBand, migration: Migration): string {
  return `${year}|${district}|${sex}|${band}|${migration}`;
}

export function sumPopulation(
  index: PopulationIndex,
  year: number,
  district: string,
  bands: readonly AgeBand[],
  migration: Migration,
  sex?: Sex,
): number {
  let total = 0;
  for (const s of sex ? [sex] : sexes) {
    for (const band of bands) {
      const cell = index.get(keyOf(year, district, s, band, migration));
      if (cell) total += cell.deutsch + cell.nichtdeutsch;
    }
  }
  return total;
}

function sumForeigners(index: PopulationIndex, year: number, district: string): number {
  let total = 0;
  for (const s of sexes)
    for (const band of ageBands) total += index.get(keyOf(year, district, s, band, 'mit'))?.nichtdeutsch ?? 0;
  return total;
}

/** Women outnumber men among the old; men slightly outnumber women among recent arrivals. */
function femaleShare(migration: Migration, band: AgeBand): number {
  if (band === '65+') return migration === 'mit' ? 0.53 : 0.56;
  return migration === 'mit' ? 0.48 : 0.495;
}

export function buildPopulation(random: Random): { table: Table; index: PopulationIndex } {
  const rows: Cell[][] = [];
  const index: PopulationIndex = new Map();
  // A register stock changes slowly: each cell keeps its own lasting deviation from the model, and
  // only a little noise is added from one year to the next.
  const lasting = new Map<string, number>();
  for (const year of years) {
    for (const district of districts) {
      const residents = residentsIn(district, year);
      const migrationShare = migrationShareIn(district, year) / 100;
      for (const sex of sexes) {
        for (const [b, band] of ageBands.entries()) {
          for (const migration of migrations) {
            const groupShare = migration === 'mit' ? migrationShare : 1 - migrationShare;
            const sexShare = sex === 'w' ? femaleShare(migration, band) : 1 - femaleShare(migration, band);
            const cell = `${district.name}|${sex}|${band}|${migration}`;
            if (!lasting.has(cell)) lasting.set(cell, 1 + 0.06 * random.gauss());
            const expected = residents * groupShare * (ageShares[migration][b]! / 100) * sexShare * lasting.get(cell)!;
            const total = Math.max(0, Math.round(expected * (1 + 0.015 * random.gauss())));
            const foreign = migration === 'mit' ? random.binomial(total, foreignShareIn(year)) : 0;
            index.set(keyOf(year, district.name, sex, band, migration), {
              deutsch: total - foreign,
              nichtdeutsch: foreign,
            });
            rows.push([year, district.name, sex, band, migration, 'deutsch', total - foreign]);
            // Residents without a migration history are German by definition: no nichtdeutsch row.
            if (migration === 'mit') rows.push([year, district.name, sex, band, migration, 'nichtdeutsch', foreign]);
          }
        }
      }
    }
  }
  return {
    table: {
      columns: [
        'berichtsjahr',
        'ortschaft',
        'geschlechtsangabe',
        'altersband',
        'migrationshintergrund',
        'staatsangehoerigkeit',
        'personen',
      ],
      rows,
    },
    index,
  };
}

/** Employees subject to social insurance (place of residence) and registered unemployed, aged 15–64. */
export function buildEmployment(random: Random, index: PopulationIndex): Table {
  const rows: Cell[][] = [];
  for (const year of years) {
    // A common shock per year and group, so town totals wobble too, not only the small cells.
    const shock = { mit: random.gauss() * 0.6, ohne: random.gauss() * 0.4 };
    for (const district of districts) {
      for (const sex of sexes) {
        for (const migration of migrations) {
          const workingAge = sumPopulation(index, year, district.name, workingAgeBands, migration, sex);
          const employed = employmentRate(year, sex, migration) + district.employment + shock[migration];
          const unemployed = unemploymentRate(year, migration) * (sex === 'w' ? 0.9 : 1.1);
          rows.push([
            year,
            district.name,
            sex,
            migration,
            random.binomial(workingAge, employed / 100),
            random.binomial(workingAge, unemployed / 100),
          ]);
        }
      }
    }
  }
  return {
    columns: [
      'berichtsjahr',
      'ortschaft',
      'geschlechtsangabe',
      'migrationshintergrund',
      'beschaeftigte',
      'arbeitslose',
    ],
    rows,
  };
}

/** Percent of residents aged 15–64 in 2015 and 2025: the gap narrows, most of all for women. */
const employmentRates: Record<`${Migration}-${Sex}`, [number, number]> = {
  'mit-w': [36, 45],
  'mit-m': [48, 56],
  'ohne-w': [57, 63],
  'ohne-m': [63, 67],
};

function employmentRate(year: number, sex: Sex, migration: Migration): number {
  const covid = year === 2020 ? -1 : 0;
  const [from, to] = employmentRates[`${migration}-${sex}`];
  return interpolate(year, from, to) + covid;
}

/** Percent of residents aged 15–64: for residents with a migration history it rises again after 2022. */
function unemploymentRate(year: number, migration: Migration): number {
  const covid = year === 2020 ? 1 : year === 2021 ? 0.8 : 0;
  if (migration === 'ohne') return interpolate(year, 3.6, 3.0) + covid / 2;
  const arrivals = year >= 2022 ? 0.7 * (year - 2021) : 0;
  return interpolate(year, 8.5, 7.5) + covid + arrivals;
}

export function buildDaycare(random: Random, index: PopulationIndex): Table {
  const rows: Cell[][] = [];
  const rates: Record<'0-2' | '3-5', Record<Migration, [number, number]>> = {
    '0-2': { mit: [14, 23], ohne: [30, 43] },
    '3-5': { mit: [80, 89], ohne: [93, 95.5] },
  };
  for (const year of years) {
    for (const district of districts) {
      for (const band of ['0-2', '3-5'] as const) {
        for (const migration of migrations) {
          const children = sumPopulation(index, year, district.name, [band], migration);
          const [from, to] = rates[band][migration];
          const offset = band === '0-2' ? district.childcare : district.childcare / 3;
          const rate = Math.min(99, interpolate(year, from, to) + offset + random.gauss() * 0.5);
          rows.push([year, district.name, band, migration, random.binomial(children, rate / 100)]);
        }
      }
    }
  }
  return { columns: ['berichtsjahr', 'ortschaft', 'altersband', 'migrationshintergrund', 'kinder'], rows };
}

const qualifications = ['ohne_abschluss', 'hauptschule', 'realschule', 'abitur'] as const;

/** Town-level school leavers: more Abitur with a migration history, but also more leaving without any certificate. */
export function buildSchoolLeavers(random: Random): Table {
  const rows: Cell[][] = [];
  for (const year of years) {
    const leavers = 430 * (1 + 0.03 * random.gauss());
    const migrationShare = interpolate(year, 0.3, 0.36);
    for (const sex of sexes) {
      for (const migration of migrations) {
        const n = random.count((leavers / 2) * (migration === 'mit' ? migrationShare : 1 - migrationShare));
        const shares = qualificationShares(year, sex, migration);
        // A multinomial draw as a chain of binomials: each share is taken from what is left.
        let left = n;
        let rest = 1;
        for (const [q, qualification] of qualifications.entries()) {
          const share = shares[q]!;
          const k = q === qualifications.length - 1 ? left : random.binomial(left, share / rest);
          rows.push([year, sex, migration, qualification, k]);
          left -= k;
          rest -= share;
        }
      }
    }
  }
  return { columns: ['berichtsjahr', 'geschlechtsangabe', 'migrationshintergrund', 'abschlussart', 'abgaenge'], rows };
}

function qualificationShares(year: number, sex: Sex, migration: Migration): number[] {
  const without =
    migration === 'mit'
      ? interpolate(year, 10, 10.5) + (year >= 2022 ? 0.7 * (year - 2021) : 0)
      : interpolate(year, 4.5, 4.0);
  const abitur = migration === 'mit' ? interpolate(year, 21, 30) : interpolate(year, 37, 41);
  const realschule = migration === 'mit' ? interpolate(year, 40, 38) : interpolate(year, 42, 41);
  const none = without * (sex === 'w' ? 0.75 : 1.25);
  const top = abitur + (sex === 'w' ? 4 : -4);
  return [none, 100 - none - realschule - top, realschule, top].map((s) => s / 100);
}

export function buildNaturalisations(random: Random, index: PopulationIndex): Table {
  const rows: Cell[][] = [];
  // Per 1,000 foreign nationals; the 2024 reform of the nationality law shows as a jump.
  const perThousand = (year: number): number =>
    ({ 2022: 15, 2023: 19, 2024: 26, 2025: 30 })[year] ?? 10 + 0.5 * (year - 2015);
  for (const year of years) {
    for (const district of districts) {
      rows.push([
        year,
        district.name,
        random.binomial(sumForeigners(index, year, district.name), perThousand(year) / 1000),
      ]);
    }
  }
  return { columns: ['berichtsjahr', 'ortschaft', 'einbuergerungen'], rows };
}

/** School-entry health check: about one year's cohort of the 6–14 band is examined. */
export function buildSchoolEntry(random: Random, index: PopulationIndex): Table {
  const rows: Cell[][] = [];
  for (const year of years) {
    for (const district of districts) {
      for (const migration of migrations) {
        const examined = random.count((sumPopulation(index, year, district.name, ['6-14'], migration) / 9) * 0.98);
        const support =
          migration === 'mit' ? interpolate(year, 46, 41) + (year >= 2022 ? 3 : 0) : interpolate(year, 14, 12);
        const checkup = migration === 'mit' ? interpolate(year, 80, 88) : interpolate(year, 93, 95);
        rows.push([
          year,
          district.name,
          migration,
          examined,
          random.binomial(examined, support / 100),
          random.binomial(examined, checkup / 100),
        ]);
      }
    }
  }
  return {
    columns: [
      'berichtsjahr',
      'ortschaft',
      'migrationshintergrund',
      'untersuchte',
      'sprachfoerderbedarf',
      'u8_vorgelegt',
    ],
    rows,
  };
}

export function buildStaff(random: Random): Table {
  const rows: Cell[][] = [];
  for (const year of years) {
    const staff = Math.round(480 + 6 * (year - 2015) + 4 * random.gauss());
    const withHistory = random.binomial(staff, (8.5 + 0.5 * (year - 2015)) / 100);
    rows.push([year, 'mit', withHistory], [year, 'ohne', staff - withHistory]);
  }
  return { columns: ['berichtsjahr', 'migrationshintergrund', 'beschaeftigte_verwaltung'], rows };
}

const elections: { year: number; election: 'bundestag' | 'kommunal'; turnout: number }[] = [
  { year: 2016, election: 'kommunal', turnout: 53 },
  { year: 2017, election: 'bundestag', turnout: 75 },
  { year: 2021, election: 'bundestag', turnout: 76 },
  { year: 2021, election: 'kommunal', turnout: 54.5 },
  { year: 2025, election: 'bundestag', turnout: 81 },
];

/**
 * Bundestag: German adults. Local elections: also 16- and 17-year-olds and EU citizens (about a third of foreigners).
 */
export function buildElections(random: Random, index: PopulationIndex): Table {
  const rows: Cell[][] = [];
  const adults: AgeBand[] = ['18-24', '25-44', '45-64', '65+'];
  for (const { year, election, turnout } of elections) {
    for (const district of districts) {
      let germans = 0;
      let foreigners = 0;
      for (const sex of sexes) {
        for (const band of [...adults, '15-17' as const]) {
          const factor = band === '15-17' ? (election === 'kommunal' ? 2 / 3 : 0) : 1;
          for (const migration of migrations) {
            const cell = index.get(keyOf(year, district.name, sex, band, migration))!;
            germans += cell.deutsch * factor;
            foreigners += cell.nichtdeutsch * factor;
          }
        }
      }
      const eligible = Math.round(0.995 * germans + (election === 'kommunal' ? 0.35 * foreigners : 0));
      const rate = turnout + district.turnout + 0.8 * random.gauss();
      rows.push([year, election, district.name, eligible, random.binomial(eligible, rate / 100)]);
    }
  }
  return { columns: ['berichtsjahr', 'wahlart', 'ortschaft', 'wahlberechtigte', 'waehlende'], rows };
}
