// Reference series of an indicator (Land, region, comparable towns): the plain data the report draws beside
// the town's own values, and the checks that need no data (years, units, a known table). A reference read
// from a table is checked again against the loaded data when it is read (compute/references.ts).
import { didYouMean, InputError } from './errors.js';
import { msg } from './messages/index.js';
import type { Reference, Text } from './schema.js';
import type { Point } from './types.js';
import { locate, type YamlFile } from './yamlfile.js';

/** One reference series, ready to draw: its label, its source and its values by year (oldest first). */
export interface ReferenceSeries {
  indicator: string;
  /** Its place in the indicator's `references` list. */
  index: number;
  label: Text;
  source: string;
  points: Point[];
}

interface Referencing {
  id: string;
  unit: string;
  references?: Reference[];
  file: YamlFile<unknown>;
}

/** The checks of an indicator's references that need no data. */
export function checkReferences(ind: Referencing, tables: string[]): void {
  const where = (path: PropertyKey[]) => ({ file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, path) });
  (ind.references ?? []).forEach((ref, i) => {
    const at = (...path: PropertyKey[]) => where(['references', i, ...path]);
    const atKey = (...path: PropertyKey[]) => ({
      file: ind.file.path,
      ...locate(ind.file.doc, ind.file.lines, ['references', i, ...path], true),
    });
    if (ref.unit !== undefined && ref.unit !== ind.unit)
      throw new InputError(
        msg('reference-unit-mismatch', { unit: ref.unit, expected: ind.unit }),
        at('unit'),
        msg('hint-reference-unit', { unit: ind.unit }),
      );
    if (ref.table !== undefined && !tables.includes(ref.table))
      throw new InputError(
        msg('indicator-unknown-table', { table: ref.table }),
        at('table'),
        didYouMean(ref.table, tables, msg('hint-known-tables', { tables })),
      );
    for (const [year, value] of Object.entries(ref.values ?? {})) {
      if (Number(year) < 1900 || Number(year) > 2100)
        throw new InputError(msg('reference-year-range', { year }), atKey('values', year), msg('hint-reference-year'));
      checkShare(ind.unit, Number(year), value, at('values', year));
    }
  });
}

/** A share outside 0–100 is no share: refused where it is written (a file, or a table's column). */
export function checkShare(
  unit: string,
  year: number,
  value: number,
  where: ConstructorParameters<typeof InputError>[1],
) {
  if (unit === 'percent' && (value < 0 || value > 100))
    throw new InputError(msg('reference-percent-range', { year, value }), where, msg('hint-percent-range'));
}

/** The references written as values in the file, as series; references from a table are left out. */
export function literalReferences(ind: { id: string; references?: Reference[] }): ReferenceSeries[] {
  return (ind.references ?? []).flatMap((ref, index) =>
    ref.values
      ? [
          {
            indicator: ind.id,
            index,
            label: ref.label,
            source: ref.source,
            points: Object.entries(ref.values)
              .map(([year, value]) => ({ year: Number(year), value }))
              .sort((a, b) => a.year - b.year),
          },
        ]
      : [],
  );
}
