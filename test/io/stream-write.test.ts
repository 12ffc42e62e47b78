import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookalikeError } from '../../src/errors.js';
import { readTable } from '../../src/io/read.js';
import { writeTable } from '../../src/io/write.js';
import { writeTableChunks } from '../../src/io/stream-write.js';
import { sampleInChunks, chunkSeed } from '../../src/synthesizers/chunks.js';
import { mst } from '../../src/synthesizers/mst/index.js';
import type { Column } from '../../src/table/column.js';
import { Table } from '../../src/table/table.js';
import { toyTable } from '../synthesizers/mst-fixtures.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lookalike-stream-write-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Every kind, missing values, awkward text. */
function table(): Table {
  const n = 7;
  const cols: Column[] = [
    {
      kind: 'numeric',
      name: 'age',
      values: new Float64Array([31, NaN, 45, 8, -7, 0, 2 ** 40]),
      integer: true,
    },
    {
      kind: 'numeric',
      name: 'score',
      values: new Float64Array([0.5, -1.25, NaN, 3, 1e-7, 2, 9]),
      integer: false,
    },
    {
      kind: 'categorical',
      name: 'city',
      codes: new Int32Array([0, 1, -1, 2, 0, 2, 1]),
      categories: ['Paris', 'New York, NY', 'say "hi"'],
    },
    { kind: 'boolean', name: 'member', values: new Int8Array([1, 0, -1, 1, 0, 1, 1]) },
    {
      kind: 'datetime',
      name: 'joined',
      values: new Float64Array([0, NaN, 86_400_000, 2 * 86_400_000, 0, 0, 0]),
      format: 'YYYY-MM-DD',
    },
    { kind: 'text', name: 'note', values: ['line1\nline2', null, ' padded ', 'plain', 'tab\there', '', 'x'] },
  ];
  return new Table(cols, n);
}

/** `t` cut into pieces of `size` rows. */
function* pieces(t: Table, size: number): Generator<Table> {
  for (let s = 0; s < t.nRows; s += size) yield t.slice(s, Math.min(t.nRows, s + size));
}

describe('writeTableChunks: a table written chunk by chunk', () => {
  it.each(['csv', 'tsv', 'jsonl', 'json'])(
    '%s: the same bytes as writeTable of the whole table',
    async (ext) => {
      const whole = join(dir, `whole.${ext}`);
      const chunked = join(dir, `chunked.${ext}`);
      await writeTable(table(), whole);
      for (const size of [1, 3, 7]) {
        expect(await writeTableChunks(pieces(table(), size), chunked)).toBe(7);
        expect(readFileSync(chunked, 'utf8')).toBe(readFileSync(whole, 'utf8'));
      }
    },
  );

  it('parquet: the same values and column types as writeTable, read back', async () => {
    const whole = join(dir, 'whole.parquet');
    const chunked = join(dir, 'chunked.parquet');
    await writeTable(table(), whole);
    await writeTableChunks(pieces(table(), 3), chunked);
    const a = await readTable(whole);
    const b = await readTable(chunked);
    expect(b.table.toRecords()).toEqual(a.table.toRecords());
    expect(b.schema.columns.map((c) => [c.name, c.kind, c.integer])).toEqual(
      a.schema.columns.map((c) => [c.name, c.kind, c.integer]),
    );
  });

  it('leaves no half-written file when a chunk fails, and an existing target untouched', async () => {
    for (const ext of ['csv', 'parquet']) {
      const target = join(dir, `kept.${ext}`);
      writeFileSync(target, 'old contents');
      const failing = function* (): Generator<Table> {
        yield table();
        yield table();
        throw new LookalikeError('the model could not draw this chunk');
      };
      await expect(writeTableChunks(failing(), target)).rejects.toThrow(/could not draw this chunk/);
      expect(readFileSync(target, 'utf8')).toBe('old contents');
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const fresh = join(dir, `fresh.${ext}`);
      await expect(writeTableChunks(failing(), fresh)).rejects.toThrow(/could not draw/);
      expect(existsSync(fresh)).toBe(false);
    }
  });

  it('refuses a later chunk that would change a column type, leaving nothing', async () => {
    const t = table();
    const other = t.withColumn({
      kind: 'numeric',
      name: 'age',
      values: new Float64Array(7).fill(0.5),
      integer: true,
    });
    const out = join(dir, 'changed.parquet');
    await expect(writeTableChunks([t, other], out)).rejects.toThrow(/not a whole number within 2\^53/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('sampleInChunks', () => {
  it('equals the unchunked sample up to one chunk, and is a deterministic sequence of seeded chunks beyond', async () => {
    const { table: t, schema } = toyTable(2000);
    const model = await mst.fit(t, schema, { epsilon: 2, delta: 1e-6, options: { iters: 100 } });
    const one = [...sampleInChunks(model, 500, { seed: 3, chunkRows: 500 })];
    expect(one).toHaveLength(1);
    expect(one[0].toRecords()).toEqual(model.sample(500, { seed: 3 }).toRecords());
    const done: number[] = [];
    const many = [
      ...sampleInChunks(model, 1100, { seed: 3, chunkRows: 500, onProgress: (e) => done.push(e.done!) }),
    ];
    expect(many.map((c) => c.nRows)).toEqual([500, 500, 100]);
    expect(done).toEqual([500, 1000, 1100]);
    many.forEach((c, k) =>
      expect(c.toRecords()).toEqual(model.sample(c.nRows, { seed: chunkSeed(3, k) }).toRecords()),
    );
    expect(new Set([0, 1, 2, 3].map((k) => chunkSeed(3, k))).size).toBe(4);
    // written through writeTableChunks: the file holds exactly the chunks, in order
    const out = join(dir, 'sample.parquet');
    expect(await writeTableChunks(sampleInChunks(model, 1100, { seed: 3, chunkRows: 500 }), out)).toBe(1100);
    const back = (await readTable(out)).table.toRecords();
    expect(back).toHaveLength(1100);
    expect(back.slice(500, 1000).map((r) => r.a)).toEqual(many[1].toRecords().map((r) => r.a));
  });
});
