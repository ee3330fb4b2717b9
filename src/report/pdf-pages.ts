// Where a PDF printed by Chromium puts each part of the report: Chromium writes a named destination
// (`/Dests` of the catalogue) for every element that a link of the page points to, with the page it is
// on. The contents link to every part, so after one printing their page numbers can be read back and
// written into the contents for the next (pdf.ts). Chromium writes the page tree and the destinations as
// plain dictionaries (only content streams are compressed), which is all this reads.

/** Where a destination is: its page (from 1), and how far down the page it is (0 top, 1 bottom of the sheet). */
export interface Place {
  page: number;
  down: number;
}

/** The page (from 1) and place of every named destination in the PDF. */
export function readDestinations(pdf: Buffer): Map<string, Place> {
  const text = pdf.toString('latin1');
  const object = (n: string) => {
    const start = text.indexOf(`\n${n} 0 obj`);
    if (start < 0) throw new Error(`the PDF has no object ${n}`);
    return text.slice(start, text.indexOf('endobj', start));
  };
  const catalog = /\/Type \/Catalog[\s\S]*?>>\s*endobj/.exec(text)?.[0] ?? '';
  const root = /\/Pages (\d+) 0 R/.exec(catalog)?.[1];
  const dests = /\/Dests (\d+) 0 R/.exec(catalog)?.[1];
  if (!root) throw new Error('the PDF has no page tree');
  const order: string[] = [];
  const walk = (n: string) => {
    const node = object(n);
    const kids = /\/Kids \[([^\]]*)\]/.exec(node)?.[1];
    if (kids === undefined) order.push(n);
    else for (const [, kid] of kids.matchAll(/(\d+) 0 R/g)) walk(kid!);
  };
  walk(root);
  const height = Number(/\/MediaBox \[[\d.]+ [\d.]+ [\d.]+ ([\d.]+)\]/.exec(text)?.[1] ?? 841.92);
  const places = new Map<string, Place>();
  if (!dests) return places;
  const entry = /\/([^\s[/]+)\s*\[(\d+) 0 R \/XYZ (-?[\d.]+) (-?[\d.]+)/g;
  for (const [, name, page, , y] of object(dests).matchAll(entry)) {
    const index = order.indexOf(page!);
    if (index >= 0) places.set(decodeName(name!), { page: index + 1, down: 1 - Number(y) / height });
  }
  return places;
}

/** A PDF name: #xx stands for the byte xx. */
function decodeName(name: string): string {
  const bytes = Buffer.from(
    name.replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
  return bytes.toString('utf8');
}
