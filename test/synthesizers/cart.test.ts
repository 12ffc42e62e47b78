import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tableFromRecords, inferSchema } from '../../src/table/infer.js';
import { Table } from '../../src/table/table.js';
import { LookalikeError } from '../../src/errors.js';
import { cartSynthesizer } from '../../src/synthesizers/cart/index.js';
import type { ModelFile } from '../../src/synthesizers/types.js';

const penguinsPath = fileURLToPath(
  new URL('../../node_modules/vega-datasets/data/penguins.json', import.meta.url),
);
const { table: penguins, schema } = tableFromRecords(JSON.parse(readFileSync(penguinsPath, 'utf8')));

describe('cart synthesizer on penguins', async () => {
  const model = await cartSynthesizer.fit(penguins, schema, { seed: 1 });
  const syn = model.sample(500, { seed: 7 });

  it('keeps columns, kinds, domains and integers', () => {
    expect(syn.names).toEqual(penguins.names);
    expect(syn.nRows).toBe(500);
    for (const c of penguins.columns) {
      const s = syn.column(c.name);
      expect(s.kind).toBe(c.kind);
      if (c.kind === 'categorical' && s.kind === 'categorical') {
        expect(s.categories).toEqual(c.categories);
        for (const k of s.codes) expect(k >= -1 && k < c.categories.length).toBe(true);
      }
      if (c.kind === 'numeric' && s.kind === 'numeric') {
        expect(s.integer).toBe(c.integer);
        const observed = new Set(c.values);
        // without smoothing every value is an observed value (or missing)
        for (const v of s.values) expect(Number.isNaN(v) || observed.has(v)).toBe(true);
      }
    }
    // the real table has missing values in Sex; so does the synthetic one, at a similar rate
    const realMissing =
      (penguins.column('Sex') as { codes: Int32Array }).codes.filter((k) => k < 0).length / penguins.nRows;
    const synMissing = (syn.column('Sex') as { codes: Int32Array }).codes.filter((k) => k < 0).length / 500;
    expect(realMissing).toBeGreaterThan(0);
    expect(Math.abs(synMissing - realMissing)).toBeLessThan(0.05);
  });

  it('is reproducible from the seed', () => {
    expect(model.sample(50, { seed: 7 }).toRecords()).toEqual(syn.slice(0, 50).toRecords());
    expect(model.sample(50, { seed: 8 }).toRecords()).not.toEqual(syn.slice(0, 50).toRecords());
  });

  it('round-trips through JSON and says it is not DP', () => {
    const file = JSON.parse(JSON.stringify(model.toJSON())) as ModelFile;
    expect(file.synthesizer).toBe('cart');
    expect(file.privacy).toEqual({ type: 'none' });
    expect(cartSynthesizer.privacy).toBe('none');
    const again = cartSynthesizer.load(file);
    expect(again.sample(100, { seed: 3 }).toRecords()).toEqual(model.sample(100, { seed: 3 }).toRecords());
  });

  it('refuses a tampered model file, listing the problems', () => {
    const file = JSON.parse(JSON.stringify(model.toJSON())) as ModelFile & {
      params: { columns: { tree: { feature: number[] } | null; leaves: unknown[] }[] };
    };
    file.params.columns[1].tree!.feature[0] = 5; // column 1 may only split on column 0
    file.params.columns[2].leaves = [];
    try {
      cartSynthesizer.load(file);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LookalikeError);
      expect((e as LookalikeError).problems.length).toBe(2);
    }
  });

  it('keeps integers whole and values in range with density smoothing', async () => {
    const sm = await cartSynthesizer.fit(penguins, schema, { options: { smoothing: 'density' } });
    const s = sm.sample(300, { seed: 2 });
    const mass = s.column('Body Mass (g)') as { values: Float64Array; integer: boolean };
    const real = (penguins.column('Body Mass (g)') as { values: Float64Array }).values.filter(
      (v) => !Number.isNaN(v),
    );
    const lo = Math.min(...real);
    const hi = Math.max(...real);
    expect(mass.integer).toBe(true);
    let changed = 0;
    const observed = new Set(real);
    for (const v of mass.values) {
      if (Number.isNaN(v)) continue;
      expect(Number.isInteger(v) && v >= lo && v <= hi).toBe(true);
      if (!observed.has(v)) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });
});

