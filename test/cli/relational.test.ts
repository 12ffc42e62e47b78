import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';
import { csv, folderWith, shop } from '../relational/helpers.js';
import { readDatabase, writeDatabase } from '../../src/io/relational.js';

describe('the CLI on a database (folder or DuckDB file)', () => {
  it('inspect proposes keys, checks them and writes the metadata to review', async () => {
    const dir = folderWith(shop());
    const out = join(tempDir(), 'shop.json');
    const r = await cli('inspect', dir, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/items\s+\S+\s+4\s+order_id \+ line\s+order_id → orders, product_id → products/);
    expect(r.stdout).toMatch(/no problem/);
    const meta = JSON.parse(readFileSync(out, 'utf8')) as { format: string; foreignKeys: unknown[] };
    expect(meta.format).toBe('lookalike-relational');
    expect(meta.foreignKeys).toHaveLength(3);
  });

  it('inspect with a metadata file lists every problem at once, with counts and never a value (exit 1)', async () => {
    const files = shop();
    // two orphan orders (customer 999 does not exist) and a repeated product key
    files['orders.csv'] += '90001,999,web,55\n90002,999,shop,56\n';
    files['products.csv'] += '10,books,7\n';
    const dir = folderWith(files);
    const metaPath = join(tempDir(), 'm.json');
    await cli('inspect', folderWith(shop()), '--out', metaPath);
    const r = await cli('inspect', dir, '--metadata', metaPath);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/2 problem\(s\)/);
    expect(r.stdout).toMatch(/orders\(customer_id\) → customers: 2 of 62 rows point to no row/);
    expect(r.stdout).toMatch(/table "products": 1 of 13 rows repeat the primary key/);
    expect(r.stdout + r.stderr).not.toMatch(/90001|999/);
  });

  it('fit, sample, evaluate and run on a folder; the synthetic database keeps every key', async () => {
    const dir = folderWith(shop());
    const work = tempDir();
    const model = join(work, 'model.json');
    expect((await cli('fit', dir, '--out', model, '--seed', '2')).code).toBe(0);
    const syn = join(work, 'syn');
    const s = await cli('sample', model, '--seed', '3', '--out', syn);
    expect(s.code).toBe(0);
    expect(readdirSync(syn).sort()).toEqual(['customers.csv', 'items.csv', 'orders.csv', 'products.csv']);
    const e = await cli('evaluate', dir, syn, '--json');
    expect(e.code).toBe(0);
    const ev = JSON.parse(e.stdout) as {
      summary: { referentialIntegrity: number; primaryKeyUniqueness: number };
    };
    expect(ev.summary.referentialIntegrity).toBe(1);
    expect(ev.summary.primaryKeyUniqueness).toBe(1);
    // never over data: the real folder as --out is refused, and nothing in it changes
    const before = readFileSync(join(dir, 'orders.csv'), 'utf8');
    const over = await cli('sample', model, '--out', dir);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/already holds the table/);
    expect(readFileSync(join(dir, 'orders.csv'), 'utf8')).toBe(before);
    // --rows is for one table
    expect((await cli('sample', model, '--rows', '5', '--out', join(work, 'x'))).code).toBe(2);
    const out = join(work, 'run');
    const r = await cli('run', dir, '--out-dir', out, '--seed', '1');
    expect(r.code).toBe(0);
    for (const f of ['metadata.json', 'model.json', 'evaluation.json', 'report.html', 'synthetic'])
      expect(existsSync(join(out, f))).toBe(true);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/<svg[^>]*class="schema"/);
    expect(html).toMatch(/data-table="items"/);
    expect(html).toMatch(/NOT differentially private/);
  });

  it('reads a DuckDB database and writes a DuckDB database', async () => {
    const work = tempDir();
    const src = join(work, 'shop.duckdb');
    const db = await readDatabase(folderWith(shop()));
    await writeDatabase(src, db.tables, 'duckdb');
    const model = join(work, 'model.json');
    expect((await cli('fit', src, '--out', model)).code).toBe(0);
    const out = join(work, 'syn.duckdb');
    expect((await cli('sample', model, '--out', out, '--scale', '2')).code).toBe(0);
    const back = await readDatabase(out);
    expect(back.format).toBe('duckdb');
    expect(back.tables.customers.nRows).toBe(2 * db.tables.customers.nRows);
  });

  it('fit --epsilon needs a person in the metadata; with one, the model is DP per person', async () => {
    const dir = folderWith({
      'region.csv': csv([
        ['region_id', 'name'],
        [1, 'north'],
        [2, 'south'],
      ]),
      'customer.csv': csv([
        ['customer_id', 'region_id', 'segment'],
        ...Array.from({ length: 40 }, (_, i) => [i + 1, 1 + (i % 2), i % 3 ? 'home' : 'pro']),
      ]),
      'orders.csv': csv([
        ['order_id', 'customer_id', 'channel'],
        ...Array.from({ length: 70 }, (_, i) => [i + 1, 1 + (i % 40), i % 2 ? 'web' : 'shop']),
      ]),
    });
    const work = tempDir();
    const model = join(work, 'model.json');
    const noPerson = await cli('fit', dir, '--epsilon', '1', '--out', model);
    expect(noPerson.code).toBe(2);
    expect(noPerson.stderr).toMatch(/person/);
    const metaPath = join(work, 'meta.json');
    await cli('inspect', dir, '--out', metaPath, '--public-domains');
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Record<string, unknown>;
    meta.person = { table: 'customer', maxChildren: { orders: 2 }, public: ['region'] };
    writeFileSync(metaPath, JSON.stringify(meta));
    const r = await cli(
      'fit',
      dir,
      '--metadata',
      metaPath,
      '--epsilon',
      '1',
      '--out',
      model,
      '--option',
      'iters=50',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/differentially private per person/);
    const s = await cli('sample', model, '--out', join(work, 'syn'), '--json');
    expect(s.code).toBe(0);
    expect((JSON.parse(s.stdout) as { privacy: { unit: string } }).privacy.unit).toBe('person');
  });
});
