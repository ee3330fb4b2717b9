// Soft hyphens in long words, by the hyphenation patterns of the report's language (TeX's, from the
// `hyphen` package): a heading such as „Integrationsmonitoring“ or a table head such as
// „Migrationsgeschichte“ then breaks at a syllable on a phone instead of running off the screen or breaking
// mid-syllable. The stylesheet asks for `hyphens: auto` too, but not every browser has the dictionaries
// (Chromium on Linux has none); soft hyphens work everywhere and are invisible until a line breaks there.
import { createRequire } from 'node:module';
import type { Lang } from '../core/format.js';

type Hyphenate = (text: string, options: { hyphenChar: string; minWordLength: number }) => string;

const require = createRequire(import.meta.url);
const loaded = new Map<Lang, Hyphenate>();

function hyphenator(lang: Lang): Hyphenate {
  let h = loaded.get(lang);
  if (!h) {
    h = (require(lang === 'de' ? 'hyphen/de' : 'hyphen/en-gb') as { hyphenateSync: Hyphenate }).hyphenateSync;
    loaded.set(lang, h);
  }
  return h;
}

/** Words shorter than this fit a phone's line in any heading or table head of the report. */
const minWordLength = 12;

/** The text with soft hyphens (U+00AD) in its long words. */
export function hyphenate(text: string, lang: Lang): string {
  if (!/\p{L}{12}/u.test(text)) return text;
  return hyphenator(lang)(text, { hyphenChar: '\u00ad', minWordLength });
}
