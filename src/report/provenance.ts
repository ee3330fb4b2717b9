// What the report's footer needs to be reproduced: the content hash of every loaded table (the load
// computed it from the file and its sources.yaml entry) and of every YAML file of the project.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { LoadResult } from '../load/index.js';
import { paths, type Project } from '../core/project.js';
import type { Provenance } from './model.js';

export async function readProvenance(project: Project, loaded: LoadResult): Promise<Provenance> {
  // Indicator files know their path as shown to the user (relative to the working folder).
  const yaml = [
    paths.config,
    paths.sources,
    paths.fields,
    ...project.indicators.map((i) => relative(project.dir, resolve(i.file.path))).sort(),
  ];
  const files = await Promise.all(
    yaml.map(async (path) => ({
      path: path.split('\\').join('/'),
      hash: createHash('sha256')
        .update(await readFile(join(project.dir, path)))
        .digest('hex'),
    })),
  );
  return { tables: loaded.tables.map((t) => ({ name: t.name, rows: t.rows, hash: t.hash })), files };
}
