// Changes to a YAML file as splices into its text: a value replaced where it stands, a key added in the
// style of its neighbours. Every other byte (comments, order, quoting, blank lines) stays as it was, and
// the result is parsed again to prove that it says what was meant and nothing else.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, parse, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { InputError } from './errors.js';
import { msg } from './messages/index.js';

type YamlPath = (string | number)[];

/** Set the value at `path`: replaced when the key exists, added to its map when not. */
export interface YamlChange {
  path: YamlPath;
  value: string | number | boolean;
  /** Double quotes for a string even where none are needed (free text such as a note). */
  quoted?: boolean;
}

interface Splice {
  from: number;
  to: number;
  text: string;
}

/** The text with the changes made, checked by parsing it again. */
export function applyChanges(text: string, doc: Document, changes: YamlChange[], file: string): string {
  const next = applySplices(
    text,
    changes.map((c) => spliceFor(text, doc, c, file)),
  );
  verifyEdit(doc, next, file, (data) => {
    for (const c of changes) setIn(data, c.path, c.value);
  });
  return next;
}

/**
 * Proves an edit: the new text parses to the old data with `change` applied, and to nothing else. A
 * splice that went wrong (a layout this module does not know) becomes an error, never a changed file.
 */
export function verifyEdit(doc: Document, next: string, file: string, change: (data: unknown) => void): void {
  const expected = plainData(doc);
  change(expected);
  const edited = parseDocument(next, { uniqueKeys: true });
  if (edited.errors.length || !isDeepStrictEqual(plainData(edited), expected))
    throw new InputError(msg('yaml-edit-failed'), file, msg('hint-edit-by-hand'));
}

/** A value as YAML text: plain where that reads back as the same string in any context, else quoted. */
export function yamlText(value: string | number | boolean, quoted = false): string {
  if (typeof value !== 'string') return String(value);
  const plain =
    !quoted &&
    /^[\p{L}\p{N}][\p{L}\p{N} .'’/()-]*$/u.test(value) &&
    !value.endsWith(' ') &&
    !/^(y|yes|n|no|on|off|true|false|null)$/i.test(value) &&
    parse(value) === value;
  return plain ? value : JSON.stringify(value);
}

function spliceFor(text: string, doc: Document, change: YamlChange, file: string): Splice {
  const value = yamlText(change.value, change.quoted);
  const node = doc.getIn(change.path, true) as Node | undefined;
  if (node !== undefined) {
    if (!isScalar(node) || !node.range) throw new InputError(msg('yaml-edit-failed'), file, msg('hint-edit-by-hand'));
    const [from, to] = node.range;
    // A block scalar (`|`, `>`) ends with its line break, which the next key needs.
    const tail = /\n*$/.exec(text.slice(from, to))![0];
    return { from, to, text: value + tail };
  }
  const parentPath = change.path.slice(0, -1);
  const parent = (parentPath.length ? doc.getIn(parentPath, true) : doc.contents) as Node | undefined;
  if (!isMap(parent) || !parent.range) throw new InputError(msg('yaml-edit-failed'), file, msg('hint-edit-by-hand'));
  return insertPair(text, parent, String(change.path[change.path.length - 1]), value);
}

/** A new key at the end of a map: `, key: value` in a flow map, a line of its own in a block map. */
function insertPair(text: string, map: YAMLMap, key: string, value: string): Splice {
  const last = map.items[map.items.length - 1];
  const lastNode = (last?.value ?? last?.key) as Node | undefined;
  if (map.flow) {
    if (!lastNode?.range) {
      const open = map.range![0] + 1;
      return { from: open, to: open, text: ` ${key}: ${value} ` };
    }
    const end = lastNode.range[1];
    return { from: end, to: end, text: `, ${key}: ${value}` };
  }
  const firstKey = (map.items[0]!.key as Node).range![0];
  const indent = ' '.repeat(firstKey - (text.lastIndexOf('\n', firstKey - 1) + 1));
  const end = lastNode!.range![1];
  const lineEnd = text[end - 1] === '\n' ? end : text.indexOf('\n', end);
  if (lineEnd === -1) return { from: text.length, to: text.length, text: `\n${indent}${key}: ${value}\n` };
  const at = text[end - 1] === '\n' ? end : lineEnd + 1;
  return { from: at, to: at, text: `${indent}${key}: ${value}\n` };
}

/** Splices from the end of the text to its start, so that each keeps its place; they must not overlap. */
function applySplices(text: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  let limit = Infinity;
  for (const s of sorted) {
    if (s.to > limit) throw new Error('overlapping YAML splices');
    out = out.slice(0, s.from) + s.text + out.slice(s.to);
    limit = s.from;
  }
  return out;
}

/** The document's data, a timestamp (YAML 1.1) as the day it names, as the schemas read it. */
function plainData(doc: Document): unknown {
  return JSON.parse(
    JSON.stringify(doc.toJS(), function (this: Record<string, unknown>, key, value) {
      const original = this[key];
      return original instanceof Date ? original.toISOString().slice(0, 10) : value;
    }),
  );
}

function setIn(data: unknown, path: YamlPath, value: unknown): void {
  let node = data as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}
