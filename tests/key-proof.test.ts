// The fast proof that a key is unique (src/load/checks.ts, provenUnique): a bit per row over the key's
// range. It may only ever say "unique" when no key repeats; whatever it cannot prove goes to the GROUP BY.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/core/database.js';
import { provenUnique } from '../src/load/checks.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase(':memory:');
});
afterAll(() => db.close());

/** A table of the given key columns and rows; returns what the proof says of it. */
async function proof(types: Record<string, string>, rows: (number | string | bigint | null)[][]) {
  const names = Object.keys(types);
  await db.run('DROP TABLE IF EXISTS t');
  await db.run(`CREATE TABLE t (${names.map((n) => `${n} ${types[n]}`).join(', ')})`);
  if (rows.length)
    await db.run(
      `INSERT INTO t VALUES ${rows
        .map(
          (r) => `(${r.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v))).join(', ')})`,
        )
        .join(', ')}`,
    );
  const columns = names.map((n) => ({ column_name: n, data_type: types[n]!.toUpperCase() }));
  return provenUnique(db, 't', names, columns);
}

const yearId = { year: 'BIGINT', id: 'BIGINT' };

describe('provenUnique', () => {
  it('proves a key of year and id unique, keys whose sums coincide included', async () => {
    // 2022 + 2 = 2023 + 1: the digits of the key must not be added up.
    expect(
      await proof(yearId, [
        [2022, 1],
        [2022, 2],
        [2023, 1],
        [2023, 2],
      ]),
    ).toBe(true);
  });

  it('never calls a key unique that repeats', async () => {
    expect(
      await proof(yearId, [
        [2022, 1],
        [2023, 1],
        [2022, 1],
      ]),
    ).toBe(false);
    expect(
      await proof({ a: 'INTEGER', b: 'INTEGER', c: 'INTEGER' }, [
        [1, 2, 3],
        [3, 2, 1],
        [1, 2, 3],
      ]),
    ).toBe(false);
  });

  it('takes the full range of small and unsigned types without overflowing', async () => {
    expect(
      await proof({ a: 'TINYINT', b: 'TINYINT' }, [
        [-128, 127],
        [127, -128],
        [0, 0],
      ]),
    ).toBe(true);
    const big = 2n ** 64n - 1n;
    expect(await proof({ u: 'UBIGINT' }, [[big], [big - 1n], [big - 5n]])).toBe(true);
    expect(await proof({ u: 'UBIGINT' }, [[big], [big]])).toBe(false);
  });

  it('leaves to the GROUP BY what it cannot prove: text, empty cells, a wide range, no rows', async () => {
    expect(
      await proof({ year: 'BIGINT', district: 'VARCHAR' }, [
        [2022, 'Arpke'],
        [2022, 'Lehrte'],
      ]),
    ).toBe(false);
    expect(
      await proof(yearId, [
        [2022, 1],
        [2022, null],
      ]),
    ).toBe(false);
    expect(
      await proof(yearId, [
        [2022, 1],
        [2022, 1e12],
      ]),
    ).toBe(false);
    expect(await proof(yearId, [])).toBe(false);
  });
});
