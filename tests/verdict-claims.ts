// Reads a report paragraph as a council member would: which sentences claim something about reaching the
// target, and whether each claim agrees with the status printed beside it. The patterns know the wordings
// of the report in German and English (also those of earlier versions, so that the check can show what it
// catches); a sentence the patterns do not know claims nothing.
import type { Comparison, Status } from '../src/core/types.js';
import type { Lang } from '../src/core/format.js';

/**
 * What a claim says about the target: met now; in time; late (right direction, too slow); away (moving
 * away, or not before a far year); met for now but slipping; not met this year (every-year targets), with
 * or without a setback.
 */
type ClaimClass = 'met' | 'inTime' | 'late' | 'away' | 'slipping' | 'notMet' | 'notMetWorse';

interface Pattern {
  re: RegExp;
  /** A class, or a year captured by the pattern decides: by the target year in time, after it late. */
  cls: ClaimClass | 'byYear';
}

const patterns: Record<Lang, Pattern[]> = {
  de: [
    { re: /Das Ziel ist erreicht|erfüllt das Ziel bereits|Der Schätzwert erfüllt das Ziel/g, cls: 'met' },
    { re: /erfüllt das Ziel derzeit/g, cls: 'slipping' },
    { re: /(?:würde|wird) das Ziel (\d{4}) (?:fast )?erreicht/g, cls: 'byYear' },
    { re: /(?:würde|wird) das Ziel erst (\d{4}) erreicht/g, cls: 'byYear' },
    { re: /erst nach \d{4} erreicht|(?:würde|wird) das Ziel nicht erreicht/g, cls: 'away' },
    { re: /(?<!fast )schnell genug voran|fast schnell genug voran/g, cls: 'inTime' },
    { re: /(?<!viel )zu langsam voran|viel zu langsam voran|knapp verfehlt|deutlich verfehlt/g, cls: 'late' },
    {
      re: /entfernt sich der (?:Wert|Abstand) vom Ziel|im Schnitt vom Ziel entfernt|wird es \d{4} verfehlt/g,
      cls: 'away',
    },
    { re: /Ziel ist \d{4} nicht erfüllt; einen Rückschritt/g, cls: 'notMet' },
    { re: /Ziel ist \d{4} nicht erfüllt, und/g, cls: 'notMetWorse' },
  ],
  en: [
    { re: /The target is achieved|already meets the target|The estimate meets the target/g, cls: 'met' },
    { re: /meets the target for now/g, cls: 'slipping' },
    { re: /the target will (?:almost )?be reached in (\d{4})/g, cls: 'byYear' },
    { re: /the target will only be reached in (\d{4})/g, cls: 'byYear' },
    { re: /will not be reached before \d{4}|the target will not be reached(?! before)/g, cls: 'away' },
    { re: /(?<!almost )fast enough|almost fast enough/g, cls: 'inTime' },
    { re: /(?<!far )too slow|far too slow|narrowly missed|clearly missed/g, cls: 'late' },
    { re: /moved away from the target|it will be missed in \d{4}/g, cls: 'away' },
    { re: /target is not met in \d{4}; there was no setback/g, cls: 'notMet' },
    { re: /target is not met in \d{4}, and/g, cls: 'notMetWorse' },
  ],
};

/** The sentence that only names the status ("Bewertung: …") is the status itself, not a claim about it. */
const ratingSentence: Record<Lang, RegExp> = { de: /^Bewertung:/, en: /^Rating:/ };

/** Words that say the verdict lies within the margin of error. */
const marginWords: Record<Lang, RegExp> = {
  de: /innerhalb der Fehlerspanne/,
  en: /within the margin of error/,
};

/** Which claims each status allows (the uncertain ones as their certain kin). */
const allowed: Record<Status, ClaimClass[]> = {
  achieved: ['met'],
  achieved_uncertain: ['met'],
  on_track: ['inTime'],
  on_track_uncertain: ['inTime'],
  moderate: ['late', 'slipping'],
  limited: ['late', 'notMet'],
  deterioration_uncertain: ['away', 'notMetWorse'],
  deterioration: ['away', 'notMetWorse'],
  not_assessable: [],
};

/** Sentences: a full stop, then a space, then a capital letter or a quote starts the next. */
function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=\.)\s+(?=[A-ZÄÖÜ„"])/u);
}

function claimsOf(sentence: string, lang: Lang, targetYear: number): ClaimClass[] {
  if (ratingSentence[lang].test(sentence)) return [];
  const found: { at: number; cls: ClaimClass }[] = [];
  for (const p of patterns[lang]) {
    for (const m of sentence.matchAll(p.re)) {
      const cls = p.cls === 'byYear' ? (Number(m[1]) <= targetYear ? 'inTime' : 'late') : p.cls;
      found.push({ at: m.index, cls });
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.cls);
}

/**
 * What a council member would call a contradiction between a comparison's status and the paragraph the
 * report writes about it:
 * - a sentence whose first claim about reaching the target disagrees with the status (a second claim in
 *   the same sentence may differ: that is the sentence saying both figures);
 * - the first claim not naming the years the status rests on (`basisYear`: the base year of the
 *   growth ratio, the first year of the weather method's window);
 * - a status qualified by the margin of error whose paragraph does not say so.
 */
export function contradictions(c: Comparison, paragraph: string, lang: Lang, basisYear: number | null): string[] {
  const status = c.status as Status;
  if (status === 'not_assessable' || c.target.value === null) return [];
  const ok = allowed[status];
  const found: string[] = [];
  let first = true;
  for (const sentence of sentencesOf(paragraph)) {
    const claims = claimsOf(sentence, lang, c.target.year);
    if (!claims.length) continue;
    if (!ok.includes(claims[0]!)) found.push(`"${sentence}" claims ${claims[0]} but the status is ${status}`);
    if (first && basisYear !== null && !sentence.includes(String(basisYear)))
      found.push(`"${sentence}" does not name ${basisYear}, the year the status ${status} rests on`);
    first = false;
  }
  if (first && ok.length) found.push(`no sentence says anything about reaching the target (status ${status})`);
  if (status.endsWith('_uncertain') && !marginWords[lang].test(paragraph))
    found.push(`the status ${status} is not explained by the margin of error`);
  return found;
}
