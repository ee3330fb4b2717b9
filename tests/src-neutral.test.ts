// The engine knows nothing of the bundled example: no file in src/ names the example's tables, its
// columns, its districts or the town it is modelled on. The names are read from the example itself
// (data/sources.yaml and the population file), so the check stays true when the example changes.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from './helpers.js';

/** The example's population table and the column that holds its districts. */
const populationTable = 'bevoelkerung';
const districtColumn = 'ortschaft';

interface Source {
  file: string;
  year?: string;
  dialect?: { delimiter?: string };
  columns?: Record<string, string>;
  codes?: Record<string, unknown>;
  weight?: string;
  id?: string;
}

async function exampleSources(): Promise<Record<string, Source>> {
  return (parse(await readFile(join(root, 'data', 'sources.yaml'), 'utf8')) as { sources: Record<string, Source> })
    .sources;
}

/** Table names, column names and the period, weight and id columns of every source of the example. */
async function exampleIdentifiers(): Promise<string[]> {
  const names = new Set<string>();
  for (const [table, source] of Object.entries(await exampleSources())) {
    names.add(table);
    for (const column of Object.keys(source.columns ?? {})) names.add(column);
    for (const column of Object.keys(source.codes ?? {})) names.add(column);
    for (const column of [source.year, source.weight, source.id]) if (column) names.add(column);
  }
  return [...names];
}

/** The distinct districts of the example's population file. */
async function exampleDistricts(): Promise<string[]> {
  const source = (await exampleSources())[populationTable];
  if (!source)
    throw new Error(
      `data/sources.yaml has no table \`${populationTable}\`: update this test to the example's population table`,
    );
  const text = await readFile(join(root, 'data', source.file), 'utf8');
  const rows = parseCsv(text, { columns: true, delimiter: source.dialect?.delimiter ?? ',', bom: true }) as Record<
    string,
    string
  >[];
  if (rows.length === 0 || !(districtColumn in rows[0]!)) {
    throw new Error(
      `data/${source.file} has no column \`${districtColumn}\`: update this test to the example's district column`,
    );
  }
  return [...new Set(rows.map((r) => r[districtColumn]!).filter((d) => d !== ''))];
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole word: no letter, digit or underscore (in any script) directly before or after it. */
const wholeWord = (word: string, flags: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}_])${escape(word)}(?![\\p{L}\\p{N}_])`, `g${flags}u`);

interface Word {
  word: string;
  /** Town and district names match in any case; table and column names only as written. */
  caseless: boolean;
}

/** Every occurrence of a word in the texts, as `file:line: \`word\` (what it is)`. */
function occurrences(texts: { file: string; text: string }[], words: Word[]): string[] {
  const patterns = words.map((w) => ({ ...w, pattern: wholeWord(w.word, w.caseless ? 'i' : '') }));
  const hits: string[] = [];
  for (const { file, text } of texts) {
    text.split('\n').forEach((line, i) => {
      for (const { pattern, caseless } of patterns) {
        for (const m of line.matchAll(pattern))
          hits.push(
            `${file}:${i + 1}: \`${m[0]}\` ` +
              `(${caseless ? 'the example town or one of its districts' : 'a table or column name of the example'})`,
          );
      }
    });
  }
  return hits;
}

describe('src/', () => {
  it('never names the example town, its districts, its tables or its columns', async () => {
    const identifiers = await exampleIdentifiers();
    const districts = await exampleDistricts();
    expect(identifiers.length, 'table and column names read from data/sources.yaml').toBeGreaterThan(10);
    expect(districts.length, 'districts read from the population file').toBeGreaterThan(1);
    const files = await sourceFiles(join(root, 'src'));
    expect(files.length).toBeGreaterThan(10);
    const texts = await Promise.all(
      files.map(async (file) => ({ file: relative(root, file), text: await readFile(file, 'utf8') })),
    );

    const words = [
      ...identifiers.map((word) => ({ word, caseless: false })),
      ...[...new Set(['Lehrte', ...districts])].map((word) => ({ word, caseless: true })),
    ];
    expect(occurrences(texts, words), 'src/ must not mention the bundled example').toEqual([]);
  });

  it('reports whole words only, with file and line: names of places in any case, identifiers as written', () => {
    const text = [
      'const a = berichtsjahr2 + berichtsjahr;',
      '// HÄMELERWALD, Hämelerwalder, Berichtsjahr',
      'x.berichtsjahr',
    ].join('\n');
    const words = [
      { word: 'berichtsjahr', caseless: false },
      { word: 'Hämelerwald', caseless: true },
    ];
    expect(occurrences([{ file: 'src/x.ts', text }], words)).toEqual([
      'src/x.ts:1: `berichtsjahr` (a table or column name of the example)',
      'src/x.ts:2: `HÄMELERWALD` (the example town or one of its districts)',
      'src/x.ts:3: `berichtsjahr` (a table or column name of the example)',
    ]);
  });
});
