// The commands and options of the command line, with help in the user's language. Each action loads its
// command module only when it runs, so that `istsoll --help` starts without DuckDB, zod or the report.
import { Command, Help, InvalidArgumentError, Option } from 'commander';
import { words, type Lang } from '../core/messages/index.js';
import { istsollVersion } from '../core/version.js';
import type * as Options from './options.js';
import type { Run } from './run.js';

type Schema = keyof typeof Options & `${string}Options`;

export function buildProgram(lang: Lang, run: Run): Command {
  const w = words(lang).cli.help;
  const program = new Command('istsoll')
    .description(w.program)
    .version(istsollVersion(), '-V, --version', w.version)
    .helpOption('-h, --help', w.helpOption)
    .helpCommand('help [command]', w.helpCommand)
    .option('--project <dir>', w.options.project, '.')
    .option('--db <file>', w.options.db)
    .addOption(new Option('--lang <lang>', w.options.lang).choices(['de', 'en']))
    .option('--strict', w.options.strict)
    .option('--debug', w.options.debug)
    .exitOverride()
    .configureOutput({ writeErr: () => {}, outputError: () => {} })
    .configureHelp(localHelp(lang));

  /** The command's options, typed by its schema, with the global ones. */
  const options = async <S extends Schema>(schema: S, command: Command) => {
    const module = await import('./options.js');
    return module.optionsOf(module[schema], { ...program.opts(), ...command.opts() }) as Options.GlobalOptions &
      Record<string, unknown>;
  };
  const command = (name: keyof typeof w.commands, example: string, parent = program) =>
    parent
      .command(subcommands[name as keyof typeof subcommands] ?? name)
      .description(w.commands[name])
      .helpOption('-h, --help', w.helpOption)
      .addHelpText('after', `\n${w.example}\n  $ ${example}`);
  const commands = () => import('./commands.js');
  const staff = () => import('./staff.js');
  const json = new Option('--json', w.options.json);
  const csv = () => [new Option('--decimal-comma', w.options.decimalComma), new Option('--bom', w.options.bom)];
  const withReport = (c: Command) =>
    c
      .option('--out <file>', w.options.out)
      .option('--pdf', w.options.pdf)
      .option('--per-field', w.options.perField)
      .option('--no-history', w.options.history);

  command('init', 'istsoll init integrationsmonitoring --name Musterstadt')
    .argument('<dir>', w.args.dir)
    .option('--name <town>', w.options.name)
    .action(async (dir: string, _: unknown, self: Command) => {
      await (await commands()).init(run, dir, (await options('InitOptions', self)) as Options.InitOptions);
    });
  command('load', 'istsoll load --project integrationsmonitoring').action(async (_: unknown, self: Command) => {
    await (await commands()).load(run, await options('GlobalOptions', self));
  });
  addOptions(
    command('compute', 'istsoll compute --format csv --decimal-comma --bom > werte.csv'),
    new Option('--format <format>', w.options.format).choices(['table', 'json', 'csv']).default('table'),
    json,
    ...csv(),
  ).action(async (_: unknown, self: Command) => {
    await (await commands()).compute(run, (await options('ComputeOptions', self)) as Options.ComputeOptions);
  });
  addOptions(
    command('compare', 'istsoll compare --csv --decimal-comma > vergleich.csv'),
    json,
    new Option('--csv', w.options.csv),
    ...csv(),
  ).action(async (_: unknown, self: Command) => {
    await (await commands()).compare(run, (await options('CompareOptions', self)) as Options.CompareOptions);
  });
  withReport(command('report', 'istsoll report --lang en --out reports/en.html --pdf')).action(
    async (_: unknown, self: Command) => {
      await (await commands()).report(run, (await options('ReportOptions', self)) as Options.ReportOptions);
    },
  );
  withReport(command('run', 'istsoll run --project .')).action(async (_: unknown, self: Command) => {
    await (await commands()).runAll(run, (await options('ReportOptions', self)) as Options.ReportOptions);
  });
  addOptions(command('inspect', 'istsoll inspect data/12411-0015.csv').argument('<file>', w.args.file), json).action(
    async (file: string, _: unknown, self: Command) => {
      await (await commands()).inspect(run, file, (await options('JsonOptions', self)) as Options.JsonOptions);
    },
  );
  const targets = command('targets', 'istsoll targets list');
  addOptions(command('targetsList', 'istsoll targets list --json', targets), json).action(
    async (_: unknown, self: Command) => {
      await (await staff()).targetsList(run, (await options('JsonOptions', self)) as Options.JsonOptions);
    },
  );
  command('targetsSet', 'istsoll targets set erwerbstaetigenquote --value 58 --year 2030 --group mit', targets)
    .argument('<indicator>', w.args.indicator)
    .requiredOption('--value <number>', w.options.value, parseNumber(lang))
    .requiredOption('--year <year>', w.options.year, parseNumber(lang))
    .option('--group <group>', w.options.group)
    .option('--gap', w.options.gap)
    .action(async (indicator: string, _: unknown, self: Command) => {
      const o = (await options('TargetSetOptions', self)) as Options.TargetSetOptions;
      await (await staff()).targetsSet(run, indicator, o);
    });
  const measures = command('measures', 'istsoll measures list --overdue');
  addOptions(
    command('measuresList', 'istsoll measures list --field sprache --status laufend', measures),
    new Option('--field <field>', w.options.field),
    new Option('--office <office>', w.options.office),
    new Option('--status <status>', w.options.statusFilter),
    new Option('--overdue', w.options.overdue),
    json,
    new Option('--csv', w.options.measuresCsv),
    ...csv(),
  ).action(async (_: unknown, self: Command) => {
    const o = (await options('MeasuresListOptions', self)) as Options.MeasuresListOptions;
    await (await staff()).measuresList(run, o);
  });
  command('measuresSet', 'istsoll measures set sprachcafe --status umgesetzt --note "Abgeschlossen."', measures)
    .argument('<measure>', w.args.measure)
    .option('--status <status>', w.options.status)
    .option('--note <text>', w.options.note)
    .option('--milestone <number-or-date>', w.options.milestone)
    .option('--done', w.options.done)
    .option('--by <name>', w.options.by)
    .action(async (id: string, _: unknown, self: Command) => {
      const o = (await options('MeasureSetOptions', self)) as Options.MeasureSetOptions;
      await (await staff()).measuresSet(run, id, o);
    });
  addOptions(command('validate', 'istsoll validate --json'), json).action(async (_: unknown, self: Command) => {
    await (await commands()).validate(run, (await options('JsonOptions', self)) as Options.JsonOptions);
  });
  command('serve', 'istsoll serve --project .').action(async (_: unknown, self: Command) => {
    await (await import('./serve/index.js')).serve(run, await options('GlobalOptions', self));
  });
  return program;
}

