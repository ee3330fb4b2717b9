// The words the report needs on a phone, on paper and for screen readers (issue 15), in English. They are
// mixed into the report's words (en-report.ts).
import type { readingDe } from './de-reading.js';

export const readingEn: typeof readingDe = {
  fieldsNav: 'Fields of action',
  olderYears: (from, to) => (from === to ? `Earlier year (${from})` : `Earlier years (${from}–${to})`),
  olderCaption: (caption) => `${caption} – earlier years`,
  pointDescription: (year, series, text, flagged) =>
    `${year}${series ? `, ${series}` : ''}: ${text}${flagged ? ' (to be read with caution)' : ''}`,
  barDescription: (category, series, text, flagged) =>
    `${category}${series ? `, ${series}` : ''}: ${text}${flagged ? ' (to be read with caution)' : ''}`,
  flaggedNote: (reasons, bars) =>
    `${bars ? 'Pale bar with a dashed outline' : 'Hollow point'}: to be read with caution (${reasons.join('; ')}).`,
  reportsNav: 'Other reports',
  wholeReport: 'Whole report (all fields of action)',
  fieldReport: (field) => `Report "${field}"`,
  thisReport: 'this report',
};
