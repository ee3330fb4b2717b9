// The one message catalogue: codes with parameters go in, words in German or English come out. Nothing
// else in istsoll holds words for people; nothing translates text by rewriting it.
import type { Code, Message, Params } from './codes.js';
import { de } from './de.js';
import { en } from './en.js';
import type { Catalogue } from './types.js';

export { msg, type Code, type Message } from './codes.js';
export type { Catalogue, ReportWords } from './types.js';

export type Lang = 'de' | 'en';

/** The locale each language formats numbers and dates with. */
export const locales: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };

const catalogues: Record<Lang, Catalogue> = { de, en };

/** All words of one language. */
export function words(lang: Lang): Catalogue {
  return catalogues[lang];
}

/** A message in words. */
export function say(message: Message, lang: Lang): string {
  const { code, ...params } = message;
  const fill = catalogues[lang].messages[code] as (p: Params[Code]) => string;
  return fill(params as Params[Code]);
}

/** A message as JSON output shows it: the code and its parameters, and the words under `message`. */
export function toJson(message: Message, lang: Lang): Message & { message: string } {
  return { ...message, message: say(message, lang) };
}

/**
 * The language of the command line: `--lang` when given, else German when the locale settings say so
 * (LC_ALL, then LC_MESSAGES, then LANG, as POSIX orders them), else English.
 */
export function detectLang(env: NodeJS.ProcessEnv, flag?: string): Lang {
  if (flag === 'de' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^de([_.@-]|$)/i.test(locale) ? 'de' : 'en';
}
