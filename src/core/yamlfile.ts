// Reading YAML files through a zod schema, with every problem reported at its file:line:column.
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { didYouMean, InputError } from './errors.js';

export interface YamlFile<T> {
  path: string;
  data: T;
  doc: Document;
  lines: LineCounter;
}

/** Reads, parses and validates a YAML file; the first problem becomes an InputError at its position. */
export async function readYaml<S extends z.ZodType>(
  path: string,
  schema: S,
  label = path,
): Promise<YamlFile<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`, label);
  }
  return parseYaml(text, schema, label);
}

export function parseYaml<S extends z.ZodType>(text: string, schema: S, path: string): YamlFile<z.output<S>> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    throw new InputError(
      `invalid YAML: ${firstLine(syntax.message)}`,
      { file: path, ...pos(lines.linePos(syntax.pos[0])) },
      'check indentation and quoting around this line',
    );
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    // A misspelt key also makes the key it should have been "missing": report the misspelling.
    const issue = result.error.issues.find((i) => i.code === 'unrecognized_keys') ?? result.error.issues[0]!;
    throw issueError(issue, doc, lines, path, schema);
  }
  return { path, data: result.data, doc, lines };
}

/** The line and column where the value at `path` starts (or the nearest existing parent). */
export function locate(
  doc: Document,
  lines: LineCounter,
  path: readonly PropertyKey[],
  key = false,
): { line: number; column: number } {
  let node: Node | null | undefined = doc.contents as Node | null;
  let at = node?.range?.[0] ?? 0;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === step);
      if (!pair) break;
      const keyNode = pair.key as Node;
      at =
        key && step === path[path.length - 1]
          ? (keyNode.range?.[0] ?? at)
          : ((pair.value as Node | null)?.range?.[0] ?? keyNode.range?.[0] ?? at);
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step] as Node | null;
      at = node?.range?.[0] ?? at;
    } else break;
  }
  return pos(lines.linePos(at));
}

function issueError(
  issue: z.core.$ZodIssue,
  doc: Document,
  lines: LineCounter,
  file: string,
  schema: z.ZodType,
): InputError {
  const path = issue.path;
  const dotted = path.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const keyName = issue.keys[0]!;
    const known = keysAt(schema, path);
    const hint = didYouMean(keyName, known) ?? (known.length ? `allowed here: ${known.join(', ')}` : undefined);
    return new InputError(
      `unknown key \`${keyName}\`${path.length ? ` in \`${dotted}\`` : ''}`,
      { file, ...locate(doc, lines, [...path, keyName], true) },
      hint,
    );
  }
  const found = valueAt(doc, path);
  const expected = issue.code === 'invalid_type' ? ` (expected ${issue.expected})` : '';
  const message = found === undefined ? `\`${dotted}\` is missing${expected}` : `\`${dotted}\`: ${issue.message}`;
  return new InputError(message, { file, ...locate(doc, lines, path) });
}

/** The keys an object schema allows at `path` (zod's unrecognized_keys issue does not list them). */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  const unwrap = () => {
    while (def.innerType || def.in) def = (def.innerType ?? def.in)!._zod.def;
  };
  unwrap();
  for (const step of path) {
    const next =
      def.type === 'object'
        ? def.shape?.[step as string]
        : def.type === 'array'
          ? def.element
          : def.type === 'record'
            ? def.valueType
            : undefined;
    if (!next) return [];
    def = next._zod.def;
    unwrap();
  }
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

interface SchemaDef {
  type: string;
  shape?: Record<string, { _zod: { def: SchemaDef } }>;
  element?: { _zod: { def: SchemaDef } };
  valueType?: { _zod: { def: SchemaDef } };
  innerType?: { _zod: { def: SchemaDef } };
  in?: { _zod: { def: SchemaDef } };
}

function valueAt(doc: Document, path: readonly PropertyKey[]): unknown {
  return doc.getIn(path as (string | number)[]);
}

function pos(p: { line: number; col: number }): { line: number; column: number } {
  return { line: p.line, column: p.col };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!;
}
