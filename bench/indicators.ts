// Thirty indicators over the person-level register (columns year, person_id, district, sex, age,
// migration, nationality), of the kinds an integration monitoring computes from the population
// register: shares, counts and rates per 1,000, with filters on age, migration history and
// nationality, disaggregated by one to three columns.
import { stringify } from 'yaml';

interface Spec {
  id: string;
  title: string;
  unit: 'percent' | 'per_1000' | 'count';
  direction: 'higher' | 'lower';
  /** Row filter of the numerator: count(*) of the persons it keeps. */
  num?: string;
  /** Row filter of the denominator (left out: everyone); ignored for unit count. */
  den?: string;
  by: string[];
  /** Compare persons with and without a migration history (needs `migration` in by). */
  groups?: boolean;
  target: number;
}

const specs: Spec[] = [
  {
    id: 'anteil_nichtdeutsch',
    title: 'Anteil nichtdeutscher Staatsangehöriger',
    unit: 'percent',
    direction: 'higher',
    num: "nationality = 'nichtdeutsch'",
    by: ['district'],
    target: 14,
  },
  {
    id: 'anteil_migration',
    title: 'Anteil mit Migrationsgeschichte',
    unit: 'percent',
    direction: 'higher',
    num: "migration = 'mit'",
    by: ['district', 'sex'],
    target: 32,
  },
  {
    id: 'anteil_65plus',
    title: 'Anteil 65 Jahre und älter',
    unit: 'percent',
    direction: 'lower',
    num: 'age >= 65',
    by: ['district', 'migration'],
    groups: true,
    target: 22,
  },
  {
    id: 'anteil_unter6',
    title: 'Anteil unter 6 Jahren',
    unit: 'percent',
    direction: 'higher',
    num: 'age < 6',
    by: ['district'],
    target: 6,
  },
  {
    id: 'anteil_erwerbsalter',
    title: 'Anteil im erwerbsfähigen Alter (15 bis 64)',
    unit: 'percent',
    direction: 'higher',
    num: 'age between 15 and 64',
    by: ['district', 'sex', 'migration'],
    groups: true,
    target: 64,
  },
  {
    id: 'anteil_unter18',
    title: 'Anteil Minderjähriger',
    unit: 'percent',
    direction: 'higher',
    num: 'age < 18',
    by: ['migration'],
    groups: true,
    target: 18,
  },
  {
    id: 'frauenanteil_65plus',
    title: 'Frauenanteil ab 65 Jahren',
    unit: 'percent',
    direction: 'lower',
    num: "sex = 'w' and age >= 65",
    den: 'age >= 65',
    by: ['district', 'migration'],
    groups: true,
    target: 54,
  },
  {
    id: 'anteil_nichtdeutsch_15_64',
    title: 'Anteil Nichtdeutscher im erwerbsfähigen Alter',
    unit: 'percent',
    direction: 'higher',
    num: "nationality = 'nichtdeutsch' and age between 15 and 64",
    den: 'age between 15 and 64',
    by: ['district', 'sex'],
    target: 16,
  },
  {
    id: 'jugendquotient',
    title: 'Jugendquotient (unter 15 je 1.000 von 15 bis 64)',
    unit: 'per_1000',
    direction: 'higher',
    num: 'age < 15',
    den: 'age between 15 and 64',
    by: ['district'],
    target: 240,
  },
  {
    id: 'altenquotient',
    title: 'Altenquotient (65+ je 1.000 von 15 bis 64)',
    unit: 'per_1000',
    direction: 'lower',
    num: 'age >= 65',
    den: 'age between 15 and 64',
    by: ['district', 'migration'],
    groups: true,
    target: 350,
  },
  {
    id: 'einwohner',
    title: 'Einwohnerinnen und Einwohner',
    unit: 'count',
    direction: 'higher',
    by: ['district'],
    target: 46000,
  },
  {
    id: 'einwohner_migration',
    title: 'Einwohner mit Migrationsgeschichte',
    unit: 'count',
    direction: 'higher',
    num: "migration = 'mit'",
    by: ['district', 'sex'],
    target: 15000,
  },
  {
    id: 'kinder_unter6_migration',
    title: 'Kinder unter 6 mit Migrationsgeschichte',
    unit: 'count',
    direction: 'higher',
    num: "age < 6 and migration = 'mit'",
    by: ['district'],
    target: 1200,
  },
  {
    id: 'hochaltrige',
    title: 'Hochaltrige (80 Jahre und älter)',
    unit: 'count',
    direction: 'lower',
    num: 'age >= 80',
    by: ['district', 'sex'],
    target: 3500,
  },
  {
    id: 'nichtdeutsche',
    title: 'Nichtdeutsche Staatsangehörige',
    unit: 'count',
    direction: 'higher',
    num: "nationality = 'nichtdeutsch'",
    by: ['district', 'sex'],
    target: 6500,
  },
  {
    id: 'nichtdeutsch_unter_mig',
    title: 'Anteil Nichtdeutscher unter Personen mit Migrationsgeschichte',
    unit: 'percent',
    direction: 'lower',
    num: "nationality = 'nichtdeutsch'",
    den: "migration = 'mit'",
    by: ['district', 'sex'],
    target: 40,
  },
  {
    id: 'anteil_schulalter',
    title: 'Anteil im Schulalter (6 bis 17)',
    unit: 'percent',
    direction: 'higher',
    num: 'age between 6 and 17',
    by: ['district', 'migration'],
    groups: true,
    target: 11,
  },
  {
    id: 'anteil_18_24',
    title: 'Anteil 18 bis 24 Jahre',
    unit: 'percent',
    direction: 'higher',
    num: 'age between 18 and 24',
    by: ['sex', 'migration'],
    groups: true,
    target: 8,
  },
  {
    id: 'anteil_25_44',
    title: 'Anteil 25 bis 44 Jahre',
    unit: 'percent',
    direction: 'higher',
    num: 'age between 25 and 44',
    by: ['district', 'sex', 'migration'],
    groups: true,
    target: 26,
  },
  {
    id: 'anteil_45_64',
    title: 'Anteil 45 bis 64 Jahre',
    unit: 'percent',
    direction: 'lower',
    num: 'age between 45 and 64',
    by: ['district', 'nationality'],
    target: 28,
  },
  {
    id: 'kinder_unter3_je_1000',
    title: 'Kinder unter 3 je 1.000 Einwohner',
    unit: 'per_1000',
    direction: 'higher',
    num: 'age < 3',
    by: ['district', 'migration'],
    groups: true,
    target: 30,
  },
  {
    id: 'migration_unter18',
    title: 'Anteil mit Migrationsgeschichte unter Minderjährigen',
    unit: 'percent',
    direction: 'higher',
    num: "migration = 'mit' and age < 18",
    den: 'age < 18',
    by: ['district'],
    target: 45,
  },
  {
    id: 'migration_65plus',
    title: 'Anteil mit Migrationsgeschichte ab 65 Jahren',
    unit: 'percent',
    direction: 'higher',
    num: "migration = 'mit' and age >= 65",
    den: 'age >= 65',
    by: ['district', 'sex'],
    target: 15,
  },
  {
    id: 'frauenanteil',
    title: 'Frauenanteil',
    unit: 'percent',
    direction: 'higher',
    num: "sex = 'w'",
    by: ['district', 'migration', 'nationality'],
    target: 51,
  },
  {
    id: 'nichtdeutsch_unter6',
    title: 'Anteil Nichtdeutscher unter Kindern unter 6',
    unit: 'percent',
    direction: 'lower',
    num: "nationality = 'nichtdeutsch' and age < 6",
    den: 'age < 6',
    by: ['district'],
    target: 8,
  },
  {
    id: 'junge_maenner_15_24',
    title: 'Junge Männer von 15 bis 24 Jahren',
    unit: 'count',
    direction: 'higher',
    num: "sex = 'm' and age between 15 and 24",
    by: ['district', 'migration'],
    target: 2600,
  },
  {
    id: 'einwohner_nach_staatsangehoerigkeit',
    title: 'Einwohner nach Staatsangehörigkeit',
    unit: 'count',
    direction: 'higher',
    by: ['nationality', 'sex'],
    target: 46000,
  },
  {
    id: 'migration_erwerbsalter',
    title: 'Anteil mit Migrationsgeschichte im erwerbsfähigen Alter',
    unit: 'percent',
    direction: 'higher',
    num: "migration = 'mit' and age between 15 and 64",
    den: 'age between 15 and 64',
    by: ['district', 'sex'],
    target: 33,
  },
  {
    id: 'saeuglinge_je_1000',
    title: 'Säuglinge (unter 1 Jahr) je 1.000 Einwohner',
    unit: 'per_1000',
    direction: 'higher',
    num: 'age = 0',
    by: ['district', 'migration'],
    groups: true,
    target: 10,
  },
  {
    id: 'anteil_18_24_nach_staatsangehoerigkeit',
    title: 'Anteil 18 bis 24 Jahre nach Staatsangehörigkeit',
    unit: 'percent',
    direction: 'higher',
    num: 'age between 18 and 24',
    by: ['district', 'sex', 'nationality'],
    target: 8,
  },
];

/** File name → YAML text of the thirty indicators, in the project's indicator format. */
export function indicatorFiles(): Record<string, string> {
  return Object.fromEntries(specs.map((s) => [`${s.id}.yaml`, stringify(indicator(s))]));
}

export const indicatorCount = specs.length;

function indicator(s: Spec): Record<string, unknown> {
  const aggregate = (filter?: string) => ({ table: 'register', expr: 'count(*)', ...(filter ? { filter } : {}) });
  const targets: Record<string, unknown>[] = [{ year: 2030, value: s.target }];
  if (s.groups) targets.push({ year: 2030, gap: 2 });
  return {
    id: s.id,
    title: { de: s.title },
    field: 'bevoelkerung',
    unit: s.unit,
    direction: s.direction,
    numerator: aggregate(s.num),
    ...(s.unit === 'count' ? {} : { denominator: aggregate(s.den) }),
    by: s.by,
    ...(s.groups ? { groups: { column: 'migration', compared: 'mit', reference: 'ohne' } } : {}),
    baseline: 2015,
    targets,
    department: 'Stabsstelle Integration',
    source: 'Melderegister der Stadt (fiktive Benchmarkdaten)',
  };
}
