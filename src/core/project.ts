// A project is a folder: istsoll.yaml, data/sources.yaml, indicators/fields.yaml, one YAML file per
// indicator and, optionally, the measures in measures/. readProject reads and cross-checks all of it
// without touching data or database.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { firstOutsideData } from './confine.js';
import { didYouMean, displayPath, inOrder, InputError } from './errors.js';
import { checkMeasures, readMeasureFiles, type Measure } from './measures.js';
import { msg } from './messages/index.js';
import { Fields, Indicator, periodColumn, ProjectConfig, Sources, type Field, type Source } from './schema.js';
import { locate, readYaml, type YamlFile } from './yamlfile.js';

export interface Project {
  dir: string;
  config: ProjectConfig;
  sources: Record<string, Source>;
  /** data/sources.yaml as read, for error positions. */
  sourcesFile: YamlFile<Sources>;
  fields: Field[];
  indicators: IndicatorFile[];
  /** The measures of measures/, in file and list order; none when the project has no such folder. */
  measures: Measure[];
  /** District boundaries, when istsoll.yaml names a GeoJSON file. */
  map?: { column: string; property: string; features: GeoFeature[] };
}

/** A district boundary from the project's GeoJSON file. */
export interface GeoFeature {
  type: 'Feature';
  geometry: unknown;
  properties?: Record<string, unknown> | null;
}

export interface IndicatorFile extends Indicator {
  /** The YAML file, for error positions and comment-preserving edits. */
  file: YamlFile<Indicator>;
}

export const paths = {
  config: 'istsoll.yaml',
  data: 'data',
  sources: join('data', 'sources.yaml'),
  fields: join('indicators', 'fields.yaml'),
  indicators: 'indicators',
  measures: 'measures',
  reports: 'reports',
};

export async function readProject(dir: string): Promise<Project> {
  const at = (p: string) => join(dir, p);
  const name = (p: string) => displayPath(at(p));
  // Read side by side, but a problem is reported in file order: whichever read failed first must not decide.
  const [config, sources, fields] = await inOrder([
    readYaml(at(paths.config), ProjectConfig, name(paths.config)),
    readYaml(at(paths.sources), Sources, name(paths.sources)),
    readYaml(at(paths.fields), Fields, name(paths.fields)),
  ] as const);
  checkFieldIds(fields);
  const files = (await listYaml(at(paths.indicators), name(paths.indicators))).filter(
    (f) => join(paths.indicators, f) !== paths.fields,
  );
  const indicators = await inOrder(
    files.map(async (f) => {
      const file = await readYaml(at(join(paths.indicators, f)), Indicator, name(join(paths.indicators, f)));
      return { ...file.data, file };
    }),
  );
  const measureFiles = await readMeasureFiles(dir, paths.measures);
  const map = config.data.map
    ? await readMap(dir, config.data.map, { file: config.path, ...locate(config.doc, config.lines, ['map', 'file']) })
    : undefined;
  const project = {
    dir,
    map,
    config: config.data,
    sources: sources.data.sources,
    sourcesFile: sources,
    fields: fields.data.fields,
    indicators,
    measures: [] as Measure[],
  };
  checkProject(project);
  // Measures name fields and indicators: checked once those are known to be sound.
  project.measures = checkMeasures(measureFiles, {
    fields: project.fields.map((f) => f.id),
    indicators: indicators.map((i) => i.id),
  });
  return project;
}

/** Loading needs no indicators; everything after it does. */
export function requireIndicators(project: Project): void {
  if (!project.indicators.length)
    throw new InputError(
      msg('project-no-indicators'),
      displayPath(join(project.dir, paths.indicators)),
      msg('hint-add-indicator'),
    );
}

/** Each field of action once: indicators and measures name them by id. */
function checkFieldIds(fields: YamlFile<{ fields: Field[] }>): void {
  const ids = fields.data.fields.map((f) => f.id);
  const twin = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twin >= 0)
    throw new InputError(
      msg('field-duplicate-id', { id: ids[twin]! }),
      { file: fields.path, ...locate(fields.doc, fields.lines, ['fields', twin, 'id']) },
      msg('hint-unique-field'),
    );
}

/** Cross-file checks that no single schema can make. */
function checkProject(project: Project): void {
  const tables = Object.keys(project.sources);
  const twin = tables.find((t, i) => tables.findIndex((o) => o.toLowerCase() === t.toLowerCase()) !== i);
  if (twin)
    throw new InputError(
      msg('source-name-twin', { name: twin }),
      {
        file: project.sourcesFile.path,
        ...locate(project.sourcesFile.doc, project.sourcesFile.lines, ['sources', twin], true),
      },
      msg('hint-rename-one'),
    );
  const seen = new Map<string, string>();
  for (const ind of project.indicators) {
    const other = seen.get(ind.id);
    if (other)
      throw new InputError(
        msg('indicator-duplicate-id', { id: ind.id, other }),
        { file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, ['id']) },
        msg('hint-unique-id'),
      );
    seen.set(ind.id, ind.file.path);
    checkIndicator(project, ind);
  }
}

