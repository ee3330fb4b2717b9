// Reading YAML files through a zod schema, with every problem reported at its file:line:column.
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { didYouMean, InputError } from './errors.js';
import { msg, type Message } from './messages/index.js';
import type { SchemaRule } from './messages/codes.js';

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
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    // A file that is not there (or a folder in its place): most likely not a project folder at all.
    const hint = ['ENOENT', 'ENOTDIR', 'EISDIR'].includes(reason) ? msg('hint-init') : msg('hint-file-permissions');
    throw new InputError(msg('file-unreadable', { reason }), label, hint);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new InputError(msg('file-utf16'), label, msg('hint-save-utf8'));
  return parseYaml(bytes.toString('utf8'), schema, label);
}

export function parseYaml<S extends z.ZodType>(text: string, schema: S, path: string): YamlFile<z.output<S>> {
  // Text, not bytes of another kind: a NUL or a byte sequence that is no UTF-8 means a binary file.
  const binary = text.search(/[\u0000\ufffd]/);
  if (binary >= 0)
    throw new InputError(
      msg('file-binary'),
      { file: path, line: text.slice(0, binary).split('\n').length },
      msg('hint-binary'),
    );
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    throw new InputError(
      msg('yaml-syntax', { error: syntax.code, detail: firstLine(syntax.message) }),
      { file: path, ...pos(lines.linePos(syntax.pos[0])) },
      msg('hint-yaml-syntax'),
    );
  }
  // A tag the parser does not know (`!js/function`) would be read as plain text without a word.
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag)
    throw new InputError(
      msg('yaml-unknown-tag', { tag: /Unresolved tag: (\S+)/.exec(tag.message)?.[1] ?? '?' }),
      { file: path, ...pos(lines.linePos(tag.pos[0])) },
      msg('hint-yaml-tag'),
    );
  const result = schema.safeParse(toData(doc, lines, path) ?? {});
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

/** Plain data from the document; aliases are limited, so that a few lines cannot expand into gigabytes. */
function toData(doc: Document, lines: LineCounter, path: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: maxAliases });
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    const alias = /Unresolved alias|Excessive alias/.test(text);
    if (!alias) throw e;
    const unresolved = /Unresolved alias/.test(text);
    throw new InputError(
      unresolved
        ? msg('yaml-syntax', { error: 'BAD_ALIAS', detail: firstLine(text) })
        : msg('yaml-aliases', { limit: maxAliases }),
      { file: path, ...pos(lines.linePos(firstAlias(doc, unresolved))) },
      unresolved ? msg('hint-yaml-syntax') : msg('hint-yaml-aliases'),
    );
  }
}

/** Where the first alias starts (of those that name no anchor, when `unresolved`), for the error's place. */
function firstAlias(doc: Document, unresolved: boolean): number {
  let at = 0;
  visit(doc, {
    Alias(_, node) {
      if (unresolved && node.resolve(doc) !== undefined) return undefined;
      at = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return at;
}

/** More aliases than a hand-written project file would ever use. */
const maxAliases = 100;

function issueError(
  issue: z.core.$ZodIssue,
  doc: Document,
  lines: LineCounter,
  file: string,
  schema: z.ZodType,
): InputError {
  const path = issue.path;
  const dotted = path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keyName = issue.keys[0]!;
    const known = keysAt(schema, path);
    const hint = didYouMean(keyName, known, known.length ? msg('hint-allowed-keys', { keys: known }) : undefined);
    return new InputError(
      msg('yaml-unknown-key', { key: keyName, path: dotted }),
      { file, ...locate(doc, lines, [...path, keyName], true) },
      hint,
    );
  }
  const missing = valueAt(doc, path) === undefined;
  const key = path[path.length - 1];
  return new InputError(
    issueMessage(issue, dotted, missing),
    { file, ...locate(doc, lines, path) },
    missing && typeof key === 'string' ? msg('hint-add-key', { key }) : msg('hint-yaml-schema'),
  );
}

/** A zod issue as one of our messages; the schemas' own rules travel as `rule:<name>`. */
function issueMessage(issue: z.core.$ZodIssue, path: string, missing: boolean): Message {
  if (missing) return msg('yaml-missing', { path, expected: issue.code === 'invalid_type' ? issue.expected : null });
  if (issue.message.startsWith('rule:')) return msg('yaml-rule', { path, rule: issue.message.slice(5) as SchemaRule });
  const what = (origin: string) => (origin === 'string' ? 'length' : origin === 'array' ? 'items' : 'number');
  switch (issue.code) {
    case 'invalid_type':
      return msg('yaml-invalid-type', { path, expected: issue.expected });
    case 'invalid_value':
      return msg('yaml-invalid-value', { path, options: issue.values.map(String) });
    case 'too_small':
      return msg('yaml-too-small', { path, minimum: Number(issue.minimum), what: what(issue.origin) });
    case 'too_big':
      return msg('yaml-too-big', { path, maximum: Number(issue.maximum), what: what(issue.origin) });
    default:
      return msg('yaml-invalid', { path });
  }
}

/** The keys an object schema allows at `path` (zod's unrecognized_keys issue does not list them). */
function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
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
