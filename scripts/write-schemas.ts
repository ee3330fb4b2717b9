// Writes the JSON Schemas of the project's YAML files into schema/, from the zod schemas in src/schema.ts.
// Editors use them through the `# yaml-language-server: $schema=…` line at the top of each YAML file.
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { jsonSchemas } from '../src/core/schema-files.js';

const dir = resolve(import.meta.dirname, '..', 'schema');
for (const [name, schema] of Object.entries(jsonSchemas())) {
  await writeFile(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schema/${name}`);
}
