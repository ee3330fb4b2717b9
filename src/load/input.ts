// What a reader gets to read one source: its entry in data/sources.yaml, its file, and where to point
// messages; and the CSV dialect once every gap is filled from the file itself.
import type { Location } from '../core/errors.js';
import type { Dialect, Source } from '../core/schema.js';

/** A source to read: its name (the table), its entry, its file. */
export interface Input {
  name: string;
  source: Source;
  path: string;
  /** The path as the user would write it, for messages. */
  label: string;
  /** Where a key of this source is declared in data/sources.yaml. */
  where: (key: string[]) => Location;
}

/** The dialect with every gap filled from the file itself. */
export interface ResolvedDialect {
  delimiter: string;
  decimal: '.' | ',';
  thousands?: Dialect['thousands'];
  encoding: 'utf-8' | 'windows-1252';
  skip: number;
  missing: string[];
}

export type Format = NonNullable<Source['format']>;
