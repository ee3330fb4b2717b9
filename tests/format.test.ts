import { describe, expect, it } from 'vitest';
import {
  formatDifference,
  formatNumber,
  formatPoints,
  formatStatus,
  formatTarget,
  formatValue,
  label,
  statusSymbols,
} from '../src/core/format.js';
import { renderTable } from '../src/cli/output.js';
import { words } from '../src/core/messages/index.js';
import { statusOrder } from '../src/core/types.js';
import { ProjectConfig } from '../src/core/schema.js';

/** The formatters put a no-break space between number and unit; tests read better with a plain one. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('formatNumber', () => {
  it('groups thousands and uses the decimal comma in German', () => {
    expect(formatNumber(1234.56, 'de', 1)).toBe('1.234,6');
    expect(formatNumber(1234.56, 'en', 1)).toBe('1,234.6');
    expect(formatNumber(0.5, 'de', 2)).toBe('0,50');
  });

  it('writes a real minus sign and never a negative zero', () => {
    expect(formatNumber(-1.25, 'de', 1)).toBe('−1,3');
    expect(formatNumber(-0.04, 'de', 1)).toBe('0,0');
    expect(formatNumber(-2, 'en', 0)).toBe('−2');
  });
});

describe('formatValue', () => {
  it('writes percentages the German and the English way', () => {
    expect(formatValue(58.3, 'percent', 'de')).toBe('58,3\u00a0%');
    expect(formatValue(58.3, 'percent', 'en')).toBe('58.3%');
    expect(formatValue(58, 'percent', 'de')).toBe('58,0\u00a0%');
  });

  it('writes per mille, counts, means and ratios with their own decimals', () => {
    expect(plain(formatValue(12.44, 'per_1000', 'de'))).toBe('12,4 ‰');
    expect(formatValue(1234, 'count', 'de')).toBe('1.234');
    expect(formatValue(1234, 'count', 'en')).toBe('1,234');
    expect(formatValue(2.3456, 'mean', 'de')).toBe('2,35');
    expect(formatValue(0.8, 'ratio', 'en')).toBe('0.80');
  });

  it('writes targets without trailing zeros', () => {
    expect(plain(formatTarget(65, 'percent', 'de'))).toBe('65 %');
    expect(plain(formatTarget(6.5, 'percent', 'de'))).toBe('6,5 %');
    expect(formatTarget(1500, 'count', 'de')).toBe('1.500');
  });
});

describe('formatPoints and formatDifference', () => {
  it('writes percentage points short and long', () => {
    expect(plain(formatPoints(4.2, 'de'))).toBe('4,2 Pp.');
    expect(plain(formatPoints(4.2, 'de', 'long'))).toBe('4,2 Prozentpunkte');
    expect(plain(formatPoints(1, 'de', 'long', 0))).toBe('1 Prozentpunkt');
    expect(plain(formatPoints(4.2, 'en'))).toBe('4.2 pp');
    expect(plain(formatPoints(4.2, 'en', 'long'))).toBe('4.2 percentage points');
  });

  it('uses points for differences of percentages and the unit otherwise', () => {
    expect(plain(formatDifference(-3.25, 'percent', 'de'))).toBe('−3,3 Pp.');
    expect(plain(formatDifference(2, 'per_1000', 'de'))).toBe('2,0 ‰');
    expect(formatDifference(12, 'count', 'de')).toBe('12');
  });
});

describe('status words and symbols', () => {
  const statuses = statusOrder;

  it('has the agreed German and English words', () => {
    expect(words('de').status).toEqual({
      achieved: 'erreicht',
      achieved_uncertain: 'erreicht, aber nicht gesichert',
      on_track: 'auf Kurs',
      on_track_uncertain: 'auf Kurs, aber nicht gesichert',
      moderate: 'mäßiger Fortschritt',
      limited: 'geringer Fortschritt',
      deterioration_uncertain: 'Verschlechterung, aber nicht gesichert',
      deterioration: 'Verschlechterung',
      not_assessable: 'nicht bewertbar',
    });
    expect(words('en').status.achieved).toBe('achieved');
    expect(words('en').status.achieved_uncertain).toBe('achieved, but not certain');
    expect(words('en').status.on_track).toBe('on track');
  });

  it('starts every status word in lower case, but the German nouns', () => {
    for (const s of statuses) {
      expect(words('en').status[s], s).toMatch(/^[a-z]/);
      expect(words('de').status[s], s).toMatch(s.startsWith('deterioration') ? /^Verschlechterung/ : /^[a-zäöü]/);
    }
  });

  it('gives every status its own symbol, so that colour is never needed, and none points up or down', () => {
    const symbols = statuses.map((s) => statusSymbols[s]);
    expect(new Set(symbols).size).toBe(statuses.length);
    expect(symbols.every((s) => s.trim().length > 0)).toBe(true);
    // An arrow would read as "the value rises/falls", which for a lower-is-better indicator is backwards.
    expect(symbols.join('')).not.toMatch(/[▲▼►◄↑↓→←⬆⬇]/u);
    // A verdict the margin of error does not confirm: its kin's symbol in brackets.
    expect(statusSymbols.achieved_uncertain).toBe(`(${statusSymbols.achieved})`);
    expect(statusSymbols.on_track_uncertain).toBe(`(${statusSymbols.on_track})`);
    expect(formatStatus('deterioration', 'de')).toBe(`${statusSymbols.deterioration} Verschlechterung`);
  });
});

describe('label', () => {
  const project = {
    config: ProjectConfig.parse({
      title: { de: 'Test' },
      labels: {
        origin: {
          a: { de: 'mit Migrationsgeschichte', en: 'with a migration history' },
          b: { de: 'ohne Migrationsgeschichte' },
        },
      },
    }),
  };

  it('takes the label in the wanted language, German without a translation, the value without a label', () => {
    expect(label(project, 'origin', 'a', 'de')).toBe('mit Migrationsgeschichte');
    expect(label(project, 'origin', 'a', 'en')).toBe('with a migration history');
    expect(label(project, 'origin', 'b', 'en')).toBe('ohne Migrationsgeschichte');
    expect(label(project, 'origin', 'c', 'de')).toBe('c');
    expect(label(project, 'district', 'a', 'de')).toBe('a');
  });
});

describe('renderTable', () => {
  it('aligns columns, right-aligns numbers and uses no colours', () => {
    const out = renderTable([
      ['indicator', 'value', 'status'],
      ['employment', '58.3%', '▲ on track'],
      ['naturalisation_rate', '1,234', '✖ deterioration'],
      ['turnout', '7%', '? not assessable'],
    ]);
    expect(out).toBe(
      [
        'indicator            value  status',
        '───────────────────  ─────  ────────────────',
        'employment           58.3%  ▲ on track',
        'naturalisation_rate  1,234  ✖ deterioration',
        'turnout                 7%  ? not assessable',
      ].join('\n'),
    );
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('counts umlauts once and tolerates short rows and an empty table', () => {
    const out = renderTable([['Größe', 'n'], ['ä', '1'], ['x']]).split('\n');
    expect(out[0]).toBe('Größe  n');
    expect(out[2]).toBe('ä      1');
    expect(out[3]).toBe('x');
    expect(renderTable([])).toBe('');
  });
});
