/**
 * The JSON reader's plain path (src/io/json-records.ts: small files of flat records read without DuckDB) gives the
 * same raw columns as DuckDB's reader, on generated files (fast-check, fixed seed) full of values DuckDB treats
 * specially — date-, time- and UUID-like strings, numbers in strings, big and fractional numbers, nulls, missing
 * and reordered keys — and on every JSON table vega-datasets ships.
 */
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRawColumns } from '../../src/io/read.js';
import { readTuning } from '../../src/io/duck.js';
import { plainJsonRecords } from '../../src/io/json-records.js';
import type { RawColumn } from '../../src/table/raw.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lookalike-json-plain-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Both readers on one file: the error message when they fail (they must fail alike), else the raw columns. */
async function both(path: string): Promise<{ plain: RawColumn[] | string; duck: RawColumn[] | string }> {
  const run = async () => readRawColumns(path).catch((e: Error) => e.message);
  const plain = await run();
  const saved = readTuning.plainJsonMaxBytes;
  readTuning.plainJsonMaxBytes = 0;
  try {
    return { plain, duck: await run() };
  } finally {
    readTuning.plainJsonMaxBytes = saved;
  }
}

const special = fc.constantFrom(
  '2024-01-31',
  '2024-01-31 12:00:00',
  '2024-01-31T12:00:00Z',
  '12:30:00',
  '1 day',
  '00000000-0000-0000-0000-000000000000',
  '123',
  '-1.5e3',
  'true',
  'null',
  'NaN',
  ' padded ',
  'é\u00e9\u0065\u0301',
  '"quoted"',
  'back\\slash',
  'a:b',
  '',
);
const value = fc.oneof(
  fc.constant(null),
  special,
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.constantFrom(2 ** 53 - 1, 2 ** 53 + 2, 0.1, 1e-300, 5e-324, 1.5),
);
/** One column's values: usually of one JSON type (so the plain path applies), sometimes mixed. */
const columnValues = (n: number) =>
  fc.oneof(
    fc.array(fc.oneof(fc.constant(null), special, fc.string({ maxLength: 6 })), {
      minLength: n,
      maxLength: n,
    }),
    fc.array(fc.oneof(fc.constant(null), fc.boolean()), { minLength: n, maxLength: n }),
    fc.array(fc.oneof(fc.constant(null), fc.integer({ min: -1e9, max: 1e9 })), {
      minLength: n,
      maxLength: n,
    }),
    fc.array(
      fc.oneof(
        fc.constant(null),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }),
        fc.integer(),
      ),
      { minLength: n, maxLength: n },
    ),
    fc.array(fc.constant(null), { minLength: n, maxLength: n }),
    fc.array(value, { minLength: n, maxLength: n }),
  );

const file = fc
  .record({
    n: fc.integer({ min: 1, max: 12 }),
    names: fc.uniqueArray(
      fc.oneof(
        fc.constantFrom('a', 'B', 'Sex', 'date', 'x y', 'é', '__proto__', 'k:1', '1', 'A'),
        fc.string(),
      ),
      { minLength: 1, maxLength: 4, selector: (s) => s.toLowerCase() },
    ),
    jsonl: fc.boolean(),
    drop: fc.boolean(),
    pretty: fc.boolean(),
  })
  .chain((f) => fc.tuple(fc.constant(f), fc.tuple(...f.names.map(() => columnValues(f.n)))));

describe('plain JSON records read without DuckDB', () => {
  it('give the same raw columns (or the same error) as DuckDB, on generated files', async () => {
    let plainUsed = 0;
    let k = 0;
    await fc.assert(
      fc.asyncProperty(file, async ([f, cols]) => {
        const records = Array.from({ length: f.n }, (_, i) => {
          const r: Record<string, unknown> = {};
          f.names.forEach((name, j) => {
            if (f.drop && i === 1 && j === 0) return; // a record missing a key: not plain, DuckDB reads it
            r[name] = cols[j][i];
          });
          return r;
        });
        const text = f.jsonl
          ? records.map((r) => JSON.stringify(r)).join('\n') + '\n'
          : JSON.stringify(records, null, f.pretty ? 2 : undefined);
        const path = join(dir, `t${k++}.${f.jsonl ? 'jsonl' : 'json'}`);
        writeFileSync(path, text);
        if (plainJsonRecords(text, f.jsonl ? 'jsonl' : 'json')) plainUsed++;
        const { plain, duck } = await both(path);
        expect(plain).toEqual(duck);
      }),
      { seed: 17, numRuns: 150 },
    );
    // the property is about the plain path: most generated files must take it
    expect(plainUsed).toBeGreaterThan(25); // 35 of the 150 with this seed
  }, 240_000);

  it('give the same raw columns as DuckDB on every JSON table of vega-datasets (up to 4 MB)', async () => {
    const data = 'node_modules/vega-datasets/data';
    let plainUsed = 0;
    for (const name of readdirSync(data).filter((f) => /\.json$/.test(f))) {
      const path = join(data, name);
      if (statSync(path).size > readTuning.plainJsonMaxBytes) continue;
      const { plain, duck } = await both(path);
      expect(plain, name).toEqual(duck);
      if (typeof plain !== 'string') plainUsed++;
    }
    expect(plainUsed).toBeGreaterThan(5);
  }, 240_000);

  it('leave to DuckDB what is not plain: repeated keys, nesting, mixed types, a byte-order mark', () => {
    expect(plainJsonRecords('[{"a":1,"b":2}]', 'json')).toBeDefined();
    expect(plainJsonRecords('[{"a":1,"a":2}]', 'json')).toBeUndefined();
    expect(plainJsonRecords('[{"a":{"b":1}}]', 'json')).toBeUndefined();
    expect(plainJsonRecords('[{"a":1},{"a":"x"}]', 'json')).toBeUndefined();
    expect(plainJsonRecords('\ufeff[{"a":1}]', 'json')).toBeUndefined();
    expect(plainJsonRecords('[{"a":1},{"b":1}]', 'json')).toBeUndefined();
    expect(plainJsonRecords('[{"b":1,"a":2},{"a":1,"b":2}]', 'json')).toBeUndefined();
    expect(plainJsonRecords('[{"2":1,"1":2}]', 'json')).toBeUndefined();
    expect(plainJsonRecords('[{"a":9007199254740993}]', 'json')).toBeUndefined();
    expect(plainJsonRecords('[]', 'json')).toBeUndefined();
    expect(plainJsonRecords('{"a":1}\n\n{"a":2}\n', 'jsonl')).toBeUndefined();
    expect(plainJsonRecords('{"a":1}\n{"a":2}\n', 'jsonl')).toBeDefined();
  });
});
