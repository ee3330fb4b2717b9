// The command line: parse arguments, run one command from commands.ts, turn errors into exit codes.
// 0 success, 1 bad input (a message naming file and place), 2 wrong usage, 3 an unexpected failure.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { InputError } from '../core/errors.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('istsoll')
    .description(
      'Ist/Soll gap analysis for municipal integration concepts: load statistics, compute indicators, compare them with targets, write a report.',
    )
    .option('--project <dir>', 'project folder (with istsoll.yaml, data/, indicators/)', '.')
    .option('--db <file>', 'DuckDB file (default: <project>/.istsoll/istsoll.duckdb)')
    .option('--debug', 'show stack traces of unexpected errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  let json = false;

  const command = (name: string, description: string, example: string) =>
    program.command(name).description(description).addHelpText('after', `\nExample:\n  $ ${example}`).exitOverride();
  const json_ = new Option('--json', 'print JSON instead of a table (same as --format json)');
  const run = (fn: (opts: Record<string, unknown>) => Promise<void>) => async (opts: Record<string, unknown>) => {
    json = Boolean(opts.json);
    await fn({ ...program.opts(), ...opts });
  };
  const commands = () => import('./commands.js');

  command(
    'init',
    'create a new project folder with commented templates',
    'istsoll init integrationsmonitoring --name Musterstadt',
  )
    .argument('<dir>', 'the new project folder (must not exist or be empty)')
    .option('--name <town>', 'the name of the town, for the title')
    .action(async (dir: string, opts: Record<string, unknown>) => {
      await (await commands()).init(dir, { ...program.opts(), ...opts });
    });
  command(
    'load',
    'load the CSV files named in data/sources.yaml into the database',
    'istsoll load --project integrationsmonitoring',
  ).action(run(async (o) => (await commands()).load(o)));
  command(
    'compute',
    'compute every indicator for all years and disaggregations',
    'istsoll compute --format csv --decimal-comma --bom > werte.csv',
  )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .addOption(json_)
    .addOption(decimalComma())
    .addOption(bom())
    .action(run(async (o) => (await commands()).compute(o)));
  command(
    'compare',
    'compare the indicators with their targets (gap, progress, trend, status)',
    'istsoll compare --csv --decimal-comma > vergleich.csv',
  )
    .addOption(json_)
    .option('--csv', 'print CSV: one row per target, naming its method')
    .addOption(decimalComma())
    .addOption(bom())
    .action(run(async (o) => (await commands()).compare(o)));
  reportOptions(
    command(
      'report',
      'write the HTML report to reports/index.html (and a PDF with --pdf)',
      'istsoll report --lang en --out reports/en.html --pdf',
    ),
  ).action(run(async (o) => (await commands()).report(o)));
  reportOptions(command('run', 'load, compute, compare and report in one go', 'istsoll run --project .')).action(
    run(async (o) => (await commands()).runAll(o)),
  );
  command(
    'inspect',
    'show what the loader detects in a file and print a sources.yaml entry for it',
    'istsoll inspect data/12411-0015.csv',
  )
    .argument('<file>', 'a CSV file, a Parquet file or a folder of Parquet files')
    .addOption(json_)
    .action(async (file: string, opts: Record<string, unknown>) => {
      json = Boolean(opts.json);
      await (await commands()).inspect(file, { ...program.opts(), ...opts });
    });
  const targets = command('targets', 'list the targets, or change one in its YAML file', 'istsoll targets list');
  targets
    .command('list')
    .description('every target: indicator, group, year, value and owner')
    .addHelpText('after', '\nExample:\n  $ istsoll targets list --json')
    .addOption(json_)
    .exitOverride()
    .action(run(async (o) => (await commands()).targetsList(o)));
  targets
    .command('set')
    .description('set a target value; the file keeps its comments and layout, and is checked before it is written')
    .argument('<indicator>', 'indicator id')
    .requiredOption('--value <number>', 'the target value', parseNumber)
    .requiredOption('--year <year>', 'the target year', parseNumber)
    .option('--group <group>', 'the group the target is for (e.g. mit)')
    .option('--gap', 'a target for the gap between the groups instead of the value')
    .addHelpText('after', '\nExample:\n  $ istsoll targets set erwerbstaetigenquote --value 58 --year 2030 --group mit')
    .exitOverride()
    .action(async (indicator: string, opts: Record<string, unknown>) => {
      await (await commands()).targetsSet(indicator, { ...program.opts(), ...opts });
    });
  command(
    'validate',
    'check the project files and the indicator SQL without writing anything',
    'istsoll validate --json',
  )
    .addOption(json_)
    .action(run(async (o) => (await commands()).validate(o)));

  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    return reportError(e, json, Boolean(program.opts().debug));
  }
}

const decimalComma = () =>
  new Option('--decimal-comma', 'CSV for German spreadsheets: `;` between fields and a decimal comma');
const bom = () => new Option('--bom', 'start the CSV with a UTF-8 byte-order mark');

/** The options of every command that writes the report. */
function reportOptions(command: Command): Command {
  return command
    .addOption(new Option('--lang <lang>', 'language of the report').choices(['de', 'en']).default('de'))
    .option('--out <file>', 'where to write the report (default: <project>/reports/index.html)')
    .option(
      '--pdf',
      'also print it to PDF beside the HTML, through a local Chromium (CHROMIUM_PATH or /usr/bin/chromium)',
    )
    .option('--per-field', 'also write one report per field of action beside it (index-<field>.html)');
}

function parseNumber(value: string): number {
  const n = Number(value.replace(',', '.'));
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number, such as 65 or 12.5');
  return n;
}

function reportError(e: unknown, json: boolean, debug: boolean): number {
  if (e instanceof CommanderError) {
    return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2;
  }
  if (e instanceof InputError) {
    if (json)
      process.stdout.write(
        `${JSON.stringify({ error: { message: e.message, where: e.where ?? null, hint: e.hint ?? null }, exitCode: e.exitCode })}\n`,
      );
    process.stderr.write(`error: ${e.format()}\n`);
    if (debug) process.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  process.stderr.write(`unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.stderr.write(
    debug && e instanceof Error
      ? `${e.stack}\n`
      : 'run again with --debug to see the stack trace, and please report it\n',
  );
  return 3;
}
