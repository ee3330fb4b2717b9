// The command line: choose the language, parse the arguments, run one command, turn errors into exit
// codes. 0 success, 1 bad input (a message naming file and place), 2 wrong usage, 3 an unexpected failure.
import { CommanderError } from 'commander';
import { InputError, type ErrorJson } from '../core/errors.js';
import { detectLang, words, type Lang } from '../core/messages/index.js';
import { clean } from './output.js';
import { buildProgram } from './program.js';
import type { Run } from './run.js';

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang = detectLang(env, langFlag(argv));
  const run: Run = { lang, json: wantsJson(argv) };
  const program = buildProgram(lang, run);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return reportError(e, lang, run.json, argv.includes('--debug'));
  }
}

/** `--json` or `--format json`: then even a usage error is answered in JSON. */
function wantsJson(argv: string[]): boolean {
  return argv.some((a, i) => a === '--json' || a === '--format=json' || (a === '--format' && argv[i + 1] === 'json'));
}

/** `--lang de` or `--lang=de` anywhere on the line: the help texts must be chosen before parsing. */
function langFlag(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return undefined;
  return argv[i]!.includes('=') ? argv[i]!.slice('--lang='.length) : argv[i + 1];
}

function reportError(e: unknown, lang: Lang, json: boolean, debug: boolean): number {
  const w = words(lang).cli;
  if (e instanceof CommanderError) {
    if (e.exitCode === 0 || ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code)) {
      return 0;
    }
    const text = usageMessage(e, lang);
    if (json) printJson({ error: text, code: 'usage', file: null, line: null, column: null, hint: null });
    process.stderr.write(`${clean(`${w.error}: ${text}`)}\n${w.help.afterError}\n`);
    return 2;
  }
  if (e instanceof InputError) {
    if (json) printJson(e.toJson(lang));
    process.stderr.write(`${clean(`${w.error}: ${e.format(lang, w.hint)}`)}\n`);
    if (debug) process.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const detail = e instanceof Error ? e.message : String(e);
  if (json)
    printJson({ error: w.unexpected(detail), code: 'unexpected', file: null, line: null, column: null, hint: null });
  process.stderr.write(`${clean(w.unexpected(detail))}\n`);
  process.stderr.write(
    debug && e instanceof Error ? `${e.stack}\n` : `${words(lang).messages['hint-run-debug']({})}\n`,
  );
  return 3;
}

/** Under `--json`, every failure is one JSON object on stdout, whatever went wrong. */
function printJson(error: ErrorJson | (Omit<ErrorJson, 'code'> & { code: string })): void {
  process.stdout.write(`${JSON.stringify(error)}\n`);
}

/**
 * Commander's own errors in the user's language. Commander writes them in English with the offending
 * option or command in quotes; the quoted parts are taken over, the sentence around them is ours.
 */
function usageMessage(e: CommanderError, lang: Lang): string {
  const w = words(lang).cli.help.errors;
  const quoted = [...e.message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
  const suggestion = /Did you mean (?:one of )?([^?]+)\?/.exec(e.message)?.[1];
  const tail = suggestion ? ` (${w.didYouMean(suggestion)})` : '';
  switch (e.code) {
    case 'commander.unknownOption':
      return w.unknownOption(quoted[0] ?? '') + tail;
    case 'commander.unknownCommand':
      return w.unknownCommand(quoted[0] ?? '') + tail;
    case 'commander.missingArgument':
      return w.missingArgument(quoted[0] ?? '');
    case 'commander.optionMissingArgument':
      return w.optionArgument(quoted[0] ?? '');
    case 'commander.missingMandatoryOptionValue':
      return w.requiredOption(quoted[0] ?? '');
    case 'commander.excessArguments':
      return w.tooManyArguments;
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(e.message)?.[1];
      if (choices) return w.invalidChoice(quoted[1] ?? '', quoted[0] ?? '', choices);
      return `${quoted[0] ?? ''} ${quoted[1] ?? ''}: ${/is invalid\. (.*)$/.exec(e.message)?.[1] ?? w.notANumber}`;
    }
    default:
      return e.message.replace(/^error: /, '');
  }
}
