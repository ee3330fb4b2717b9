import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/core/schema-files.js';
import { root } from './helpers.js';

describe('JSON Schemas for editors', () => {
  it('schema/ holds what the zod schemas give (run `npm run schemas` after changing src/schema.ts)', async () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(JSON.parse(await readFile(join(root, 'schema', name), 'utf8')), name).toEqual(schema);
    }
  });

  it('every YAML file of the example names its schema on the first line', async () => {
    const files = [
      ['istsoll.yaml', 'schema/project.schema.json'],
      ['data/sources.yaml', '../schema/sources.schema.json'],
      ['indicators/fields.yaml', '../schema/fields.schema.json'],
      ...(await readdir(join(root, 'indicators')))
        .filter((f) => f !== 'fields.yaml')
        .map((f) => [`indicators/${f}`, '../schema/indicator.schema.json']),
      ...(await readdir(join(root, 'measures'))).map((f) => [`measures/${f}`, '../schema/measures.schema.json']),
    ];
    for (const [file, schema] of files) {
      const first = (await readFile(join(root, file!), 'utf8')).split('\n')[0];
      expect(first, file).toBe(`# yaml-language-server: $schema=${schema}`);
    }
  });

  it('describes the allowed keys, so that editors can complete and flag them', () => {
    const indicator = jsonSchemas()['indicator.schema.json'] as {
      properties: Record<string, unknown>;
      additionalProperties: boolean;
      required: string[];
    };
    expect(Object.keys(indicator.properties)).toEqual(
      expect.arrayContaining(['id', 'title', 'unit', 'numerator', 'targets', 'department']),
    );
    expect(indicator.additionalProperties).toBe(false);
    expect(indicator.required).toEqual(expect.arrayContaining(['id', 'targets']));
  });

  it('offers the status words of a measure, German and English, and the written forms of its dates', () => {
    const measures = jsonSchemas()['measures.schema.json'] as {
      properties: { measures: { items: { properties: Record<string, { enum?: string[]; anyOf?: unknown[] }> } } };
    };
    const props = measures.properties.measures.items.properties;
    expect(props.status!.enum).toEqual(expect.arrayContaining(['laufend', 'verzögert', 'running', 'dropped']));
    expect(props.due!.anyOf).toEqual([{ type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, { type: 'number' }]);
  });
});
