import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { duckRows, sqlRows, type SqlNode, type TypeClass } from '../../src/io/count-sql.js';
import { withDuck, sqlString } from '../../src/io/duck.js';
import { readTable } from '../../src/io/read.js';
import { SecureRng } from '../../src/random/secure.js';
import { mst } from '../../src/synthesizers/mst/index.js';
import { countsInMemory, encodingOf } from '../../src/synthesizers/marginal/index.js';
import type { CountableRows } from '../../src/synthesizers/marginal/rows.js';
import { modelledSpecs } from '../../src/synthesizers/common.js';
import { firstDifference } from './pg-helpers.js';
import { parseMetadata, schemaFromMetadata, schemaToMetadata } from '../../src/table/metadata.js';
import type { Schema } from '../../src/table/schema.js';
import type { Table } from '../../src/table/table.js';
import { fixedSource } from '../random/fixed-bytes.js';

const PENGUINS = 'node_modules/vega-datasets/data/penguins.json';
let dir: string;

/** Every 1-, 2- and 3-way attribute set of d attributes. */
function allSets(d: number): number[][] {
  const out: number[][] = [];
  for (let a = 0; a < d; a++) {
    out.push([a]);
    for (let b = a + 1; b < d; b++) {
      out.push([a, b]);
      for (let c = b + 1; c < d; c++) out.push([a, b, c]);
    }
  }
  return out;
}

/** The counts of every small marginal, in memory and from `rows`. */
async function bothCounts(table: Table, schema: Schema, rows: CountableRows, bins = 8) {
  const enc = encodingOf(modelledSpecs(schema), { bins });
  const sets = allSets(enc.sizes.length);
  const mem = await countsInMemory(table, enc).counts(sets);
  try {
    const src = await rows.open(enc);
    return { mem, sql: await src.counts(sets), sets };
  } finally {
    await rows.close();
  }
}

