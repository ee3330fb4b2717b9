// Places in indicator SQL: DuckDB reports them in the statement istsoll built around a fragment (in
// UTF-8 bytes; sqlguard turns the parser's character counts into bytes); people need them in the YAML
// file they wrote.
import { isScalar, Scalar, type LineCounter } from 'yaml';
import type { YamlFile } from '../core/yamlfile.js';
import { locate } from '../core/yamlfile.js';

/** A fragment and the text istsoll put before it: positions in the whole are shifted by the prefix. */
export interface Wrapped {
  prefix: string;
  text: string;
}

/** A parse-tree position (UTF-8 bytes into the statement) as an index into the fragment. */
export function offsetOfByte({ prefix, text }: Wrapped, position: number): number {
  const bytes = Buffer.from(text, 'utf8');
  const inFragment = Math.min(Math.max(position - Buffer.byteLength(prefix, 'utf8'), 0), bytes.length);
  return bytes.subarray(0, inFragment).toString('utf8').length;
}

/**
 * Line and column in the file of character `offset` of the string value at `path`. Where the value is
 * written character for character (a plain scalar on one line, a quoted one without escapes, a literal
 * block `|`), that is exact; otherwise (folded, escaped, plain over several lines) the value's start.
 */
export function placeInYaml(
  file: YamlFile<unknown>,
  path: PropertyKey[],
  offset: number,
): { line: number; column: number } {
  const start = locate(file.doc, file.lines, path);
  const node = file.doc.getIn(path, true);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return start;
  const at = sourceOffset(node, node.value, offset, file.lines);
  if (at === null) return start;
  const { line, col } = file.lines.linePos(at);
  return { line, column: col };
}

function sourceOffset(node: Scalar, value: string, offset: number, lines: LineCounter): number | null {
  const [from, to] = node.range!;
  const oneLine = lines.linePos(from).line === lines.linePos(to).line;
  const quotes = value.split("'").length - 1;
  switch (node.type) {
    case Scalar.PLAIN:
      return oneLine && to - from === value.length ? from + offset : null;
    case Scalar.QUOTE_DOUBLE:
      // Any escape makes the source longer than the value: equal lengths mean there is none.
      return oneLine && to - from === value.length + 2 ? from + 1 + offset : null;
    case Scalar.QUOTE_SINGLE:
      // The only escape is '' for ': each ' before the offset shifts it by one.
      return oneLine && to - from === value.length + quotes + 2
        ? from + 1 + offset + value.slice(0, offset).split("'").length - 1
        : null;
    case Scalar.BLOCK_LITERAL:
      return literalOffset(value, offset, lines, from, to);
    default:
      return null;
  }
}

/**
 * A literal block keeps its lines as they are, behind an indentation that the value does not show: it is
 * worked out from the lengths of the lines, and must be the same on every line that holds text.
 */
function literalOffset(value: string, offset: number, lines: LineCounter, from: number, to: number): number | null {
  const starts = lines.lineStarts;
  const first = lines.linePos(from).line; // the header line (`|`): its index in lineStarts is line - 1
  const valueLines = value.split('\n');
  let indent: number | null = null;
  for (const [k, text] of valueLines.entries()) {
    if (!text) continue;
    const start = starts[first + k];
    if (start === undefined || start >= to) return null;
    const length = (starts[first + k + 1] ?? to + 1) - 1 - start;
    if (indent === null) indent = length - text.length;
    if (indent < 1 || length - text.length !== indent) return null;
  }
  if (indent === null) return null;
  const before = value.slice(0, offset).split('\n');
  const k = before.length - 1;
  const start = starts[first + k];
  return start === undefined ? null : start + indent + before[k]!.length;
}
