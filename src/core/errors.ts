// Errors a user can act on. Everything the CLI reports without a stack trace is an InputError (exit 1)
// or a UsageError (exit 2); any other exception is a bug and is reported as such. An error carries a
// message code and a place; the words come from the catalogue in the language of the command line.
import { isAbsolute, relative } from 'node:path';
import { msg, say, type Lang, type Message } from './messages/index.js';

export interface Location {
  file: string;
  line?: number;
  column?: number;
}

export class InputError extends Error {
  readonly exitCode: number = 1;
  constructor(
    readonly reason: Message,
    readonly where?: Location | string,
    readonly hint?: Message,
    /** Further problems of the same kind, found in the same pass (several missing files, say). */
    readonly more: InputError[] = [],
  ) {
    super(say(reason, 'en'));
    this.name = 'InputError';
  }

  /** `file:line:column: message`, the hint on its own line, then any further problems indented. */
  format(lang: Lang, hintWord = 'hint'): string {
    const where = placeOf(this.where);
    const head = `${where ? `${where}: ` : ''}${say(this.reason, lang)}`;
    const more = this.more.map((e) => `\n  ${e.format(lang, hintWord).split('\n')[0]}`).join('');
    return `${head}${more}${this.hint ? `\n  ${hintWord}: ${say(this.hint, lang)}` : ''}`;
  }

  /** The error as `--json` prints it: words, the code, the place and the hint, each a field of its own. */
  toJson(lang: Lang): ErrorJson {
    const place: Partial<Location> = typeof this.where === 'string' ? { file: this.where } : (this.where ?? {});
    return {
      error: say(this.reason, lang),
      code: this.reason.code,
      file: place.file ?? null,
      line: place.line ?? null,
      column: place.column ?? null,
      hint: this.hint ? say(this.hint, lang) : null,
      ...(this.more.length ? { more: this.more.map((e) => e.toJson(lang)) } : {}),
    };
  }
}

export interface ErrorJson {
  error: string;
  code: string;
  file: string | null;
  line: number | null;
  column: number | null;
  hint: string | null;
  more?: ErrorJson[];
}

export class UsageError extends InputError {
  override readonly exitCode = 2;
}

function formatLocation({ file, line, column }: Location): string {
  return [file, line, line !== undefined ? column : undefined].filter((p) => p !== undefined).join(':');
}

function placeOf(where: Location | string | undefined): string {
  return typeof where === 'string' ? where : where ? formatLocation(where) : '';
}

/** The closest candidate by edit distance, when it is close enough to be a likely misspelling. */
function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** "Did you mean …?" when a candidate is close, else the fallback hint (the candidates, say). */
export function didYouMean(word: string, candidates: Iterable<string>, fallback?: Message): Message | undefined {
  const s = suggest(word, candidates);
  return s ? msg('hint-did-you-mean', { word: s }) : fallback;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Like Promise.all, but of several failures the first in the list's order is thrown, not the first in
 * time: the same broken files give the same message in every run.
 */
export async function inOrder<T extends readonly unknown[]>(
  promises: T,
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: Awaited<T[K]>;
  };
}

/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
