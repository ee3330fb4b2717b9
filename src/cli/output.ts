// What the command line writes: results to stdout, progress and errors to stderr. Every text passes
// through `clean`, so that a control character in a file name, a label or a cell cannot move the cursor,
// recolour the terminal or fake a line of output.

/** C0 and C1 control characters (but line feed and tab), DEL, and the bidirectional overrides. */
const controls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Control characters made visible as `\x1b`, `\u202e`: the text stays readable, the terminal safe. */
export function clean(text: string): string {
  return text.replace(controls, (c) => {
    const code = c.codePointAt(0)!;
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

export function print(text: string): void {
  process.stdout.write(`${clean(text)}\n`);
}

/** Bytes for stdout as they are: CSV and JSON are escaped by their own rules. */
export function write(text: string): void {
  process.stdout.write(text);
}

export function progress(text: string): void {
  process.stderr.write(`${clean(text)}\n`);
}

/** Plain aligned columns for the terminal: the first row is the header, numbers are right-aligned. */
export function renderTable(rows: string[][]): string {
  const cleaned = rows.map((row) => row.map((cell) => clean(cell).replace(/\n/g, ' ')));
  const widths: number[] = [];
  for (const row of cleaned) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  const numeric = widths.map((_, i) =>
    cleaned.slice(1).every((r) => r[i] === undefined || r[i] === '' || /^[−+-]?[\d.,\s]+(%|‰|Pp\.|pp)?$/u.test(r[i]!)),
  );
  const line = (row: string[]) =>
    widths
      .map((w, i) => {
        const cell = row[i] ?? '';
        const pad = ' '.repeat(w - width(cell));
        return numeric[i] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const [header, ...body] = cleaned;
  if (!header) return '';
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Display width: code points, so that ä or ✔ count once. */
function width(text: string): number {
  return [...text.normalize('NFC')].length;
}
