// Parquet files, or a folder of them (columns matched by name): DuckDB reads them as they are.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { quoteIdent, quoteString, type Database } from '../core/database.js';
import { InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import { checkColumns } from './csv.js';
import type { Input } from './input.js';

export async function readParquet(db: Database, input: Input): Promise<void> {
  const isDir = (await stat(input.path)).isDirectory();
  const glob = isDir ? join(input.path, '**', '*.parquet') : input.path;
  try {
    await db.run(
      `CREATE TABLE ${quoteIdent(input.name)} AS SELECT * FROM ` +
        `read_parquet(${quoteString(glob)}${isDir ? ', union_by_name = true' : ''})`,
    );
  } catch (e) {
    throw new InputError(
      msg('parquet-unreadable', { detail: (e as Error).message.split('\n')[0]!, folder: isDir }),
      input.label,
      isDir ? msg('hint-parquet-folder') : msg('hint-parquet-broken'),
    );
  }
  const names = (
    await db.query<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE ${quoteIdent(input.name)})`)
  ).map((r) => r.column_name);
  checkColumns(names, input, input.label);
}
