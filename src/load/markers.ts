// Special signs in the value cells of official statistics (Zeichenerklärung). A sign's meaning depends
// on the source and its vintage, so it is configured per source; the common conventions are presets.
// Everything here builds SQL: the conversion runs inside DuckDB, never row by row in JavaScript.
// The reasons and flags are codes (secret, not-applicable, provisional, …) that the message catalogue puts
// into words; a project's own signs may give a reason in its own words instead.
import { quoteString } from '../core/database.js';
import type { Dialect, MarkerPreset, Markers, Sign } from '../core/schema.js';

export interface MarkerRules {
  signs: Record<string, Sign>;
  suffixes: Record<string, string>;
  parentheses: string | null;
}

const presets: Record<MarkerPreset, MarkerRules> = {
  // Federal and most state statistical offices (the classic convention).
  official: {
    signs: {
      '-': { value: 0 },
      '0': { value: 0, flag: 'rounded' },
      '.': { missing: 'secret' },
      x: { missing: 'not-applicable' },
      '...': { missing: 'later' },
      '/': { missing: 'unreliable' },
    },
    suffixes: { p: 'provisional', r: 'revised', s: 'estimated' },
    parentheses: 'limited-reliability',
  },
  // Federal Employment Agency tables.
  'employment-agency': {
    signs: { '-': { value: 0 }, '*': { missing: 'confidential' }, x: { missing: 'not-possible' } },
    suffixes: {},
    parentheses: null,
  },
  // Lower Saxony's state office (LSN) letter code, in which 0 is exactly zero.
  lsn: {
    signs: {
      k: { value: 0, flag: 'rounded' },
      t: { missing: 'later' },
      u: { missing: 'unreliable' },
      g: { missing: 'secret' },
      x: { missing: 'not-meaningful' },
    },
    suffixes: {
      u: 'flag-unreliable',
      f: 'flag-f',
      p: 'provisional',
      r: 'revised',
      s: 'estimated',
      e: 'estimated',
    },
    parentheses: null,
  },
};

export function resolveMarkers(markers: Markers | undefined): MarkerRules | null {
  if (markers === undefined) return null;
  if (typeof markers === 'string') return presets[markers];
  const base = markers.preset ? presets[markers.preset] : { signs: {}, suffixes: {}, parentheses: null };
  return {
    signs: { ...base.signs, ...markers.signs },
    suffixes: { ...base.suffixes, ...markers.suffixes },
    parentheses: markers.parentheses ?? base.parentheses,
  };
}

/** A regular expression for a plain number as the dialect writes it (no leading zeros: 03241 is a code). */
export function numberPattern(dialect: Pick<Dialect, 'decimal' | 'thousands'>): string {
  const esc = (c: string) => c.replace(/[.\\^$|?*+()[\]{}]/g, '\\$&');
  const grouped = dialect.thousands ? `|[1-9][0-9]{0,2}(${esc(dialect.thousands)}[0-9]{3})+` : '';
  return `^[-+]?(0|[1-9][0-9]*${grouped})(${esc(dialect.decimal ?? '.')}[0-9]+)?$`;
}

export interface ValueSql {
  /** The number, as DOUBLE; NULL for an empty cell, a missing sign or text that is no number. */
  value: string;
  /** The reason a value is missing, or the flag it carries; NULL otherwise. */
  note: string;
  /** True when the cell is empty, a number, or a known sign: false marks a bad cell. */
  valid: string;
}

/** SQL that turns the (trimmed) text cell `cell` into a number and a note under these rules. */
export function valueSql(
  cell: string,
  rules: MarkerRules | null,
  dialect: Pick<Dialect, 'decimal' | 'thousands'>,
): ValueSql {
  const r = rules ?? { signs: {}, suffixes: {}, parentheses: null };
  const suffixes = Object.keys(r.suffixes).join('');
  // The number inside "(123)" or before a flag letter ("123p").
  let core = cell;
  if (r.parentheses) core = `regexp_replace(${core}, '^\\((.*)\\)$', '\\1')`;
  if (suffixes) core = `regexp_replace(${core}, '^(.*[0-9])\\s*[${suffixes}]$', '\\1')`;
  const pattern = quoteString(numberPattern(dialect));
  let normal = core;
  if (dialect.thousands) normal = `replace(${normal}, ${quoteString(dialect.thousands)}, '')`;
  if ((dialect.decimal ?? '.') !== '.') normal = `replace(${normal}, ${quoteString(dialect.decimal!)}, '.')`;
  const number = `CASE WHEN regexp_matches(${core}, ${pattern}) THEN TRY_CAST(${normal} AS DOUBLE) END`;

  const signs = Object.entries(r.signs);
  const valued = signs.filter(([, s]) => 'value' in s) as [string, { value: number; flag?: string }][];
  const missing = signs.filter(([, s]) => 'missing' in s) as [string, { missing: string }][];
  const when = (pairs: [string, string][]) =>
    pairs.map(([sign, then]) => `WHEN ${quoteString(sign)} THEN ${then}`).join(' ');
  const value =
    `CASE WHEN ${cell} IS NULL OR ${cell} = '' THEN NULL` +
    (valued.length
      ? ` WHEN ${cell} IN (${valued.map(([k]) => quoteString(k)).join(', ')}) THEN CASE ${cell} ` +
        `${when(valued.map(([k, s]) => [k, String(s.value)]))} END`
      : '') +
    (missing.length ? ` WHEN ${cell} IN (${missing.map(([k]) => quoteString(k)).join(', ')}) THEN NULL` : '') +
    ` ELSE ${number} END`;

  const notes = [
    ...missing.map(([k, s]) => `WHEN ${cell} = ${quoteString(k)} THEN ${quoteString(s.missing)}`),
    ...valued
      .filter(([, s]) => s.flag)
      .map(([k, s]) => `WHEN ${cell} = ${quoteString(k)} THEN ${quoteString(s.flag!)}`),
    r.parentheses ? `WHEN regexp_matches(${cell}, '^\\(.*\\)$') THEN ${quoteString(r.parentheses)}` : null,
    suffixes
      ? `WHEN regexp_matches(${cell}, '[0-9]\\s*[${suffixes}]$') THEN CASE right(${cell}, 1) ` +
        `${when(Object.entries(r.suffixes).map(([k, v]) => [k, quoteString(v)]))} END`
      : null,
  ].filter(Boolean);
  const note = notes.length ? `CASE ${notes.join(' ')} END` : 'NULL::VARCHAR';
  const valid =
    `(${cell} IS NULL OR ${cell} = ''` +
    (signs.length ? ` OR ${cell} IN (${signs.map(([k]) => quoteString(k)).join(', ')})` : '') +
    ` OR (${number}) IS NOT NULL)`;
  return { value, note, valid };
}