async function rejection(p: Promise<unknown>): Promise<LookalikeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LookalikeError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lookalike-count-'));
  await withDuck(async (con) => {
    await con.run(
      `COPY (SELECT * FROM read_json(${sqlString(PENGUINS)})) TO ${sqlString(join(dir, 'penguins.parquet'))} (FORMAT parquet)`,
    );
    // edge cases: values on bin edges and outside the bounds, NaN and NULL, a value list with ties, booleans,
    // timestamps, categories with quotes and non-ASCII letters; split over two files (a glob)
    for (const part of [0, 1])
      await con.run(
        `COPY (SELECT
           CASE WHEN i % 17 = 0 THEN NULL WHEN i % 19 = 0 THEN 'NaN'::DOUBLE ELSE (i % 23) * 2.5 - 5 END AS x,
           (i % 13) - 2 AS k,
           CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 7) * 0.5 END AS v,
           CASE WHEN i % 5 = 0 THEN NULL ELSE i % 3 = 0 END AS flag,
           TIMESTAMP '2020-01-01' + INTERVAL (i * 7) HOUR AS t,
           CASE i % 4 WHEN 0 THEN 'it''s' WHEN 1 THEN 'Zürich' WHEN 2 THEN 'a"b' ELSE NULL END AS cat
         FROM range(${part * 500}, ${part * 500 + 500}) r(i))
         TO ${sqlString(join(dir, `edge-${part}.parquet`))} (FORMAT parquet)`,
      );
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const edgeMeta = parseMetadata({
  version: 1,
  columns: [
    { name: 'x', kind: 'numeric', integer: false, decimals: 1, nullable: true, domain: { min: -5, max: 40 } },
    { name: 'k', kind: 'numeric', integer: true, nullable: false, domain: { min: 0, max: 8 } },
    {
      name: 'v',
      kind: 'numeric',
      integer: false,
      decimals: 1,
      nullable: true,
      domain: { min: 0, max: 3, values: [0, 1, 2, 3] },
    },
    { name: 'flag', kind: 'boolean', nullable: true },
    {
      name: 't',
      kind: 'datetime',
      format: 'YYYY-MM-DD HH:mm:ss',
      nullable: false,
      domain: { min: '2020-01-01 00:00:00', max: '2020-05-01 00:00:00' },
    },
    {
      name: 'cat',
      kind: 'categorical',
      nullable: true,
      domain: { categories: ["it's", 'Zürich', 'a"b'] },
    },
  ],
});

describe('DuckDB count pushdown (issue 15): the same counts as in memory', () => {
  test('penguins from Parquet: every 1-, 2- and 3-way marginal identical', async () => {
    const file = join(dir, 'penguins.parquet');
    const { table, schema: inferred } = await readTable(file);
    const schema = schemaFromMetadata(parseMetadata(schemaToMetadata(inferred, true)));
    const { mem, sql } = await bothCounts(table, schema, duckRows(file));
    expect(firstDifference(sql, mem)).toBe(null);
    expect(mem[0].reduce((s, x) => s + x, 0)).toBe(344);
  });

  test('edge cases over a glob of two files (bins, clipping, NaN, value lists, booleans, datetimes, quotes)', async () => {
    const glob = join(dir, 'edge-*.parquet');
    const { table } = await readTable(glob.replace('*', '0'));
    const { table: t1 } = await readTable(join(dir, 'edge-1.parquet'));
    const schema = schemaFromMetadata(edgeMeta);
    const whole = table.concat(t1);
    const notes: string[] = [];
    const { mem, sql } = await bothCounts(whole, schema, duckRows(glob, { onNote: (n) => notes.push(n) }));
    expect(firstDifference(sql, mem)).toBe(null);
    // k runs −2..10 against a declared 0..8: clipped in both, and said once as a count
    expect(notes.join('\n')).toMatch(/column "k": \d+ values outside the declared bounds/);
  });

  test('one scan and GROUP BY legs give the same counts; prefetched sets come from the same scan', async () => {
    const glob = join(dir, 'edge-*.parquet');
    const schema = schemaFromMetadata(edgeMeta);
    const enc = encodingOf(modelledSpecs(schema), { bins: 8 });
    const sets = allSets(enc.sizes.length);
    const byMethod = async (method: 'scan' | 'group-by') => {
      const rows = duckRows(glob, { method });
      try {
        const src = await rows.open(enc);
        src.prefetch?.(sets.slice(1));
        return [...(await src.counts(sets.slice(0, 1))), ...(await src.counts(sets.slice(1)))];
      } finally {
        await rows.close();
      }
    };
    const scan = await byMethod('scan');
    expect(firstDifference(await byMethod('group-by'), scan)).toBe(null);
    expect(scan[0].reduce((a, b) => a + b, 0)).toBe(1000);
  });

  test('a scan that returns fewer rows than the check counted is refused, not counted', async () => {
    const enc = encodingOf(modelledSpecs(schemaFromMetadata(edgeMeta)), { bins: 8 });
    // an engine whose stream ends early (as DuckDB's does on an error raised mid-scan)
    const node: SqlNode = {
      dialect: 'duckdb',
      label: 'short',
      columns: () => {
        const kinds = { numeric: 'number', boolean: 'boolean', datetime: 'datetime', categorical: 'text' };
        return Promise.resolve(
          edgeMeta.columns.map((c) => ({
            name: c.name,
            type: String(c.kind),
            kind: kinds[c.kind as keyof typeof kinds] as TypeClass,
          })),
        );
      },
      numbers: (_sql, ncols) =>
        Promise.resolve(Array.from({ length: ncols }, (_, j) => Float64Array.of(j === 0 ? 10 : 0))),
      scan: (_sql, ncols, onChunk) => {
        onChunk(
          Array.from({ length: ncols }, () => new Int32Array(9)),
          9,
        );
        return Promise.resolve(9);
      },
      close: () => Promise.resolve(),
    };
    const src = await sqlRows('the short table', () => Promise.resolve([node]), 't').open(enc);
    await expect(src.counts([[0]])).rejects.toThrow(/the scan returned 9 rows where the check counted 10/);
  });

  test('the MST model from DuckDB equals the model from the table (same noise)', async () => {
    const file = join(dir, 'penguins.parquet');
    const { table, schema: inferred } = await readTable(file);
    const schema = schemaFromMetadata(parseMetadata(schemaToMetadata(inferred, true)));
    // equal-width bins in memory too: adaptive DP bins (the in-memory default) need the values, counts cannot
    const opts = () => ({
      epsilon: 1,
      options: { iters: 100, adaptiveBins: 0 },
      secureRng: new SecureRng(fixedSource(7)),
    });
    const a = (await mst.fit(table, schema, opts())).toJSON();
    const rows = duckRows(file);
    const b = (await mst.fitCounts!(rows, schema, opts())).toJSON();
    await rows.close();
    expect({ ...b, createdAt: '' }).toEqual({ ...a, createdAt: '' });
  });

  test('bad input: missing column, undeclared category and missing values as counts, no file', async () => {
    const glob = join(dir, 'edge-*.parquet');
    const meta = parseMetadata({
      version: 1,
      columns: [
        { name: 'nope', kind: 'categorical', nullable: false, domain: { categories: ['a'] } },
        { name: 'cat', kind: 'categorical', nullable: false, domain: { categories: ['Zürich'] } },
        { name: 't', kind: 'numeric', integer: true, nullable: false, domain: { min: 0, max: 1 } },
      ],
    });
    const schema = schemaFromMetadata(meta);
    const rows = duckRows(glob);
    const e1 = await rejection(mst.fitCounts!(rows, schema, { epsilon: 1 }));
    await rows.close();
    expect(e1.problems).toEqual([
      expect.stringMatching(/has no column "nope"/),
      expect.stringMatching(/column "t" has SQL type TIMESTAMP, which cannot be counted as numeric/),
    ]);
    const only = schemaFromMetadata(parseMetadata({ version: 1, columns: [meta.columns[1]] }));
    const rows2 = duckRows(glob);
    const e2 = await rejection(mst.fitCounts!(rows2, only, { epsilon: 1 }));
    await rows2.close();
    // 1000 rows: 250 missing, 500 outside the list ("it's", 'a"b') — counts only, no value echoed
    expect(e2.problems).toEqual([
      'column "cat" has 250 missing values but is not declared nullable; declare "nullable": true in the metadata, or fill or drop those rows',
      'column "cat" has 500 values outside its declared categories; add them to the metadata\'s category list',
    ]);
    expect(e2.message).not.toMatch(/it's|a"b/);
    const e3 = await rejection(mst.fitCounts!(duckRows(join(dir, 'none-*.parquet')), only, { epsilon: 1 }));
    expect(e3.message).toMatch(/no file matches/);
  });
});
