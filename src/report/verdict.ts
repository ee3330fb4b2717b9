// The paragraph the report writes about one comparison: where the value stands, the target, and the
// verdict in the words of the figures the status rests on (same method, same years). Where the recent trend
// says otherwise, the same sentence says both; for a gap, which group moved it. Pure.
import { formatDifference, formatPoints, formatTarget, formatValue, statusSymbols, type Lang } from '../core/format.js';
import { say, words } from '../core/messages/index.js';
import { farFuture, type GapChange, type Outcome, type Pace } from '../core/messages/de-verdict.js';
import { isInTime, type Comparison, type GroupMove } from '../core/types.js';
import type { Indicator } from '../core/schema.js';

export function describeComparison(
  ind: Indicator,
  c: Comparison,
  subject: string,
  lang: Lang,
  groupLabel: (g: string) => string,
): string {
  const ui = words(lang).report;
  const isGap = c.series === 'gap';
  const fmt = (x: number) => (isGap ? formatDifference(x, ind.unit, lang, 'long') : formatValue(x, ind.unit, lang));
  const parts: string[] = [];
  const since =
    c.latest && c.baseline && c.baseline.year < c.latest.year
      ? { year: c.baseline.year, text: fmt(c.baseline.value) }
      : null;
  if (c.latest && isGap && ind.groups) {
    const [a, b] = [groupLabel(ind.groups.compared), groupLabel(ind.groups.reference)];
    const ahead = c.latest.value < 0 || (c.baseline?.value ?? 0) < 0 ? a : null;
    parts.push(ui.gapSentence(a, b, c.latest.year, fmt(c.latest.value), since, ahead));
    if (c.groups) parts.push(...describeGroups(ind, c.groups, lang, groupLabel));
  } else if (c.latest) {
    const group = c.group !== null ? subject : null;
    const overall = c.group === null && ind.groups !== undefined;
    parts.push(ui.valueSentence(ind.unit, group, overall, c.latest.year, fmt(c.latest.value), since));
  }
  // The first sentence names the group; without it, the target sentence has to.
  const scope = c.latest ? null : isGap ? ui.gapBetweenGroups : c.group !== null ? subject : null;
  const goal =
    c.target.value === null
      ? formatGoal(ind, c, lang)
      : `${c.direction === 'higher' ? ui.atLeast : ui.atMost} ${formatGoal(ind, c, lang, 'long')}`;
  parts.push(ui.targetSentence(scope, c.target.year, goal));
  if (c.status === 'not_assessable') {
    parts.push(ui.notAssessable(c.reason ? say(c.reason, lang) : null));
    return parts.join(' ');
  }
  parts.push(describeVerdict(ind, c, lang, fmt));
  parts.push(ui.ratingSentence(`${statusSymbols[c.status]} ${words(lang).status[c.status]}`));
  if (c.caveat) parts.push(ui.verdict.caveat(sayCaveat(c, lang, groupLabel)!));
  return parts.join(' ');
}

/** The caveat in words, with the reference group by its label. */
export function sayCaveat(c: Comparison, lang: Lang, groupLabel: (g: string) => string): string | null {
  if (!c.caveat) return null;
  const caveat =
    c.caveat.code === 'caveat-gap-reference-decline'
      ? { ...c.caveat, reference: groupLabel(c.caveat.reference) }
      : c.caveat;
  return say(caveat, lang);
}

/** The sentence about reaching the target, built from the figures the status rests on. */
function describeVerdict(ind: Indicator, c: Comparison, lang: Lang, fmt: (x: number) => string): string {
  const v = words(lang).report.verdict;
  const basis = c.basis;
  const status = c.status;
  const margin = status.endsWith('_uncertain') && status !== 'achieved_uncertain' ? v.withinMargin : '';
  if (status === 'achieved_uncertain') return `${v.achievedUncertain}.`;
  if (!basis) return status === 'achieved' ? `${v.achieved}.` : '';
  const p = c.projection;
  const T = c.target.year;
  if (c.target.value === null) return `${describeDirection(c, lang)}${margin}.`;
  if (c.method === 'weather' && isEveryYear(ind, c)) {
    // The weather method's rule for targets that must hold every year: the latest year and its change.
    const setbackWhenMet = c.reason?.code === 'rating-met-setback';
    const met = status === 'achieved' || setbackWhenMet;
    const setback = setbackWhenMet || status === 'deterioration' || status === 'deterioration_uncertain';
    return `${v.everyYear(basis.to, met, setback)}${margin}.`;
  }
  if (c.method === 'weather') {
    if (status === 'achieved') return `${v.achieved}.`;
    if (!p) return '';
    if (c.reason?.code === 'rating-met-trend-away') return `${v.slipping(p.from, p.to, T, fmt(p.value))}.`;
    if (status === 'deterioration' || status === 'deterioration_uncertain')
      return `${v.averageAway(p.from, p.to, c.series === 'gap')}${margin}.`;
    const reach =
      status === 'moderate'
        ? 'narrow'
        : status === 'limited'
          ? 'clear'
          : p.reachYear !== null && p.reachYear <= T
            ? 'inTime'
            : 'almost';
    return `${v.average(p.from, p.to, T, reach, p.reachYear ?? T, fmt(p.value))}${margin}.`;
  }
  // Growth ratio: the pace since the base year, then the recent trend as the second figure.
  if (status === 'achieved') {
    const loses = p && !isMetAt(p.value, c) ? v.trendLoses(p.from, p.to, T, fmt(p.value)) : '';
    return `${v.achieved}${loses}.`;
  }
  const share = c.score !== null && c.score >= 0 ? formatValue(c.score * 100, 'percent', lang, 0) : null;
  const lead = v.pace(basis.from, paceOf(c), share, c.series === 'gap');
  const trend = p ? v.trend(p.from, p.to, T, outcomeOf(p.reachYear, T, fmt(p.value)), contrasts(c)) : '';
  return `${lead}${margin}${trend}.`;
}

