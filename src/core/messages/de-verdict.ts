// Die Sätze des Berichts über das Erreichen eines Ziels (issue 14): Sie sagen, worauf die Bewertung beruht
// (dieselbe Methode, dieselben Jahre), und wo eine zweite ehrliche Zahl etwas anderes sagt, beides in einem
// Satz. Dazu die Erklärung, welche Gruppe den Abstand bewegt hat.
import type { Unit } from '../schema.js';

/** A trend that needs more than this many years past the target year is not worth a precise year. */
export const farFuture = 20;

/** How the growth ratio R (the pace since the base year as a share of the pace needed) reads. */
export type Pace = 'fast' | 'almost' | 'slow' | 'veryslow' | 'away';

/** Where a line continued to the target year ends: in time (in `year`), later, far later, or never. */
export type Outcome = { kind: 'inTime' | 'late' | 'far'; year: number } | { kind: 'never'; value: string };

/** Where the weather method's line ends in the target year, by its status. */
export type Reach = 'inTime' | 'almost' | 'narrow' | 'clear';

/**
 * How the gap changed: smaller or larger while the compared group is behind; its lead larger or smaller
 * while it is ahead; overtaking or falling behind when the gap changes its sign.
 */
export type GapChange = 'narrower' | 'wider' | 'leadGrows' | 'leadShrinks' | 'overtook' | 'fellBehind' | 'same';

/** One group's value at the start and the end of the years the status rests on. */
export interface Move {
  group: string;
  from: string;
  to: string;
  /** Null: about the same. */
  rose: boolean | null;
}

/** What a value of each unit is called in a sentence ("der Anteil lag …"). */
export const nouns: Record<Unit, string> = {
  percent: 'der Anteil',
  per_1000: 'die Rate',
  count: 'die Zahl',
  mean: 'der Mittelwert',
  ratio: 'das Verhältnis',
  total: 'die hochgerechnete Zahl',
};

const moved = (rose: boolean) => (rose ? 'gestiegen' : 'gesunken');
const reached = (o: Outcome, targetYear: number) => {
  if (o.kind === 'never') return `nicht erreicht (Schätzung für ${targetYear}: ${o.value})`;
  return {
    inTime: `${o.year} erreicht`,
    late: `erst ${o.year} erreicht`,
    far: `erst nach ${targetYear + farFuture} erreicht`,
  }[o.kind];
};

