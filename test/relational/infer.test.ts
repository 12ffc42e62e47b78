import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDatabase, writeDatabase } from '../../src/io/relational.js';
import { inferRelationalMetadata } from '../../src/relational/infer.js';
import { checkRelational } from '../../src/relational/metadata.js';
import { csv, folderWith, shop } from './helpers.js';

describe('key inference on hand-made folders', () => {
  it('finds single and composite primary keys and a table with two parents', async () => {
    const db = await readDatabase(folderWith({ ...shop(), 'README.md': '# notes\n', 'keys.json': '{}' }));
    expect(Object.keys(db.tables)).toEqual(['customers', 'items', 'orders', 'products']);
    const { metadata, notes } = inferRelationalMetadata(db.tables);
    expect(Object.fromEntries(metadata.tables.map((t) => [t.name, t.primaryKey]))).toEqual({
      customers: ['customer_id'],
      items: ['order_id', 'line'],
      orders: ['order_id'],
      products: ['product_id'],
    });
    expect(
      metadata.foreignKeys.map(
        (f) => `${f.child}.${f.columns.join('+')} → ${f.parent}.${f.parentColumns.join('+')}`,
      ),
    ).toEqual([
      'items.order_id → orders.order_id',
      'items.product_id → products.product_id',
      'orders.customer_id → customers.customer_id',
    ]);
    expect(metadata.tables.every((t) => !t.sequence)).toBe(true);
    expect(notes).toEqual([]);
    expect(checkRelational(metadata, db.tables).problems).toEqual([]);
  });

  it('does not take a column for a key because its values happen to be a subset', async () => {
    // `qty` (1–4) ⊆ customers' keys (1–40) and `amount` ⊆ … but neither is named after a key
    const db = await readDatabase(folderWith(shop()));
    const { metadata } = inferRelationalMetadata(db.tables);
    expect(metadata.foreignKeys.some((f) => ['qty', 'amount', 'line', 'age'].includes(f.columns[0]))).toBe(
      false,
    );
  });

  it('proposes a sequence for a standalone table keyed by (entity, time), with its constant columns as context', async () => {
    const rows: (string | number)[][] = [['pid', 'day', 'sex', 'lab', 'drug']];
    for (let p = 1; p <= 6; p++)
      for (let k = 0; k < p; k++) rows.push([p, k * 30, p % 2 ? 'f' : 'm', (p * k) % 7, p % 3 ? 'a' : 'b']);
    const db = await readDatabase(folderWith({ 'visits.csv': csv(rows) }));
    const { metadata } = inferRelationalMetadata(db.tables);
    expect(metadata.tables[0]).toEqual({
      name: 'visits',
      primaryKey: ['pid', 'day'],
      sequence: { entity: ['pid'], order: 'day', context: ['sex', 'drug'] },
    });
  });

  it('writes a folder in the same format and a DuckDB database, and reads them back', async () => {
    const src = await readDatabase(folderWith(shop()));
    for (const format of ['csv', 'parquet', 'duckdb'] as const) {
      const dir = folderWith({});
      const out = format === 'duckdb' ? join(dir, 'shop.duckdb') : join(dir, 'out');
      await writeDatabase(out, src.tables, format);
      const back = await readDatabase(out);
      expect(back.format).toBe(format);
      expect(Object.keys(back.tables).sort()).toEqual(Object.keys(src.tables).sort());
      for (const name of Object.keys(src.tables))
        expect(back.tables[name].toRecords()).toEqual(src.tables[name].toRecords());
    }
  });

  it('names every table that cannot be read', async () => {
    const dir = folderWith({ 'a.csv': 'x,y\n1,2\n', 'b.csv': 'x\n', 'c.csv': 'q\n1\n2\n' });
    await expect(readDatabase(dir)).rejects.toThrow(
      /a\.csv has only 1 data row[\s\S]*b\.csv: it has a header but no data rows/,
    );
    await expect(readDatabase(folderWith({ 'notes.md': 'x' }))).rejects.toThrow(/holds no table files/);
  });
});

const ROOT = join(import.meta.dirname, '..', '..', '..', 'shared', 'datasets');
const present = existsSync(ROOT);
if (!present) console.warn(`test/relational/infer: real datasets skipped, ${ROOT} not found`);

describe.skipIf(!present)('key inference on the shared relational datasets', () => {
  for (const name of ['berka', 'movielens_small', 'f1']) {
    it(`${name}: recovers the keys of keys.json`, async () => {
      const dir = join(ROOT, 'relational', name);
      const keys = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')) as {
        pk: Record<string, string[]>;
        fk: [string, string[], string, string[]][];
      };
      const db = await readDatabase(dir, { lenient: true });
      const { metadata } = inferRelationalMetadata(db.tables);
      expect(Object.fromEntries(metadata.tables.map((t) => [t.name, t.primaryKey]))).toEqual(keys.pk);
      const got = metadata.foreignKeys
        .map((f) => `${f.child}.${f.columns}->${f.parent}.${f.parentColumns}`)
        .sort();
      expect(got).toEqual(keys.fk.map(([c, cc, p, pc]) => `${c}.${cc}->${p}.${pc}`).sort());
    });
  }
});
