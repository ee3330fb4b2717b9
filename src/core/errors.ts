// Errors a user can act on. Everything the CLI reports without a stack trace is an InputError (exit 1)
// or a UsageError (exit 2); any other exception is a bug and is reported as such.
import { isAbsolute, relative } from 'node:path';

export interface Location {
  file: string;
  line?: number;
  column?: number;
}

export class InputError extends Error {
  readonly exitCode: number = 1;
  constructor(
    message: string,
    readonly where?: Location | string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** `file:line:column: message` plus the hint on its own line. */
  format(): string {
    const where = typeof this.where === 'string' ? this.where : this.where ? formatLocation(this.where) : '';
    return `${where ? `${where}: ` : ''}${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}

export class UsageError extends InputError {
  override readonly exitCode = 2;
}

export function formatLocation({ file, line, column }: Location): string {
  return [file, line, line !== undefined ? column : undefined].filter((p) => p !== undefined).join(':');
}

/** The closest candidate by edit distance, when it is close enough to be a likely misspelling. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const s = suggest(word, candidates);
  return s ? `did you mean \`${s}\`?` : undefined;
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

/** A path as the user would type it: relative below the working directory, absolute elsewhere. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