export const verdictDe = {
  achieved: 'Das Ziel ist erreicht',
  achievedUncertain:
    'Der Schätzwert erfüllt das Ziel, aber nur innerhalb der Fehlerspanne; sicher erreicht ist es nicht',
  /** The growth ratio: the pace since the base year, `share` of the pace needed (null when not known). */
  pace: (from: number, pace: Pace, share: string | null, gap: boolean): string => {
    const of = share ? ` (${share} des nötigen Tempos)` : '';
    if (pace === 'away') return `Seit ${from} entfernt sich ${gap ? 'der Abstand' : 'der Wert'} vom Ziel`;
    const speed = {
      fast: 'schnell genug',
      almost: 'fast schnell genug',
      slow: 'zu langsam',
      veryslow: 'viel zu langsam',
    };
    return `Seit ${from} geht es ${speed[pace]} voran${of}`;
  },
  /** Appended to the clause that carries the status, when the margin of error qualifies it. */
  withinMargin: ', aber nur innerhalb der Fehlerspanne',
  /** The recent trend as a second figure, after the status's own clause; `contrast`: it says otherwise. */
  trend: (from: number, to: number, targetYear: number, outcome: Outcome, contrast: boolean) =>
    `; setzt sich ${contrast ? 'jedoch ' : ''}der Trend der Jahre ${from} bis ${to} fort, ` +
    `wird das Ziel ${reached(outcome, targetYear)}`,
  /** A target met now that the recent trend would lose again by the target year. */
  trendLoses: (from: number, to: number, targetYear: number, value: string) =>
    `; setzt sich jedoch der Trend der Jahre ${from} bis ${to} fort, ` +
    `wird es ${targetYear} verfehlt (Schätzung: ${value})`,
  /** The weather method: the average change of its window, continued to the target year. */
  average: (from: number, to: number, targetYear: number, reach: Reach, year: number, value: string) => {
    const end = {
      inTime: `${year} erreicht`,
      almost: `${targetYear} fast erreicht (Schätzung: ${value})`,
      narrow: `${targetYear} knapp verfehlt (Schätzung: ${value})`,
      clear: `${targetYear} deutlich verfehlt (Schätzung: ${value})`,
    }[reach];
    return `Setzt sich die durchschnittliche Veränderung der Jahre ${from} bis ${to} fort, wird das Ziel ${end}`;
  },
  averageAway: (from: number, to: number, gap: boolean) =>
    `In den Jahren ${from} bis ${to} hat sich ${gap ? 'der Abstand' : 'der Wert'} im Schnitt vom Ziel entfernt`,
  slipping: (from: number, to: number, targetYear: number, value: string) =>
    `Der Wert erfüllt das Ziel derzeit; setzt sich die durchschnittliche Veränderung der Jahre ${from} bis ${to} ` +
    `fort, wird es ${targetYear} verfehlt (Schätzung: ${value})`,
  /** A target that must hold every year: the latest year decides, and whether it was a setback. */
  everyYear: (year: number, met: boolean, setback: boolean) =>
    met
      ? setback
        ? `Der Wert erfüllt das Ziel derzeit, aber ${year} war ein Rückschritt`
        : 'Das Ziel ist erreicht'
      : setback
        ? `Das Ziel ist ${year} nicht erfüllt, und ${year} war ein Rückschritt`
        : `Das Ziel ist ${year} nicht erfüllt; einen Rückschritt gab es ${year} nicht`,
  /** A direction-only target: how the value moved over the years the status rests on. */
  direction: (from: number, to: number, rose: boolean | null, perYear: string | null) =>
    rose === null
      ? `Von ${from} bis ${to} ist der Wert etwa gleich geblieben`
      : `Von ${from} bis ${to} ist der Wert ${perYear ? `im Schnitt um ${perYear} je Jahr ` : ''}${moved(rose)}`,
  /** Which group moved the gap; `lead` is the group whose change explains it. */
  gapCause: (
    unit: Unit,
    since: number,
    change: GapChange,
    [a, b]: [string, string],
    lead: Move,
    other: Move,
    relation: 'alone' | 'and' | 'more',
  ): string => {
    const noun = nouns[unit];
    const head = {
      narrower: `Seit ${since} ist der Abstand kleiner geworden`,
      wider: `Seit ${since} ist der Abstand größer geworden`,
      leadGrows: `Seit ${since} ist der Vorsprung der Gruppe „${a}“ größer geworden`,
      leadShrinks: `Seit ${since} ist der Vorsprung der Gruppe „${a}“ kleiner geworden`,
      overtook: `Seit ${since} hat die Gruppe „${a}“ die Gruppe „${b}“ überholt`,
      fellBehind: `Seit ${since} ist die Gruppe „${a}“ hinter die Gruppe „${b}“ zurückgefallen`,
      same: `Seit ${since} hat sich der Abstand kaum verändert`,
    }[change];
    const span = (m: Move) => `von ${m.from} auf ${m.to}`;
    if (change === 'same' || lead.rose === null)
      return `${head} (Gruppe „${lead.group}“: ${span(lead)}; Gruppe „${other.group}“: ${span(other)}).`;
    const lift = (m: Move) => `${noun} in der Gruppe „${m.group}“ ${span(m)} ${moved(m.rose!)}`;
    if (relation === 'and') return `${head}, weil ${lift(lead)} und ${lift(other)} ist.`;
    if (relation === 'more')
      return (
        `${head}, weil ${noun} in der Gruppe „${lead.group}“ stärker ${moved(lead.rose)} ist (${span(lead)}) ` +
        `als in der Gruppe „${other.group}“ (${span(other)}).`
      );
    const same = `${noun} in der Gruppe „${other.group}“ blieb etwa gleich (${other.from} und ${other.to})`;
    return `${head}, weil ${lift(lead)} ist; ${same}.`;
  },
  /** The changes of the groups that lie within the margin of error of the survey. */
  gapMargin: (groups: string[]) =>
    groups.length === 1
      ? `Die Veränderung in der Gruppe „${groups[0]}“ liegt innerhalb der Fehlerspanne.`
      : 'Beide Veränderungen liegen innerhalb der Fehlerspanne.',
  /** The caveat of a gap met only because the reference group got worse (its words from the catalogue). */
  caveat: (text: string) => `Das gilt ${text}.`,
};
