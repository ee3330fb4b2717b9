// What the council parts of the report (summary, history, measures, downloads) know of an indicator
// section: its name, place and rating. Structural, so that these parts need not import the report model,
// which imports them.
import type { Status } from '../core/types.js';

export interface Badge {
  status: Status;
  symbol: string;
  word: string;
}

export type Count = Badge & { count: number };

export interface SectionRef {
  id: string;
  anchor: string;
  /** The field of action's id. */
  field: string;
  title: string;
  status: Badge;
  targets: { subject: string; status: Badge; reason: string | null }[];
}