/**
 * A direction-only target: how the value moved over the years the status rests on. The growth ratio
 * rates the average growth rate since the base year, the weather method the average change of its window.
 */
function describeDirection(c: Comparison, lang: Lang): string {
  const v = words(lang).report.verdict;
  const { from, to } = c.basis!;
  if (c.method === 'weather') {
    const slope = c.projection?.slope ?? 0;
    return v.direction(from, to, slope === 0 ? null : slope > 0, null);
  }
  const moved = c.latest && c.baseline ? c.latest.value - c.baseline.value : 0;
  const rate = c.score === null ? null : formatValue(Math.abs(c.score) * 100, 'percent', lang);
  return v.direction(from, to, moved === 0 ? null : moved > 0, moved === 0 ? null : rate);
}

/** The growth ratio's category in words; "almost" inside "on track" keeps the sentence exact. */
function paceOf(c: Comparison): Pace {
  const r = c.score;
  if (c.status === 'deterioration' || c.status === 'deterioration_uncertain') return 'away';
  if (c.status === 'moderate') return 'slow';
  if (c.status === 'limited') return 'veryslow';
  return r !== null && r < 1 ? 'almost' : 'fast';
}

function outcomeOf(reach: number | null, T: number, value: string): Outcome {
  if (reach === null) return { kind: 'never', value };
  if (reach > T + farFuture) return { kind: 'far', year: reach };
  return { kind: reach <= T ? 'inTime' : 'late', year: reach };
}

/** Whether the recent trend's answer to "in time?" differs from the status's. */
function contrasts(c: Comparison): boolean {
  const reach = c.projection?.reachYear ?? null;
  return isInTime(c.status) !== (reach !== null && reach <= c.target.year);
}

function isMetAt(value: number, c: Comparison): boolean {
  const goal = c.target.value!;
  return c.direction === 'higher' ? value >= goal : value <= goal;
}

function isEveryYear(ind: Indicator, c: Comparison): boolean {
  return ind.targets.some(
    (t) =>
      t.every_year &&
      t.year === c.target.year &&
      (t.gap !== undefined) === (c.series === 'gap') &&
      (t.group ?? null) === (c.series === 'gap' ? null : c.group),
  );
}

/** Which group moved the gap over the years the status rests on, and whether the survey can tell. */
function describeGroups(
  ind: Indicator,
  g: NonNullable<Comparison['groups']>,
  lang: Lang,
  groupLabel: (g: string) => string,
): string[] {
  const v = words(lang).report.verdict;
  const years = g.to - g.from;
  const flat = (m: GroupMove) => Math.abs(m.to - m.from) < 0.1 * years;
  const sign = ind.direction === 'higher' ? 1 : -1;
  // What each group's change did to the gap (positive: wider).
  const pushes = {
    compared: -sign * (g.compared.to - g.compared.from),
    reference: sign * (g.reference.to - g.reference.from),
  };
  const total = pushes.compared + pushes.reference;
  const [before, after] = [sign * (g.reference.from - g.compared.from), sign * (g.reference.to - g.compared.to)];
  const change = gapChange(before, after, Math.abs(total) < 0.1 * years);
  const helps = (k: 'compared' | 'reference') => !flat(g[k]) && Math.sign(pushes[k]) === Math.sign(total);
  const [a, b] = [helps('compared'), helps('reference')];
  const larger = Math.abs(pushes.compared) >= Math.abs(pushes.reference) ? 'compared' : 'reference';
  const leadKey = a && !b ? 'compared' : b && !a ? 'reference' : a && b ? 'compared' : larger;
  const otherKey = leadKey === 'compared' ? 'reference' : 'compared';
  const relation = a && b ? 'and' : flat(g[otherKey]) ? 'alone' : 'more';
  const value = (x: number) => formatValue(x, ind.unit, lang);
  const move = (m: GroupMove) => ({
    group: groupLabel(m.group),
    from: value(m.from),
    to: value(m.to),
    rose: flat(m) ? null : m.to > m.from,
  });
  const names: [string, string] = [groupLabel(g.compared.group), groupLabel(g.reference.group)];
  const sentences = [v.gapCause(ind.unit, g.from, change, names, move(g[leadKey]), move(g[otherKey]), relation)];
  const uncertain = [g.compared, g.reference].filter((m) => m.withinMargin && !flat(m)).map((m) => groupLabel(m.group));
  if (uncertain.length) sentences.push(v.gapMargin(uncertain));
  return sentences;
}

/** In words: behind, the gap; ahead, the lead; across zero, overtaking (positive = compared group behind). */
function gapChange(before: number, after: number, same: boolean): GapChange {
  if (same) return 'same';
  if (before > 0 && after <= 0) return 'overtook';
  if (before <= 0 && after > 0) return 'fellBehind';
  if (after > 0) return after < before ? 'narrower' : 'wider';
  return after < before ? 'leadGrows' : 'leadShrinks';
}

/** The target as written in the YAML, without trailing zeros: "55 %", "10 Pp.". */
export function formatGoal(ind: Indicator, c: Comparison, lang: Lang, style: 'short' | 'long' = 'short'): string {
  const value = c.target.value;
  if (value === null) return words(lang).report.trendGoal(c.direction);
  if (c.series !== 'gap') return formatTarget(value, ind.unit, lang);
  return ind.unit === 'percent'
    ? formatPoints(value, lang, style, Number.isInteger(value) ? 0 : 1)
    : formatTarget(value, ind.unit, lang);
}