/** The checks of one indicator against the project: its field, its tables, its groups and targets. */
export function checkIndicator(project: Pick<Project, 'fields' | 'sources'>, ind: IndicatorFile): void {
  const fieldIds = project.fields.map((f) => f.id);
  const tables = Object.keys(project.sources);
  const where = (path: PropertyKey[]) => ({ file: ind.file.path, ...locate(ind.file.doc, ind.file.lines, path) });
  if (!fieldIds.includes(ind.field)) {
    throw new InputError(
      msg('indicator-unknown-field', { field: ind.field }),
      where(['field']),
      didYouMean(ind.field, fieldIds, msg('hint-known-fields', { fields: fieldIds })),
    );
  }
  for (const part of ['numerator', 'denominator'] as const) {
    const agg = ind[part];
    if (agg && !tables.includes(agg.table)) {
      throw new InputError(
        msg('indicator-unknown-table', { table: agg.table }),
        where([part, 'table']),
        didYouMean(agg.table, tables, msg('hint-known-tables', { tables })),
      );
    }
  }
  const counted = ind.unit === 'count' || ind.unit === 'total';
  if (!counted && !ind.denominator)
    throw new InputError(
      msg('indicator-needs-denominator', { unit: ind.unit }),
      where(['unit']),
      msg('hint-add-denominator'),
    );
  if (counted && ind.denominator)
    throw new InputError(msg('indicator-count-no-denominator', { unit: ind.unit }), where(['denominator']));
  // A weighted count estimates a number in the population: that is a total, with a standard error.
  if (ind.unit === 'count' && ind.weight)
    throw new InputError(msg('unit-count-weighted'), where(['unit']), msg('hint-weighted-total'));
  if (ind.unit === 'total' && !ind.weight)
    throw new InputError(msg('unit-total-unweighted'), where(['unit']), msg('hint-total-weight'));
  for (const part of [ind.numerator, ind.denominator]) {
    const period = part && project.sources[part.table] ? periodColumn(project.sources[part.table]!) : null;
    const i = period === null ? -1 : ind.by.findIndex((c) => c.toLowerCase() === period.toLowerCase());
    if (i >= 0)
      throw new InputError(
        msg('indicator-by-period', { column: ind.by[i]!, table: part!.table }),
        where(['by', i]),
        msg('hint-remove-from-by'),
      );
  }
  if (ind.groups && !ind.by.includes(ind.groups.column)) {
    throw new InputError(
      msg('indicator-group-not-in-by', { column: ind.groups.column }),
      where(['groups', 'column']),
      msg('hint-add-to-by', { by: [...ind.by, ind.groups.column] }),
    );
  }
  if (ind.weight && ind.denominator && ind.denominator.table !== ind.numerator.table) {
    throw new InputError(msg('indicator-weighted-two-tables'), where(['denominator', 'table']));
  }
  ind.targets.forEach((t, i) => {
    const share = t.gap ?? t.value ?? t.range?.find((v) => v < 0 || v > 100);
    if (ind.unit === 'percent' && share !== undefined && (share < 0 || share > 100))
      throw new InputError(
        msg('target-percent-range', { value: share }),
        where(['targets', i, t.gap !== undefined ? 'gap' : t.range ? 'range' : 'value']),
        msg('hint-percent-range'),
      );
    if (t.year <= ind.baseline)
      throw new InputError(
        msg('target-not-after-baseline', { year: t.year, baseline: ind.baseline }),
        where(['targets', i, 'year']),
        msg('hint-target-after-baseline'),
      );
    if (t.group !== undefined && !ind.groups)
      throw new InputError(msg('target-group-without-groups', { group: t.group }), where(['targets', i, 'group']));
    if (t.gap !== undefined && !ind.groups)
      throw new InputError(msg('target-gap-without-groups'), where(['targets', i, 'gap']));
    const twin = ind.targets.findIndex(
      (o, j) =>
        j < i &&
        o.year === t.year &&
        (o.gap !== undefined) === (t.gap !== undefined) &&
        Boolean(o.trend) === Boolean(t.trend) &&
        (o.group ?? null) === (t.group ?? null),
    );
    if (twin >= 0)
      throw new InputError(msg('target-duplicate', { item: twin + 1 }), where(['targets', i]), msg('hint-keep-one'));
  });
}

async function readMap(
  dir: string,
  map: NonNullable<ProjectConfig['map']>,
  where: { file: string; line: number; column: number },
): Promise<Project['map']> {
  const path = join(dir, 'data', map.file);
  let parsed: { type?: string; features?: (GeoFeature | null)[] } | null;
  try {
    // Like a source, the map is read only from inside data/, after following links.
    if ((await firstOutsideData(dir, [path])) !== null)
      throw new InputError(
        msg('map-outside', { file: displayPath(path), folder: paths.data }),
        where,
        msg('hint-inside-data'),
      );
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(
      msg('map-unreadable', {
        file: displayPath(path),
        reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message,
      }),
      where,
      msg('hint-map-file'),
    );
  }
  if (parsed?.type !== 'FeatureCollection' || !Array.isArray(parsed.features))
    throw new InputError(msg('map-not-geojson', { file: displayPath(path) }), where, msg('hint-map-geojson'));
  const missing = parsed.features.findIndex((f) => f?.properties?.[map.property] === undefined);
  if (missing >= 0)
    throw new InputError(
      msg('map-feature-property', { feature: missing + 1, file: displayPath(path), property: map.property }),
      where,
      msg('hint-map-property'),
    );
  return { column: map.column, property: map.property, features: parsed.features as GeoFeature[] };
}

async function listYaml(dir: string, label: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    throw new InputError(msg('indicators-folder-missing'), label, msg('hint-init'));
  }
}
