// The JSON Schemas that editors use for completion and inline errors, one per kind of YAML file.
import { z } from 'zod';
import { Fields, Indicator, MeasuresFile, ProjectConfig, Sources } from './schema.js';

const schemaFiles = {
  'indicator.schema.json': Indicator,
  'sources.schema.json': Sources,
  'fields.schema.json': Fields,
  'project.schema.json': ProjectConfig,
  'measures.schema.json': MeasuresFile,
} as const;

export function jsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(schemaFiles).map(([name, schema]) => [
      name,
      z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
    ]),
  );
}