/** Commands that share a name under different parents (`targets list`, `measures list`). */
const subcommands = { targetsList: 'list', targetsSet: 'set', measuresList: 'list', measuresSet: 'set' } as const;

function addOptions(command: Command, ...options: Option[]): Command {
  for (const o of options) command.addOption(o);
  return command;
}

/** A number as people write it: 65, 12.5 or 12,5. */
function parseNumber(lang: Lang) {
  return (value: string): number => {
    const n = Number(value.trim().replace(',', '.'));
    if (value.trim() === '' || !Number.isFinite(n))
      throw new InvalidArgumentError(words(lang).cli.help.errors.notANumber);
    return n;
  };
}

/** Commander's help with our titles and our words for defaults and choices. */
function localHelp(lang: Lang): Partial<Help> {
  const w = words(lang).cli.help;
  const titles: Record<string, string> = {
    'Usage:': w.titles.usage,
    'Options:': w.titles.options,
    'Commands:': w.titles.commands,
    'Arguments:': w.titles.arguments,
    'Global Options:': w.titles.globalOptions,
  };
  const placeholders = (text: string) =>
    text.replace('[options]', w.placeholders.options).replace('[command]', w.placeholders.command);
  return {
    styleTitle: (title: string) => titles[title] ?? title,
    commandUsage(this: Help, command) {
      return placeholders(Help.prototype.commandUsage.call(this, command));
    },
    subcommandTerm(this: Help, command) {
      return placeholders(Help.prototype.subcommandTerm.call(this, command));
    },
    optionDescription: (option) => {
      const extra = [
        option.argChoices ? w.choices(option.argChoices) : null,
        option.defaultValue !== undefined ? w.defaultIs(String(option.defaultValue)) : null,
      ].filter(Boolean);
      return [option.description, ...extra].join(' ');
    },
  };
}
