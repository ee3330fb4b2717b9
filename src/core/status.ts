// The ratings a comparison can give, worst first: shared by compare, the report and the message catalogue.

export type Status = 'achieved' | 'on_track' | 'moderate' | 'limited' | 'deterioration' | 'not_assessable';

export const statusOrder: Status[] = ['deterioration', 'limited', 'moderate', 'on_track', 'achieved', 'not_assessable'];
