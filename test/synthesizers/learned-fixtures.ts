import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tableFromRecords } from '../../src/table/infer.js';
import { LookalikeError } from '../../src/errors.js';
import type { Table } from '../../src/table/table.js';

/** Shared by the tests of the arf and ddpm synthesizers: penguins, an error catcher, the schema checks. */
export function penguins() {
  const path = fileURLToPath(new URL('../../node_modules/vega-datasets/data/penguins.json', import.meta.url));
  return tableFromRecords(JSON.parse(readFileSync(path, 'utf8')));
}

export function errorOf(f: () => unknown): LookalikeError {
  try {
    f();
  } catch (e) {
    if (e instanceof LookalikeError) return e;
    throw e;
  }
  throw new Error('expected a LookalikeError');
}

/**
 * A synthetic table keeps the real one's columns, kinds and categories; category codes stay in the domain;
 * numeric values stay in the real range, whole numbers for integer columns.
 */
export function expectSchemaKept(real: Table, syn: Table, n: number): void {
  expect(syn.names).toEqual(real.names);
  expect(syn.nRows).toBe(n);
  for (const c of real.columns) {
    const s = syn.column(c.name);
    expect(s.kind).toBe(c.kind);
    if (c.kind === 'categorical' && s.kind === 'categorical') {
      expect(s.categories).toEqual(c.categories);
      for (const k of s.codes) expect(k >= -1 && k < c.categories.length).toBe(true);
    }
    if (c.kind === 'numeric' && s.kind === 'numeric') {
      expect(s.integer).toBe(c.integer);
      const present = c.values.filter((v) => !Number.isNaN(v));
      const lo = Math.min(...present);
      const hi = Math.max(...present);
      for (const v of s.values) {
        if (Number.isNaN(v)) continue;
        expect(v >= lo && v <= hi).toBe(true);
        if (c.integer) expect(Number.isInteger(v)).toBe(true);
      }
    }
  }
}
