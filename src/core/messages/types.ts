// The shape of a catalogue: every language fills in the same parts. German sets the shape of the
// sentence-pattern parts (the report and the command line); English must match it.
import type { MeasureStatus } from '../schema.js';
import type { Status } from '../status.js';
import type { MessageWords } from './codes.js';
import type { cliDe } from './de-cli.js';
import type { reportDe } from './de-report.js';

export type CliWords = typeof cliDe;
export type ReportWords = typeof reportDe;

export interface Catalogue {
  /** Every message code: errors, hints, notes on values, reasons of ratings. */
  messages: MessageWords;
  /** The status words of a rating. */
  status: Record<Status, string>;
  /** The status words of a measure (the German ones are those of its file). */
  measureStatus: Record<MeasureStatus, string>;
  /** The reasons and flags of the special signs of official statistics, by their code. */
  signs: Record<string, string>;
  cli: CliWords;
  report: ReportWords;
}
