// The options of each command as types: commander collects them, one zod parse turns them into the typed
// object the command receives. A value commander lets through but no command can use (an empty --out,
// say) is refused here, not a surprise further down: an empty path as input that names its option (exit 1),
// any other unusable value as wrong usage (exit 2).
import { z } from 'zod';
import { InputError, UsageError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';

const path = z.string().min(1);
/** The options whose value names a file or folder. */
const pathOptions = new Set(['project', 'db', 'out']);

export const GlobalOptions = z.object({
  project: path.default('.'),
  db: path.optional(),
  debug: z.boolean().optional(),
  strict: z.boolean().optional(),
  lang: z.enum(['de', 'en']).optional(),
});
export type GlobalOptions = z.infer<typeof GlobalOptions>;

const Csv = { decimalComma: z.boolean().optional(), bom: z.boolean().optional() };

export const ComputeOptions = GlobalOptions.extend({
  ...Csv,
  json: z.boolean().optional(),
  format: z.enum(['table', 'json', 'csv']).default('table'),
});
export type ComputeOptions = z.infer<typeof ComputeOptions>;

export const CompareOptions = GlobalOptions.extend({
  ...Csv,
  json: z.boolean().optional(),
  csv: z.boolean().optional(),
});
export type CompareOptions = z.infer<typeof CompareOptions>;

export const ReportOptions = GlobalOptions.extend({
  out: path.optional(),
  pdf: z.boolean().optional(),
  perField: z.boolean().optional(),
});
export type ReportOptions = z.infer<typeof ReportOptions>;

export const JsonOptions = GlobalOptions.extend({ json: z.boolean().optional() });
export type JsonOptions = z.infer<typeof JsonOptions>;

export const InitOptions = GlobalOptions.extend({ name: z.string().min(1).optional() });
export type InitOptions = z.infer<typeof InitOptions>;

export const TargetSetOptions = GlobalOptions.extend({
  value: z.number(),
  year: z.number().int(),
  group: z.string().min(1).optional(),
  gap: z.boolean().optional(),
});
export type TargetSetOptions = z.infer<typeof TargetSetOptions>;

export const MeasuresListOptions = CompareOptions.extend({
  field: z.string().min(1).optional(),
  office: z.string().min(1).optional(),
  status: z.string().min(1).optional(),
  overdue: z.boolean().optional(),
});
export type MeasuresListOptions = z.infer<typeof MeasuresListOptions>;

export const MeasureSetOptions = GlobalOptions.extend({
  status: z.string().min(1).optional(),
  /** An empty note is allowed: it clears the note. */
  note: z.string().optional(),
  milestone: z.string().min(1).optional(),
  done: z.boolean().optional(),
  by: z.string().min(1).optional(),
});
export type MeasureSetOptions = z.infer<typeof MeasureSetOptions>;

/** The options commander collected, as the command's type; the first unusable one is a usage error. */
export function optionsOf<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = String(issue?.path[0] ?? '');
  const option = `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  if (issue?.code === 'too_small' && pathOptions.has(key))
    throw new InputError(msg('option-path-empty', { option }), option, msg('hint-option-path', { option }));
  throw new UsageError(msg('option-invalid', { option }));
}
