import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromRecords } from '../../src/table/infer.js';
import type { Row, Table } from '../../src/table/table.js';

/** A table from records (schema inferred). */
export function tab(records: Row[]): Table {
  return tableFromRecords(records).table;
}

/** A fresh temporary folder holding the given files (name → CSV text). */
export function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lookalike-rel-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** CSV text of rows given as arrays (first row = header). */
export function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

/**
 * A small shop database: customers → orders → items (composite key order_id + line), items → products
 * (items has two parents), customers → visits (a sequence per customer).
 */
export function shop(): Record<string, string> {
  const customers: (string | number)[][] = [['customer_id', 'segment', 'age']];
  const orders: (string | number)[][] = [['order_id', 'customer_id', 'channel', 'amount']];
  const items: (string | number)[][] = [['order_id', 'line', 'product_id', 'qty']];
  const products: (string | number)[][] = [['product_id', 'category', 'price']];
  for (let p = 1; p <= 12; p++)
    products.push([p * 10, p % 3 === 0 ? 'toys' : p % 3 === 1 ? 'books' : 'food', 5 + p]);
  let o = 100;
  for (let c = 1; c <= 40; c++) {
    customers.push([c, c % 4 === 0 ? 'pro' : 'home', 20 + ((c * 7) % 50)]);
    for (let k = 0; k < c % 4; k++) {
      o++;
      orders.push([o, c, k % 2 ? 'web' : 'shop', 10 + ((o * 13) % 90)]);
      for (let line = 1; line <= 1 + (o % 3); line++)
        items.push([o, line, ((o + line) % 12) * 10 + 10, 1 + ((o + line) % 4)]);
    }
  }
  return {
    'customers.csv': csv(customers),
    'orders.csv': csv(orders),
    'items.csv': csv(items),
    'products.csv': csv(products),
  };
}
