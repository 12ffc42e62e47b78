import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { duckRows, postgresRows } from '../../src/io/count-sql.js';
import { sqlString, withDuck } from '../../src/io/duck.js';
import { readTable } from '../../src/io/read.js';
import { SecureRng } from '../../src/random/secure.js';
import { modelledSpecs } from '../../src/synthesizers/common.js';
import { countsInMemory, encodingOf } from '../../src/synthesizers/marginal/index.js';
import type { CountableRows } from '../../src/synthesizers/marginal/rows.js';
import { mst } from '../../src/synthesizers/mst/index.js';
import { parseMetadata, schemaFromMetadata, schemaToMetadata } from '../../src/table/metadata.js';
import type { Schema } from '../../src/table/schema.js';
import type { Table } from '../../src/table/table.js';
import { firstDifference, loadPgTable, pgServers } from './pg-helpers.js';
import { fixedSource } from '../random/fixed-bytes.js';

const PENGUINS = 'node_modules/vega-datasets/data/penguins.json';
const servers = pgServers();
let dir: string;
let table: Table;
let schema: Schema;

async function rejection(p: Promise<unknown>): Promise<LookalikeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LookalikeError) return e;
    throw e;
  }
  throw new Error('did not throw');
}

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

async function countsOf(rows: CountableRows, sets: number[][], bins: number): Promise<Float64Array[]> {
  try {
    const src = await rows.open(encodingOf(modelledSpecs(schema), { bins }));
    return await src.counts(sets);
  } finally {
    await rows.close();
  }
}

describe.skipIf(!servers)('PostgreSQL count pushdown, single node and 3 shards (issue 15)', () => {
  const { url, shards } = servers ?? { url: '', shards: [] };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lookalike-pg-'));
    const parquet = join(dir, 'penguins.parquet');
    await withDuck((con) =>
      con.run(
        `COPY (SELECT * FROM read_json(${sqlString(PENGUINS)})) TO ${sqlString(parquet)} (FORMAT parquet)`,
      ),
    );
    const r = await readTable(parquet);
    table = r.table;
    schema = schemaFromMetadata(parseMetadata(schemaToMetadata(r.schema, true)));
    await loadPgTable(url, 'penguins', table);
    await Promise.all(shards.map((s, k) => loadPgTable(s, 'penguins', table, (i) => i % 3 === k)));
  }, 60000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('in memory, DuckDB over Parquet, PostgreSQL and its 3 shards: identical noiseless marginals', async () => {
    for (const bins of [8, 32]) {
      const enc = encodingOf(modelledSpecs(schema), { bins });
      const sets = allSets(enc.sizes.length);
      const mem = await countsInMemory(table, enc).counts(sets);
      const duck = await countsOf(duckRows(join(dir, 'penguins.parquet')), sets, bins);
      const one = await countsOf(postgresRows([url], { table: 'penguins' }), sets, bins);
      const three = await countsOf(postgresRows(shards, { table: 'penguins' }), sets, bins);
      expect(firstDifference(duck, mem)).toBe(null);
      expect(firstDifference(one, mem)).toBe(null);
      expect(firstDifference(three, mem)).toBe(null);
      expect(mem[0].reduce((s, x) => s + x, 0)).toBe(344);
    }
  });

  test('the fitted MST model at fixed noise is the same from the table, PostgreSQL and the shards', async () => {
    const opts = () => ({
      epsilon: 1,
      options: { iters: 100, adaptiveBins: 0 },
      secureRng: new SecureRng(fixedSource(3)),
    });
    const strip = (m: { toJSON(): object }) => ({ ...m.toJSON(), createdAt: '' });
    const a = strip(await mst.fit(table, schema, opts()));
    for (const urls of [[url], shards]) {
      const rows = postgresRows(urls, { table: 'penguins' });
      try {
        expect(strip(await mst.fitCounts!(rows, schema, opts()))).toEqual(a);
      } finally {
        await rows.close();
      }
    }
  });

  test('bad input: unreachable server (fast, no retries), wrong password (never printed), missing table and column', async () => {
    const t0 = Date.now();
    const dead = await rejection(
      mst.fitCounts!(
        postgresRows(['postgres://lookalike@127.0.0.1:1/lookalike'], { table: 'penguins' }),
        schema,
        {
          epsilon: 1,
        },
      ),
    );
    expect(dead.message).toMatch(
      /cannot connect to postgres:\/\/lookalike@127\.0\.0\.1:1\/lookalike: connection refused/,
    );
    expect(Date.now() - t0).toBeLessThan(5000);

    const secret = 'hunter2-Secret';
    const withPw = url.replace('lookalike@', `lookalike:${secret}@`);
    const auth = await rejection(
      mst.fitCounts!(postgresRows([withPw], { table: 'penguins' }), schema, { epsilon: 1 }),
    );
    expect(auth.message).toMatch(/authentication failed/);
    expect(auth.message).not.toContain(secret);

    const rows = postgresRows([url], { table: 'no_such_table' });
    const missing = await rejection(mst.fitCounts!(rows, schema, { epsilon: 1 }));
    await rows.close();
    expect(missing.message).toMatch(/the table no_such_table does not exist/);

    const extra = {
      ...schema,
      columns: [
        ...schema.columns,
        {
          name: 'wingspan',
          kind: 'numeric' as const,
          integer: true,
          nullable: false,
          domain: { min: 0, max: 9, source: 'public' as const },
        },
      ],
    };
    const rows2 = postgresRows(shards, { table: 'penguins' });
    const col = await rejection(mst.fitCounts!(rows2, extra, { epsilon: 1 }));
    await rows2.close();
    // every shard lacks it: one problem per shard, each naming the shard without credentials
    expect(col.problems).toHaveLength(3);
    expect(col.problems[0]).toMatch(
      /127\.0\.0\.1:\d+\/lookalike: table penguins .* has no column "wingspan"/,
    );
  });

  test('a declared domain the rows break: counted in SQL on every shard and reported as counts', async () => {
    const strict = {
      ...schema,
      columns: schema.columns.map((c) =>
        c.name === 'Species'
          ? { ...c, domain: { categories: ['Adelie'], source: 'public' as const } }
          : c.name === 'Sex'
            ? { ...c, nullable: false }
            : c,
      ),
    };
    const rows = postgresRows(shards, { table: 'penguins' });
    const e = await rejection(mst.fitCounts!(rows, strict, { epsilon: 1 }));
    await rows.close();
    const n = (name: string) => table.column(name);
    const sex = n('Sex');
    const species = n('Species');
    const missingSex = sex.kind === 'categorical' ? sex.codes.filter((k) => k < 0).length : -1;
    const notAdelie =
      species.kind === 'categorical'
        ? species.codes.filter((k) => species.categories[k] !== 'Adelie').length
        : -1;
    expect(e.problems).toEqual([
      `column "Species" has ${notAdelie} values outside its declared categories; add them to the metadata's category list`,
      `column "Sex" has ${missingSex} missing values but is not declared nullable; declare "nullable": true in the metadata, or fill or drop those rows`,
    ]);
    expect(e.message).not.toMatch(/Gentoo|Chinstrap/);
  });
});
