// What a reader gets to read one source: its entry in data/sources.yaml, its file, and where to point
// messages; and the CSV dialect once every gap is filled from the file itself.
import type { Location } from '../core/errors.js';
import type { Dialect, Source } from '../core/schema.js';
import type { TempFiles } from './temp.js';

/** A source to read: its name (the table), its entry, its file. */
export interface Input {
  name: string;
  source: Source;
  path: string;
  /** The path as the user would write it, for messages. */
  label: string;
  /** Where a key of this source is declared in data/sources.yaml. */
  where: (key: string[]) => Location;
  /** A private folder for converted copies of the file, removed after the load. */
  temp: TempFiles;
}

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** The dialect with every gap filled from the file itself. */
export interface ResolvedDialect {
  delimiter: string;
  decimal: '.' | ',';
  thousands?: Dialect['thousands'];
  encoding: Encoding;
  skip: number;
  missing: string[];
}

type Format = NonNullable<Source['format']>;

/** Where the row `rowid` of the loaded table, column `column`, is in its file. */
export type RowLocator = (rowid: number, column: string) => Promise<Location>;

export interface ReadResult {
  format: Format;
  locate: RowLocator;
  /** The encoding a text file was read in. */
  encoding?: Encoding;
}
