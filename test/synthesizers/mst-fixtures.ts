import { Table } from '../../src/table/table.js';
import type { Schema } from '../../src/table/schema.js';
import type { Column } from '../../src/table/column.js';
import { Rng } from '../../src/random/rng.js';

/** A small table with dependence: b follows a, x (integer) follows b, c has missing values. */
export function toyTable(n = 3000, seed = 1): { table: Table; schema: Schema } {
  const rng = new Rng(seed);
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  const c = new Int32Array(n);
  const x = new Float64Array(n);
  const f = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = rng.int(3);
    b[i] = rng.float() < 0.8 ? a[i] : rng.int(3);
    c[i] = rng.float() < 0.1 ? -1 : rng.int(2);
    x[i] = b[i] * 10 + rng.int(10);
    f[i] = rng.float() < 0.3 ? 1 : 0;
  }
  const columns: Column[] = [
    { kind: 'categorical', name: 'a', codes: a, categories: ['p', 'q', 'r'] },
    { kind: 'categorical', name: 'b', codes: b, categories: ['p', 'q', 'r'] },
    { kind: 'categorical', name: 'c', codes: c, categories: ['u', 'v'] },
    { kind: 'numeric', name: 'x', values: x, integer: true },
    { kind: 'boolean', name: 'f', values: f },
  ];
  const schema: Schema = {
    version: 1,
    columns: [
      { name: 'a', kind: 'categorical', domain: { categories: ['p', 'q', 'r'], source: 'public' } },
      { name: 'b', kind: 'categorical', domain: { categories: ['p', 'q', 'r'], source: 'public' } },
      {
        name: 'c',
        kind: 'categorical',
        nullable: true,
        domain: { categories: ['u', 'v'], source: 'public' },
      },
      {
        name: 'x',
        kind: 'numeric',
        integer: true,
        domain: { min: 0, max: 29, bins: [0, 10, 20, 29], source: 'public' },
      },
      { name: 'f', kind: 'boolean' },
    ],
  };
  return { table: new Table(columns, n), schema };
}
