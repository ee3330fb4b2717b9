// The ratings a comparison can give, worst first: shared by compare, the report and the message catalogue.
// A verdict the margin of error of a survey does not support carries `_uncertain`: the estimate says it,
// the 95 % interval does not confirm it (compare/qualify.ts).

export type Status =
  | 'achieved'
  | 'achieved_uncertain'
  | 'on_track'
  | 'on_track_uncertain'
  | 'moderate'
  | 'limited'
  | 'deterioration_uncertain'
  | 'deterioration'
  | 'not_assessable';

export const statusOrder: Status[] = [
  'deterioration',
  'deterioration_uncertain',
  'limited',
  'moderate',
  'on_track_uncertain',
  'on_track',
  'achieved_uncertain',
  'achieved',
  'not_assessable',
];

/** The status a method gives before the margin of error is considered. */
export type MethodStatus = Exclude<Status, `${string}_uncertain`>;

/** Whether the status says the target will be reached in time (or is reached): what "in time" sentences must match. */
export function isInTime(status: Status): boolean {
  return ['achieved', 'achieved_uncertain', 'on_track', 'on_track_uncertain'].includes(status);
}
