// The byte scan that runs beside DuckDB's read (src/load/sources.ts): four bytes at a time, chunk by
// chunk. Whatever the bytes, the chunks and their alignment, it finds what a plain loop over the whole
// file finds: a control character, a space beside a delimiter or line end, the byte C3, and C3 83.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanBytes, type ByteHints } from '../src/load/sources.js';

const lineEnd = new Set([0x09, 0x0a, 0x0d, 0x3b, 0x2c, 0x7c]);
const control = (b: number) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f;

/** One loop over the whole file, each byte with its real neighbours; the file's ends count as line ends. */
function reference(bytes: Uint8Array): ByteHints {
  const hints = { control: false, padded: false, utf8Mojibake: false, leadC3: false };
  bytes.forEach((b, i) => {
    if (control(b)) hints.control = true;
    if (b === 0x20 && (lineEnd.has(bytes[i - 1] ?? 0x0a) || lineEnd.has(bytes[i + 1] ?? 0x0a))) hints.padded = true;
    if (b === 0xc3) hints.leadC3 = true;
    if (b === 0xc3 && bytes[i + 1] === 0x83) hints.utf8Mojibake = true;
  });
  return hints;
}

/** The scan as sources.ts runs it, over chunks cut at `cuts` and lying at `offset` bytes into their memory. */
function chunked(bytes: Uint8Array, cuts: number[], offset: number): ByteHints {
  const hints = { control: false, padded: false, utf8Mojibake: false, leadC3: false };
  const points = [...new Set([0, ...cuts.map((c) => c % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
  let last = 0x0a;
  for (let k = 0; k + 1 < points.length; k++) {
    const part = bytes.subarray(points[k], points[k + 1]);
    const memory = Buffer.alloc(part.length + offset);
    memory.set(part, offset);
    last = scanBytes(memory.subarray(offset), last, hints);
  }
  if (last === 0x20) hints.padded = true;
  return hints;
}

// Mostly the bytes that matter, and plain text in between.
const byte = fc.oneof(
  fc.constantFrom(0x00, 0x08, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x20, 0x21, 0x2c, 0x3b, 0x7c, 0x7e, 0x7f, 0x80, 0x83, 0xc3),
  fc.integer({ min: 0x41, max: 0x5a }),
  fc.integer({ min: 0, max: 255 }),
);

describe('scanBytes', () => {
  it('finds what a plain loop finds, however the file is cut into chunks and aligned', () => {
    fc.assert(
      fc.property(
        fc.array(byte, { maxLength: 64 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.integer({ min: 0, max: 3 }),
        (values, cuts, offset) => {
          const bytes = Uint8Array.from(values);
          expect(chunked(bytes, cuts, offset)).toEqual(reference(bytes));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds a pair split between two chunks', () => {
    const file = (pair: number[]) => Buffer.from([...Buffer.from('2024;Lehrte;'), ...pair, ...Buffer.from('mit\n')]);
    const cut = Buffer.from('2024;Lehrte;').length + 1;
    expect(chunked(file([0xc3, 0x83]), [cut], 0).utf8Mojibake).toBe(true);
    expect(chunked(file([0x20, 0x3b]), [cut], 0).padded).toBe(true);
    expect(chunked(file([0x41, 0x20]), [cut], 0).padded).toBe(false);
    // A space that ends the file ends its last cell.
    expect(chunked(Buffer.from('2024;Lehrte '), [], 0).padded).toBe(true);
  });

  it('finds each thing alone in a long plain file, at every place in a word', () => {
    const plain = Buffer.from('2024;Lehrte;mit;1234\n'.repeat(20));
    for (const [bytes, hint] of [
      [[0x1b], 'control'],
      [[0x20, 0x3b], 'padded'],
      [[0xc3, 0x83], 'utf8Mojibake'],
      [[0xc3, 0xa4], 'leadC3'],
    ] as const)
      for (let at = 100; at < 104; at++) {
        const file = Buffer.concat([plain.subarray(0, at), Buffer.from(bytes), plain.subarray(at)]);
        const found = chunked(file, [], 0);
        expect(found[hint], `${hint} at ${at}`).toBe(true);
        expect(chunked(plain, [], 0)[hint]).toBe(false);
      }
  });
});
