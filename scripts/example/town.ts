// The fictional town: Lehrte's ten districts with invented sizes and shares, and the trends the example
// tables follow. Every number here is made up; it only has to look like a German town of 45,000.

const firstYear = 2015;
const lastYear = 2025;
export const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);

export interface District {
  name: string;
  /** Residents at the end of 2025. */
  residents2025: number;
  /** Yearly growth (0.005 = half a percent). */
  growth: number;
  /** Share with a migration history in 2015, in percent. */
  migration2015: number;
  /** Offsets in percentage points: the core town differs from the villages. */
  employment: number;
  childcare: number;
  turnout: number;
}

export const districts: District[] = [
  {
    name: 'Lehrte',
    residents2025: 23300,
    growth: 0.006,
    migration2015: 33,
    employment: -1.5,
    childcare: 2,
    turnout: -2,
  },
  { name: 'Ahlten', residents2025: 4400, growth: 0.004, migration2015: 18, employment: 1, childcare: 0, turnout: 2 },
  {
    name: 'Hämelerwald',
    residents2025: 5000,
    growth: 0.005,
    migration2015: 22,
    employment: 0,
    childcare: 1,
    turnout: 0,
  },
  { name: 'Arpke', residents2025: 2600, growth: 0.002, migration2015: 16, employment: 1, childcare: -2, turnout: 2 },
  {
    name: 'Immensen',
    residents2025: 2800,
    growth: 0.003,
    migration2015: 14,
    employment: 1.5,
    childcare: -1,
    turnout: 3,
  },
  {
    name: 'Sievershausen',
    residents2025: 2700,
    growth: 0.002,
    migration2015: 13,
    employment: 1,
    childcare: -3,
    turnout: 3,
  },
  {
    name: 'Steinwedel',
    residents2025: 1800,
    growth: 0.001,
    migration2015: 14,
    employment: 2,
    childcare: -4,
    turnout: 4,
  },
  { name: 'Aligse', residents2025: 1650, growth: 0.002, migration2015: 15, employment: 2, childcare: -3, turnout: 4 },
  {
    name: 'Kolshorn',
    residents2025: 600,
    growth: -0.002,
    migration2015: 9,
    employment: 2.5,
    childcare: -6,
    turnout: 5,
  },
  {
    name: 'Röddensen',
    residents2025: 450,
    growth: -0.003,
    migration2015: 8,
    employment: 2.5,
    childcare: -6,
    turnout: 5,
  },
];

export const migrations = ['mit', 'ohne'] as const;
export type Migration = (typeof migrations)[number];
export const sexes = ['w', 'm'] as const;
export type Sex = (typeof sexes)[number];
export const ageBands = ['0-2', '3-5', '6-14', '15-17', '18-24', '25-44', '45-64', '65+'] as const;
export type AgeBand = (typeof ageBands)[number];
export const workingAgeBands: AgeBand[] = ['15-17', '18-24', '25-44', '45-64'];

/** Age structure: residents with a migration history are younger on average. */
export const ageShares: Record<Migration, number[]> = {
  mit: [4.3, 4.2, 11.0, 3.3, 9.5, 33.0, 23.7, 11.0],
  ohne: [2.5, 2.6, 7.9, 2.6, 6.6, 20.8, 31.0, 26.0],
};
/** Lowest and highest age in each band, for the person-level extract. */
export const ageRanges: Record<AgeBand, [number, number]> = {
  '0-2': [0, 2],
  '3-5': [3, 5],
  '6-14': [6, 14],
  '15-17': [15, 17],
  '18-24': [18, 24],
  '25-44': [25, 44],
  '45-64': [45, 64],
  '65+': [65, 98],
};

/** A straight line from the 2015 value to the 2025 value. */
export function interpolate(year: number, from: number, to: number): number {
  return from + ((to - from) * (year - firstYear)) / (lastYear - firstYear);
}

export function residentsIn(district: District, year: number): number {
  return district.residents2025 * Math.pow(1 + district.growth, year - lastYear);
}

/** Share with a migration history (percent): a slow rise plus the arrivals of 2015/16 and 2022. */
export function migrationShareIn(district: District, year: number): number {
  const slope = district.name === 'Lehrte' ? 0.3 : 0.2;
  return district.migration2015 + slope * (year - firstYear) + (year >= 2016 ? 0.8 : 0) + (year >= 2022 ? 1.0 : 0);
}

/** Share of non-German nationals among residents with a migration history. */
export function foreignShareIn(year: number): number {
  return 0.46 + 0.004 * (year - firstYear) + (year >= 2022 ? 0.02 : 0);
}
