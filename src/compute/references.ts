// Reference series read from a loaded table: one column, one row per year after `where`, which compares
// columns with plain values (bound as parameters, never spliced into SQL). The table is a source of the
// project like any other, loaded and checked by the load; here its column must exist and hold numbers.
import { openDatabase, quoteIdent, type Database } from '../core/database.js';
import { InputError } from '../core/errors.js';
import { msg } from '../core/messages/index.js';
import type { IndicatorFile, Project } from '../core/project.js';
import { checkShare, literalReferences, type ReferenceSeries } from '../core/references.js';
import { periodColumn, type Reference } from '../core/schema.js';
import { locate } from '../core/yamlfile.js';
import { readCatalog } from './catalog.js';

/** Every reference series of the project: the literal ones as written, the others read from the database. */
export async function computeReferences(project: Project, dbPath: string): Promise<ReferenceSeries[]> {
  if (!project.indicators.some((i) => i.references?.some((r) => r.table !== undefined)))
    return project.indicators.flatMap(literalReferences);
  const db = await openDatabase(dbPath, { readOnly: true, sandbox: true });
  try {
    return await readReferences(db, project);
  } finally {
    db.close();
  }
}

/** The reference series of every indicator, in the order of the project and of each `references` list. */
export async function readReferences(db: Database, project: Project): Promise<ReferenceSeries[]> {
  const columns = (await readCatalog(db)).columns;
  const series: ReferenceSeries[] = [];
  for (const ind of project.indicators) {
    const literal = literalReferences(ind);
    for (const [index, ref] of (ind.references ?? []).entries()) {
      const written = literal.find((s) => s.index === index);
      if (written) series.push(written);
      else series.push(await readReference(db, project, ind, ref, index, columns.get(ref.table!) ?? []));
    }
  }
  return series;
}

async function readReference(
  db: Database,
  project: Project,
  ind: IndicatorFile,
  ref: Reference,
  index: number,
  columns: string[],
): Promise<ReferenceSeries> {
  const table = ref.table!;
  const at = (...path: PropertyKey[]) => ({
    file: ind.file.path,
    ...locate(ind.file.doc, ind.file.lines, ['references', index, ...path]),
  });
  const known = (column: string, ...path: PropertyKey[]) => {
    if (!columns.includes(column))
      throw new InputError(msg('reference-column-missing', { table, column, columns }), at(...path));
  };
  known(ref.column!, 'column');
  const where = Object.entries(ref.where ?? {});
  for (const [column] of where) known(column, 'where', column);
  const period = quoteIdent(periodColumn(project.sources[table]!));
  const condition = where.map(([column]) => `CAST(${quoteIdent(column)} AS VARCHAR) = ?`).join(' AND ');
  const rows = await db.query<{ year: number; value: number | string | null; type: string }>(
    `SELECT ${period}::INTEGER AS year, ${quoteIdent(ref.column!)} AS value, typeof(${quoteIdent(ref.column!)}) AS type
     FROM ${quoteIdent(table)}${condition ? ` WHERE ${condition}` : ''} ORDER BY 1`,
    where.map(([, value]) => String(value)),
  );
  if (!rows.length) throw new InputError(msg('reference-no-rows', { table }), at('where'), msg('hint-reference-where'));
  const type = rows[0]!.type;
  if (!/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|FLOAT|DOUBLE|DECIMAL)/.test(type))
    throw new InputError(
      msg('reference-not-numeric', { table, column: ref.column!, type }),
      at('column'),
      msg('hint-reference-numeric'),
    );
  const twice = rows.find((r, i) => rows.findIndex((o) => o.year === r.year) !== i);
  if (twice)
    throw new InputError(
      msg('reference-year-twice', { table, year: twice.year, rows: rows.filter((r) => r.year === twice.year).length }),
      at(ref.where ? 'where' : 'column'),
      msg('hint-reference-where'),
    );
  // A cell without a value (empty, or a special sign of the source) is a gap in the line, not a zero.
  const points = rows.flatMap((r) => (r.value === null ? [] : [{ year: r.year, value: Number(r.value) }]));
  for (const p of points) checkShare(ind.unit, p.year, p.value, at('column'));
  return { indicator: ind.id, index, label: ref.label, source: ref.source, points };
}