describe('cart synthesizer: exact behaviour on tiny tables', () => {
  it('keeps a deterministic dependence exactly and follows the given order', async () => {
    // y is a function of x; visiting y first, x must still follow y exactly (the map is one-to-one)
    const records = Array.from({ length: 40 }, (_, i) => ({
      x: i % 2 ? 'a' : 'b',
      y: i % 2 ? 10 : 20,
      z: i,
    }));
    const { table, schema } = tableFromRecords(records);
    for (const order of [undefined, ['y', 'x']]) {
      const m = await cartSynthesizer.fit(table, schema, { options: order ? { order } : {} });
      const s = m.sample(200, { seed: 5 });
      for (const r of s.toRecords()) expect(r.y).toBe(r.x === 'a' ? 10 : 20);
      if (order)
        expect((m.toJSON().params as { columns: { name: string }[] }).columns.map((c) => c.name)).toEqual([
          'y',
          'x',
          'z',
        ]);
    }
  });

  it('gives fresh ids and empty text', async () => {
    const table = new Table([
      { kind: 'id', name: 'id', values: ['17', '23', '42', '99'] },
      { kind: 'text', name: 'note', values: ['a b', 'c d', null, 'e f'] },
      { kind: 'boolean', name: 'flag', values: Int8Array.of(1, 0, 1, -1) },
    ]);
    const m = await cartSynthesizer.fit(table, inferSchema(table));
    const s = m.sample(3, { seed: 1 });
    expect(s.column('id')).toMatchObject({ kind: 'id', values: ['1', '2', '3'] });
    expect(s.column('note')).toMatchObject({ kind: 'text', values: [null, null, null] });
    expect(s.column('flag').kind).toBe('boolean');
  });

  it('rejects unknown options and bad orders, all at once', async () => {
    const { table, schema } = tableFromRecords([{ a: 1 }, { a: 2 }]);
    await expect(
      cartSynthesizer.fit(table, schema, {
        options: { order: ['a', 'nope', 'a'], smoothing: 'spline', depth: 3 },
      }),
    ).rejects.toThrow(/order names "nope"[\s\S]*twice[\s\S]*smoothing/);
  });
});

describe('cart synthesizer: degenerate columns', () => {
  it('fits and reloads a table with an all-missing numeric column', async () => {
    const table = new Table([
      { kind: 'numeric', name: 'gone', values: Float64Array.of(NaN, NaN, NaN), integer: false },
      { kind: 'categorical', name: 'c', codes: Int32Array.of(0, 1, 0), categories: ['u', 'v'] },
    ]);
    const m = await cartSynthesizer.fit(table, inferSchema(table));
    const again = cartSynthesizer.load(JSON.parse(JSON.stringify(m.toJSON())) as ModelFile);
    const s = again.sample(4, { seed: 1 });
    expect(Array.from((s.column('gone') as { values: Float64Array }).values).every(Number.isNaN)).toBe(true);
  });
});

describe('cart synthesizer: many categories', () => {
  it('keeps a 300-category column in its domain as predictor and as target', async () => {
    const categories = Array.from({ length: 300 }, (_, i) => `k${i}`);
    const codes = Int32Array.from({ length: 900 }, (_, i) => i % 300);
    const table = new Table([
      { kind: 'categorical', name: 'a', codes, categories },
      { kind: 'categorical', name: 'b', codes: Int32Array.from(codes, (k) => (k * 7) % 300), categories },
      { kind: 'numeric', name: 'x', values: Float64Array.from(codes, (k) => k % 3), integer: true },
    ]);
    const m = await cartSynthesizer.fit(table, inferSchema(table), { options: { minSamplesLeaf: 1 } });
    const s = m.sample(400, { seed: 4 });
    const a = (s.column('a') as { codes: Int32Array }).codes;
    const b = (s.column('b') as { codes: Int32Array }).codes;
    const x = (s.column('x') as { values: Float64Array }).values;
    for (let i = 0; i < 400; i++) {
      expect(a[i] >= 0 && a[i] < 300).toBe(true);
      // with one row per leaf, b and x follow a exactly
      expect(b[i]).toBe((a[i] * 7) % 300);
      expect(x[i]).toBe(a[i] % 3);
    }
  });
});
