// The report's sentences about reaching a target, in English (issue 14): the same figures and years as the
// status, both figures in one sentence where they differ, and which group moved the gap.
import { farFuture, type Move, type Outcome, type verdictDe } from './de-verdict.js';

const nouns = {
  percent: 'share',
  per_1000: 'rate',
  count: 'number',
  mean: 'mean',
  ratio: 'ratio',
  total: 'estimated number',
};

const moved = (rose: boolean) => (rose ? 'rose' : 'fell');
const reached = (o: Outcome, targetYear: number) => {
  if (o.kind === 'never') return `not be reached (estimate for ${targetYear}: ${o.value})`;
  const when = { inTime: `be reached in ${o.year}`, late: `only be reached in ${o.year}` };
  return o.kind === 'far' ? `not be reached before ${targetYear + farFuture}` : when[o.kind];
};

export const verdictEn: typeof verdictDe = {
  achieved: 'The target is achieved',
  achievedUncertain:
    'The estimate meets the target, but only within the margin of error; it is not certain that the target is met',
  pace: (from, pace, share, gap) => {
    const of = share ? ` (${share} of the pace needed)` : '';
    if (pace === 'away') return `Since ${from}, the ${gap ? 'gap' : 'value'} has moved away from the target`;
    const speed = { fast: 'fast enough', almost: 'almost fast enough', slow: 'too slow', veryslow: 'far too slow' };
    return `Since ${from}, progress has been ${speed[pace]}${of}`;
  },
  withinMargin: ', but only within the margin of error',
  trend: (from, to, targetYear, outcome, contrast) =>
    `; ${contrast ? 'however, ' : ''}if the trend of ${from} to ${to} continues, ` +
    `the target will ${reached(outcome, targetYear)}`,
  trendLoses: (from, to, targetYear, value) =>
    `; however, if the trend of ${from} to ${to} continues, it will be missed in ${targetYear} (estimate: ${value})`,
  average: (from, to, targetYear, reach, year, value) => {
    const end = {
      inTime: `be reached in ${year}`,
      almost: `almost be reached in ${targetYear} (estimate: ${value})`,
      narrow: `be narrowly missed in ${targetYear} (estimate: ${value})`,
      clear: `be clearly missed in ${targetYear} (estimate: ${value})`,
    }[reach];
    return `If the average change of ${from} to ${to} continues, the target will ${end}`;
  },
  averageAway: (from, to, gap) =>
    `From ${from} to ${to}, the ${gap ? 'gap' : 'value'} moved away from the target on average`,
  slipping: (from, to, targetYear, value) =>
    `The value meets the target for now; if the average change of ${from} to ${to} continues, ` +
    `it will be missed in ${targetYear} (estimate: ${value})`,
  everyYear: (year, met, setback) =>
    met
      ? setback
        ? `The value meets the target for now, but ${year} was a setback`
        : 'The target is achieved'
      : setback
        ? `The target is not met in ${year}, and ${year} was a setback`
        : `The target is not met in ${year}; there was no setback in ${year}`,
  direction: (from, to, rose, perYear) =>
    rose === null
      ? `From ${from} to ${to}, the value stayed about the same`
      : `From ${from} to ${to}, the value ${moved(rose)}${perYear ? ` by ${perYear} a year on average` : ''}`,
  gapCause: (unit, since, change, [a, b], lead, other, relation) => {
    const noun = nouns[unit];
    const head = {
      narrower: `Since ${since}, the gap has narrowed`,
      wider: `Since ${since}, the gap has widened`,
      leadGrows: `Since ${since}, the lead of the group "${a}" has grown`,
      leadShrinks: `Since ${since}, the lead of the group "${a}" has shrunk`,
      overtook: `Since ${since}, the group "${a}" has overtaken the group "${b}"`,
      fellBehind: `Since ${since}, the group "${a}" has fallen behind the group "${b}"`,
      same: `Since ${since}, the gap has hardly changed`,
    }[change];
    const span = (m: Move) => `from ${m.from} to ${m.to}`;
    if (change === 'same' || lead.rose === null)
      return `${head} (group "${lead.group}": ${span(lead)}; group "${other.group}": ${span(other)}).`;
    const lift = (m: Move) => `the ${noun} for the group "${m.group}" ${moved(m.rose!)} ${span(m)}`;
    if (relation === 'and') return `${head} because ${lift(lead)} and ${lift(other)}.`;
    if (relation === 'more')
      return (
        `${head} because the ${noun} for the group "${lead.group}" ${moved(lead.rose)} more (${span(lead)}) ` +
        `than for the group "${other.group}" (${span(other)}).`
      );
    const same = `for the group "${other.group}" it stayed about the same (${other.from} and ${other.to})`;
    return `${head} because ${lift(lead)}; ${same}.`;
  },
  gapMargin: (groups) =>
    groups.length === 1
      ? `The change for the group "${groups[0]}" is within the margin of error.`
      : 'Both changes are within the margin of error.',
  caveat: (text) => `This holds ${text}.`,
};
