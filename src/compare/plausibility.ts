// Findings that are no proof of an error but worth a look before a council reads the numbers: a share
// whose numerator is larger than its denominator, and an indicator without a value in its baseline year
// (its progress is then measured from a later year). The command line shows them as warnings;
// `--strict` makes them errors.
import type { Location } from '../core/errors.js';
import { msg, type Message } from '../core/messages/index.js';
import type { IndicatorFile } from '../core/project.js';
import type { IndicatorValue } from '../core/types.js';
import { locate } from '../core/yamlfile.js';

export interface Finding {
  reason: Message;
  where: Location;
}

export function checkPlausibility(indicators: IndicatorFile[], values: IndicatorValue[]): Finding[] {
  const findings: Finding[] = [];
  for (const ind of indicators) {
    const own = values.filter((v) => v.indicator === ind.id);
    const where = (path: PropertyKey[]) => ({ file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, path) });
    if (ind.unit === 'percent' || ind.unit === 'per_1000') {
      const over = own.find((v) => v.numerator !== null && v.denominator !== null && v.numerator > v.denominator);
      if (over)
        findings.push({
          reason: msg('warn-share-over', {
            indicator: ind.id,
            year: over.year,
            numerator: over.numerator!,
            denominator: over.denominator!,
          }),
          where: where(['numerator']),
        });
    }
    const years = own.filter((v) => v.value !== null && Object.keys(v.cell).length === 0).map((v) => v.year);
    if (years.length && !years.includes(ind.baseline))
      findings.push({
        reason: msg('warn-baseline-no-data', { indicator: ind.id, year: ind.baseline }),
        where: where(['baseline']),
      });
  }
  return findings;
}
