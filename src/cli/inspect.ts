// `istsoll inspect FILE` in words: what the loader recognised, and the sources.yaml entry to paste.
import { stringify } from 'yaml';
import { say, words, type Lang } from '../core/messages/index.js';
import type { Finding, Inspection } from '../load/index.js';

export function renderInspection(i: Inspection, lang: Lang): string {
  const w = words(lang).cli.inspect;
  // The entry gets a placeholder description right after its file, where staff will look for it.
  const { file, ...rest } = i.entry;
  const entry = { file, description: w.describe, ...rest };
  const yaml = stringify({ [i.name]: entry }, { lineWidth: 0, flowCollectionPadding: true }).replace(/^/gm, '  ');
  const findings = i.findings.map((f) => `  - ${describe(f, lang)}`).join('\n');
  return `${i.file}\n${findings}\n\n${w.paste}\n\n${yaml.trimEnd()}`;
}

function describe(f: Finding, lang: Lang): string {
  const w = words(lang).cli.inspect;
  switch (f.kind) {
    case 'encoding':
      return w.encoding(f.encoding, f.bom);
    case 'delimiter':
      return w.delimiter(JSON.stringify(f.delimiter));
    case 'numbers':
      return w.numbers(JSON.stringify(f.decimal), f.thousands === null ? null : JSON.stringify(f.thousands));
    case 'genesis':
      return w.genesis(f.titleLines, f.headerRows, f.first, f.last, f.footer);
    case 'genesis-shape':
      return w.genesisShape(f.columns.length, f.columns.join(', '), f.levels, f.values);
    case 'signs':
      return w.signs(f.preset);
    case 'columns':
      return w.columns(f.count, f.rows, f.year);
    case 'dash-zero':
      return w.dashZero;
    case 'missing':
      return w.missing(f.strings);
    case 'row-names':
      return w.rowNames(f.column);
    case 'warning':
      return w.warning(say(f.reason, lang), f.line);
    case 'problem':
      return w.problem(say(f.reason, lang), f.line);
    case 'parquet':
      return w.parquet(f.count);
  }
}
