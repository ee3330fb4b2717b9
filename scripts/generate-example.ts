// Writes the fictional example town (modelled on Lehrte) as CSV files into data/, or a large
// person-level register extract for benchmarks. Deterministic: the same seed gives the same bytes.
//
//   npm run generate                          data/*.csv with the default seed
//   npm run generate -- --seed 7 --out DIR    another seed, another folder
//   npm run generate -- --persons 5000000 --out persons.csv
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { writePersonRows } from './example/persons.js';
import { createRandom, type Random } from './example/random.js';
import { buildSurvey } from './example/survey.js';
import {
  buildDaycare,
  buildElections,
  buildEmployment,
  buildNaturalisations,
  buildPopulation,
  buildSchoolEntry,
  buildSchoolLeavers,
  buildStaff,
  type Table,
} from './example/tables.js';

export const defaultSeed = 20250;

/** Each table draws from its own stream, so changing one table's model leaves the others' bytes alone. */
function streamFor(seed: number, table: number): Random {
  return createRandom((seed + Math.imul(table + 1, 0x9e3779b9)) >>> 0);
}

/** File name → CSV text, for every table of the example town. */
export function generateExample(seed = defaultSeed): Record<string, string> {
  const population = buildPopulation(streamFor(seed, 0));
  const tables: Record<string, Table> = {
    bevoelkerung: population.table,
    beschaeftigung: buildEmployment(streamFor(seed, 1), population.index),
    schulabgaenge: buildSchoolLeavers(streamFor(seed, 2)),
    kindertagesbetreuung: buildDaycare(streamFor(seed, 3), population.index),
    einbuergerungen: buildNaturalisations(streamFor(seed, 4), population.index),
    schuleingangsuntersuchung: buildSchoolEntry(streamFor(seed, 5), population.index),
    verwaltungspersonal: buildStaff(streamFor(seed, 6)),
    wahlen: buildElections(streamFor(seed, 7), population.index),
    buergerbefragung: buildSurvey(streamFor(seed, 8), population.index, streamFor(seed, 9)),
  };
  return Object.fromEntries(Object.entries(tables).map(([name, table]) => [`${name}.csv`, formatCsv(table)]));
}

export function formatCsv(table: Table): string {
  const lines = [table.columns, ...table.rows].map((row) =>
    row.map((cell) => (cell === null ? '' : String(cell))).join(';'),
  );
  return lines.join('\n') + '\n';
}

export async function writeExample(dir: string, seed = defaultSeed): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = generateExample(seed);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text, 'utf8');
  return Object.keys(files).map((name) => join(dir, name));
}

export async function writePersons(file: string, rows: number, seed = defaultSeed): Promise<void> {
  await writePersonRows(streamFor(seed, 100), rows, file);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seed: { type: 'string' }, out: { type: 'string' }, persons: { type: 'string' } },
  });
  const seed = values.seed === undefined ? defaultSeed : Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${values.seed}`);
  if (values.persons !== undefined) {
    const rows = Number(values.persons);
    if (!Number.isInteger(rows) || rows < 0) throw new Error(`--persons must be a whole number, got ${values.persons}`);
    if (!values.out) throw new Error('--persons needs --out FILE');
    await writePersons(values.out, rows, seed);
    console.log(`wrote ${rows} person rows to ${values.out}`);
    return;
  }
  const files = await writeExample(values.out ?? 'data', seed);
  console.log(`wrote ${files.length} files: ${files.join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
