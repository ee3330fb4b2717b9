// Writes the report's browser code, compiled to JavaScript, and its stylesheets beside the compiled report
// module, where the report reads them when it runs from the build (see src/report/assets.ts). The place
// follows tsconfig.build.json (what `npm run build` compiles): outDir plus the path of src/report below
// rootDir, or the folder given as the first argument. Run it after tsc, which does not compile
// src/report/client (it has its own tsconfig).
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { writeClientBuild } from '../src/report/assets.js';

const root = resolve(import.meta.dirname, '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as {
  compilerOptions: { outDir: string; rootDir?: string };
};
const reportDir =
  process.argv[2] ??
  join(root, compilerOptions.outDir, relative(join(root, compilerOptions.rootDir ?? '.'), join(root, 'src', 'report')));
for (const file of writeClientBuild(reportDir)) console.log(`wrote ${relative(root, file)}`);
