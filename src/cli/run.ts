// What every command needs to know about this run of the command line.
import type { Lang } from '../core/messages/index.js';

export interface Run {
  lang: Lang;
  /** Answer in JSON, failures included. */
  json: boolean;
}
